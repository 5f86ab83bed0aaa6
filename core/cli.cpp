#include "core/cli.h"

#include <iostream>

#include <boost/program_options/parsers.hpp>

#include "core/errors.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

// Flags given after the subcommand override what came before it.
void overlay(Settings& settings, const po::variables_map& vm) {
    const Settings fresh = resolve_settings(vm);
    if (vm.count("db")) {
        // --db before and after the subcommand add up; a flag replaces the EVIDEX_DB default.
        if (settings.db_given) {
            const auto dbs = all_dbs(fresh);
            settings.more_dbs.insert(settings.more_dbs.end(), dbs.begin(), dbs.end());
        } else {
            settings.db = fresh.db;
            settings.more_dbs = fresh.more_dbs;
            settings.db_given = true;
        }
    }
    if (vm.count("cache")) settings.cache = fresh.cache;
    if (vm.count("pubmed-url")) settings.pubmed_url = fresh.pubmed_url;
    if (vm.count("crossref-url")) settings.crossref_url = fresh.crossref_url;
    if (vm.count("doi-url")) settings.doi_url = fresh.doi_url;
    if (vm.count("email")) settings.email = fresh.email;
    // --offline or --online after the subcommand overrides the other before it.
    if (vm.count("offline") && vm["offline"].as<bool>()) settings.offline = true;
    if (vm.count("online") && vm["online"].as<bool>()) settings.offline = false;
    settings.quiet = settings.quiet || fresh.quiet;
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const argv[]) {
    CommandLine line;
    // Global options stop at the first word that is not an option: that is the subcommand.
    std::vector<std::string> globals;
    int i = 1;
    const auto takes_value = [](const std::string& arg) {
        for (const char* name : {"--db", "--cache", "--pubmed-url", "--crossref-url", "--doi-url", "--email"})
            if (arg == name) return true;
        return false;
    };
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.empty() || arg[0] != '-') break;
        globals.push_back(arg);
        if (takes_value(arg) && i + 1 < argc) globals.push_back(argv[++i]);
    }
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(globals).options(global_options()).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw FatalError(ExitCode::usage, e.what());
    }
    line.settings = resolve_settings(vm);
    line.help = vm.count("help") > 0;
    if (i < argc) line.command = argv[i++];
    for (; i < argc; ++i) line.args.emplace_back(argv[i]);
    return line;
}

po::variables_map parse_command_args(const std::vector<std::string>& args, const po::options_description& options,
                                     const po::options_description& operands,
                                     const po::positional_options_description& positional, Settings& settings) {
    po::options_description all;
    all.add(options).add(operands).add(global_options());
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw FatalError(ExitCode::usage, e.what());
    }
    overlay(settings, vm);
    return vm;
}

namespace {

bool asks_for_help(const CommandLine& line) {
    if (line.help) return true;
    for (const auto& arg : line.args)
        if (arg == "--help" || arg == "-h") return true;
    return false;
}

void print_usage(std::ostream& out, const std::string& tool, const std::vector<CommandEntry>& commands) {
    out << "usage: " << tool << " [global options] COMMAND [ARGS]\n\nCommands:\n";
    for (const auto& command : commands) {
        out << "  " << command.name << std::string(command.name.size() < 14 ? 14 - command.name.size() : 1, ' ')
            << command.summary << '\n';
    }
    out << "\nRun '" << tool << " COMMAND --help' for a command's options and examples.\n\n"
        << global_options() << '\n';
}

}  // namespace

int run_tool(const std::string& tool, const std::vector<CommandEntry>& commands, int argc, const char* const argv[]) {
    try {
        const CommandLine line = parse_command_line(argc, argv);
        if (line.command.empty()) {
            print_usage(line.help ? std::cout : std::cerr, tool, commands);
            return static_cast<int>(line.help ? ExitCode::ok : ExitCode::usage);
        }
        // Help works whatever the settings say; any other run needs them whole.
        if (!line.settings.problem.empty() && !asks_for_help(line))
            throw FatalError(ExitCode::usage, line.settings.problem);
        for (const auto& command : commands)
            if (command.name == line.command) return static_cast<int>(command.run(line));
        throw FatalError(ExitCode::usage, "unknown command '" + line.command + "' (try '" + tool + " --help')");
    } catch (const FatalError& e) {
        std::cerr << tool << ": error: " << e.what() << '\n';
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        // Library code translates its own errors; this is the last guard for the unexpected.
        std::cerr << tool << ": error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::failed);
    }
}

}  // namespace evidex
