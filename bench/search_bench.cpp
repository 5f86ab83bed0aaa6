// evidex-bench-search: opens an index once and times a fixed mix of searches through
// search_studies, as evidex-query runs them: a warm-up pass, then one timed pass. Prints p50,
// p99 and max by category; --json writes the figures, --write-mix the queries (for a peer).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/query_mix.h"
#include "core/errors.h"
#include "core/index_reader.h"
#include "query/search.h"

using namespace evidex;
using namespace evidex::bench;

namespace {

constexpr std::string_view usage_text =
    "usage: evidex-bench-search --db DIR [--seed S] [--per-category N] [--only CATEGORY] [--json FILE]\n"
    "                           [--slowest N] [--split WHEN] [--write-mix FILE]\n"
    "\n"
    "Times a fixed mix of searches (N of each category, default 250) on the index in DIR.\n"
    "\n"
    "  --db DIR          the index to search\n"
    "  --seed S          the seed of the query mix (default 1)\n"
    "  --per-category N  queries of each category (default 250)\n"
    "  --only CATEGORY   run the queries of one category alone (text, text+condition,\n"
    "                    design+years, facets), e.g. under a profiler\n"
    "  --json FILE       also write the figures as JSON\n"
    "  --slowest N       also list the N slowest queries: time, matches and the request\n"
    "  --split WHEN      rank pages on two threads: when-large (default, as evidex-query does),\n"
    "                    never or always; to compare one thread with two\n"
    "  --write-mix FILE  write the queries as JSON lines, in Xapian terms, and exit\n";

struct Options {
    std::string db;
    std::uint64_t seed = 1;
    std::size_t per_category = 250;
    std::optional<std::string> json;
    std::optional<std::string> mix;
    std::optional<std::string> only;
    std::size_t slowest = 0;
    SplitRanking split = SplitRanking::when_large;
};

std::uint64_t parse_count(const std::string& option, std::string_view text) {
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
        throw FatalError(ExitCode::usage, option + " '" + std::string(text) + "' is not a number");
    return value;
}

// Null when --help was asked for (the usage is printed).
std::optional<Options> parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "-h" || option == "--help") {
            std::cout << usage_text;
            return std::nullopt;
        }
        if (i + 1 >= argc) throw FatalError(ExitCode::usage, "unknown option or missing value: " + option);
        const std::string value = argv[++i];
        if (option == "--db") options.db = value;
        else if (option == "--seed") options.seed = parse_count(option, value);
        else if (option == "--per-category") options.per_category = parse_count(option, value);
        else if (option == "--json") options.json = value;
        else if (option == "--write-mix") options.mix = value;
        else if (option == "--only") options.only = value;
        else if (option == "--slowest") options.slowest = parse_count(option, value);
        else if (option == "--split") {
            if (value == "when-large") options.split = SplitRanking::when_large;
            else if (value == "never") options.split = SplitRanking::never;
            else if (value == "always") options.split = SplitRanking::always;
            else throw FatalError(ExitCode::usage, "--split '" + value + "': give when-large, never or always");
        }
        else throw FatalError(ExitCode::usage, "unknown option " + option);
    }
    if (options.db.empty() && !options.mix) throw FatalError(ExitCode::usage, "--db is required");
    return options;
}

struct Timing {
    std::vector<double> ms;
    double hits_total = 0;
};

struct Figures {
    std::size_t count = 0;
    double p50 = 0, p99 = 0, max = 0, mean_total = 0;
};

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double fraction) {
    const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size()) + 0.999999);
    return sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1];
}

Figures figures_of(Timing timing) {
    Figures f;
    f.count = timing.ms.size();
    if (f.count == 0) return f;
    std::sort(timing.ms.begin(), timing.ms.end());
    f.p50 = percentile(timing.ms, 0.50);
    f.p99 = percentile(timing.ms, 0.99);
    f.max = timing.ms.back();
    f.mean_total = timing.hits_total / static_cast<double>(f.count);
    return f;
}

// One timed query of the mix.
struct QueryTime {
    std::size_t index = 0;  // in the mix
    double ms = 0;
    std::size_t total = 0;
};

std::map<std::string, Timing> run_mix(const IndexReader& reader, const std::vector<BenchQuery>& mix,
                                      std::vector<QueryTime>& each) {
    for (const auto& query : mix) search_studies(reader, query.request, nullptr);  // warm-up
    std::map<std::string, Timing> timings;
    for (std::size_t i = 0; i < mix.size(); ++i) {
        const BenchQuery& query = mix[i];
        const auto start = std::chrono::steady_clock::now();
        const SearchResult result = search_studies(reader, query.request, nullptr);
        const auto end = std::chrono::steady_clock::now();
        const double ms = std::chrono::duration<double, std::milli>(end - start).count();
        each.push_back({i, ms, result.total});
        for (const std::string& name : {std::string(to_string(query.category)), std::string("all")}) {
            timings[name].ms.push_back(ms);
            timings[name].hits_total += static_cast<double>(result.total);
        }
    }
    return timings;
}

// The request as a line: category, text and filters.
std::string describe(const BenchQuery& query) {
    const SearchRequest& r = query.request;
    std::string out(to_string(query.category));
    if (!r.query.empty()) out += " \"" + r.query + "\"";
    if (r.condition) out += " condition=" + *r.condition;
    if (r.design) out += " design=" + std::string(to_string(*r.design));
    if (r.years) out += " years=" + std::to_string(r.years->from.value_or(0)) + ".." + std::to_string(r.years->to.value_or(9999));
    if (r.facets) out += " +facets";
    return out;
}

void print_slowest(std::vector<QueryTime> each, const std::vector<BenchQuery>& mix, std::size_t n) {
    std::sort(each.begin(), each.end(), [](const QueryTime& a, const QueryTime& b) { return a.ms > b.ms; });
    std::printf("slowest queries\n%9s %9s  %s\n", "ms", "matches", "request");
    for (std::size_t i = 0; i < std::min(n, each.size()); ++i)
        std::printf("%9.2f %9zu  %s\n", each[i].ms, each[i].total, describe(mix[each[i].index]).c_str());
}

void print_table(const std::vector<std::pair<std::string, Figures>>& rows, std::size_t studies) {
    std::printf("evidex search_studies, %zu studies, limit 20, one warm-up pass first\n", studies);
    std::printf("%-16s %6s %9s %9s %9s %12s\n", "category", "count", "p50 ms", "p99 ms", "max ms", "mean total");
    for (const auto& [name, f] : rows)
        std::printf("%-16s %6zu %9.2f %9.2f %9.2f %12.0f\n", name.c_str(), f.count, f.p50, f.p99, f.max, f.mean_total);
}

void write_json(const std::string& path, const std::vector<std::pair<std::string, Figures>>& rows, std::size_t studies) {
    nlohmann::json out = {{"engine", "evidex"}, {"studies", studies}, {"categories", nlohmann::json::object()}};
    for (const auto& [name, f] : rows)
        out["categories"][name] = {{"count", f.count}, {"p50_ms", f.p50},  {"p99_ms", f.p99},
                                   {"max_ms", f.max},  {"mean_total", f.mean_total}};
    std::ofstream file(path);
    file << out.dump(2) << '\n';
    if (!file.flush()) throw FatalError(ExitCode::failed, path + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::optional<Options> parsed = parse_options(argc, argv);
        if (!parsed) return 0;
        const Options& options = *parsed;
        std::vector<BenchQuery> mix = build_query_mix(options.seed, options.per_category);
        for (auto& query : mix) query.request.split = options.split;
        if (options.only) {
            std::erase_if(mix, [&](const BenchQuery& query) { return to_string(query.category) != *options.only; });
            if (mix.empty()) throw FatalError(ExitCode::usage, "--only: no category '" + *options.only + "'");
        }
        if (options.mix) {
            std::ofstream file(*options.mix);
            write_query_mix(file, mix);
            if (!file.flush()) throw FatalError(ExitCode::failed, *options.mix + ": cannot write");
            return 0;
        }
        const IndexReader reader(options.db);
        std::vector<QueryTime> each;
        auto timings = run_mix(reader, mix, each);
        std::vector<std::pair<std::string, Figures>> rows;
        for (const QueryCategory category : query_categories) {
            const std::string name(to_string(category));
            if (timings.count(name)) rows.emplace_back(name, figures_of(std::move(timings[name])));
        }
        rows.emplace_back("all", figures_of(std::move(timings["all"])));
        print_table(rows, reader.study_count());
        if (options.slowest) print_slowest(std::move(each), mix, options.slowest);
        if (options.json) write_json(*options.json, rows, reader.study_count());
        return 0;
    } catch (const FatalError& e) {
        std::cerr << "evidex-bench-search: error: " << e.what() << "\n";
        if (e.code() == ExitCode::usage) std::cerr << usage_text;
        return static_cast<int>(e.code());
    }
}
