#include "query/evidence_map.h"

#include <algorithm>
#include <cassert>

#include "core/index_reader.h"

namespace evidex {

namespace {

// "published in 2015", "published 2010 to 2020", "published from 2010", "published up to 2020".
std::string describe_years(const YearRange& years) {
    if (years.from && years.to)
        return *years.from == *years.to ? "published in " + std::to_string(*years.from)
                                        : "published " + std::to_string(*years.from) + " to " + std::to_string(*years.to);
    if (years.from) return "published from " + std::to_string(*years.from);
    return "published up to " + std::to_string(years.to.value_or(0));
}

// "1 found an effect, 2 found no effect": the non-empty directions of a level, in column order.
std::string direction_counts(const EvidenceLevelRow& row) {
    std::string text;
    for (const auto direction : map_directions) {
        const std::size_t count = row.count(direction);
        if (count == 0) continue;
        text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + std::string(describe_direction(direction));
    }
    return text;
}

}  // namespace

std::size_t direction_column(ResultDirection direction) {
    const auto it = std::find(map_directions.begin(), map_directions.end(), direction);
    assert(it != map_directions.end());
    return static_cast<std::size_t>(it - map_directions.begin());
}

std::size_t EvidenceLevelRow::count(ResultDirection direction) const { return cells[direction_column(direction)].size(); }

std::size_t EvidenceLevelRow::total() const {
    std::size_t sum = 0;
    for (const auto& cell : cells) sum += cell.size();
    return sum;
}

std::size_t EvidenceMap::count(ResultDirection direction) const {
    std::size_t sum = 0;
    for (const auto& row : levels) sum += row.count(direction);
    return sum;
}

std::vector<std::pair<Design, std::size_t>> EvidenceMap::designs_present(int level) const {
    std::vector<std::pair<Design, std::size_t>> present;
    for (int i = 0; i < design_count; ++i) {
        const auto design = static_cast<Design>(i);
        if (level_of(design) != level) continue;
        const auto count = static_cast<std::size_t>(
            std::count_if(studies.begin(), studies.end(), [&](const Study& s) { return s.design == design; }));
        if (count > 0) present.emplace_back(design, count);
    }
    return present;
}

bool stronger_study(const Study& a, const Study& b) {
    if (a.level() != b.level()) return a.level() < b.level();
    if (a.n.has_value() != b.n.has_value()) return a.n.has_value();
    if (a.n && *a.n != *b.n) return *a.n > *b.n;
    if (a.year.has_value() != b.year.has_value()) return a.year.has_value();
    if (a.year && *a.year != *b.year) return *a.year > *b.year;
    return a.key() < b.key();
}

EvidenceMap build_evidence_map(std::vector<Study> studies, EvidenceMapRequest request) {
    EvidenceMap map;
    map.request = std::move(request);
    for (auto& study : studies) {
        if (study.is_notice)
            map.notices_left_out.push_back(study.key());
        else
            map.studies.push_back(std::move(study));
    }
    std::sort(map.notices_left_out.begin(), map.notices_left_out.end());
    std::sort(map.studies.begin(), map.studies.end(), stronger_study);
    for (int level = 1; level <= evidence_level_count; ++level) {
        EvidenceLevelRow& row = map.levels[static_cast<std::size_t>(level - 1)];
        row.level = level;
        for (int i = 0; i < design_count; ++i)
            if (level_of(static_cast<Design>(i)) == level) row.designs.push_back(static_cast<Design>(i));
    }
    for (std::size_t i = 0; i < map.studies.size(); ++i) {
        const Study& study = map.studies[i];
        const int level = study.level();
        assert(level >= 1 && level <= evidence_level_count);
        map.levels[static_cast<std::size_t>(level - 1)].cells[direction_column(study.result_direction)].push_back(i);
    }
    return map;
}

EvidenceMap build_evidence_map(const IndexReader& reader, const EvidenceMapRequest& request,
                               const ConditionVocabulary* conditions) {
    SearchRequest search;
    search.query = request.query;
    search.condition = request.condition_id;
    search.intervention = request.intervention;
    search.years = request.years;
    search.sort = SearchSort::level;
    return build_evidence_map(search_all_studies(reader, search, conditions), request);
}

std::string_view describe_direction(ResultDirection direction) {
    switch (direction) {
    case ResultDirection::positive: return "found an effect";
    case ResultDirection::null: return "found no effect";
    case ResultDirection::negative: return "found the opposite effect";
    case ResultDirection::mixed: return "found mixed results";
    case ResultDirection::unclear: return "stated no clear result";
    }
    return {};
}

std::string describe_scope(const EvidenceMapRequest& request) {
    std::string scope = request.condition_label.empty() ? request.condition_id : request.condition_label;
    if (request.intervention) scope += ", intervention " + *request.intervention;
    if (request.years) scope += ", " + describe_years(*request.years);
    if (!request.query.empty()) scope += ", words \"" + request.query + "\"";
    return scope;
}

std::string describe_notices_left_out(const EvidenceMap& map) {
    const auto& ids = map.notices_left_out;
    if (ids.empty()) return {};
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    return "Left out: " + std::to_string(ids.size()) +
           (ids.size() == 1 ? " retraction or correction notice (" : " retraction or correction notices (") + list +
           "): a notice is a record about a study, not a study.";
}

std::string summarize_evidence_map(const EvidenceMap& map) {
    const std::string scope = describe_scope(map.request);
    if (map.total() == 0) return "No studies indexed on " + scope + ".";
    std::string text = std::to_string(map.total()) + (map.total() == 1 ? " study on " : " studies on ") + scope + ".";
    for (const auto& row : map.levels) {
        if (row.total() == 0) continue;
        std::string designs;
        for (const auto& [design, count] : map.designs_present(row.level))
            designs += (designs.empty() ? "" : ", ") + std::to_string(count) + " " + std::string(to_string(design));
        text += " Level " + std::to_string(row.level) + " (" + designs + "): " + direction_counts(row) + ".";
    }
    return text;
}

}  // namespace evidex
