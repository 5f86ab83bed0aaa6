#include "indexer/commands.h"

#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "core/classify.h"
#include "core/data_dirs.h"
#include "indexer/ingest.h"
#include "indexer/progress.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

po::options_description writer_options(const char* caption) {
    po::options_description options(caption);
    options.add_options()
        ("commit-every", po::value<std::size_t>()->default_value(5000)->value_name("N"),
         "commit the index every N changed documents (and at the end)");
    return options;
}

void print_errors(const IngestSummary& summary) {
    for (const auto& error : summary.errors) std::cerr << "evidex-index: error: " << error.to_string() << '\n';
}

// The closing summary, on stderr; its exit code says whether everything was stored.
ExitCode finish_run(const IngestSummary& summary, bool quiet) {
    print_errors(summary);
    if (!quiet || summary.failed() > 0) {
        std::fprintf(stderr, "evidex-index: %zu read, %zu added, %zu replaced, %zu deleted, %zu failed\n",
                     summary.read, summary.added, summary.replaced, summary.deleted, summary.failed());
        if (summary.skipped > 0)
            std::fprintf(stderr, "evidex-index: %zu deletions named PMIDs the index did not hold\n", summary.skipped);
    }
    if (summary.failed() == 0) return ExitCode::ok;
    return summary.stored() > 0 ? ExitCode::partial : ExitCode::failed;
}

// Runs `body` over an Ingest wired to a writer, classifier and progress line, then commits.
template <typename Body>
ExitCode run_ingest(const CommandLine& line, const po::variables_map& vm, bool curated, Body body) {
    const ClassificationRules rules = load_classification_rules(schemas_dir());
    IndexWriter writer(line.settings.db, WriterOptions{vm["commit-every"].as<std::size_t>()});
    ProgressLine progress(!line.settings.quiet);
    IngestOptions options;
    options.curated = curated;
    options.on_progress = [&progress](const IngestSummary& s) { progress.update(s); };
    Ingest ingest(writer, [&rules](Study& study) { classify_study(study, rules); }, options);
    body(ingest);
    writer.finish();
    progress.finish();
    return finish_run(ingest.summary(), line.settings.quiet);
}

}  // namespace

ExitCode run_index_file(const CommandLine& line) {
    auto options = writer_options("evidex-index file PATH...: index PubMed XML (.xml, .xml.gz), Crossref JSON, "
                                  "CSL-JSON or BibTeX files");
    po::options_description operands;
    operands.add_options()("path", po::value<std::vector<std::string>>(), "input files");
    po::positional_options_description positional;
    positional.add("path", -1);
    Settings settings = line.settings;
    const auto vm = parse_command_args(line.args, options, operands, positional, settings);
    if (vm.count("help")) {
        std::cout << options << "\nExamples:\n  evidex-index file pubmed26n0001.xml.gz\n"
                     "  evidex-index --db /tmp/index file efetch.xml works.json refs.bib\n";
        return ExitCode::ok;
    }
    if (!vm.count("path")) throw FatalError(ExitCode::usage, "file: give at least one PATH");
    CommandLine effective = line;
    effective.settings = settings;
    return run_ingest(effective, vm, false, [&](Ingest& ingest) {
        for (const auto& path : vm["path"].as<std::vector<std::string>>()) ingest.ingest_file(path);
    });
}

ExitCode run_index_corpus(const CommandLine& line) {
    auto options = writer_options("evidex-index corpus: index the bundled corpus of study records");
    Settings settings = line.settings;
    const auto vm = parse_command_args(line.args, options, {}, {}, settings);
    if (vm.count("help")) {
        std::cout << options << "\nExamples:\n  evidex-index corpus\n  evidex-index --db /tmp/demo corpus --quiet\n";
        return ExitCode::ok;
    }
    const auto files = list_corpus_files(corpus_dir());
    if (files.empty()) throw FatalError(ExitCode::failed, corpus_dir().string() + ": the bundled corpus is empty");
    CommandLine effective = line;
    effective.settings = settings;
    return run_ingest(effective, vm, true, [&](Ingest& ingest) {
        for (const auto& path : files) ingest.ingest_file(path);
    });
}

}  // namespace evidex
