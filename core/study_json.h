// A Study as JSON: the document data of the index and the `show --format json` output.
// The keys are the contract of DESIGN.md ("show --format json"), plus the fields a round trip
// needs (journal_abbrev, volume, issue, pages, keywords, language, notices, source, ...).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/study.h"

namespace evidex {

// full: every key, absent values as null, false or [] (what `show` and `search` print).
// compact: the same object without the keys whose value is null, false or [], the keys at the
// value a reader gives a missing key (design other, blinding unknown, result direction unclear,
// source pubmed) and the keys a reader derives (an author's name, the level). The document
// data of the index: every byte of it is compressed by the one thread that writes the index.
enum class RecordForm { full, compact };

// The study as one line of JSON text, keys in byte order, written straight into a string (an
// ingest writes one for every record). The same text nlohmann's dump() prints for the same
// object, except that a byte that is not valid UTF-8 becomes U+FFFD instead of an error.
std::string write_study_json(const Study& study, RecordForm form);

// The full form as a JSON value.
nlohmann::json study_to_json(const Study& study);

// Reads either form. Unknown keys are ignored; a missing key leaves the default.
// Throws nlohmann::json::exception on a value of the wrong type.
Study study_from_json(const nlohmann::json& json);

}  // namespace evidex
