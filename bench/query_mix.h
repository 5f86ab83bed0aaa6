// The fixed mix of search requests the search bench runs: a function of the seed alone, drawn
// from the generator's vocabulary so free-text queries find studies. Written to a file as JSON
// lines, in Xapian terms, so a peer can run the same queries on the same index.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "query/search.h"

namespace evidex::bench {

enum class QueryCategory { text, text_condition, design_years, facets };
inline constexpr QueryCategory query_categories[] = {QueryCategory::text, QueryCategory::text_condition,
                                                     QueryCategory::design_years, QueryCategory::facets};

std::string_view to_string(QueryCategory category);

struct BenchQuery {
    QueryCategory category = QueryCategory::text;
    SearchRequest request;
};

// `per_category` queries of each category, interleaved: free text alone; free text and a
// condition; a design and a year range, with text or without; any of these with facets.
std::vector<BenchQuery> build_query_mix(std::uint64_t seed, std::size_t per_category);

// One JSON object a line: category, text, filters (boolean terms, the study-type filter first),
// year range (or null), facets, limit.
void write_query_mix(std::ostream& out, const std::vector<BenchQuery>& mix);

}  // namespace evidex::bench
