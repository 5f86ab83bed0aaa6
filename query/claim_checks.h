// The claim checks of the grader: numbers a claim attributes to its studies that they do not
// report, the design a claim names when no study behind it has it, and the word matching they
// share. Internal to the grader (grader.cpp) and its tests.
#pragma once

#include <string>
#include <vector>

#include "query/audit.h"
#include "query/grading_rules.h"

namespace evidex {

// "24", or "2.5": a number as a person writes it.
std::string number_text(double value);

// Whether `text` holds one of `words` (lower case) as a whole word, ignoring case.
bool has_any_word(const std::string& text, const std::vector<std::string>& words);

// Numbers the claim attributes to its studies that none of them reports: flags the citation
// number-mismatch and returns "the page says 40%; Pouteau 2018 reports 24%" per number.
std::vector<std::string> number_mismatches(AuditClaim& claim, const Audit& audit, const GradingRules& rules,
                                           const std::vector<std::string>& units);

// What the claim calls its study ("a clinical trial"), when no study behind it is one: "the page
// calls it a clinical trial; Orchard 2014 is a cohort". Empty when it fits or says nothing.
std::string design_check(const AuditClaim& claim, const Audit& audit, const GradingRules& rules);

}  // namespace evidex
