// Puts an audit together from the stages before it: the page's resolved references and
// allusions, its claims, the links between them, and a grade for every claim.
#pragma once

#include <vector>

#include "core/claims.h"
#include "core/page.h"
#include "indexer/resolve.h"
#include "query/audit.h"
#include "query/grading_rules.h"
#include "query/page_tests.h"

namespace evidex {

struct AuditRules {
    ClaimRules claims;
    ConditionVocabulary conditions;
    GradingRules grading;
    PageTestRules page_tests;
};

// Loads claim-cues.tsv (with the intervention and population vocabularies), conditions.tsv,
// grading.tsv, regulatory.tsv and page-test-cues.tsv from `schemas_dir`. Throws FatalError on a bad file.
AuditRules load_audit_rules(const std::filesystem::path& schemas_dir);

// A resolved reference as the audit keeps it (its flags and its study's, each once).
AuditReference to_audit_reference(const ResolvedReference& resolved);

// Extracts the claims, links them and grades them. Does not search the index for uncited
// evidence (find_uncited_evidence does).
Audit build_audit(const Page& page, const std::vector<ResolvedReference>& references,
                  const std::vector<ResolvedAllusion>& allusions, const AuditRules& rules);

}  // namespace evidex
