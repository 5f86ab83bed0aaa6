// What every evidex-index subcommand shares: the writer options, one ingest run from opening
// the index to the closing summary, and the summary's exit code.
#pragma once

#include <functional>

#include <boost/program_options.hpp>

#include "core/cli.h"
#include "indexer/ingest.h"

namespace evidex {

// --commit-every, accepted by every subcommand that writes.
boost::program_options::options_description writer_options(const std::string& caption);

// Opens the index, loads the rules, runs `body` over an Ingest with a progress line, commits,
// prints the failures and the closing summary, and returns the exit code. `extra_summary`
// adds a line of its own (request counts) before the summary; `import_references` resolves the
// entries of reference files (RIS, MEDLINE, lists of ids).
ExitCode run_ingest(const Settings& settings, const boost::program_options::variables_map& vm, bool curated,
                    const std::function<void(Ingest&)>& body,
                    const std::function<std::string()>& extra_summary = {},
                    const ReferenceImporter& import_references = {});

// Prints the failures and the closing summary of a run on stderr; its exit code says whether
// everything asked for was stored.
ExitCode finish_run(const IngestSummary& summary, bool quiet);

// Parses a subcommand's arguments; prints --help (with the examples) and returns nullopt when
// asked for help.
std::optional<boost::program_options::variables_map> parse_subcommand(
    const CommandLine& line, const boost::program_options::options_description& options,
    const std::string& operand, const std::string& examples, Settings& settings);

}  // namespace evidex
