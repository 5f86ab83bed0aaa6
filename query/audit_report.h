// The audit as a report: JSON (schemas/audit.schema.json), Markdown and one self-contained HTML
// file. Each writer is a pure function of the audit, so the same audit gives the same bytes.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "query/audit.h"

namespace evidex {

nlohmann::json audit_to_json(const Audit& audit);
// One claim of the audit as the `claims` array of the JSON holds it.
nlohmann::json claim_to_json(const AuditClaim& claim, const Audit& audit);
std::string write_audit_json(const Audit& audit);
std::string write_audit_markdown(const Audit& audit);
std::string write_audit_html(const Audit& audit);

// Counts shared by the writers.
struct AuditSummary {
    std::size_t claims = 0, references = 0, resolved = 0, duplicates = 0, unresolved = 0, flagged = 0;
    std::size_t by_verdict[5] = {0, 0, 0, 0, 0};  // in the order of all_verdicts()
    std::size_t by_link[4] = {0, 0, 0, 0};        // marker, inferred, vague, none
};
AuditSummary summarize(const Audit& audit);

}  // namespace evidex
