// The population vocabulary (schemas/populations.tsv) and the classifier that tags a study with
// the populations it was done in: from MeSH, text cues and stated ages.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/study.h"
#include "core/terms.h"

namespace evidex {

enum class PopulationKind { human, animal, in_vitro };

struct Population {
    std::string id;     // "postmenopausal-women"
    std::string label;  // "Postmenopausal women"
    PopulationKind kind = PopulationKind::human;
    std::vector<std::string> cues;
    std::vector<std::string> mesh;
    std::vector<std::string> unless_cues;  // veto a match made from text
    std::vector<std::string> unless_mesh;  // veto any match
    std::optional<int> min_age;
    std::optional<int> max_age;
    PhraseMatcher cue_matcher;
    PhraseMatcher unless_matcher;

    [[nodiscard]] bool has_age_rule() const { return min_age || max_age; }
};

class PopulationVocabulary {
public:
    // Throws FatalError ("file:line: what") on a bad line.
    static PopulationVocabulary load(const std::filesystem::path& file);

    [[nodiscard]] const std::vector<Population>& all() const { return populations_; }
    // By id; null when unknown.
    [[nodiscard]] const Population* find(std::string_view id) const;

    // Which populations have a cue (`unless` false) or an unless-cue (true) anywhere in the
    // text: one scan, after which only those populations' own matchers need to run.
    struct CuesPresent {
        std::vector<bool> cue;
        std::vector<bool> unless;
    };
    [[nodiscard]] CuesPresent cues_present(const MatchText& text) const;

private:
    std::vector<Population> populations_;
    // Every cue and unless-cue of every population; a hit's value indexes owners_.
    PhraseMatcher any_cue_;
    // For each distinct phrase: the populations it belongs to, as index * 2 + (1 for an unless-cue).
    std::vector<std::vector<std::size_t>> owners_;
};

// An age range a text states: "aged 60-75 years", "aged 65 years and older", "mean age 57".
struct StatedAge {
    int low = 0;
    std::optional<int> high;  // empty: no upper bound ("65 years and older")
    std::string span;
};

// Every age range stated in `text`, in order.
std::vector<StatedAge> find_stated_ages(std::string_view text);

// Adds to study.population (kept sorted and unique) every population implied by the record's
// MeSH headings ("population-mesh:<id>"), text cues in title, abstract and keywords
// ("population-text:<id>") or a stated age range ("population-age:<id>"), one reason per id.
// An animal or in-vitro population, once tagged, removes the human ones.
void classify_population(Study& study, const PopulationVocabulary& vocab);
// The same with study.text_with_keywords() given, and normalised (match_text), by the caller.
void classify_population(Study& study, const PopulationVocabulary& vocab, std::string_view text, const MatchText& norm);

}  // namespace evidex
