#include "query/grading_rules.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>

#include "core/errors.h"
#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

const std::vector<std::string>& known_flags() {
    static const std::vector<std::string> flags{
        "small-n",           "open-label",           "no-control",         "in-vitro",
        "animal",            "hypothesis-paper",     "population-mismatch", "dose-mismatch",
        "form-mismatch",     "product-not-tested",   "surrogate-outcome",  "observational-only",
        "duplicate-citation", "unresolvable-citation", "unpublished",      "citation-off-topic",
        "effect-size-trivial", "self-conducted-test", "number-mismatch",   "retracted"};
    return flags;
}

namespace {

std::optional<double> parse_number(const std::string& text) {
    double value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

void load_settings(const std::filesystem::path& file, GradingRules& rules) {
    const TsvTable table = load_tsv(file, {"setting", "value"});
    std::map<std::string, const TsvRow*> rows;
    for (const auto& row : table.rows) {
        if (!rows.emplace(row.at("setting"), &row).second)
            table.fail(row.line, "setting '" + row.at("setting") + "' given twice");
    }
    std::set<std::string> used;
    const auto row_of = [&](const std::string& name) -> const TsvRow& {
        const auto it = rows.find(name);
        if (it == rows.end()) table.fail(0, "missing setting '" + name + "'");
        used.insert(name);
        return *it->second;
    };
    const auto number = [&](const std::string& name, double min, double max) {
        const TsvRow& row = row_of(name);
        const auto value = parse_number(row.at("value"));
        if (!value || *value < min || *value > max)
            table.fail(row.line, name + ": '" + row.at("value") + "' is not a number from " +
                                     std::to_string(min) + " to " + std::to_string(max));
        return *value;
    };
    const auto list = [&](const std::string& name) {
        std::vector<std::string> items;
        for (const auto& item : split(row_of(name).at("value"), '|'))
            if (!trim(item).empty()) items.emplace_back(trim(item));
        return items;
    };
    rules.definite_max_level = static_cast<int>(number("definite-max-level", 1, 5));
    rules.hedged_max_level = static_cast<int>(number("hedged-max-level", 1, 5));
    rules.superlative_max_level = static_cast<int>(number("superlative-max-level", 1, 5));
    rules.contradict_max_level = static_cast<int>(number("contradict-max-level", 1, 5));
    for (const auto& flag : list("serious-flags")) {
        const auto& flags = known_flags();
        if (std::find(flags.begin(), flags.end(), flag) == flags.end())
            table.fail(row_of("serious-flags").line, "unknown flag '" + flag + "'");
        rules.serious_flags.insert(flag);
    }
    for (const auto& id : list("not-testing-designs")) {
        const auto design = parse_design(id);
        if (!design) table.fail(row_of("not-testing-designs").line, "unknown design '" + id + "'");
        rules.not_testing_designs.insert(*design);
    }
    for (const auto& flag : list("not-testing-flags")) {
        const auto& flags = known_flags();
        if (std::find(flags.begin(), flags.end(), flag) == flags.end())
            table.fail(row_of("not-testing-flags").line, "unknown flag '" + flag + "'");
        rules.not_testing_flags.insert(flag);
    }
    rules.comparison_words = list("comparison-words");
    for (const auto& id : list("narrow-populations")) rules.narrow_populations.insert(id);
    rules.attribution_words = list("attribution-words");
    rules.link_threshold = number("link-threshold", 0, 10);
    rules.link_max = static_cast<std::size_t>(number("link-max", 1, 100));
    rules.link_condition = number("link-condition", 0, 10);
    rules.link_number = number("link-number", 0, 10);
    rules.link_form = number("link-form", 0, 10);
    rules.link_dose = number("link-dose", 0, 10);
    rules.link_population = number("link-population", 0, 10);
    rules.link_journal = number("link-journal", 0, 10);
    rules.link_year = number("link-year", 0, 10);
    rules.number_min_count = number("number-min-count", 0, 1e9);
    rules.dose_tolerance = number("dose-tolerance", 0, 10);
    rules.uncited_max = static_cast<std::size_t>(number("uncited-max", 0, 100));
    rules.page_test_reach = static_cast<std::size_t>(number("page-test-reach", 0, 1000));
    constexpr std::string_view design_word = "design-word:";
    for (const auto& [name, row] : rows) {
        if (name.rfind(design_word, 0) != 0) continue;
        used.insert(name);
        const std::string words = ascii_lower(trim(std::string_view(name).substr(design_word.size())));
        if (words.empty()) table.fail(row->line, "a design word is needed after 'design-word:'");
        std::set<Design> designs;
        for (const auto& id : split(row->at("value"), '|')) {
            const auto design = parse_design(trim(id));
            if (!design) table.fail(row->line, "unknown design '" + std::string(trim(id)) + "'");
            designs.insert(*design);
        }
        rules.design_words.emplace_back(words, std::move(designs));
    }
    std::stable_sort(rules.design_words.begin(), rules.design_words.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [name, row] : rows)
        if (!used.count(name)) table.fail(row->line, "unknown setting '" + name + "'");
}

void load_regulatory(const std::filesystem::path& file, GradingRules& rules) {
    const TsvTable table = load_tsv(file, {"id", "kind", "substance", "conditions", "limit_mg", "wording", "source"});
    std::set<std::string> ids;
    for (const auto& row : table.rows) {
        RegulatoryEntry entry;
        entry.id = row.at("id");
        entry.kind = row.at("kind");
        entry.substance = row.at("substance");
        entry.wording = row.at("wording");
        entry.source = row.at("source");
        if (entry.id.empty() || !ids.insert(entry.id).second) table.fail(row.line, "missing or repeated id '" + entry.id + "'");
        if (entry.substance.empty() || entry.wording.empty()) table.fail(row.line, "a substance and a wording are needed");
        for (const auto& c : split(row.at("conditions"), '|'))
            if (!trim(c).empty() && trim(c) != "-") entry.conditions.emplace_back(trim(c));
        if (entry.kind == "upper-limit") {
            const auto limit = parse_number(row.at("limit_mg"));
            if (!limit || *limit <= 0) table.fail(row.line, "an upper limit needs limit_mg above 0");
            entry.limit_mg = *limit;
        } else if (entry.kind != "authorised-claim") {
            table.fail(row.line, "unknown kind '" + entry.kind + "' (authorised-claim or upper-limit)");
        }
        rules.regulatory.push_back(std::move(entry));
    }
}

}  // namespace

GradingRules load_grading_rules(const std::filesystem::path& schemas_dir) {
    GradingRules rules;
    load_settings(schemas_dir / "grading.tsv", rules);
    load_regulatory(schemas_dir / "regulatory.tsv", rules);
    return rules;
}

}  // namespace evidex
