// evidex-query map --condition C: the studies the index holds on a condition, grouped by
// evidence level and result direction, as Markdown, HTML (drawn in SVG) or JSON.
#include <iostream>

#include <boost/program_options.hpp>

#include "core/conditions.h"
#include "core/data_dirs.h"
#include "core/index_reader.h"
#include "core/interventions.h"
#include "indexer/run.h"
#include "query/commands.h"
#include "query/evidence_map.h"
#include "query/map_output.h"
#include "query/report_output.h"

namespace po = boost::program_options;

namespace evidex {

ExitCode run_query_map(const CommandLine& line) {
    po::options_description options(
        "evidex-query map --condition C [QUERY] [options]: the studies on a condition by evidence level and result direction");
    options.add_options()
        ("condition", po::value<std::string>()->value_name("C"), "the condition (id, name or synonym: rls)")
        ("intervention", po::value<std::string>()->value_name("I"),
         "only studies of this substance or form (magnesium, magnesium:oxide, \"magnesium citrate\")")
        ("year", po::value<std::string>()->value_name("FROM..TO"), "only these years: 2010..2020, 2010.., ..2020")
        ("format", po::value<std::string>()->default_value("md")->value_name("FORMAT"), "md, html or json")
        ("out", po::value<std::string>()->value_name("FILE"), "write the map to FILE instead of stdout");
    Settings settings;
    const auto parsed = parse_subcommand(line, options, "query",
                                         "  evidex-query map --condition rls\n"
                                         "  evidex-query map --condition migraine --intervention magnesium --format html --out map.html\n"
                                         "  evidex-query map --condition insomnia --year 2010.. --format json\n",
                                         settings);
    if (!parsed) return ExitCode::ok;
    const auto& vm = *parsed;
    const std::string format = vm["format"].as<std::string>();
    if (format != "md" && format != "html" && format != "json")
        throw FatalError(ExitCode::usage, "map: unknown --format '" + format + "' (md, html or json)");
    if (!vm.count("condition"))
        throw FatalError(ExitCode::usage, "map: give --condition C (an id, name or synonym of schemas/conditions.tsv)");

    const ConditionVocabulary conditions = ConditionVocabulary::load(schemas_dir() / "conditions.tsv");
    const Condition& condition = require_condition(conditions, vm["condition"].as<std::string>(), "map");
    EvidenceMapRequest request;
    request.condition_id = condition.id;
    request.condition_label = condition.label;
    if (vm.count("intervention")) {
        const InterventionVocabulary interventions = InterventionVocabulary::load(schemas_dir());
        request.intervention = require_intervention(interventions, vm["intervention"].as<std::string>(), "map");
    }
    if (vm.count("year")) request.years = parse_year_range(vm["year"].as<std::string>());
    if (vm.count("query"))
        for (const auto& word : vm["query"].as<std::vector<std::string>>())
            request.query += (request.query.empty() ? "" : " ") + word;
    const std::string out = vm.count("out") ? vm["out"].as<std::string>() : std::string();

    IndexReader reader(all_dbs(settings));
    const EvidenceMap map = build_evidence_map(reader, request, &conditions);
    const std::string report = format == "json" ? write_map_json(map)
                               : format == "html" ? write_map_html(map)
                                                  : write_map_markdown(map);
    write_report(report, out);
    if (!settings.quiet) std::cerr << summarize_evidence_map(map) << '\n';
    return ExitCode::ok;
}

}  // namespace evidex
