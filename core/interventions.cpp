#include "core/interventions.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/dose.h"
#include "core/errors.h"
#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

namespace {

bool known_route(std::string_view route) {
    return route == "oral" || route == "intravenous" || route == "intramuscular" || route == "topical";
}

std::optional<double> parse_positive(std::string_view cell) {
    double value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec != std::errc() || end != cell.data() + cell.size() || !(value > 0)) return std::nullopt;
    return value;
}

// "2", "0.5" or "1/7".
std::optional<double> parse_per_day(std::string_view cell) {
    const auto slash = cell.find('/');
    if (slash == std::string_view::npos) return parse_positive(cell);
    const auto top = parse_positive(cell.substr(0, slash));
    const auto bottom = parse_positive(cell.substr(slash + 1));
    if (!top || !bottom) return std::nullopt;
    return *top / *bottom;
}

std::vector<std::string> cues_of(const TsvTable& table, const TsvRow& row, const std::string& column, bool required) {
    auto cues = split_terms(row.at(column));
    if (required && cues.empty()) table.fail(row.line, "no " + column);
    for (const auto& cue : cues)
        if (cue.empty()) table.fail(row.line, "empty term in " + column);
    return cues;
}

}  // namespace

InterventionVocabulary InterventionVocabulary::load(const std::filesystem::path& schemas_dir) {
    InterventionVocabulary v;
    const TsvTable forms = load_tsv(schemas_dir / "interventions.tsv",
                                    {"substance", "form", "cues", "route", "elemental_fraction"});
    std::map<std::string, std::size_t> route_index;
    for (const auto& row : forms.rows) {
        SupplementForm f;
        f.substance = row.at("substance");
        f.form = row.at("form");
        f.route = row.at("route");
        if (!is_kebab_id(f.substance)) forms.fail(row.line, "substance '" + f.substance + "' is not a kebab-case id");
        if (!f.form.empty() && !is_kebab_id(f.form)) forms.fail(row.line, "form '" + f.form + "' is not a kebab-case id");
        if (!f.route.empty() && !known_route(f.route))
            forms.fail(row.line, "unknown route '" + f.route + "' (oral, intravenous, intramuscular, topical)");
        if (const std::string& cell = row.at("elemental_fraction"); !cell.empty()) {
            f.elemental_fraction = parse_positive(cell);
            if (!f.elemental_fraction || *f.elemental_fraction > 1)
                forms.fail(row.line, "elemental_fraction '" + cell + "' is not a number in (0, 1]");
        }
        for (const auto& other : v.forms_)
            if (other.substance == f.substance && other.form == f.form && !f.form.empty() &&
                other.elemental_fraction != f.elemental_fraction)
                forms.fail(row.line, "elemental_fraction differs from an earlier " + f.substance + " " + f.form + " row");
        f.cues = cues_of(forms, row, "cues", true);
        const std::size_t index = v.forms_.size();
        for (const auto& cue : f.cues) {
            const auto [it, inserted] = v.name_index_.emplace(normalize_term(cue), index);
            if (!inserted && it->second != index) {
                const SupplementForm& other = v.forms_[it->second];
                forms.fail(row.line, "cue '" + cue + "' already names " + other.substance +
                                         (other.form.empty() ? "" : " " + other.form));
            }
            if (!f.route_only()) v.names_.add(cue, index);
            if (!f.route.empty()) {
                v.routes_.add(cue, v.route_cues_.size());
                v.route_cues_.push_back({f.route, f.substance});
            }
        }
        v.forms_.push_back(std::move(f));
    }

    const TsvTable units = load_tsv(schemas_dir / "units.tsv", {"unit", "substance", "mg", "cues"});
    for (const auto& row : units.rows) {
        DoseUnit u{row.at("unit"), row.at("substance"), 0};
        if (!is_kebab_id(u.unit)) units.fail(row.line, "unit '" + u.unit + "' is not a kebab-case id");
        const bool known_substance = std::any_of(v.forms_.begin(), v.forms_.end(),
                                                 [&](const SupplementForm& f) { return f.substance == u.substance; });
        if (!u.substance.empty() && !known_substance)
            units.fail(row.line, "substance '" + u.substance + "' is not in interventions.tsv");
        const auto mg = parse_positive(row.at("mg"));
        if (!mg) units.fail(row.line, "mg '" + row.at("mg") + "' is not a positive number");
        u.mg = *mg;
        if (v.unit_for(u.unit, u.substance) && v.unit_for(u.unit, u.substance)->substance == u.substance)
            units.fail(row.line, "unit '" + u.unit + "' is repeated for the same substance");
        auto id = std::find(v.unit_ids_.begin(), v.unit_ids_.end(), u.unit);
        if (id == v.unit_ids_.end()) id = v.unit_ids_.insert(v.unit_ids_.end(), u.unit);
        for (const auto& cue : cues_of(units, row, "cues", true))
            v.units_.add(cue, static_cast<std::size_t>(id - v.unit_ids_.begin()));
        v.dose_units_.push_back(std::move(u));
    }

    const TsvTable cues = load_tsv(schemas_dir / "dose-cues.tsv", {"kind", "per_day", "cues"});
    for (const auto& row : cues.rows) {
        const std::string& kind = row.at("kind");
        const auto words = cues_of(cues, row, "cues", true);
        if (kind == "given") {
            for (const auto& w : words) v.given_words_.add(w, 0);
        } else if (kind == "frequency") {
            const auto per_day = parse_per_day(row.at("per_day"));
            if (!per_day) cues.fail(row.line, "per_day '" + row.at("per_day") + "' is not a positive number or fraction");
            for (const auto& w : words) v.frequency_words_.add(w, v.per_day_.size());
            v.per_day_.push_back(*per_day);
        } else {
            cues.fail(row.line, "unknown kind '" + kind + "' (frequency, given)");
        }
    }

    const TsvTable routes = load_tsv(schemas_dir / "routes.tsv", {"route", "cues", "except"});
    for (const auto& row : routes.rows) {
        if (!known_route(row.at("route")))
            routes.fail(row.line, "unknown route '" + row.at("route") + "' (oral, intravenous, intramuscular, topical)");
        for (const auto& cue : cues_of(routes, row, "cues", true)) v.routes_.add(cue, v.route_cues_.size());
        v.route_cues_.push_back({row.at("route"), ""});
        for (const auto& phrase : cues_of(routes, row, "except", false)) v.routes_.add(phrase, v.route_cues_.size());
        v.route_cues_.push_back({"", ""});
    }
    return v;
}

const SupplementForm* InterventionVocabulary::find_name(std::string_view term) const {
    const auto it = name_index_.find(normalize_term(term));
    if (it == name_index_.end() || forms_[it->second].route_only()) return nullptr;
    return &forms_[it->second];
}

const DoseUnit* InterventionVocabulary::unit_for(std::string_view unit, std::string_view substance) const {
    const DoseUnit* any = nullptr;
    for (const auto& u : dose_units_) {
        if (u.unit != unit) continue;
        if (u.substance == substance) return &u;
        if (u.substance.empty()) any = &u;
    }
    return any;
}

namespace {

std::string span_of(std::string_view text, const PhraseHit& hit) {
    return std::string(text.substr(hit.begin, hit.end - hit.begin));
}

// The substance named most often (MeSH and keywords count once each), the first named on a tie.
std::string pick_substance(const std::vector<PhraseHit>& hits, const std::vector<const SupplementForm*>& indexed,
                           const InterventionVocabulary& vocab) {
    std::map<std::string, std::pair<int, std::size_t>> score;  // substance -> (count, first order)
    std::size_t order = 0;
    const auto count = [&](const std::string& substance) {
        auto [it, inserted] = score.emplace(substance, std::make_pair(0, order));
        ++it->second.first;
        ++order;
    };
    for (const auto& hit : hits) count(vocab.forms()[hit.value].substance);
    for (const auto* f : indexed) count(f->substance);
    std::string best;
    std::pair<int, std::size_t> best_score{0, 0};
    for (const auto& [substance, s] : score) {
        if (s.first > best_score.first || (s.first == best_score.first && s.second < best_score.second)) {
            best = substance;
            best_score = s;
        }
    }
    return best;
}

void classify_route(Study& study, std::string_view text, const MatchText& norm, const std::vector<PhraseHit>& names,
                    const InterventionVocabulary& vocab) {
    const std::string& substance = study.intervention.substance;
    std::map<std::string, std::pair<int, std::size_t>> score;
    std::map<std::string, std::string> first_span;
    const SentenceBounds sentences = sentence_bounds(text);
    for (const auto& hit : vocab.routes().find_all(norm)) {
        const RouteCue& cue = vocab.route_cues()[hit.value];
        if (cue.route.empty() || negated_at(text, hit.begin)) continue;
        if (!cue.substance.empty() && cue.substance != substance) continue;
        if (cue.substance.empty()) {
            // Not a structured binding: clang before 16 cannot capture one in a lambda.
            const auto sentence = sentence_at(sentences, hit.begin);
            const bool names_substance = std::any_of(names.begin(), names.end(), [&](const PhraseHit& n) {
                return n.begin >= sentence.first && n.end <= sentence.second &&
                       vocab.forms()[n.value].substance == substance;
            });
            if (!names_substance) continue;
        }
        auto [it, inserted] = score.emplace(cue.route, std::make_pair(0, hit.begin));
        ++it->second.first;
        if (inserted) first_span[cue.route] = span_of(text, hit);
    }
    std::string best;
    std::pair<int, std::size_t> best_score{0, 0};
    for (const auto& [route, s] : score)
        if (s.first > best_score.first || (s.first == best_score.first && s.second < best_score.second)) {
            best = route;
            best_score = s;
        }
    if (best.empty()) return;
    study.intervention.route = best;
    study.reasons.push_back({"intervention", "intervention-route:" + best, first_span[best]});
}

void classify_form(Study& study, std::string_view text, const std::vector<PhraseHit>& names,
                   const std::vector<const SupplementForm*>& indexed, const DailyDose* dose,
                   const InterventionVocabulary& vocab) {
    std::vector<std::string> forms;  // distinct salt forms, in order of first mention
    std::vector<std::string> spans;
    std::string elemental_span;
    const auto note = [&](const SupplementForm& f, std::string span) {
        if (f.substance != study.intervention.substance || f.form.empty()) return;
        if (f.elemental()) {
            if (elemental_span.empty()) elemental_span = std::move(span);
            return;
        }
        if (std::find(forms.begin(), forms.end(), f.form) != forms.end()) return;
        forms.push_back(f.form);
        spans.push_back(std::move(span));
    };
    for (const auto& hit : names) note(vocab.forms()[hit.value], span_of(text, hit));
    for (const auto* f : indexed) note(*f, "MeSH or keyword: " + f->cues.front());

    std::string& form = study.intervention.form;
    if (dose && dose->form && !dose->form->form.empty() && !dose->form->elemental() &&
        dose->form->substance == study.intervention.substance) {
        form = dose->form->form;
        study.reasons.push_back({"intervention", "intervention-form:" + form, dose->span});
    } else if (forms.size() == 1) {
        form = forms.front();
        study.reasons.push_back({"intervention", "intervention-form:" + form, spans.front()});
    } else if (forms.size() > 1) {
        std::string all;
        for (const auto& s : spans) all += (all.empty() ? "" : "; ") + s;
        study.reasons.push_back({"intervention", "intervention-form:several", all});
    } else if (!elemental_span.empty()) {
        form = "elemental";
        study.reasons.push_back({"intervention", "intervention-form:elemental", elemental_span});
    }
    if (study.intervention.span.empty() && !form.empty()) {
        const auto at = std::find(forms.begin(), forms.end(), form);
        study.intervention.span = at == forms.end() ? elemental_span : spans[static_cast<std::size_t>(at - forms.begin())];
    }
}

}  // namespace

void classify_intervention(Study& study, const InterventionVocabulary& vocab) {
    const std::string text = study.title + "\n" + study.abstract_text();
    if (auto duration = find_duration(text)) {
        study.duration = duration->value;
        study.reasons.push_back({"duration", "duration", duration->span});
    }
    // The text normalised once for the name and route matchers, and the names found once for
    // the substance and the dose.
    const MatchText norm = match_text(text);
    const std::vector<PhraseHit> names = vocab.names().find_all(norm);
    std::vector<const SupplementForm*> indexed;  // MeSH descriptors and keywords that name a row
    for (const auto& heading : study.mesh)
        if (const auto* f = vocab.find_name(heading.descriptor)) indexed.push_back(f);
    for (const auto& keyword : study.keywords)
        if (const auto* f = vocab.find_name(keyword)) indexed.push_back(f);
    const std::string substance = pick_substance(names, indexed, vocab);
    if (substance.empty()) return;

    Intervention& iv = study.intervention;
    iv.substance = substance;
    std::string first = "MeSH or keyword";
    for (const auto& hit : names)
        if (vocab.forms()[hit.value].substance == substance) {
            first = span_of(text, hit);
            break;
        }
    study.reasons.push_back({"intervention", "intervention-substance:" + substance, first});

    std::string unconverted;
    const std::optional<DailyDose> dose = find_daily_dose(text, substance, vocab, names, &unconverted);
    if (dose) {
        iv.daily_dose_mg = dose->mg;
        iv.span = dose->span;
        study.reasons.push_back({"intervention", "intervention-dose", dose->span + " [" + dose->working + "]"});
    } else if (!unconverted.empty()) {
        study.reasons.push_back({"intervention", "intervention-dose-not-converted", unconverted});
    }
    classify_form(study, text, names, indexed, dose ? &*dose : nullptr, vocab);
    classify_route(study, text, norm, names, vocab);
}

std::optional<std::string> find_intervention_term(const InterventionVocabulary& vocab, std::string_view name) {
    const std::string wanted = ascii_lower(trim(name));
    if (wanted.empty()) return std::nullopt;
    const auto colon = wanted.find(':');
    for (const auto& row : vocab.forms()) {
        if (row.route_only()) continue;
        if (colon == std::string::npos ? row.form.empty() && row.substance == wanted
                                       : row.substance == wanted.substr(0, colon) && row.form == wanted.substr(colon + 1))
            return wanted;
    }
    if (const SupplementForm* row = vocab.find_name(wanted))
        return row->form.empty() ? row->substance : row->substance + ":" + row->form;
    return std::nullopt;
}

std::string require_intervention(const InterventionVocabulary& vocab, const std::string& name, std::string_view command) {
    if (auto term = find_intervention_term(vocab, name)) return *term;
    throw FatalError(ExitCode::usage, std::string(command) + ": unknown intervention '" + name +
                                          "' (give a substance, SUBSTANCE:FORM or a name that "
                                          "schemas/interventions.tsv lists)");
}

}  // namespace evidex
