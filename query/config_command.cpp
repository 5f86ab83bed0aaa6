// evidex-query config: the effective settings and where each comes from, secrets masked.
#include <cstdlib>
#include <iostream>

#include <boost/program_options.hpp>

#include "core/config_file.h"
#include "query/commands.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

struct Setting {
    std::string key;
    std::string value;
    std::string fallback;      // the value without flags: environment, file or default
    const char* env = nullptr; // the environment variable that sets it, if any
    bool secret = false;
    bool flag = true;          // whether a flag can set it
};

std::string mask(const std::string& value) { return value.empty() ? "" : "******** (set, masked)"; }

}  // namespace

ExitCode run_query_config(const CommandLine& line) {
    po::options_description options("evidex-query config: print the effective settings, where each comes from, "
                                    "secrets masked");
    po::options_description operands;
    po::positional_options_description positional;
    Settings settings = line.settings;
    const auto vm = parse_command_args(line.args, options, operands, positional, settings);
    if (vm.count("help")) {
        std::cout << options << "\nExamples:\n  evidex-query config\n"
                     "  evidex-query --db /srv/evidex/index --offline config\n";
        return ExitCode::ok;
    }
    const ConfigFile config = load_config();
    // The same resolution with no flags at all: what the environment, the file and the defaults give.
    const Settings unflagged = resolve_settings(po::variables_map());
    std::string dbs = settings.db.string();
    for (const auto& more : settings.more_dbs) dbs += ", " + more.string();
    const std::vector<Setting> table{
        {"db", dbs, unflagged.db.string(), "EVIDEX_DB"},
        {"cache", settings.cache.string(), unflagged.cache.string(), "EVIDEX_CACHE"},
        {"offline", settings.offline ? "true" : "false", unflagged.offline ? "true" : "false", "EVIDEX_OFFLINE"},
        {"pubmed-url", settings.pubmed_url, unflagged.pubmed_url, "EVIDEX_PUBMED_URL"},
        {"crossref-url", settings.crossref_url, unflagged.crossref_url, "EVIDEX_CROSSREF_URL"},
        {"doi-url", settings.doi_url, unflagged.doi_url, "EVIDEX_DOI_URL"},
        {"email", settings.email, unflagged.email, "EVIDEX_EMAIL", true},
        {"api-key", settings.api_key, unflagged.api_key, "NCBI_API_KEY", true, false},
    };
    std::cout << "# evidex: effective settings (flags > environment > config file > defaults)\n"
              << "# config file: " << config.path.string() << (config.found ? "" : " (none there)") << '\n';
    for (const auto& s : table) {
        std::string origin;
        if (s.flag && s.value != s.fallback) origin = "flag";
        else if (const char* env = s.env ? std::getenv(s.env) : nullptr; env && *env) origin = std::string("environment ") + s.env;
        else if (config.get(s.key)) origin = "config file";
        else origin = "default";
        std::cout << s.key << " = " << (s.secret ? mask(s.value) : s.value) << "  # " << origin << '\n';
    }
    return ExitCode::ok;
}

}  // namespace evidex
