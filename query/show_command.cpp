#include <iostream>

#include <boost/program_options.hpp>

#include "core/index_reader.h"
#include "core/study_json.h"
#include "query/citation_export.h"
#include "query/commands.h"
#include "query/study_text.h"

namespace po = boost::program_options;

namespace evidex {

ExitCode run_query_show(const CommandLine& line) {
    po::options_description options("evidex-query show pmid:N|doi:X|title:HASH...: print stored records");
    options.add_options()
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"), "text, json, or for a citation manager ris, bibtex or csl-json");
    po::options_description operands;
    operands.add_options()("id", po::value<std::vector<std::string>>(), "pmid:N, doi:X or title:HASH");
    po::positional_options_description positional;
    positional.add("id", -1);
    Settings settings = line.settings;
    const auto vm = parse_command_args(line.args, options, operands, positional, settings);
    if (vm.count("help")) {
        std::cout << options << "\nExamples:\n  evidex-query show pmid:9703590\n"
                     "  evidex-query show doi:10.3390/nu9050429 --format json\n"
                     "  evidex-query show pmid:9703590 pmid:23853635 --format bibtex >refs.bib\n";
        return ExitCode::ok;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json" && !is_citation_format(format))
        throw FatalError(ExitCode::usage,
                         "show: unknown --format '" + format + "' (text, json, ris, bibtex or csl-json)");
    if (!vm.count("id")) throw FatalError(ExitCode::usage, "show: give pmid:N, doi:X or title:HASH");
    const auto ids = vm["id"].as<std::vector<std::string>>();
    for (const auto& id : ids)
        if (!parse_study_key(id)) throw FatalError(ExitCode::usage, "show: '" + id + "' " + not_a_study_key);

    IndexReader reader(all_dbs(settings));
    std::size_t missing = 0;
    bool first = true;
    std::vector<Study> found;  // for the citation formats, written together (CSL-JSON is one array)
    for (const auto& id : ids) {
        const auto study = reader.find(id);
        if (!study) {
            std::cerr << "evidex-query: error: " << id << ": not in the index\n";
            ++missing;
            continue;
        }
        if (is_citation_format(format)) {
            found.push_back(*study);
        } else if (format == "json") {
            std::cout << study_to_json(*study).dump(2) << '\n';
        } else {
            if (!first) std::cout << '\n';
            std::cout << write_study_text(*study);
        }
        first = false;
    }
    if (!found.empty()) std::cout << *write_citations(found, format);
    if (missing == 0) return ExitCode::ok;
    return missing == ids.size() ? ExitCode::failed : ExitCode::partial;
}

}  // namespace evidex
