// A page's resolved references as JSON (the `references` array of the audit JSON) and as the
// table `evidex-index refs` prints.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/resolve.h"

namespace evidex {

nlohmann::json reference_to_json(const ResolvedReference& reference);
nlohmann::json allusion_to_json(const ResolvedAllusion& allusion);

// One line per reference: label, raw entry cut to width, PMID, DOI, how resolved, score,
// design, flags; then the allusions with their best candidates.
std::string write_references_table(const std::vector<ResolvedReference>& references,
                                   const std::vector<ResolvedAllusion>& allusions, std::size_t width);

}  // namespace evidex
