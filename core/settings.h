// Settings both tools share: the global options of DESIGN.md, resolved flags first, then
// environment variables, then the configuration file (core/config_file.h), then built-in defaults.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

namespace evidex {

struct Settings {
    std::filesystem::path db;     // --db, EVIDEX_DB, $XDG_DATA_HOME/evidex/index
    // Further --db indexes (the option given more than once), searched together with `db` by
    // the commands that only read. Each may be a directory or a Xapian stub file naming shards.
    std::vector<std::filesystem::path> more_dbs;
    bool db_given = false;        // --db was on the command line
    std::filesystem::path cache;  // --cache, EVIDEX_CACHE, $XDG_CACHE_HOME/evidex
    bool offline = false;         // --offline or --online, EVIDEX_OFFLINE, the config file's offline
    bool quiet = false;           // --quiet
    std::string pubmed_url;       // --pubmed-url, EVIDEX_PUBMED_URL
    std::string crossref_url;     // --crossref-url, EVIDEX_CROSSREF_URL
    std::string doi_url;          // --doi-url, EVIDEX_DOI_URL
    std::string email;            // --email, EVIDEX_EMAIL
    std::string api_key;          // NCBI_API_KEY only; never printed
    // Why the settings could not all be read (a bad configuration file, a bad EVIDEX_OFFLINE);
    // the defaults stand in. run_tool reports it as a usage error unless help is all that is asked.
    std::string problem;
};

inline constexpr const char* default_pubmed_url = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils";
inline constexpr const char* default_crossref_url = "https://api.crossref.org";
inline constexpr const char* default_doi_url = "https://doi.org";

// The options every subcommand of both tools accepts before the subcommand name.
boost::program_options::options_description global_options();

// Throws FatalError (`usage`) for --offline with --online; a bad file or environment value is
// left in `problem`.
Settings resolve_settings(const boost::program_options::variables_map& vm);

// Every index the settings name, `db` first.
std::vector<std::filesystem::path> all_dbs(const Settings& settings);

// Throws FatalError (`usage`) when --db named more than one index: `command` writes to one.
void require_one_db(const Settings& settings, std::string_view command);

}  // namespace evidex
