// Closed vocabularies of the contract (DESIGN.md): study designs with their evidence level,
// blinding, result direction and record source. Each enum <-> id mapping lives here once;
// schemas/designs.tsv documents the same table and a unit test keeps the two in step.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evidex {

enum class Design {
    meta_analysis,
    systematic_review,
    rct,
    non_randomized_trial,
    cohort,
    case_control,
    cross_sectional,
    uncontrolled_trial,
    case_series,
    case_report,
    narrative_review,
    in_vitro,
    animal,
    hypothesis,
    guideline,
    unpublished,
    other,
};
inline constexpr int design_count = static_cast<int>(Design::other) + 1;

enum class Blinding { double_blind, single_blind, open, unknown };
enum class ResultDirection { positive, null, negative, mixed, unclear };
enum class Source { pubmed, crossref, doi, curated };

// Kebab-case ids: "meta-analysis", "non-randomized-trial", ...
std::string_view to_string(Design d);
std::string_view to_string(Blinding b);            // "double", "single", "open", "unknown"
std::string_view to_string(ResultDirection r);
std::string_view to_string(Source s);

std::optional<Design> parse_design(std::string_view id);
std::optional<Blinding> parse_blinding(std::string_view id);
std::optional<ResultDirection> parse_result_direction(std::string_view id);
std::optional<Source> parse_source(std::string_view id);

// Evidence level of a design: 1 (strongest) to 5.
int level_of(Design d);

}  // namespace evidex
