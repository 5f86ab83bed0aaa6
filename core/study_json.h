// A Study as JSON: the document data of the index and the `show --format json` output.
// The keys are the contract of DESIGN.md ("show --format json"), plus the fields a round trip
// needs (journal_abbrev, volume, issue, pages, keywords, language, notices, source, ...).
#pragma once

#include <nlohmann/json.hpp>

#include "core/study.h"

namespace evidex {

nlohmann::json study_to_json(const Study& study);

// Reads what study_to_json wrote. Unknown keys are ignored; a missing key leaves the default.
// Throws nlohmann::json::exception on a value of the wrong type.
Study study_from_json(const nlohmann::json& json);

}  // namespace evidex
