// The claim extractor: the sentences, headings and list items of a page that assert an effect,
// with their strength (definite, hedged, superlative), condition, population, form, dose,
// numbers and citation markers. The cues are data (schemas/claim-cues.tsv); every claim records
// the rule that decided its strength.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/conditions.h"
#include "core/interventions.h"
#include "core/page.h"
#include "core/populations.h"
#include "core/text_cues.h"

namespace evidex {

// How strongly a claim is worded. Precedence when cues disagree: superlative > hedged > definite.
enum class ClaimStrength { definite, hedged, superlative };

std::string_view to_string(ClaimStrength s);  // "definite", "hedged", "superlative"
std::optional<ClaimStrength> parse_claim_strength(std::string_view id);

// A number a claim states: "40%" -> {40, "%"}; "73,684" -> {73684, ""}; "<2 mmHg" -> {2, "mmHg",
// text "<2 mmHg"}. `unit` is spelled as in the rules ("mmHg"); `text` is the page's own words.
struct ClaimNumber {
    double value = 0;
    std::string unit;
    std::string text;
};

struct Claim {
    std::string id;        // "c1", "c2", ... in page order
    std::string text;      // the sentence as written
    std::string heading;   // the heading this claim was joined with (its first sentence's block follows it), else empty
    std::size_t block = 0;  // index of the sentence's block in Page::blocks
    ClaimStrength strength = ClaimStrength::definite;
    std::string strength_rule;  // rule id of claim-cues.tsv, or "definite-default"
    std::string strength_cue;   // the cue's words ("most bioavailable"); empty for definite-default
    std::string hedge_rule;     // a hedge in the deciding clause, also kept when a superlative overrides it
    std::string hedge_cue;
    std::string condition;       // condition id, empty when none is named
    std::string condition_span;  // the text that named it
    std::vector<std::string> population;  // population ids, in order of first mention
    std::string form;                     // "taurate"; empty when no specific form is named
    std::optional<double> dose_mg;        // daily dose in mg, when the claim states one
    std::vector<ClaimNumber> numbers;
    std::vector<std::string> markers;  // citation labels of the block's markers inside this sentence
};

// One phrase cue of claim-cues.tsv.
struct ClaimCue {
    std::string rule;
    CuePattern pattern;
};

struct ClaimRules {
    std::vector<ClaimCue> effects;
    std::vector<ClaimCue> definite;
    std::vector<ClaimCue> hedged;
    std::vector<ClaimCue> superlatives;
    std::vector<ClaimCue> not_claims;
    std::set<std::string> clause_breaks;
    std::set<std::string> mechanism_words;  // an effect cue right after one states how, not what
    CueContext context;              // negation and scope-break words
    std::vector<std::string> units;  // longest first
    InterventionVocabulary interventions;
    PopulationVocabulary populations;
};

// Reads claim-cues.tsv, and the intervention and population vocabularies, from `schemas_dir`.
// Throws FatalError ("file:line: what") on a bad line.
ClaimRules load_claim_rules(const std::filesystem::path& schemas_dir);

// The numbers a text states, in order, with the unit that follows each (from `units`,
// case-insensitive, whole words; "%" may follow directly). A comparator before the number
// ("<", ">", "~", "≤", "≥") goes into its text; in a range ("400-600mg", "3-5 days") the first
// number takes the second's unit. Digits glued to letters ("B6", "D3", "3rd") and citation
// markers ("[3]", "[1,2]") are not numbers.
std::vector<ClaimNumber> extract_claim_numbers(std::string_view text, const std::vector<std::string>& units);

// Every claim on the page, in page order, ids "c1", "c2", ... A heading that is not itself a
// claim is joined with the first sentence of the block right after it: that sentence's claim
// records the heading and takes the form, condition and populations the heading names when the
// sentence names none ("Magnesium Taurate" + "This is the form of magnesium best for your
// heart."). Reference sections are skipped.
std::vector<Claim> extract_claims(const Page& page, const ClaimRules& rules, const ConditionVocabulary& conditions);

}  // namespace evidex
