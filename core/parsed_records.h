// What every parser returns: the studies it read, the PMIDs a file deletes, and the items that
// failed, each with where and why. One bad item never hides the good ones.
#pragma once

#include <string>
#include <vector>

#include "core/errors.h"
#include "core/study.h"

namespace evidex {

struct ParsedRecords {
    std::vector<Study> studies;
    std::vector<std::string> deleted_pmids;  // PubMed DeleteCitation
    std::vector<ItemError> errors;
};

}  // namespace evidex
