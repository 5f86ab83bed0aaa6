#include "query/audit_build.h"

#include <algorithm>

#include "query/grader.h"
#include "query/linker.h"

namespace evidex {

AuditRules load_audit_rules(const std::filesystem::path& schemas_dir) {
    return {load_claim_rules(schemas_dir), ConditionVocabulary::load(schemas_dir / "conditions.tsv"),
            load_grading_rules(schemas_dir), load_page_test_rules(schemas_dir)};
}

AuditReference to_audit_reference(const ResolvedReference& resolved) {
    AuditReference reference;
    reference.label = resolved.entry.label;
    reference.raw = resolved.entry.raw;
    reference.study = resolved.study;
    reference.method = resolved.method;
    reference.score = resolved.score;
    reference.duplicate_of = resolved.duplicate_of;
    reference.note = resolved.note;
    reference.flags = resolved.flags;
    if (resolved.study)
        for (const auto& flag : resolved.study->flags)
            if (std::find(reference.flags.begin(), reference.flags.end(), flag) == reference.flags.end())
                reference.flags.push_back(flag);
    reference.title = resolved.entry.title;
    reference.journal = resolved.entry.journal;
    reference.year = resolved.entry.year;
    reference.pmid = resolved.entry.pmid;
    reference.doi = resolved.entry.doi;
    reference.body_block = resolved.entry.body_block;
    reference.link_text = resolved.entry.link_text;
    return reference;
}

namespace {

AuditAllusion to_audit_allusion(const ResolvedAllusion& resolved) {
    AuditAllusion allusion;
    allusion.text = resolved.allusion.text;
    allusion.block = resolved.allusion.block;
    if (resolved.accepted) {
        const auto& candidate = resolved.candidates[*resolved.accepted];
        allusion.study = candidate.study;
        allusion.score = candidate.score.total;
    }
    return allusion;
}

}  // namespace

Audit build_audit(const Page& page, const std::vector<ResolvedReference>& references,
                  const std::vector<ResolvedAllusion>& allusions, const AuditRules& rules) {
    Audit audit;
    audit.source = page.source;
    audit.title = page.title;
    for (const auto& r : references) audit.references.push_back(to_audit_reference(r));
    for (const auto& a : allusions) audit.allusions.push_back(to_audit_allusion(a));
    auto claims = extract_claims(page, rules.claims, rules.conditions);
    if (claims.size() > max_audit_claims) {
        audit.claims_skipped = claims.size() - max_audit_claims;
        claims.resize(max_audit_claims);
    }
    for (auto& claim : claims) {
        AuditClaim audited;
        audited.claim = std::move(claim);
        audit.claims.push_back(std::move(audited));
    }
    link_claims(audit, page, rules.grading, rules.claims.units);
    link_page_tests(audit, page, rules.page_tests, rules.conditions, rules.grading);
    for (auto& claim : audit.claims) grade_claim(claim, audit, rules.grading, rules.claims.units);
    return audit;
}

}  // namespace evidex
