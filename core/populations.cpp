#include "core/populations.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

namespace {

std::optional<int> parse_age_bound(const TsvTable& table, const TsvRow& row, const std::string& column) {
    const std::string& cell = row.at(column);
    if (cell.empty()) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec != std::errc() || end != cell.data() + cell.size() || value < 0 || value > 120)
        table.fail(row.line, column + " '" + cell + "' is not an age in years");
    return value;
}

std::vector<std::string> terms_of(const TsvTable& table, const TsvRow& row, const std::string& column) {
    auto terms = split_terms(row.at(column));
    for (const auto& term : terms)
        if (term.empty()) table.fail(row.line, "empty term in " + column);
    return terms;
}

}  // namespace

PopulationVocabulary PopulationVocabulary::load(const std::filesystem::path& file) {
    const TsvTable table = load_tsv(file, {"id", "label", "kind", "cues", "mesh", "unless_cues", "unless_mesh",
                                           "min_age", "max_age"});
    PopulationVocabulary vocab;
    std::map<std::string, std::size_t> phrase_owners;  // normalised phrase -> index into owners_
    const auto own = [&](const std::string& phrase, std::size_t code) {
        const std::string norm = normalize_term(phrase);
        if (norm.empty()) return;
        const auto [at, added] = phrase_owners.try_emplace(norm, vocab.owners_.size());
        if (added) {
            vocab.owners_.emplace_back();
            vocab.any_cue_.add(norm, at->second);
        }
        vocab.owners_[at->second].push_back(code);
    };
    for (const auto& row : table.rows) {
        Population p;
        p.id = row.at("id");
        p.label = row.at("label");
        if (!is_kebab_id(p.id)) table.fail(row.line, "population id '" + p.id + "' is not kebab-case");
        if (vocab.find(p.id)) table.fail(row.line, "population id '" + p.id + "' is repeated");
        if (p.label.empty()) table.fail(row.line, "population '" + p.id + "' has no label");
        const std::string& kind = row.at("kind");
        if (kind == "human") p.kind = PopulationKind::human;
        else if (kind == "animal") p.kind = PopulationKind::animal;
        else if (kind == "in-vitro") p.kind = PopulationKind::in_vitro;
        else table.fail(row.line, "unknown kind '" + kind + "' (human, animal, in-vitro)");
        p.cues = terms_of(table, row, "cues");
        p.mesh = terms_of(table, row, "mesh");
        p.unless_cues = terms_of(table, row, "unless_cues");
        p.unless_mesh = terms_of(table, row, "unless_mesh");
        p.min_age = parse_age_bound(table, row, "min_age");
        p.max_age = parse_age_bound(table, row, "max_age");
        if (p.min_age && p.max_age && *p.min_age > *p.max_age) table.fail(row.line, "min_age is above max_age");
        if (p.cues.empty() && p.mesh.empty() && !p.has_age_rule())
            table.fail(row.line, "population '" + p.id + "' has no cue, MeSH descriptor or age range");
        for (const auto& cue : p.cues) p.cue_matcher.add(cue, 0);
        for (const auto& cue : p.unless_cues) p.unless_matcher.add(cue, 0);
        const std::size_t index = vocab.populations_.size();
        for (const auto& cue : p.cues) own(cue, index * 2);
        for (const auto& cue : p.unless_cues) own(cue, index * 2 + 1);
        vocab.populations_.push_back(std::move(p));
    }
    return vocab;
}

PopulationVocabulary::CuesPresent PopulationVocabulary::cues_present(const MatchText& text) const {
    CuesPresent present{std::vector<bool>(populations_.size()), std::vector<bool>(populations_.size())};
    for (const auto& hit : any_cue_.find_every(text))
        for (const std::size_t code : owners_[hit.value]) (code % 2 ? present.unless : present.cue)[code / 2] = true;
    return present;
}

const Population* PopulationVocabulary::find(std::string_view id) const {
    for (const auto& p : populations_)
        if (p.id == id) return &p;
    return nullptr;
}

namespace {

// Reads "57" or "57.5" at `pos` (as 57); advances `pos` past it.
std::optional<int> read_number(std::string_view s, std::size_t& pos) {
    if (pos >= s.size() || !is_ascii_digit(s[pos])) return std::nullopt;
    int value = 0;
    while (pos < s.size() && is_ascii_digit(s[pos])) {
        value = std::min(value * 10 + (s[pos] - '0'), 1000);
        ++pos;
    }
    if (pos + 1 < s.size() && s[pos] == '.' && is_ascii_digit(s[pos + 1])) {
        ++pos;
        while (pos < s.size() && is_ascii_digit(s[pos])) ++pos;
    }
    return value;
}

void skip_spaces(std::string_view s, std::size_t& pos) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
}

// Consumes `word` (already lower-case) at `pos` after optional spaces; true when it was there.
bool take(std::string_view lower, std::size_t& pos, std::string_view word) {
    std::size_t p = pos;
    skip_spaces(lower, p);
    if (lower.substr(p, word.size()) != word) return false;
    const std::size_t end = p + word.size();
    if (end < lower.size() && is_ascii_alnum(lower[end]) && is_ascii_alnum(word.back()))
        return false;
    pos = end;
    return true;
}

// `s` ends with `word`, and a word that starts with a letter starts a word there too.
bool ends_with_word(std::string_view s, std::string_view word) {
    if (s.size() < word.size() || s.substr(s.size() - word.size()) != word) return false;
    const std::size_t at = s.size() - word.size();
    return at == 0 || !is_ascii_alpha(word.front()) ||
           !is_ascii_alpha(s[at - 1]);
}

}  // namespace

std::vector<StatedAge> find_stated_ages(std::string_view text) {
    std::vector<StatedAge> ages;
    const std::string lower = ascii_lower(text);
    std::size_t i = 0;
    while (i < lower.size()) {
        if (!is_ascii_digit(lower[i]) || (i > 0 && (is_ascii_alnum(lower[i - 1]) || lower[i - 1] == '.'))) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        std::string_view before = std::string_view(lower).substr(0, begin);
        while (!before.empty() && is_space(before.back())) before.remove_suffix(1);
        std::size_t pos = i;
        const int low = *read_number(lower, pos);
        std::optional<int> high = low;
        std::size_t after_range = pos;
        if (take(lower, after_range, "-") || take(lower, after_range, "\xE2\x80\x93") || take(lower, after_range, "to") ||
            take(lower, after_range, "and")) {
            skip_spaces(lower, after_range);
            if (const auto upper = read_number(lower, after_range)) {
                high = *upper;
                pos = after_range;
            }
        }
        const bool years = take(lower, pos, "years") || take(lower, pos, "year") || take(lower, pos, "yrs") ||
                           take(lower, pos, "y");
        const bool open = take(lower, pos, "and older") || take(lower, pos, "and over") || take(lower, pos, "or older") ||
                          take(lower, pos, "or over") || take(lower, pos, "+");
        const bool of_age = years && (take(lower, pos, "old") || take(lower, pos, "of age"));
        std::string_view lead;
        for (const std::string_view word : {"aged between", "aged", "ages", "mean age of", "mean age was", "mean age",
                                            "\xE2\x89\xA5", ">=", "older than", "over", "above"}) {
            if (ends_with_word(before, word)) {
                lead = word;
                break;
            }
        }
        const bool aged = lead.substr(0, 3) == "age";
        const bool mean = lead.substr(0, 4) == "mean";
        const bool at_least = !lead.empty() && !aged && !mean;
        const std::size_t span_begin = lead.empty() ? begin : before.size() - lead.size();
        std::optional<StatedAge> age;
        if (mean) age = StatedAge{low, low, {}};
        else if (aged) age = StatedAge{low, open ? std::nullopt : high, {}};
        else if (at_least && years) age = StatedAge{low, std::nullopt, {}};
        else if (years && (of_age || open)) age = StatedAge{low, open ? std::nullopt : high, {}};
        if (age && age->low <= 120 && (!age->high || (*age->high <= 120 && *age->high >= age->low))) {
            age->span = std::string(text.substr(span_begin, pos - span_begin));
            ages.push_back(std::move(*age));
        }
        i = std::max(pos, begin + 1);
    }
    return ages;
}

namespace {

bool has_mesh(const Study& study, const std::vector<std::string>& descriptors, std::string* which = nullptr) {
    for (const auto& heading : study.mesh) {
        for (const auto& wanted : descriptors) {
            if (!equals_icase(wanted, heading.descriptor)) continue;
            if (which) *which = heading.descriptor;
            return true;
        }
    }
    return false;
}

// The first cue of `matcher` in `text` (normalised as `norm`) that is not negated, as written;
// empty when none.
std::string first_cue(const PhraseMatcher& matcher, std::string_view text, const MatchText& norm) {
    for (const auto& hit : matcher.find_all(norm))
        if (!negated_at(text, hit.begin)) return std::string(text.substr(hit.begin, hit.end - hit.begin));
    return {};
}

bool age_fits(const Population& p, const StatedAge& age) {
    if (p.min_age && age.low < *p.min_age) return false;
    if (p.max_age && (!age.high || *age.high > *p.max_age)) return false;
    return true;
}

}  // namespace

void classify_population(Study& study, const PopulationVocabulary& vocab) {
    const std::string text = study.text_with_keywords();
    classify_population(study, vocab, text, match_text(text));
}

void classify_population(Study& study, const PopulationVocabulary& vocab, std::string_view text, const MatchText& norm) {
    const std::vector<StatedAge> ages = find_stated_ages(text);

    // One scan finds which populations' cues occur at all; only those are scanned again, each
    // with its own matcher, for the first cue that is not negated.
    const auto present = vocab.cues_present(norm);
    std::vector<std::pair<const Population*, Reason>> tagged;
    for (std::size_t index = 0; index < vocab.all().size(); ++index) {
        const Population& p = vocab.all()[index];
        if (has_mesh(study, p.unless_mesh)) continue;
        std::string descriptor;
        if (has_mesh(study, p.mesh, &descriptor)) {
            tagged.push_back({&p, {"population", "population-mesh:" + p.id, "MeSH: " + descriptor}});
            continue;
        }
        if (present.unless[index] && !first_cue(p.unless_matcher, text, norm).empty()) continue;
        if (std::string cue = present.cue[index] ? first_cue(p.cue_matcher, text, norm) : std::string();
            !cue.empty()) {
            tagged.push_back({&p, {"population", "population-text:" + p.id, std::move(cue)}});
            continue;
        }
        if (!p.has_age_rule()) continue;
        for (const auto& age : ages) {
            if (!age_fits(p, age)) continue;
            tagged.push_back({&p, {"population", "population-age:" + p.id, age.span}});
            break;
        }
    }
    const bool non_human = std::any_of(tagged.begin(), tagged.end(),
                                       [](const auto& t) { return t.first->kind != PopulationKind::human; });
    std::set<std::string> ids(study.population.begin(), study.population.end());
    for (auto& [population, reason] : tagged) {
        if (non_human && population->kind == PopulationKind::human) continue;
        if (ids.insert(population->id).second) study.reasons.push_back(std::move(reason));
    }
    study.population.assign(ids.begin(), ids.end());
}

}  // namespace evidex
