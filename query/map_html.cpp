// The evidence map as one self-contained HTML5 page: the summary sentence, the map drawn in inline
// SVG (levels as rows, result directions as columns, one bubble per non-empty group sized by its
// count and coloured by its direction, each with a <title> naming its studies), the table of
// counts, and the studies of each level. No script and no external resource (a
// Content-Security-Policy says so); every piece of record text is escaped.
#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <utility>

#include "query/audit_html_parts.h"
#include "query/map_output.h"

namespace evidex {

namespace {

using html::escape;

// The drawing's grid, in SVG user units.
constexpr int label_width = 230, column_width = 112, total_width = 70;
constexpr int header_height = 58, row_height = 62, footer_height = 34;
constexpr int svg_width = label_width + static_cast<int>(map_directions.size()) * column_width + total_width;
constexpr int svg_height = header_height + evidence_level_count * row_height + footer_height;
constexpr int min_radius = 9, max_extra_radius = 19;
constexpr std::size_t ids_in_tooltip = 12;

std::string num(long value) { return std::to_string(value); }

std::string text_at(int x, int y, std::string_view css_class, const std::string& content, bool centred = true) {
    return "<text class=\"" + std::string(css_class) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\"" +
           (centred ? " text-anchor=\"middle\"" : "") + ">" + content + "</text>";
}

std::string studies_word(std::size_t count) { return count == 1 ? " study" : " studies"; }

// "systematic-review 1, uncontrolled-trial 2", or "no studies".
std::string designs_line(const EvidenceMap& map, int level) {
    std::string line;
    for (const auto& [design, count] : map.designs_present(level))
        line += (line.empty() ? "" : ", ") + std::string(to_string(design)) + " " + std::to_string(count);
    return line.empty() ? "no studies" : line;
}

// The first `max` characters (not bytes) of `text`, ending in "…" when cut.
std::string cut_chars(const std::string& text, std::size_t max) {
    const auto is_start = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    if (static_cast<std::size_t>(std::count_if(text.begin(), text.end(), is_start)) <= max) return text;
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i)
        if (is_start(text[i]) && chars++ == max - 1) break;
    return text.substr(0, i) + "\xE2\x80\xA6";
}

// A phrase as two lines of about equal length, split at the space nearest its middle, so a
// column heading stays inside its column.
std::pair<std::string, std::string> split_in_two(const std::string& phrase) {
    std::size_t best = std::string::npos;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        if (phrase[i] != ' ') continue;
        const auto distance = [&](std::size_t at) { return at > phrase.size() / 2 ? at - phrase.size() / 2 : phrase.size() / 2 - at; };
        if (best == std::string::npos || distance(i) < distance(best)) best = i;
    }
    if (best == std::string::npos) return {phrase, ""};
    return {phrase.substr(0, best), phrase.substr(best + 1)};
}

// "Level 2, null (found no effect): 3 studies: pmid:1, pmid:2, pmid:3".
std::string cell_tooltip(const EvidenceMap& map, const EvidenceLevelRow& row, ResultDirection direction) {
    const auto& cell = row.cells[direction_column(direction)];
    std::string text = "Level " + num(row.level) + ", " + std::string(to_string(direction)) + " (" +
                       std::string(describe_direction(direction)) + "): " + num(static_cast<long>(cell.size())) +
                       studies_word(cell.size()) + ": ";
    for (std::size_t i = 0; i < cell.size() && i < ids_in_tooltip; ++i) text += (i ? ", " : "") + map.studies[cell[i]].key();
    if (cell.size() > ids_in_tooltip) text += " and " + num(static_cast<long>(cell.size() - ids_in_tooltip)) + " more";
    return text;
}

std::string draw_map(const EvidenceMap& map) {
    std::size_t largest = 0;
    for (const auto& row : map.levels)
        for (const auto& cell : row.cells) largest = std::max(largest, cell.size());
    std::ostringstream svg;
    svg << "<svg class=\"map\" width=\"" << svg_width << "\" height=\"" << svg_height << "\" viewBox=\"0 0 " << svg_width
        << ' ' << svg_height << "\" role=\"img\" aria-labelledby=\"map-title map-desc\">"
        << "<title id=\"map-title\">Evidence map: " << escape(describe_scope(map.request)) << "</title>"
        << "<desc id=\"map-desc\">" << escape(summarize_evidence_map(map)) << "</desc>\n";
    for (std::size_t c = 0; c < map_directions.size(); ++c) {
        const int x = label_width + static_cast<int>(c) * column_width + column_width / 2;
        const auto [first, second] = split_in_two(std::string(describe_direction(map_directions[c])));
        svg << text_at(x, 18, "head", escape(to_string(map_directions[c]))) << text_at(x, 34, "sub", escape(first))
            << text_at(x, 47, "sub", escape(second)) << '\n';
    }
    const int total_x = svg_width - total_width / 2;
    svg << text_at(total_x, 18, "head", "total") << '\n';
    for (const auto& row : map.levels) {
        const int top = header_height + (row.level - 1) * row_height;
        svg << "<a href=\"#level-" << row.level << "\">" << text_at(8, top + 26, "level", "Level " + num(row.level), false)
            << "</a>" << text_at(8, top + 44, "sub", escape(cut_chars(designs_line(map, row.level), 38)), false) << '\n';
        for (std::size_t c = 0; c < map_directions.size(); ++c) {
            const int x = label_width + static_cast<int>(c) * column_width;
            svg << "<rect class=\"slot\" x=\"" << x + 2 << "\" y=\"" << top + 2 << "\" width=\"" << column_width - 4
                << "\" height=\"" << row_height - 4 << "\" rx=\"4\"/>";
            const std::size_t count = row.cells[c].size();
            if (count == 0) continue;
            const std::string direction(to_string(map_directions[c]));
            const double share = std::sqrt(static_cast<double>(count) / static_cast<double>(largest));
            const long radius = std::lround(min_radius + max_extra_radius * share);
            const int cx = x + column_width / 2, cy = top + row_height / 2;
            svg << "<g class=\"cell d-" << direction << "\" data-level=\"" << row.level << "\" data-direction=\""
                << direction << "\"><title>" << escape(cell_tooltip(map, row, map_directions[c])) << "</title>"
                << "<circle cx=\"" << cx << "\" cy=\"" << cy << "\" r=\"" << radius << "\"/>"
                << text_at(cx, cy + 5, "count", num(static_cast<long>(count))) << "</g>";
        }
        svg << text_at(total_x, top + row_height / 2 + 5, "total", num(static_cast<long>(row.total()))) << '\n';
    }
    const int bottom = header_height + evidence_level_count * row_height;
    svg << "<line class=\"rule\" x1=\"0\" y1=\"" << bottom + 1 << "\" x2=\"" << svg_width << "\" y2=\"" << bottom + 1
        << "\"/>" << text_at(8, bottom + 22, "level", "Total", false);
    for (std::size_t c = 0; c < map_directions.size(); ++c)
        svg << text_at(label_width + static_cast<int>(c) * column_width + column_width / 2, bottom + 22, "total",
                       num(static_cast<long>(map.count(map_directions[c]))));
    svg << text_at(total_x, bottom + 22, "total", num(static_cast<long>(map.total()))) << "\n</svg>";
    return svg.str();
}

std::string direction_badge(ResultDirection direction) {
    const std::string id(to_string(direction));
    return "<span class=\"badge d-" + id + "\">" + id + "</span>";
}

void write_table(std::ostringstream& out, const EvidenceMap& map) {
    out << "<table class=\"counts\">\n<thead><tr><th>Level</th><th>Designs</th>";
    for (const auto direction : map_directions)
        out << "<th title=\"" << escape(describe_direction(direction)) << "\">" << direction_badge(direction) << "</th>";
    out << "<th>Total</th></tr></thead>\n<tbody>\n";
    for (const auto& row : map.levels) {
        std::string designs;
        for (const auto design : row.designs) designs += (designs.empty() ? "" : ", ") + std::string(to_string(design));
        out << "<tr><th>" << (row.total() ? "<a href=\"#level-" + num(row.level) + "\">" + num(row.level) + "</a>" : num(row.level))
            << "</th><td>" << escape(designs) << "</td>";
        for (const auto direction : map_directions) out << "<td class=\"num\">" << row.count(direction) << "</td>";
        out << "<td class=\"num\"><strong>" << row.total() << "</strong></td></tr>\n";
    }
    out << "</tbody>\n<tfoot><tr><th>Total</th><td></td>";
    for (const auto direction : map_directions) out << "<td class=\"num\"><strong>" << map.count(direction) << "</strong></td>";
    out << "<td class=\"num\"><strong>" << map.total() << "</strong></td></tr></tfoot>\n</table>\n";
}

void write_level(std::ostringstream& out, const EvidenceMap& map, const EvidenceLevelRow& row) {
    out << "<section id=\"level-" << row.level << "\">\n<h2>Level " << row.level << ": " << row.total()
        << studies_word(row.total()) << "</h2>\n<p class=\"muted\">" << escape(designs_line(map, row.level)) << "</p>\n";
    out << "<table>\n<thead><tr><th>Study</th><th>Design</th><th>n</th><th>Year</th><th>Result</th><th>Title</th></tr>"
           "</thead>\n<tbody>\n";
    for (const Study& s : map.studies) {
        if (s.level() != row.level) continue;
        out << "<tr><td class=\"id\">" << html::study_link(s) << "</td><td>" << escape(to_string(s.design))
            << "</td><td class=\"num\">" << (s.n ? num(*s.n) : "") << "</td><td class=\"num\">"
            << (s.year ? num(*s.year) : "") << "</td><td>" << direction_badge(s.result_direction) << "</td><td>"
            << (s.retracted ? "<strong>retracted</strong> " : "") << escape(s.title) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
}

std::string_view style_sheet() {
    return R"css(:root{--positive:#1a7f37;--null:#0550ae;--negative:#c62828;--mixed:#b45309;--unclear:#8c959f;
--line:#d0d7de;--soft:#f6f8fa;--ink:#1f2328;--muted:#59636e}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);
margin:0 auto;max-width:1100px;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
a{color:#0550ae}.muted,.none{color:var(--muted)}p.summary{font-size:1.05rem}
figure{margin:1rem 0;overflow-x:auto}
svg.map text{font-size:13px;fill:var(--ink)}svg.map text.sub{font-size:11px;fill:var(--muted)}
svg.map text.head,svg.map text.level{font-weight:600}svg.map a text.level{fill:#0550ae}
svg.map text.total{font-weight:600}svg.map rect.slot{fill:var(--soft);stroke:var(--line)}
svg.map line.rule{stroke:var(--ink)}svg.map g.cell text.count{fill:#fff;font-weight:700}
svg.map g.d-positive circle{fill:var(--positive)}svg.map g.d-null circle{fill:var(--null)}
svg.map g.d-negative circle{fill:var(--negative)}svg.map g.d-mixed circle{fill:var(--mixed)}
svg.map g.d-unclear circle{fill:var(--unclear)}
.badge{display:inline-block;border-radius:999px;padding:0 .6em;font-size:.8rem;font-weight:600;color:#fff;
background:var(--unclear);white-space:nowrap}
.badge.d-positive{background:var(--positive)}.badge.d-null{background:var(--null)}
.badge.d-negative{background:var(--negative)}.badge.d-mixed{background:var(--mixed)}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--soft)}td.num{text-align:right;white-space:nowrap}td.id{white-space:nowrap}
@media print{body{max-width:none;padding:0}a{color:inherit}})css";
}

}  // namespace

std::string write_map_html(const EvidenceMap& map) {
    std::ostringstream out;
    out.imbue(std::locale::classic());  // numbers never take a user's locale
    const std::string title = "Evidence map: " + describe_scope(map.request);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"generator\" content=\"evidex-query map\">\n<title>"
        << escape(title) << "</title>\n<style>\n" << style_sheet() << "\n</style>\n</head>\n<body>\n<header>\n<h1>"
        << escape(title) << "</h1>\n</header>\n<main>\n<p class=\"summary\">" << escape(summarize_evidence_map(map))
        << "</p>\n";
    if (!map.notices_left_out.empty()) out << "<p class=\"muted\">" << escape(describe_notices_left_out(map)) << "</p>\n";
    if (map.total() == 0) {
        out << "<p class=\"none\">The index holds no study on this; there is nothing to draw.</p>\n";
    } else {
        out << "<figure>" << draw_map(map)
            << "<figcaption class=\"muted\">Rows are evidence levels (1 strongest), columns what the studies found; a "
               "bubble's area grows with the number of studies.</figcaption></figure>\n";
        write_table(out, map);
        for (const auto& row : map.levels)
            if (row.total() > 0) write_level(out, map, row);
    }
    out << "</main>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace evidex
