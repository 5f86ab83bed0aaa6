// load_claim_rules: schemas/claim-cues.tsv, with the intervention and population vocabularies the
// claim extractor reads forms, doses and populations with. Also the ClaimStrength ids.
#include <algorithm>
#include <array>
#include <utility>

#include "core/claims.h"
#include "core/terms.h"
#include "core/tsv.h"

namespace evidex {

namespace {

constexpr std::array<std::pair<ClaimStrength, std::string_view>, 3> strength_ids{{
    {ClaimStrength::definite, "definite"},
    {ClaimStrength::hedged, "hedged"},
    {ClaimStrength::superlative, "superlative"},
}};

std::vector<ClaimCue>* cue_list(ClaimRules& rules, std::string_view kind) {
    if (kind == "effect") return &rules.effects;
    if (kind == "definite") return &rules.definite;
    if (kind == "hedged") return &rules.hedged;
    if (kind == "superlative") return &rules.superlatives;
    if (kind == "not-claim") return &rules.not_claims;
    return nullptr;
}

// A single plain word, as the context kinds need: "but", not "but then" or "but*".
bool plain_word(const CuePattern& pattern) {
    return pattern.elements.size() == 1 && !pattern.at_start && pattern.elements[0].kind == CuePattern::Kind::word &&
           pattern.elements[0].alternatives.size() == 1 && pattern.elements[0].alternatives[0].back() != '*';
}

void add_row(ClaimRules& rules, const TsvTable& table, const TsvRow& row) {
    const std::string& kind = row.at("kind");
    const std::string& text = row.at("pattern");
    if (text.empty()) table.fail(row.line, "rule '" + row.at("rule") + "' has an empty pattern");
    if (kind == "unit") {
        rules.units.push_back(text);
        return;
    }
    std::string error;
    if (is_context_kind(kind) && kind != "hedge") {
        if (!add_context_row(rules.context, kind, text, error)) table.fail(row.line, error);
        return;
    }
    auto pattern = parse_cue_pattern(text, error);
    if (!pattern) table.fail(row.line, error);
    if (kind == "clause-break" || kind == "mechanism") {
        if (!plain_word(*pattern)) table.fail(row.line, kind + " '" + text + "' must be one plain word");
        const std::string& word = pattern->elements[0].alternatives[0];
        if (kind == "mechanism") {
            rules.mechanism_words.insert(word);
        } else {
            rules.clause_breaks.insert(word);
            rules.context.scope_breaks.insert(word);  // ends a negation's reach too
        }
        return;
    }
    std::vector<ClaimCue>* list = cue_list(rules, kind);
    if (!list)
        table.fail(row.line, "unknown kind '" + kind +
                                 "' (effect, definite, hedged, superlative, not-claim, clause-break, negation, "
                                 "scope-break, mechanism, unit)");
    list->push_back({row.at("rule"), std::move(*pattern)});
}

}  // namespace

std::string_view to_string(ClaimStrength s) {
    for (const auto& [strength, id] : strength_ids)
        if (strength == s) return id;
    return "definite";
}

std::optional<ClaimStrength> parse_claim_strength(std::string_view id) {
    for (const auto& [strength, name] : strength_ids)
        if (name == id) return strength;
    return std::nullopt;
}

ClaimRules load_claim_rules(const std::filesystem::path& schemas_dir) {
    const TsvTable table = load_tsv(schemas_dir / "claim-cues.tsv", {"rule", "kind", "pattern"});
    ClaimRules rules;
    std::set<std::string> seen;
    for (const auto& row : table.rows) {
        const std::string& rule = row.at("rule");
        if (!is_kebab_id(rule)) table.fail(row.line, "rule id '" + rule + "' is not kebab-case");
        if (!seen.insert(rule).second) table.fail(row.line, "rule id '" + rule + "' is repeated");
        add_row(rules, table, row);
    }
    if (rules.effects.empty()) table.fail(0, "no effect cues: nothing could ever be a claim");
    // Longest first, so "mg/day" is read before "mg" and "mmol/L" before "mmol".
    std::stable_sort(rules.units.begin(), rules.units.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    rules.interventions = InterventionVocabulary::load(schemas_dir);
    rules.populations = PopulationVocabulary::load(schemas_dir / "populations.tsv");
    return rules;
}

}  // namespace evidex
