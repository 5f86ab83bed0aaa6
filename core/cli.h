// The command-line shape both tools share: global options, a subcommand verb, its arguments.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>

#include "core/errors.h"
#include "core/settings.h"

namespace evidex {

struct CommandLine {
    Settings settings;
    std::string command;             // empty when none was given
    std::vector<std::string> args;   // everything after the subcommand, for its own parser
    bool help = false;
};

// Parses "tool [global options] command [command arguments]". Throws FatalError (`usage`) on an
// unknown or malformed global option.
CommandLine parse_command_line(int argc, const char* const argv[]);

// Parses a subcommand's own arguments against `options` and `operands` (the options that
// `positional` names, kept out of --help). Global options are accepted here too, so
// "evidex-index file --db X a.xml" works; they are folded into `settings`.
// Throws FatalError (`usage`) with Boost's message.
boost::program_options::variables_map parse_command_args(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const boost::program_options::options_description& operands,
    const boost::program_options::positional_options_description& positional, Settings& settings);

// One subcommand of a tool.
struct CommandEntry {
    std::string name;
    ExitCode (*run)(const CommandLine&);
    std::string summary;
};

// The whole of a tool's main: parses the command line, dispatches to the subcommand, and is
// the one place that prints a fatal error and turns it into the exit code.
int run_tool(const std::string& tool, const std::vector<CommandEntry>& commands, int argc, const char* const argv[]);

}  // namespace evidex
