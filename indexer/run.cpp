#include "indexer/run.h"

#include <cstdio>
#include <iostream>

#include "core/classify.h"
#include "core/data_dirs.h"
#include "indexer/progress.h"

namespace po = boost::program_options;

namespace evidex {

po::options_description writer_options(const std::string& caption) {
    po::options_description options(caption);
    options.add_options()
        ("commit-every", po::value<std::size_t>()->default_value(default_commit_every)->value_name("N"),
         "commit the index every N changed documents (and at the end)");
    return options;
}

std::optional<po::variables_map> parse_subcommand(const CommandLine& line, const po::options_description& options,
                                                  const std::string& operand, const std::string& examples,
                                                  Settings& settings) {
    po::options_description operands;
    po::positional_options_description positional;
    if (!operand.empty()) {
        operands.add_options()(operand.c_str(), po::value<std::vector<std::string>>(), "operands");
        positional.add(operand.c_str(), -1);
    }
    settings = line.settings;
    auto vm = parse_command_args(line.args, options, operands, positional, settings);
    if (vm.count("help")) {
        std::cout << options << "\nExamples:\n" << examples;
        return std::nullopt;
    }
    return vm;
}

// The closing summary, on stderr; its exit code says whether everything asked for was stored.
ExitCode finish_run(const IngestSummary& summary, bool quiet) {
    if (!quiet)
        for (const auto& note : summary.notes) std::cerr << "evidex-index: note: " << note.to_string() << '\n';
    for (const auto& miss : summary.not_found) std::cerr << "evidex-index: not found: " << miss.to_string() << '\n';
    for (const auto& error : summary.errors) std::cerr << "evidex-index: error: " << error.to_string() << '\n';
    const std::size_t incomplete = summary.failed() + summary.not_found.size();
    if (!quiet || incomplete > 0) {
        std::fprintf(stderr, "evidex-index: %zu read, %zu added, %zu replaced, %zu deleted", summary.read,
                     summary.added, summary.replaced, summary.deleted);
        if (summary.resumed > 0) std::fprintf(stderr, ", %zu already indexed", summary.resumed);
        if (!summary.not_found.empty()) std::fprintf(stderr, ", %zu not found", summary.not_found.size());
        std::fprintf(stderr, ", %zu failed\n", summary.failed());
        if (summary.skipped > 0)
            std::fprintf(stderr, "evidex-index: %zu deletions named PMIDs the index did not hold\n", summary.skipped);
    }
    if (!quiet && summary.as_written > 0)
        std::fprintf(stderr, "evidex-index: %zu %s indexed as written, not looked up (%s)\n", summary.as_written,
                     summary.as_written == 1 ? "BibTeX or CSL-JSON record" : "BibTeX and CSL-JSON records",
                     summary.as_written_because.c_str());
    if (incomplete == 0) return ExitCode::ok;
    return summary.stored() > 0 ? ExitCode::partial : ExitCode::failed;
}


ExitCode run_ingest(const Settings& settings, const po::variables_map& vm, bool curated,
                    const std::function<void(Ingest&)>& body, const std::function<std::string()>& extra_summary,
                    const ReferenceImporter& import_references) {
    require_one_db(settings, "this command");
    const ClassificationRules rules = load_classification_rules(schemas_dir());
    IndexWriter writer(settings.db, WriterOptions{vm["commit-every"].as<std::size_t>()});
    ProgressLine progress(!settings.quiet);
    IngestOptions options;
    options.curated = curated;
    if (vm.count("threads")) options.workers = vm["threads"].as<std::size_t>();
    if (vm.count("resume")) options.resume = vm["resume"].as<bool>();
    options.on_progress = [&progress](const IngestSummary& s) { progress.update(s); };
    options.import_references = import_references;
    // BibTeX and CSL-JSON records are looked up like RIS entries, unless asked not to or offline
    // (the services cannot be asked).
    if (vm.count("as-written") && vm["as-written"].as<bool>()) options.as_written_because = "--as-written";
    else if (settings.offline) options.as_written_because = "offline";
    if (!options.as_written_because.empty()) options.records = RecordReading::as_written;
    Ingest ingest(writer, [&rules](Study& study) { classify_study(study, rules); }, options);
    body(ingest);
    writer.finish();
    progress.finish();
    if (extra_summary && !settings.quiet) std::cerr << extra_summary() << '\n';
    return finish_run(ingest.summary(), settings.quiet);
}

}  // namespace evidex
