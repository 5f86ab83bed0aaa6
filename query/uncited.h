// What the page did not cite: for each claim, studies the index holds on the claim's condition
// that are stronger than anything the claim cites, or that found no effect where the page cites
// support.
#pragma once

#include <vector>

#include <xapian.h>

#include "query/audit.h"
#include "query/grading_rules.h"

namespace evidex {

// The studies the index holds on a condition (not notices), strongest first, then newest, at
// most `limit`.
std::vector<Study> studies_on_condition(const Xapian::Database& db, const std::string& condition, std::size_t limit);

// Fills audit.uncited: per claim with a condition, at most rules.uncited_max studies, strongest
// first (then newest, then by key). Studies the page cites anywhere are left out.
void find_uncited_evidence(Audit& audit, const Xapian::Database& db, const GradingRules& rules);

}  // namespace evidex
