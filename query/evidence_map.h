// The evidence map of a condition: the studies the index holds on it, grouped by evidence level
// (rows, 1 strongest) and result direction (columns), each group strongest study first. The
// studies come from the search machinery (search_all_studies); the writers are in map_output.h.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/conditions.h"
#include "core/study.h"
#include "query/search.h"

namespace evidex {

class IndexReader;

inline constexpr int evidence_level_count = 5;

// The columns of the map in the order reports show them: effect, no effect, the opposite, mixed,
// unclear.
inline constexpr std::array<ResultDirection, 5> map_directions{
    ResultDirection::positive, ResultDirection::null, ResultDirection::negative, ResultDirection::mixed,
    ResultDirection::unclear};

// What a map covers: one condition, and optionally an intervention, query words and years.
struct EvidenceMapRequest {
    std::string condition_id;     // "restless-legs-syndrome"
    std::string condition_label;  // "Restless legs syndrome"
    std::optional<std::string> intervention;  // intervention term value: "magnesium", "magnesium:oxide"
    std::string query;                         // free text as search takes it; may be empty
    std::optional<YearRange> years;
};

// One row of the map: the studies of one evidence level, by result direction.
struct EvidenceLevelRow {
    int level = 0;
    std::vector<Design> designs;  // every design of this level, in the vocabulary's order
    // Per column of map_directions: indexes into EvidenceMap::studies, strongest first.
    std::array<std::vector<std::size_t>, map_directions.size()> cells;

    [[nodiscard]] std::size_t count(ResultDirection direction) const;
    [[nodiscard]] std::size_t total() const;
};

struct EvidenceMap {
    EvidenceMapRequest request;
    std::vector<Study> studies;  // strongest first (stronger_study)
    // Retraction, erratum and comment notices that matched: records about a study, not studies,
    // so they are named here and counted nowhere else. Ids, in key order.
    std::vector<std::string> notices_left_out;
    std::array<EvidenceLevelRow, evidence_level_count> levels;

    [[nodiscard]] std::size_t total() const { return studies.size(); }
    [[nodiscard]] std::size_t count(ResultDirection direction) const;
    // The studies of a level by design, in the vocabulary's order, designs without studies left out.
    [[nodiscard]] std::vector<std::pair<Design, std::size_t>> designs_present(int level) const;
};

// The column of a direction in map_directions.
std::size_t direction_column(ResultDirection direction);

// The order of the map: lower level first, then more participants (unknown n last), then newer
// (unknown year last), then by key, so the order never depends on the index.
bool stronger_study(const Study& a, const Study& b);

// Groups `studies` into a map, leaving notices out. Pure: no index.
EvidenceMap build_evidence_map(std::vector<Study> studies, EvidenceMapRequest request);

// Every study of the index on the request's condition (and intervention, words, years), grouped.
// `conditions` resolves `condition:` in the query words. Throws as search_studies.
EvidenceMap build_evidence_map(const IndexReader& reader, const EvidenceMapRequest& request,
                               const ConditionVocabulary* conditions);

// What a direction means, said as a finding: "found an effect", "found no effect", ...
std::string_view describe_direction(ResultDirection direction);

// What the map covers: "Restless legs syndrome", "Restless legs syndrome, intervention magnesium,
// published 2010 to 2020, words "sleep"".
std::string describe_scope(const EvidenceMapRequest& request);

// The one sentence a reader wants first: "3 studies on Migraine. Level 1 (2 meta-analysis,
// 1 systematic-review): 2 found an effect, 1 found no effect. Level 2 (...): ...", or
// "No studies indexed on Migraine." when the map is empty.
std::string summarize_evidence_map(const EvidenceMap& map);

// "Left out: 1 retraction or correction notice (pmid:1): ...", or empty when there is none.
std::string describe_notices_left_out(const EvidenceMap& map);

}  // namespace evidex
