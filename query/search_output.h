// Writers of a search result: an aligned table for people, JSON and CSV for programs.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "query/search.h"

namespace evidex {

// One line a study (id, design, level, n, year, direction, title), each line cut to `width`
// characters, then the facets when the result has them.
void write_search_table(std::ostream& out, const SearchResult& result, std::size_t width);

// {"total": N, "hits": [study, ...], "facets": {...}} with sorted keys; facets {} when not asked.
void write_search_json(std::ostream& out, const SearchResult& result);

// RFC 4180: a header, then pmid, doi, title, journal, year, design, level, n, conditions
// (joined by ';') and result_direction, one record a study, CRLF line ends.
void write_search_csv(std::ostream& out, const SearchResult& result);

// "1 study matches", "12 studies match", with the range shown when it is not everything.
std::string describe_search_total(const SearchResult& result, std::size_t offset);

}  // namespace evidex
