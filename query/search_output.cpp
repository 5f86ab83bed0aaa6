#include "query/search_output.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/study_json.h"
#include "core/text.h"

namespace evidex {

namespace {

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The first `width` characters of `s`, ending in "…" when cut; never splits a UTF-8 sequence.
std::string cut_to(std::string_view s, std::size_t width) {
    if (utf8_length(s) <= width) return std::string(s);
    if (width == 0) return "";
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (chars == width - 1) break;
        ++chars;
    }
    return std::string(s.substr(0, i)) + "\u2026";
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    const std::size_t length = utf8_length(s);
    if (length < width) out.append(width - length, ' ');
    return out;
}

std::vector<std::string> table_row(const Study& study) {
    return {study.key(),
            std::string(to_string(study.design)),
            std::to_string(study.level()),
            study.n ? std::to_string(*study.n) : "-",
            study.year ? std::to_string(*study.year) : "-",
            std::string(to_string(study.result_direction))};
}

// "rct (5), cohort (2)": by count, largest first, then by id; `by_id` keeps the id order instead.
std::string facet_line(const std::map<std::string, std::size_t>& counts, bool by_id, bool newest_first) {
    std::vector<std::pair<std::string, std::size_t>> entries(counts.begin(), counts.end());
    if (newest_first) std::reverse(entries.begin(), entries.end());
    if (!by_id)
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string line;
    for (const auto& [id, count] : entries) {
        if (!line.empty()) line += ", ";
        line += id + " (" + std::to_string(count) + ")";
    }
    return line.empty() ? "-" : line;
}

nlohmann::json facets_json(const SearchFacets& facets) {
    return {{"design", facets.design},
            {"level", facets.level},
            {"condition", facets.condition},
            {"year", facets.year},
            {"result_direction", facets.result_direction}};
}

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string joined(const std::vector<std::string>& values, char sep) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += sep;
        out += value;
    }
    return out;
}

}  // namespace

void write_search_table(std::ostream& out, const SearchResult& result, std::size_t width) {
    const std::vector<std::string> header{"ID", "DESIGN", "LEVEL", "N", "YEAR", "DIRECTION"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& hit : result.hits) rows.push_back(table_row(hit.study));
    std::vector<std::size_t> widths;
    for (const auto& name : header) widths.push_back(name.size());
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], utf8_length(row[i]));
    const auto line = [&](const std::vector<std::string>& cells, const std::string& title) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) text += pad(cells[i], widths[i]) + "  ";
        out << cut_to(text + title, width) << '\n';
    };
    if (!rows.empty()) line(header, "TITLE");
    for (std::size_t i = 0; i < rows.size(); ++i) line(rows[i], collapse_whitespace(result.hits[i].study.title));
    if (!result.facets) return;
    const SearchFacets& facets = *result.facets;
    out << "\nFacets\n";
    out << "  design            " << facet_line(facets.design, false, false) << '\n';
    out << "  level             " << facet_line(facets.level, true, false) << '\n';
    out << "  condition         " << facet_line(facets.condition, false, false) << '\n';
    out << "  year              " << facet_line(facets.year, true, true) << '\n';
    out << "  result_direction  " << facet_line(facets.result_direction, false, false) << '\n';
}

void write_search_json(std::ostream& out, const SearchResult& result) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : result.hits) hits.push_back(study_to_json(hit.study));
    const nlohmann::json document{{"total", result.total},
                                  {"total_exact", result.total_exact},
                                  {"hits", std::move(hits)},
                                  {"facets", result.facets ? facets_json(*result.facets) : nlohmann::json::object()}};
    out << document.dump(2) << '\n';
}

void write_search_csv(std::ostream& out, const SearchResult& result) {
    out << "pmid,doi,title,journal,year,design,level,n,conditions,result_direction\r\n";
    for (const auto& hit : result.hits) {
        const Study& s = hit.study;
        const std::vector<std::string> fields{s.pmid,
                                              s.doi,
                                              s.title,
                                              s.journal,
                                              s.year ? std::to_string(*s.year) : "",
                                              std::string(to_string(s.design)),
                                              std::to_string(s.level()),
                                              s.n ? std::to_string(*s.n) : "",
                                              joined(s.conditions, ';'),
                                              std::string(to_string(s.result_direction))};
        std::string line;
        for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
        out << line << "\r\n";
    }
}

std::string describe_search_total(const SearchResult& result, std::size_t offset) {
    std::string text = (result.total_exact ? "" : "about ") + std::to_string(result.total) +
                       (result.total == 1 ? " study matches" : " studies match");
    if (!result.hits.empty() && result.hits.size() < result.total)
        text += "; showing " + std::to_string(offset + 1) + "-" + std::to_string(offset + result.hits.size());
    return text;
}

}  // namespace evidex
