// The importer of reference files for `evidex-index file`: identifiers through the ingest path of
// `pubmed` and `doi` (batched), entries without one through the resolver's bibliographic search.
#pragma once

#include <vector>

#include "core/http.h"
#include "core/references.h"
#include "indexer/ingest.h"
#include "indexer/remote_sources.h"

namespace evidex {

// Entries the index already holds are counted as already indexed; a PMID or DOI the services do
// not know is reported not found; an entry with only a title is searched for (index, Crossref,
// PubMed) and reported not found, with its FILE:LINE, when no candidate clearly wins.
// `fetcher` null: the index only (offline without a cache); `search_live` false keeps title
// searches to the index (--offline).
void import_references(std::vector<ReferenceEntry>&& entries, Ingest& ingest, Fetcher* fetcher,
                       const RemoteOptions& remote, bool search_live);

}  // namespace evidex
