// Saving an audit's claims in the index (`evidex-query audit --save`): each claim becomes a
// document of type claim, and each study it cites is tagged with the claim's id, so a search
// finds the claims about a condition and the pages that cite a study. Saving the same page
// again replaces what was saved for it before.
#pragma once

#include <string>

#include "core/index_writer.h"
#include "query/audit.h"

namespace evidex {

// "page-" and eight hex digits of a stable hash of the page's source (file path or URL).
std::string page_id(const std::string& source);

// Stores the claims; returns how many were saved.
std::size_t save_claims(const Audit& audit, IndexWriter& writer);

}  // namespace evidex
