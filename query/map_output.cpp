// The evidence map as Markdown and as JSON. The HTML page is in map_html.cpp.
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/map_output.h"
#include "query/markdown_text.h"

namespace evidex {

namespace {

using markdown::escape;

std::string join_designs(const std::vector<Design>& designs) {
    std::string text;
    for (const auto design : designs) text += (text.empty() ? "" : ", ") + std::string(to_string(design));
    return text;
}

void write_table(std::ostringstream& out, const EvidenceMap& map) {
    out << "| Level | Designs |";
    for (const auto direction : map_directions) out << ' ' << to_string(direction) << " |";
    out << " Total |\n|---|---|";
    for (std::size_t i = 0; i < map_directions.size(); ++i) out << "--:|";
    out << "--:|\n";
    for (const auto& row : map.levels) {
        out << "| " << row.level << " | " << join_designs(row.designs) << " |";
        for (const auto direction : map_directions) out << ' ' << row.count(direction) << " |";
        out << " **" << row.total() << "** |\n";
    }
    out << "| **Total** | |";
    for (const auto direction : map_directions) out << " **" << map.count(direction) << "** |";
    out << " **" << map.total() << "** |\n\n";
    out << "Result directions:";
    for (std::size_t i = 0; i < map_directions.size(); ++i)
        out << (i ? ";" : "") << ' ' << to_string(map_directions[i]) << ": " << describe_direction(map_directions[i]);
    out << ".\n";
}

void write_level(std::ostringstream& out, const EvidenceMap& map, const EvidenceLevelRow& row) {
    std::string designs;
    for (const auto& [design, count] : map.designs_present(row.level))
        designs += (designs.empty() ? "" : ", ") + std::string(to_string(design)) + " " + std::to_string(count);
    out << "\n## Level " << row.level << ": " << row.total() << (row.total() == 1 ? " study" : " studies") << " ("
        << designs << ")\n\n";
    out << "| Study | Design | n | Year | Result | Title |\n|---|---|--:|--:|---|---|\n";
    for (const Study& s : map.studies) {
        if (s.level() != row.level) continue;
        out << "| " << escape(s.key()) << " | " << to_string(s.design) << " | " << (s.n ? std::to_string(*s.n) : "-")
            << " | " << (s.year ? std::to_string(*s.year) : "-") << " | " << to_string(s.result_direction) << " | "
            << (s.retracted ? "**retracted** " : "") << escape(markdown::cut(s.title, 90)) << " |\n";
    }
}

nlohmann::json nullable(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

nlohmann::json study_json(const Study& s) {
    return {{"id", s.key()},
            {"pmid", nullable(s.pmid)},
            {"doi", nullable(s.doi)},
            {"title", s.title},
            {"year", s.year ? nlohmann::json(*s.year) : nlohmann::json()},
            {"design", to_string(s.design)},
            {"level", s.level()},
            {"n", s.n ? nlohmann::json(*s.n) : nlohmann::json()},
            {"result_direction", to_string(s.result_direction)},
            {"retracted", s.retracted}};
}

nlohmann::json level_json(const EvidenceMap& map, const EvidenceLevelRow& row) {
    nlohmann::json designs = nlohmann::json::array();
    for (const auto design : row.designs) designs.push_back(to_string(design));
    nlohmann::json by_design = nlohmann::json::object();
    for (const auto& [design, count] : map.designs_present(row.level)) by_design[std::string(to_string(design))] = count;
    nlohmann::json cells = nlohmann::json::object();
    for (const auto direction : map_directions) {
        nlohmann::json ids = nlohmann::json::array();
        for (const std::size_t index : row.cells[direction_column(direction)]) ids.push_back(map.studies[index].key());
        cells[std::string(to_string(direction))] = {{"count", ids.size()}, {"studies", std::move(ids)}};
    }
    return {{"level", row.level},
            {"designs", std::move(designs)},
            {"by_design", std::move(by_design)},
            {"total", row.total()},
            {"cells", std::move(cells)}};
}

}  // namespace

std::string write_map_markdown(const EvidenceMap& map) {
    std::ostringstream out;
    out << "# Evidence map: " << escape(describe_scope(map.request)) << "\n\n" << escape(summarize_evidence_map(map))
        << "\n";
    if (!map.notices_left_out.empty()) out << '\n' << escape(describe_notices_left_out(map)) << '\n';
    if (map.total() == 0) return out.str();
    out << '\n';
    write_table(out, map);
    for (const auto& row : map.levels)
        if (row.total() > 0) write_level(out, map, row);
    return out.str();
}

std::string write_map_json(const EvidenceMap& map) {
    const EvidenceMapRequest& request = map.request;
    nlohmann::json directions = nlohmann::json::array();
    nlohmann::json by_direction = nlohmann::json::object();
    for (const auto direction : map_directions) {
        directions.push_back(to_string(direction));
        by_direction[std::string(to_string(direction))] = map.count(direction);
    }
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& row : map.levels) levels.push_back(level_json(map, row));
    nlohmann::json studies = nlohmann::json::array();
    for (const auto& study : map.studies) studies.push_back(study_json(study));
    nlohmann::json years;
    if (request.years)
        years = {{"from", request.years->from ? nlohmann::json(*request.years->from) : nlohmann::json()},
                 {"to", request.years->to ? nlohmann::json(*request.years->to) : nlohmann::json()}};
    const nlohmann::json document{
        {"condition", {{"id", request.condition_id}, {"label", request.condition_label}}},
        {"intervention", request.intervention ? nlohmann::json(*request.intervention) : nlohmann::json()},
        {"query", nullable(request.query)},
        {"years", std::move(years)},
        {"summary", summarize_evidence_map(map)},
        {"total", map.total()},
        {"directions", std::move(directions)},
        {"by_direction", std::move(by_direction)},
        {"levels", std::move(levels)},
        {"notices_left_out", map.notices_left_out},
        {"studies", std::move(studies)}};
    return document.dump(2) + "\n";
}

}  // namespace evidex
