// Resolution of a page's references: each entry identified through the index, then the live
// services by identifier, then a bibliographic search (index, Crossref, PubMed) that accepts a
// candidate only when it clearly wins. Everything found is indexed. Web pages, fact sheets and
// unpublished reports are recognised and flagged, never forced onto a paper.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/reference_match.h"
#include "core/references.h"
#include "core/cli.h"
#include "indexer/ingest.h"
#include "indexer/remote_sources.h"

namespace evidex {

struct ResolvedReference {
    ReferenceEntry entry;
    std::optional<Study> study;
    // How it was found: "index" or "live" (by identifier), "search:index", "search:crossref",
    // "search:pubmed"; empty when unresolved.
    std::string method;
    std::optional<double> score;  // for searches: the accepted candidate's score
    std::string duplicate_of;     // the label of the first entry that cites the same work
    std::vector<std::string> flags;  // unresolvable-citation, unpublished, duplicate-citation
    std::string note;             // why it is unresolved, or what it is
};

struct ResolvedAllusion {
    Allusion allusion;
    std::vector<Candidate> candidates;  // best first, at most five
    std::optional<std::size_t> accepted;  // index into candidates
};

class ReferenceResolver {
public:
    // `fetcher` may be null: then only the index is consulted (offline without a cache).
    ReferenceResolver(IndexWriter& writer, Ingest& ingest, Fetcher* fetcher, RemoteOptions remote);

    ResolvedReference resolve(const ReferenceEntry& entry);
    ResolvedAllusion resolve(const Allusion& allusion);

private:
    std::optional<Study> find_by_ids(const ReferenceEntry& entry, std::string& method, std::string& note);
    std::optional<Candidate> search_index(const ReferenceEntry& entry);
    std::optional<Candidate> search_live(const ReferenceEntry& entry, std::string& method, std::string& note);
    std::optional<Study> index_found(const Study& study);
    std::vector<Study> search_allusion_live(const Allusion& allusion);

    IndexWriter& writer_;
    Ingest& ingest_;
    Fetcher* fetcher_;
    RemoteOptions remote_;
};

// The remote settings for resolution from the global options (one request at a time).
RemoteOptions remote_options_from(const Settings& settings);

// A page's references (its list, then its body links) and its allusions, resolved.
struct PageResolution {
    std::vector<ResolvedReference> references;
    std::vector<ResolvedAllusion> allusions;
};

// Resolves everything `page` cites through `ingest` (whose writer is the index searched and
// written). `fetcher` null: the index only (offline).
PageResolution resolve_page(const Page& page, Ingest& ingest, Fetcher* fetcher, const RemoteOptions& remote);

// Resolves every entry, then marks the later citations of one work as duplicates of the first.
std::vector<ResolvedReference> resolve_references(const std::vector<ReferenceEntry>& entries,
                                                  ReferenceResolver& resolver);

}  // namespace evidex
