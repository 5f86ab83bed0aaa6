// The subcommands of evidex-query. Each returns the exit code; fatal errors are thrown.
#pragma once

#include "core/cli.h"
#include "core/errors.h"

namespace evidex {

ExitCode run_query_show(const CommandLine& line);
ExitCode run_query_audit(const CommandLine& line);
ExitCode run_query_claims(const CommandLine& line);
ExitCode run_query_grade(const CommandLine& line);
ExitCode run_query_map(const CommandLine& line);
ExitCode run_query_search(const CommandLine& line);
ExitCode run_query_config(const CommandLine& line);

}  // namespace evidex
