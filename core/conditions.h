// The condition vocabulary (schemas/conditions.tsv) and the classifier that tags a study with
// conditions from its MeSH headings and its text.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/study.h"
#include "core/terms.h"

namespace evidex {

struct Condition {
    std::string id;     // "restless-legs-syndrome"
    std::string label;  // "Restless legs syndrome"
    std::string mesh;   // "Restless Legs Syndrome", may be empty
    std::vector<std::string> synonyms;   // clinical terms and abbreviations
    std::vector<std::string> lay_terms;  // the words marketing pages use
};

// Which terms a text match may use: a study's abstract is matched on clinical terms only
// (label, id, synonyms); a marketing page also on lay terms ("sleep faster", "brain fog").
enum class ConditionTerms { clinical, all };

class ConditionVocabulary {
public:
    // Throws FatalError ("file:line: what") on a bad line: a missing id or label, an id that is
    // not kebab-case or is repeated, an empty term, a term that already names another condition.
    static ConditionVocabulary load(const std::filesystem::path& file);

    [[nodiscard]] const std::vector<Condition>& all() const { return conditions_; }

    // By id, label, synonym or lay term; case-insensitive, hyphens and spaces equivalent:
    // "rls", "restless legs", "Restless-Legs-Syndrome". Null when nothing matches.
    [[nodiscard]] const Condition* find(std::string_view name) const;

    // Condition ids found in `text` on word boundaries with the text that matched, in order of
    // first appearance; the longest term wins where terms overlap, each id appears once, and a
    // negated term ("non-diabetic", "without migraine") does not count.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> match(
        std::string_view text, ConditionTerms terms = ConditionTerms::all) const;
    // The same over `text` already normalised as `norm` (match_text(text)).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> match(std::string_view text, const MatchText& norm,
                                                                         ConditionTerms terms) const;

private:
    std::vector<Condition> conditions_;
    std::map<std::string, std::size_t> by_term_;  // normalised term -> index
    PhraseMatcher clinical_;
    PhraseMatcher every_;
};

// The condition `name` names (as find), or a FatalError (usage) naming it and where the
// vocabulary lives: "<command>: unknown condition 'x' (schemas/conditions.tsv lists them)".
const Condition& require_condition(const ConditionVocabulary& vocab, const std::string& name, std::string_view command);

// Adds to study.conditions (kept sorted and unique) every condition whose MeSH descriptor the
// record carries (rule "condition-mesh:<id>") or whose clinical terms its title, abstract or
// keywords use ("condition-text:<id>"), with one reason per id; MeSH is preferred as the reason.
void classify_conditions(Study& study, const ConditionVocabulary& vocab);
// The same with study.text_with_keywords() given, and normalised (match_text), by the caller.
void classify_conditions(Study& study, const ConditionVocabulary& vocab, std::string_view text, const MatchText& norm);

}  // namespace evidex
