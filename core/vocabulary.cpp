#include "core/vocabulary.h"

#include <array>
#include <utility>

namespace evidex {

namespace {

struct DesignRow {
    Design design;
    std::string_view id;
    int level;
};

// The contract's table (DESIGN.md "Vocabularies"); schemas/designs.tsv documents it.
constexpr std::array<DesignRow, design_count> design_table{{
    {Design::meta_analysis, "meta-analysis", 1},
    {Design::systematic_review, "systematic-review", 1},
    {Design::rct, "rct", 2},
    {Design::non_randomized_trial, "non-randomized-trial", 3},
    {Design::cohort, "cohort", 3},
    {Design::case_control, "case-control", 4},
    {Design::cross_sectional, "cross-sectional", 4},
    {Design::uncontrolled_trial, "uncontrolled-trial", 4},
    {Design::case_series, "case-series", 4},
    {Design::case_report, "case-report", 4},
    {Design::narrative_review, "narrative-review", 5},
    {Design::in_vitro, "in-vitro", 5},
    {Design::animal, "animal", 5},
    {Design::hypothesis, "hypothesis", 5},
    {Design::guideline, "guideline", 5},
    {Design::unpublished, "unpublished", 5},
    {Design::other, "other", 5},
}};

template <typename Enum, std::size_t N>
std::optional<Enum> find_id(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view id) {
    for (const auto& [value, name] : table)
        if (name == id) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view find_name(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

constexpr std::array<std::pair<Blinding, std::string_view>, 4> blinding_table{{
    {Blinding::double_blind, "double"},
    {Blinding::single_blind, "single"},
    {Blinding::open, "open"},
    {Blinding::unknown, "unknown"},
}};

constexpr std::array<std::pair<ResultDirection, std::string_view>, 5> direction_table{{
    {ResultDirection::positive, "positive"},
    {ResultDirection::null, "null"},
    {ResultDirection::negative, "negative"},
    {ResultDirection::mixed, "mixed"},
    {ResultDirection::unclear, "unclear"},
}};

constexpr std::array<std::pair<Source, std::string_view>, 4> source_table{{
    {Source::pubmed, "pubmed"},
    {Source::crossref, "crossref"},
    {Source::doi, "doi"},
    {Source::curated, "curated"},
}};

}  // namespace

std::string_view to_string(Design d) { return design_table[static_cast<std::size_t>(d)].id; }
int level_of(Design d) { return design_table[static_cast<std::size_t>(d)].level; }

std::optional<Design> parse_design(std::string_view id) {
    for (const auto& row : design_table)
        if (row.id == id) return row.design;
    return std::nullopt;
}

std::string_view to_string(Blinding b) { return find_name(blinding_table, b); }
std::string_view to_string(ResultDirection r) { return find_name(direction_table, r); }
std::string_view to_string(Source s) { return find_name(source_table, s); }
std::optional<Blinding> parse_blinding(std::string_view id) { return find_id(blinding_table, id); }
std::optional<ResultDirection> parse_result_direction(std::string_view id) { return find_id(direction_table, id); }
std::optional<Source> parse_source(std::string_view id) { return find_id(source_table, id); }

}  // namespace evidex
