// The importer of reference files for `evidex-index file`: identifiers through the ingest path of
// `pubmed` and `doi` (batched), entries without one through the resolver's bibliographic search.
#pragma once

#include <vector>

#include "core/http.h"
#include "core/references.h"
#include "indexer/ingest.h"
#include "indexer/remote_sources.h"

namespace evidex {

// Entries the index already holds are counted as already indexed. Each entry is looked up by its
// PMID, else its DOI, else its title (index, Crossref, PubMed), and when one of these is not
// known to the services the next is tried; an entry found that way gets a note saying how. An
// entry none of them finds is reported not found: by its id when it has only that, else by its
// FILE:LINE with what each lookup answered. A search accepts a candidate only when it clearly wins.
// `fetcher` null: the index only (offline without a cache); `search_live` false keeps title
// searches to the index (--offline).
void import_references(std::vector<ReferenceEntry>&& entries, Ingest& ingest, Fetcher* fetcher,
                       const RemoteOptions& remote, bool search_live);

}  // namespace evidex
