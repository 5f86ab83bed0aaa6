// The grader: the rubric of DESIGN.md, with its settings from schemas/grading.tsv. For each
// claim, a support label per citation (with the flags that citation brings), then a verdict, the
// rule that decided it, the claim's flags and level, and a rationale naming the studies, their
// designs, the flags and the record sentences behind them; and the regulatory notes.
#pragma once

#include <string>
#include <vector>

#include "query/audit.h"
#include "query/grading_rules.h"

namespace evidex {

// Grades one claim whose citations the linker has set. `units` are the claim-number units.
void grade_claim(AuditClaim& claim, const Audit& audit, const GradingRules& rules,
                 const std::vector<std::string>& units);

// The regulatory notes for a claim (authorised wordings on its condition, doses above an upper
// limit), in the order of schemas/regulatory.tsv.
std::vector<std::string> regulatory_notes(const AuditClaim& claim, const Audit& audit, const GradingRules& rules);

}  // namespace evidex
