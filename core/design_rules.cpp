#include "core/design_rules.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

namespace {

// "design" or "design>=rank" of the refine column.
std::optional<DesignRefinement> parse_refinement(std::string_view text, std::string& error) {
    DesignRefinement refinement;
    std::string_view id = text;
    if (const auto at = text.find(">="); at != std::string_view::npos) {
        id = trim(text.substr(0, at));
        const std::string_view rank = trim(text.substr(at + 2));
        const auto [end, ec] = std::from_chars(rank.data(), rank.data() + rank.size(), refinement.min_rank);
        if (ec != std::errc() || end != rank.data() + rank.size() || rank.empty()) {
            error = "rank '" + std::string(rank) + "' in refine is not an integer";
            return std::nullopt;
        }
    }
    const auto design = parse_design(id);
    if (!design) {
        error = "unknown design '" + std::string(id) + "' in refine";
        return std::nullopt;
    }
    refinement.design = *design;
    return refinement;
}

std::vector<DesignRule> load_type_rules(const std::filesystem::path& file) {
    const TsvTable table = load_tsv(file, {"rule", "match", "value", "design"});
    std::vector<DesignRule> rules;
    for (const auto& row : table.rows) {
        DesignRule rule;
        rule.id = row.at("rule");
        if (rule.id.empty()) table.fail(row.line, "empty rule id");
        const std::string& match = row.at("match");
        if (match == "notice") rule.match = DesignMatch::notice;
        else if (match == "book") rule.match = DesignMatch::book;
        else if (match == "publication_type") rule.match = DesignMatch::publication_type;
        else if (match == "mesh") rule.match = DesignMatch::mesh;
        else if (match == "mesh-without-humans") rule.match = DesignMatch::mesh_without_humans;
        else table.fail(row.line, "unknown match '" + match + "' (notice, book, publication_type, mesh, mesh-without-humans)");
        rule.value = ascii_lower(row.at("value"));
        if (rule.value.empty()) table.fail(row.line, "empty value");
        const auto design = parse_design(row.at("design"));
        if (!design) table.fail(row.line, "unknown design '" + row.at("design") + "'");
        rule.design = *design;
        const std::string& refine = row.at("refine");  // optional column
        if (!refine.empty() && refine != "-") {
            for (const auto item : split(refine, ',')) {
                std::string error;
                const auto refinement = parse_refinement(trim(item), error);
                if (!refinement) table.fail(row.line, error);
                rule.refine.push_back(*refinement);
            }
        }
        const std::string& unless = row.at("unless");  // optional column
        if (unless == "mesh-indexed") rule.unless_mesh_indexed = true;
        else if (!unless.empty() && unless != "-") table.fail(row.line, "unknown unless '" + unless + "' (mesh-indexed, -)");
        rules.push_back(std::move(rule));
    }
    return rules;
}

bool has_mesh(const Study& study, std::string_view descriptor) {
    return std::any_of(study.mesh.begin(), study.mesh.end(),
                       [&](const MeshHeading& h) { return equals_icase(h.descriptor, descriptor); });
}

// The record's text that the rule matched, or empty when it does not match.
std::string matched_span(const Study& study, const DesignRule& rule) {
    if (rule.unless_mesh_indexed && !study.mesh.empty()) return {};
    switch (rule.match) {
        case DesignMatch::notice:
            return study.is_notice ? "the record is a retraction or correction notice" : std::string();
        case DesignMatch::book:
            return study.book ? "the record is a book or a book chapter" : std::string();
        case DesignMatch::publication_type:
            for (const auto& type : study.publication_types)
                if (equals_icase(type, rule.value)) return "publication type: " + type;
            return {};
        case DesignMatch::mesh:
            return has_mesh(study, rule.value) ? "MeSH: " + rule.value : std::string();
        case DesignMatch::mesh_without_humans:
            return has_mesh(study, rule.value) && !has_mesh(study, "humans") ? "MeSH: " + rule.value + ", no Humans"
                                                                             : std::string();
    }
    return {};
}

// The best-ranked design hit that `allowed` accepts (the first in file order on ties).
template <typename Allowed>
const CueHit* best_design_hit(const CueFindings& findings, Allowed allowed) {
    const CueHit* best = nullptr;
    for (const auto& hit : findings.designs)
        if (allowed(*hit.cue) && (!best || hit.cue->rank > best->cue->rank)) best = &hit;
    return best;
}

// Whether a cue may replace the design of `rule` (its `refine` column).
bool refines(const DesignRule& rule, const DesignCue& cue) {
    return std::any_of(rule.refine.begin(), rule.refine.end(), [&](const DesignRefinement& r) {
        return r.design == cue.design && cue.rank >= r.min_rank;
    });
}

// Designs of studies that were run on someone or something: blinding, placebo, pilot and
// crossover describe them. Reviews, guidelines, hypotheses and `other` have none of these.
bool is_primary(Design d) {
    switch (d) {
        case Design::meta_analysis:
        case Design::systematic_review:
        case Design::narrative_review:
        case Design::guideline:
        case Design::hypothesis:
        case Design::other:
            return false;
        default:
            return true;
    }
}

void record(Study& study, const char* field, const std::optional<CueHit>& hit) {
    study.reasons.push_back({field, hit->cue->id, hit->span});
}

}  // namespace

DesignRules load_design_rules(const std::filesystem::path& schemas_dir) {
    DesignRules rules;
    rules.by_type = load_type_rules(schemas_dir / "design-rules.tsv");
    rules.text = load_design_cues(schemas_dir / "design-cues.tsv");
    return rules;
}

void classify_design(Study& study, const DesignRules& rules) {
    const DesignRule* by_type = nullptr;
    std::string type_span;
    for (const auto& rule : rules.by_type) {
        type_span = matched_span(study, rule);
        if (type_span.empty()) continue;
        by_type = &rule;
        break;
    }
    // A notice is never read as a study.
    if (by_type && by_type->match == DesignMatch::notice) {
        study.design = Design::other;
        study.reasons.push_back({"design", by_type->id, std::move(type_span)});
        return;
    }

    const CueFindings found = find_design_cues(study, rules.text);
    const CueHit* by_text = nullptr;
    if (by_type) {
        by_text = best_design_hit(found, [&](const DesignCue& cue) { return refines(*by_type, cue); });
    } else {
        by_text = best_design_hit(found, [](const DesignCue&) { return true; });
    }
    if (by_text) {
        study.design = by_text->cue->design;
        study.reasons.push_back({"design", by_text->cue->id, by_text->span});
    } else if (by_type) {
        study.design = by_type->design;
        study.reasons.push_back({"design", by_type->id, std::move(type_span)});
    } else {
        study.design = Design::other;
        study.reasons.push_back({"design", "no-design-cue", "no publication type, MeSH or text cue"});
    }
    if (study.design == Design::other) return;

    if (is_primary(study.design)) {
        if (found.blinding) {
            study.blinding = found.blinding->cue->blinding;
            record(study, "blinding", found.blinding);
        }
        if (found.placebo) {
            study.placebo = true;
            record(study, "placebo", found.placebo);
        }
        if (found.pilot) {
            study.pilot = true;
            record(study, "pilot", found.pilot);
        }
        if (found.crossover) {
            study.crossover = true;
            record(study, "crossover", found.crossover);
        }
    }
    if (found.hypothesis && study.design != Design::hypothesis) record(study, "hypothesis", found.hypothesis);
}

}  // namespace evidex
