#include <unistd.h>

#include <sys/ioctl.h>

#include <iostream>
#include <set>

#include <boost/program_options.hpp>

#include "core/conditions.h"
#include "core/data_dirs.h"
#include "core/index_reader.h"
#include "query/citation_export.h"
#include "query/commands.h"
#include "query/search.h"
#include "query/search_output.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

// The terminal's width when stdout is one, else 160.
std::size_t output_width() {
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 160;
}

SearchRequest read_request(const po::variables_map& vm, const ConditionVocabulary& conditions) {
    SearchRequest request;
    if (vm.count("query")) {
        for (const auto& word : vm["query"].as<std::vector<std::string>>())
            request.query += (request.query.empty() ? "" : " ") + word;
    }
    if (vm.count("condition")) {
        request.condition = require_condition(conditions, vm["condition"].as<std::string>(), "search").id;
    }
    if (vm.count("design")) {
        const std::string name = vm["design"].as<std::string>();
        request.design = parse_design(name);
        if (!request.design)
            throw FatalError(ExitCode::usage, "search: unknown design '" + name + "' (schemas/designs.tsv lists them)");
    }
    if (vm.count("max-level")) {
        const int level = vm["max-level"].as<int>();
        if (level < 1 || level > 5) throw FatalError(ExitCode::usage, "search: --max-level must be 1 to 5");
        request.max_level = level;
    }
    if (vm.count("year")) request.years = parse_year_range(vm["year"].as<std::string>());
    const std::string sort = vm["sort"].as<std::string>();
    const auto parsed_sort = parse_search_sort(sort);
    if (!parsed_sort)
        throw FatalError(ExitCode::usage, "search: unknown --sort '" + sort + "' (relevance, level, year or n)");
    request.sort = *parsed_sort;
    const int limit = vm["limit"].as<int>();
    const int offset = vm["offset"].as<int>();
    if (limit < 0 || offset < 0) throw FatalError(ExitCode::usage, "search: --limit and --offset cannot be negative");
    request.limit = static_cast<std::size_t>(limit);
    request.offset = static_cast<std::size_t>(offset);
    request.facets = vm.count("facets") > 0;
    request.exact_total = vm.count("exact-total") > 0;
    return request;
}

}  // namespace

ExitCode run_query_search(const CommandLine& line) {
    po::options_description options("evidex-query search [QUERY] [options]: find studies in the index");
    options.add_options()
        ("condition", po::value<std::string>()->value_name("C"), "only studies of this condition (id, name or synonym: rls)")
        ("design", po::value<std::string>()->value_name("D"), "only studies of this design id (rct, cohort, ...)")
        ("max-level", po::value<int>()->value_name("L"), "only evidence levels 1 to L (1 is strongest)")
        ("year", po::value<std::string>()->value_name("FROM..TO"), "only these years: 2010..2020, 2010.., ..2020")
        ("sort", po::value<std::string>()->default_value("relevance")->value_name("ORDER"), "relevance, level, year or n")
        ("limit", po::value<int>()->default_value(20)->value_name("N"), "show at most N studies")
        ("offset", po::value<int>()->default_value(0)->value_name("N"), "skip the first N studies")
        ("facets", "count the matches by design, level, condition, year and result direction")
        ("exact-total", "count every match even when there are more than 10,000 (otherwise the total beyond that is "
                        "Xapian's estimate, and says \"about\")")
        ("format", po::value<std::string>()->default_value("table")->value_name("FORMAT"), "table, json, csv, ris, bibtex or csl-json");
    po::options_description operands;
    operands.add_options()("query", po::value<std::vector<std::string>>(), "query words");
    po::positional_options_description positional;
    positional.add("query", -1);
    Settings settings = line.settings;
    const auto vm = parse_command_args(line.args, options, operands, positional, settings);
    if (vm.count("help")) {
        std::cout << options
                  << "\nQuery fields: title: abstract: journal: (words), author: mesh: condition: design: level:\n"
                     "population: intervention: pmid: doi: year: claim: (exact), year:2010..2020 and n:100.. (ranges);\n"
                     "AND, OR, NOT, \"phrases\", +word and -word.\n"
                     "\nExamples:\n  evidex-query search magnesium sleep --max-level 2 --sort level\n"
                     "  evidex-query search --condition rls --sort level --facets --format json\n";
        return ExitCode::ok;
    }
    const std::string format = vm["format"].as<std::string>();
    const std::set<std::string> formats{"table", "json", "csv", "ris", "bibtex", "csl-json"};
    if (!formats.count(format))
        throw FatalError(ExitCode::usage, "search: unknown --format '" + format + "' (table, json, csv, ris, bibtex or csl-json)");
    const ConditionVocabulary conditions = ConditionVocabulary::load(schemas_dir() / "conditions.tsv");
    const SearchRequest request = read_request(vm, conditions);

    IndexReader reader(all_dbs(settings));
    const InterventionVocabulary interventions = InterventionVocabulary::load(schemas_dir());
    const SearchResult result = search_studies(reader, request, &conditions, &interventions);
    std::vector<Study> studies;
    for (const auto& hit : result.hits) studies.push_back(hit.study);
    if (format == "json")
        write_search_json(std::cout, result);
    else if (format == "csv")
        write_search_csv(std::cout, result);
    else if (format == "ris")
        std::cout << write_ris(studies);
    else if (format == "bibtex")
        std::cout << write_bibtex(studies);
    else if (format == "csl-json")
        std::cout << write_csl_json(studies);
    else
        write_search_table(std::cout, result, output_width());
    if (!settings.quiet) std::cerr << describe_search_total(result, request.offset) << '\n';
    return ExitCode::ok;
}

}  // namespace evidex
