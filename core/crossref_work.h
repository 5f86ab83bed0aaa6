// Private to the Crossref and CSL-JSON parsers: one work's fields into a Study. Crossref's REST
// "work" and doi.org's CSL-JSON share most field names (the CSL that doi.org serves is Crossref's
// record, re-shaped), so one reader serves both; WorkDialect says where they differ.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/study.h"

namespace evidex {

// Ordered, so that "item N" in an error counts items in the order the body lists them.
using WorkJson = nlohmann::ordered_json;

enum class WorkDialect {
    crossref,  // api.crossref.org /works: title is an array, DOI required, dates print-first
    csl,       // CSL-JSON: title string or array, CSL or Crossref types, "issued" first, DOI optional
};

// The PubMed ids a CSL-JSON item ("PMID", "PMCID") or a BibTeX entry ("pmid", "pmcid") may carry,
// normalised into `study`; empty texts are skipped. False, and why in `problem`, when one is
// not a valid id.
bool read_pubmed_ids(std::string_view pmid_text, std::string_view pmcid_text, Study& study, std::string& problem);

// Reads one work. On failure returns nullopt and says why in `problem` ("no title").
std::optional<Study> read_work(const WorkJson& item, WorkDialect dialect, std::string& problem);

// "<where>: item 3 (DOI 10.1000/x)" for the n-th item (1-based) of a list.
std::string item_location(std::string_view where, std::size_t n, const WorkJson& item);

// Parses a body that should hold `format` ("JSON", "CSL-JSON"). On failure returns nullopt
// and says in `problem` what the body was instead: empty, an HTML page, prose, malformed JSON.
std::optional<WorkJson> parse_json_body(std::string_view body, std::string_view format, std::string& problem);

// Text of a string, a number, or the first non-empty string of an array; "" otherwise.
std::string text_of(const WorkJson& value);

// Text of a member of an object, "" when the member is absent (see text_of).
std::string member_text(const WorkJson& object, std::string_view key);

}  // namespace evidex
