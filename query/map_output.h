// Writers of an evidence map (query/evidence_map.h): Markdown for people, one standalone HTML
// page with the map drawn in inline SVG, and JSON for programs. Each returns the whole document;
// the same map gives the same bytes.
#pragma once

#include <string>

#include "query/evidence_map.h"

namespace evidex {

// The summary sentence, the levels × directions table with totals, then per level the studies,
// strongest first (id, design, n, year, direction, title cut).
std::string write_map_markdown(const EvidenceMap& map);

// The document docs/evidex-query.1.md describes: condition, intervention, query, years, summary,
// total, directions (the column order), by_direction, levels (each with designs, by_design, total
// and cells), notices_left_out, studies.
std::string write_map_json(const EvidenceMap& map);

// One self-contained page (no script, no external resource): the summary sentence, the map as an
// SVG grid with one bubble per non-empty group, the table, and the studies of each level.
std::string write_map_html(const EvidenceMap& map);

}  // namespace evidex
