// Studies in the formats citation managers read: RIS, BibTeX and CSL-JSON (Zotero, EndNote,
// BibTeX). Pure functions of the record; the same studies give the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/study.h"

namespace evidex {

// One RIS record: TY (JOUR, or BOOK/CHAP for book records), TI, AU per author, PY, JO/JA, VL,
// IS, SP/EP, DO, AN (the PMID, with DB "PubMed"), AB, KW (MeSH), UR, N1 (design, level, n), ER.
std::string study_to_ris(const Study& study);

// One BibTeX entry (@article, or @book for book records) keyed "pmid9703590" or "doi" and the
// DOI's letters and digits; special characters escaped, non-ASCII kept as UTF-8.
std::string study_to_bibtex(const Study& study);

// One CSL-JSON item: id, type, title, author [{family, given} | {literal}], container-title,
// issued {date-parts}, volume, issue, page, DOI, PMID, abstract, note (design, level, n).
nlohmann::json study_to_csl(const Study& study);

// Several studies: RIS records one after another; BibTeX entries separated by a blank line;
// a CSL-JSON array.
std::string write_ris(const std::vector<Study>& studies);
std::string write_bibtex(const std::vector<Study>& studies);
std::string write_csl_json(const std::vector<Study>& studies);

// The citation formats by their --format names: "ris", "bibtex", "csl-json".
bool is_citation_format(std::string_view format);

// The studies in the citation format named; nullopt when `format` is not one of them.
std::optional<std::string> write_citations(const std::vector<Study>& studies, std::string_view format);

}  // namespace evidex
