// evidex-index retractions FILE: load the Retraction Watch CSV into the index.
#include <cstdio>
#include <iostream>

#include "core/data_dirs.h"
#include "core/text.h"
#include "indexer/commands.h"
#include "indexer/retractions.h"
#include "indexer/run.h"

namespace po = boost::program_options;

namespace evidex {

ExitCode run_index_retractions(const CommandLine& line) {
    auto options = writer_options("evidex-index retractions FILE: mark the indexed studies that the Retraction Watch "
                                  "CSV lists, matched by DOI, then PMID, then title");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "file",
                                     "  evidex-index retractions retraction_watch.csv\n"
                                     "  evidex-index --db /srv/evidex/index retractions ~/Downloads/retraction_watch.csv\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    if (!vm->count("file") || (*vm)["file"].as<std::vector<std::string>>().size() != 1)
        throw FatalError(ExitCode::usage, "retractions: give one FILE (the Retraction Watch CSV)");
    const std::string path = (*vm)["file"].as<std::vector<std::string>>().front();
    require_one_db(settings, "retractions");

    std::string text;
    if (!read_file(path, text)) throw FatalError(ExitCode::failed, path + ": cannot read file");
    const RetractionWatchFile file = parse_retraction_watch_csv(text, path);
    if (file.notices.empty() && !file.errors.empty()) {
        for (const auto& error : file.errors) std::cerr << "evidex-index: error: " << error.to_string() << '\n';
        return ExitCode::failed;
    }
    const ClassificationRules rules = load_classification_rules(schemas_dir());
    IndexWriter writer(settings.db, WriterOptions{(*vm)["commit-every"].as<std::size_t>()});
    const auto summary = apply_retractions(file.notices, writer, [&rules](Study& study) { classify_study(study, rules); });
    writer.finish();

    for (const auto& error : file.errors) std::cerr << "evidex-index: error: " << error.to_string() << '\n';
    if (!settings.quiet || !file.errors.empty()) {
        std::fprintf(stderr,
                     "evidex-index: %zu notices read: %zu matched a study (%zu by DOI, %zu by PMID, %zu by title), "
                     "%zu studies newly marked retracted, %zu about papers not in the index",
                     summary.rows, summary.by_doi + summary.by_pmid + summary.by_title, summary.by_doi, summary.by_pmid,
                     summary.by_title, summary.retracted, summary.not_indexed);
        if (summary.ambiguous > 0) std::fprintf(stderr, " (%zu titles several studies share, left alone)", summary.ambiguous);
        std::fprintf(stderr, ", %zu failed\n", file.errors.size());
    }
    return file.errors.empty() ? ExitCode::ok : ExitCode::partial;
}

}  // namespace evidex
