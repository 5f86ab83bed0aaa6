// The settings of the grading rubric (schemas/grading.tsv) and the regulatory reference layer
// (schemas/regulatory.tsv), loaded once per run.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace evidex {

// One known regulatory position on a substance.
struct RegulatoryEntry {
    std::string id;
    std::string kind;         // "authorised-claim" or "upper-limit"
    std::string substance;    // intervention vocabulary id ("magnesium")
    std::vector<std::string> conditions;  // condition ids the wording is about (authorised claims)
    double limit_mg = 0;      // upper limits: mg per day
    std::string wording;      // the authorised wording, or what the limit is
    std::string source;       // the regulation or body
};

struct GradingRules {
    int definite_max_level = 2;
    int hedged_max_level = 4;
    int superlative_max_level = 2;
    int contradict_max_level = 2;
    std::set<std::string> serious_flags;
    std::set<Design> not_testing_designs;
    std::set<std::string> not_testing_flags;
    std::vector<std::string> comparison_words;
    std::set<std::string> narrow_populations;
    std::vector<std::string> attribution_words;
    double link_threshold = 0.5;
    std::size_t link_max = 5;
    double link_condition = 0.5, link_number = 0.3, link_form = 0.15, link_dose = 0.1, link_population = 0.1,
           link_journal = 0.3, link_year = 0.1;
    double number_min_count = 100;
    double dose_tolerance = 0.5;
    std::size_t uncited_max = 3;
    std::size_t page_test_reach = 12;
    std::vector<RegulatoryEntry> regulatory;
    // "clinical trial" -> {rct, non-randomized-trial, uncontrolled-trial}; longest words first.
    std::vector<std::pair<std::string, std::set<Design>>> design_words;
};

// Reads grading.tsv and regulatory.tsv from `schemas_dir`. Throws FatalError ("file:line: what")
// on a bad line, an unknown setting, a missing one, or an unknown flag or design id.
GradingRules load_grading_rules(const std::filesystem::path& schemas_dir);

// The flag ids of DESIGN.md, in their documented order.
const std::vector<std::string>& known_flags();

}  // namespace evidex
