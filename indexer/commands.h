// The subcommands of evidex-index. Each returns the exit code; fatal errors are thrown.
#pragma once

#include "core/cli.h"
#include "core/errors.h"

namespace evidex {

ExitCode run_index_file(const CommandLine& line);
ExitCode run_index_corpus(const CommandLine& line);
ExitCode run_index_pubmed(const CommandLine& line);
ExitCode run_index_doi(const CommandLine& line);
ExitCode run_index_search_pubmed(const CommandLine& line);
ExitCode run_index_refs(const CommandLine& line);
ExitCode run_index_upgrade(const CommandLine& line);
ExitCode run_index_retractions(const CommandLine& line);

}  // namespace evidex
