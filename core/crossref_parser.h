// Crossref REST API bodies, doi.org CSL-JSON and BibTeX into Study records (nlohmann::json).
#pragma once

#include <string_view>
#include <vector>

#include "core/parsed_records.h"

namespace evidex {

// A Crossref /works/{doi} body ("message-type": "work") or a /works list ("work-list", items).
// Crossref error bodies (status "failed"/"error", "Resource not found." as text, HTML) are
// reported as one error, never parsed as records.
ParsedRecords parse_crossref_json(std::string_view body, std::string_view where);

// CSL-JSON: one item, an array of items, or an object keyed by DOI holding arrays of items
// (the shape citation tools store). Crossref's own type names ("journal-article") and CSL's
// ("article-journal") are both accepted.
ParsedRecords parse_csl_json(std::string_view body, std::string_view where);

// BibTeX entries (@article{...}), as doi.org returns for Accept: application/x-bibtex.
// Braces and quotes as delimiters, month macros, LaTeX accents reduced to UTF-8 where common.
ParsedRecords parse_bibtex(std::string_view text, std::string_view where);

// A JATS abstract ("<jats:p>...", "<jats:sec><jats:title>Methods</jats:title>...") as plain
// text sections. Text without markup becomes one unlabelled section.
std::vector<AbstractSection> parse_jats_abstract(std::string_view jats);

}  // namespace evidex
