// How well a study matches a reference entry or an allusion: the score a bibliographic search
// keeps, and the rule that accepts a candidate only when it clearly wins.
#pragma once

#include <string>
#include <vector>

#include "core/references.h"
#include "core/study.h"

namespace evidex {

struct MatchScore {
    double total = 0;   // 0..1
    double title = 0;   // share of title words in common (Dice), 0..1
    bool author = false;
    bool year = false;
    bool journal = false;
};

// Title words weigh most (scraped titles lose words, so overlap, not equality); first author,
// year and journal add the rest.
MatchScore score_reference_match(const ReferenceEntry& entry, const Study& study);

// An allusion names a journal, maybe a year, a design word and a number.
MatchScore score_allusion_match(const Allusion& allusion, const Study& study);

struct Candidate {
    Study study;
    MatchScore score;
};

// The best candidate when its score reaches `threshold` and beats the runner-up by `margin`;
// otherwise none. Candidates of the same study (same key) count once.
const Candidate* pick_clear_winner(const std::vector<Candidate>& candidates, double threshold, double margin);

inline constexpr double reference_accept_threshold = 0.70;
inline constexpr double allusion_accept_threshold = 0.40;
inline constexpr double clear_margin = 0.10;

// Lower-case words of a title for matching: letters and digits, common words dropped.
std::vector<std::string> title_words(std::string_view title);

}  // namespace evidex
