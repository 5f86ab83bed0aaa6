// Sample size from a record's title and abstract: the participants (people or animals) a study
// enrolled, never the studies a review pooled, which go to n_studies.
#pragma once

#include "core/study.h"

namespace evidex {

// A stated n outside 1..max_plausible_n is a typo or a population figure ("10,000,000
// patients"), not a sample: it is dropped with the reason "n-absurd".
inline constexpr long long max_plausible_n = 9'999'999;

// Sets study.n and study.n_studies from counts such as "34 trials with 2,028 participants",
// "forty-six elderly subjects", "N=126", "264 ... were randomized", recording the reasons
// ("n" / "n-participants", "n_studies" / "n-studies", the sentence). The total beats a subgroup
// ("(n=162)" in a subgroup, "a subset of 4778 women"); ages, ranges, doses, percentages and
// numbers glued to a name ("PHQ-9", "type 2") are not counts. Reads study.design: reviews and
// guidelines get no n of their own, a case report with no count gets n = 1. Run after
// classify_design.
void classify_sample_size(Study& study);

}  // namespace evidex
