// Live sources: PubMed by PMID or search, and DOIs through Crossref and doi.org. Each id ends
// indexed, reported as not found (the service's real answer), or reported as failed (a fault).
#pragma once

#include <string>
#include <vector>

#include "core/http.h"
#include "indexer/eutils.h"
#include "indexer/ingest.h"

namespace evidex {

struct RemoteOptions {
    EutilsConfig eutils;
    std::string crossref_url;  // "https://api.crossref.org"
    std::string doi_url;       // "https://doi.org"
    std::string email;
    std::size_t jobs = 1;
    bool resume = false;       // skip ids the index already holds
    long esearch_window = 9999;  // hits esearch pages through for one query (NCBI: 9,999)
};

inline constexpr std::size_t efetch_batch_size = 200;

// One efetch request for these PMIDs, parsed. nullopt (and `error`) when the request failed.
std::optional<ParsedRecords> fetch_pubmed_records(const std::vector<std::string>& pmids, Fetcher& fetcher,
                                                  const RemoteOptions& options, std::string& error);

// esearch for a term; the PMIDs of the first `max` hits. nullopt (and `error`) on failure.
std::optional<std::vector<std::string>> search_pubmed_ids(const std::string& term, int max, Fetcher& fetcher,
                                                          const RemoteOptions& options, std::string& error);

// Crossref /works?query.bibliographic=TEXT&rows=N, parsed. nullopt (and `error`) on failure.
std::optional<ParsedRecords> search_crossref(const std::string& text, int rows, Fetcher& fetcher,
                                             const RemoteOptions& options, std::string& error);

// Fetch and index these ids. With `unknown`, the ids the services answer they do not know are
// put there, for the caller to look up another way, instead of being counted as not found.
void ingest_pubmed_ids(const std::vector<std::string>& pmids, Fetcher& fetcher, const RemoteOptions& options,
                       Ingest& ingest, std::vector<std::string>* unknown = nullptr);

void ingest_dois(const std::vector<std::string>& dois, Fetcher& fetcher, const RemoteOptions& options, Ingest& ingest,
                 std::vector<std::string>* unknown = nullptr);

// esearch (split by publication year when a range holds more than esearch can page through),
// then efetch of every PMID found, up to `max` (0: no limit). Throws FatalError when the search
// itself fails.
void ingest_pubmed_search(const std::string& query, std::size_t max, Fetcher& fetcher, const RemoteOptions& options,
                          Ingest& ingest);

}  // namespace evidex
