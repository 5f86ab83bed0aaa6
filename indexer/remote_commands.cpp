// evidex-index pubmed, doi and search-pubmed: the live sources.
#include <cstdlib>
#include <sstream>

#include "core/http_client.h"
#include "core/ids.h"
#include "indexer/commands.h"
#include "indexer/remote_sources.h"
#include "indexer/run.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

po::options_description remote_options(const std::string& caption) {
    auto options = writer_options(caption);
    options.add_options()
        ("jobs,j", po::value<std::size_t>()->default_value(2)->value_name("N"),
         "fetch with N parallel requests (always within the services' rate limits)")
        ("resume", po::bool_switch(), "skip ids the index already holds (to finish an interrupted run)");
    return options;
}

RemoteOptions remote_options_from(const Settings& settings, const po::variables_map& vm) {
    RemoteOptions options;
    options.eutils.base_url = settings.pubmed_url;
    options.eutils.email = settings.email;
    options.eutils.api_key = settings.api_key;
    options.crossref_url = settings.crossref_url;
    options.doi_url = settings.doi_url;
    options.email = settings.email;
    options.jobs = std::max<std::size_t>(1, vm["jobs"].as<std::size_t>());
    options.resume = vm["resume"].as<bool>();
    // A mirror or test server with a smaller esearch window says so here.
    if (const char* window = std::getenv("EVIDEX_ESEARCH_WINDOW"); window && std::atol(window) > 0)
        options.esearch_window = std::atol(window);
    return options;
}

std::function<std::string()> request_summary(const CurlFetcher& fetcher) {
    return [&fetcher] {
        const auto stats = fetcher.stats();
        std::ostringstream out;
        out << "evidex-index: " << stats.requests << " requests (" << stats.retries << " retries), "
            << stats.cache_hits << " answered from the cache";
        return out.str();
    };
}

// The operands, each normalised; a malformed one is a usage error that names it.
std::vector<std::string> normalise_ids(const po::variables_map& vm, const char* operand, const char* what,
                                       std::optional<std::string> (*normalise)(std::string_view)) {
    if (!vm.count(operand)) throw FatalError(ExitCode::usage, std::string(what) + ": give at least one id");
    std::vector<std::string> ids;
    for (const auto& raw : vm[operand].as<std::vector<std::string>>()) {
        const auto id = normalise(raw);
        if (!id) throw FatalError(ExitCode::usage, std::string(what) + ": '" + raw + "' is not a valid " + what);
        ids.push_back(*id);
    }
    return ids;
}

}  // namespace

ExitCode run_index_pubmed(const CommandLine& line) {
    const auto options = remote_options("evidex-index pubmed PMID...: fetch PubMed records with efetch and index them");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "pmid",
                                     "  evidex-index pubmed 9703590 23853635\n"
                                     "  evidex-index pubmed --resume $(cat pmids.txt)\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    const auto pmids = normalise_ids(*vm, "pmid", "PMID", normalize_pmid);
    CurlFetcher fetcher(fetcher_options_from(settings));
    const auto remote = remote_options_from(settings, *vm);
    return run_ingest(
        settings, *vm, false, [&](Ingest& ingest) { ingest_pubmed_ids(pmids, fetcher, remote, ingest); },
        request_summary(fetcher));
}

ExitCode run_index_doi(const CommandLine& line) {
    const auto options = remote_options("evidex-index doi DOI...: fetch DOIs from Crossref (doi.org as fallback), "
                                        "find their PMIDs, and index them");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "doi",
                                     "  evidex-index doi 10.3390/nu9050429\n"
                                     "  evidex-index --email me@example.org doi https://doi.org/10.1371/journal.pone.0208454\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    const auto dois = normalise_ids(*vm, "doi", "DOI", normalize_doi);
    CurlFetcher fetcher(fetcher_options_from(settings));
    const auto remote = remote_options_from(settings, *vm);
    return run_ingest(
        settings, *vm, false, [&](Ingest& ingest) { ingest_dois(dois, fetcher, remote, ingest); },
        request_summary(fetcher));
}

ExitCode run_index_search_pubmed(const CommandLine& line) {
    auto options = remote_options("evidex-index search-pubmed QUERY: search PubMed and index every hit");
    options.add_options()("max", po::value<std::size_t>()->default_value(0)->value_name("N"),
                          "index at most N hits (0: all)");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "query",
                                     "  evidex-index search-pubmed 'magnesium AND restless legs syndrome'\n"
                                     "  evidex-index search-pubmed --max 500 'magnesium[ti] AND sleep'\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    if (!vm->count("query")) throw FatalError(ExitCode::usage, "search-pubmed: give a QUERY");
    std::string query;
    for (const auto& word : (*vm)["query"].as<std::vector<std::string>>()) query += (query.empty() ? "" : " ") + word;
    CurlFetcher fetcher(fetcher_options_from(settings));
    const auto remote = remote_options_from(settings, *vm);
    const auto max = (*vm)["max"].as<std::size_t>();
    return run_ingest(
        settings, *vm, false, [&](Ingest& ingest) { ingest_pubmed_search(query, max, fetcher, remote, ingest); },
        request_summary(fetcher));
}

}  // namespace evidex
