#include "core/settings.h"

#include <cstdlib>
#include <optional>

#include "core/config_file.h"
#include "core/errors.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

std::string env_or(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::string(value) : fallback;
}

std::filesystem::path xdg_dir(const char* variable, const char* home_relative) {
    if (const char* value = std::getenv(variable); value && *value) return value;
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / home_relative;
    return std::filesystem::current_path() / ".evidex";
}

bool switch_on(const po::variables_map& vm, const char* name) { return vm.count(name) && vm[name].as<bool>(); }

// EVIDEX_OFFLINE: true or false, 1 or 0; nullopt when unset or empty, and `problem` when neither.
std::optional<bool> offline_from_env(std::string& problem) {
    const std::string value = env_or("EVIDEX_OFFLINE", "");
    if (value.empty()) return std::nullopt;
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    problem = "EVIDEX_OFFLINE is true or false (or 1 or 0), not '" + value.substr(0, 40) + "'";
    return std::nullopt;
}

template <typename T>
T flag_or(const po::variables_map& vm, const char* name, const T& fallback) {
    return vm.count(name) ? vm[name].as<T>() : fallback;
}

}  // namespace

po::options_description global_options() {
    po::options_description options("Global options");
    options.add_options()
        ("db", po::value<std::vector<std::string>>()->value_name("DIR")->composing(),
         "index directory or Xapian stub file (default: $EVIDEX_DB, else the config file's db, else "
         "$XDG_DATA_HOME/evidex/index); "
         "search, show and claims accept it more than once and read the indexes as one")
        ("offline", po::bool_switch(), "answer from the cache only; never touch the network")
        ("online", po::bool_switch(), "use the network even when EVIDEX_OFFLINE or the config file says offline")
        ("cache", po::value<std::string>()->value_name("DIR"),
         "HTTP cache directory (default: $EVIDEX_CACHE, else $XDG_CACHE_HOME/evidex)")
        ("pubmed-url", po::value<std::string>()->value_name("URL"),
         "E-utilities base URL (default: $EVIDEX_PUBMED_URL, else NCBI's)")
        ("crossref-url", po::value<std::string>()->value_name("URL"),
         "Crossref API base URL (default: $EVIDEX_CROSSREF_URL, else api.crossref.org)")
        ("doi-url", po::value<std::string>()->value_name("URL"),
         "DOI resolver base URL (default: $EVIDEX_DOI_URL, else doi.org)")
        ("email", po::value<std::string>()->value_name("ADDRESS"),
         "contact address sent to NCBI and Crossref (default: $EVIDEX_EMAIL)")
        ("quiet,q", po::bool_switch(), "print only data and errors")
        ("help,h", "show this help");
    return options;
}

// Flags over the environment over the configuration file over the built-in defaults.
Settings resolve_settings(const po::variables_map& vm) {
    Settings s;
    if (switch_on(vm, "offline") && switch_on(vm, "online"))
        throw FatalError(ExitCode::usage, "--offline and --online contradict each other");
    ConfigFile config;
    try {
        config = load_config();
    } catch (const FatalError& e) {
        s.problem = e.what();  // the file's settings are left out; the run is refused unless it asks for help
    }
    const auto file_or = [&config](const char* key, const std::string& fallback) {
        return config.get(key).value_or(fallback);
    };
    const auto data_home = xdg_dir("XDG_DATA_HOME", ".local/share");
    const auto cache_home = xdg_dir("XDG_CACHE_HOME", ".cache");
    if (vm.count("db")) {
        const auto& dbs = vm["db"].as<std::vector<std::string>>();
        s.db = dbs.front();
        s.more_dbs.assign(dbs.begin() + 1, dbs.end());
        s.db_given = true;
    } else {
        s.db = env_or("EVIDEX_DB", file_or("db", (data_home / "evidex" / "index").string()));
    }
    s.cache = flag_or<std::string>(vm, "cache", env_or("EVIDEX_CACHE", file_or("cache", (cache_home / "evidex").string())));
    std::string env_problem;
    const auto env_offline = offline_from_env(env_problem);
    if (s.problem.empty()) s.problem = env_problem;
    if (switch_on(vm, "offline")) s.offline = true;
    else if (switch_on(vm, "online")) s.offline = false;
    else s.offline = env_offline.value_or(file_or("offline", "false") == "true");
    s.quiet = vm.count("quiet") && vm["quiet"].as<bool>();
    s.pubmed_url =
        flag_or<std::string>(vm, "pubmed-url", env_or("EVIDEX_PUBMED_URL", file_or("pubmed-url", default_pubmed_url)));
    s.crossref_url = flag_or<std::string>(vm, "crossref-url",
                                          env_or("EVIDEX_CROSSREF_URL", file_or("crossref-url", default_crossref_url)));
    s.doi_url = flag_or<std::string>(vm, "doi-url", env_or("EVIDEX_DOI_URL", file_or("doi-url", default_doi_url)));
    s.email = flag_or<std::string>(vm, "email", env_or("EVIDEX_EMAIL", file_or("email", "")));
    s.api_key = env_or("NCBI_API_KEY", file_or("api-key", ""));
    return s;
}

std::vector<std::filesystem::path> all_dbs(const Settings& settings) {
    std::vector<std::filesystem::path> dbs{settings.db};
    dbs.insert(dbs.end(), settings.more_dbs.begin(), settings.more_dbs.end());
    return dbs;
}

void require_one_db(const Settings& settings, std::string_view command) {
    if (settings.more_dbs.empty()) return;
    throw FatalError(ExitCode::usage, std::string(command) + " writes to one index, but --db was given " +
                                          std::to_string(settings.more_dbs.size() + 1) +
                                          " times (search, show and claims read several)");
}

}  // namespace evidex
