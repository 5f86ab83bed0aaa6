// The linker: which evidence each claim of a page rests on. Explicit citation markers first;
// then the page's allusions to studies ("a study published in Sleep ...", link `vague`); and,
// on a page whose references carry no marker at all, links inferred from the details a claim
// and a study share (condition, numbers, form, dose, population, journal, year), each with its
// score (link `inferred`). A claim with nothing behind it is `none`.
#pragma once

#include <string>
#include <vector>

#include "core/claims.h"
#include "core/page.h"
#include "query/audit.h"
#include "query/grading_rules.h"

namespace evidex {

// The score of an inferred link between a claim and a study, with the details that made it.
struct LinkScore {
    double total = 0;
    std::vector<std::string> shared;  // "condition insomnia", "number 46", "journal Sleep", ...
};

LinkScore score_link(const Claim& claim, const Study& study, const GradingRules& rules,
                     const std::vector<std::string>& units);

// Sets link and citations on every claim of `audit`, read from `page`. A heading that is a claim
// of its own ("Fall asleep faster") takes the markers of the paragraph under it. On a page where
// no block carries a marker, claims get inferred links. `units` are the claim-number units
// (ClaimRules::units).
void link_claims(Audit& audit, const Page& page, const GradingRules& rules, const std::vector<std::string>& units);

// Whether `number` (as a page states it) appears among the numbers of the study's title,
// abstract or sample size.
bool study_states_number(const Study& study, const ClaimNumber& number, const std::vector<std::string>& units);

}  // namespace evidex
