#include "indexer/import_references.h"

#include <set>

#include "indexer/resolve.h"

namespace evidex {

void import_references(std::vector<ReferenceEntry>&& entries, Ingest& ingest, Fetcher* fetcher,
                       const RemoteOptions& remote, bool search_live) {
    std::vector<std::string> pmids, dois;
    std::set<std::string> seen;
    std::vector<const ReferenceEntry*> by_title;
    for (const auto& entry : entries) {
        // The PMID when there is one (PubMed's record is the fuller), else the DOI.
        if (!entry.pmid.empty()) {
            if (!seen.insert("pmid:" + entry.pmid).second) continue;
            if (ingest.has_pmid(entry.pmid)) ingest.add_skipped();
            else pmids.push_back(entry.pmid);
        } else if (!entry.doi.empty()) {
            if (!seen.insert("doi:" + entry.doi).second) continue;
            if (ingest.has_doi(entry.doi)) ingest.add_skipped();
            else dois.push_back(entry.doi);
        } else {
            by_title.push_back(&entry);
        }
    }
    if (fetcher) {
        if (!pmids.empty()) ingest_pubmed_ids(pmids, *fetcher, remote, ingest);
        if (!dois.empty()) ingest_dois(dois, *fetcher, remote, ingest);
    } else {
        for (const auto& pmid : pmids) ingest.add_not_found({"pmid:" + pmid, "not in the index, and offline"});
        for (const auto& doi : dois) ingest.add_not_found({"doi:" + doi, "not in the index, and offline"});
    }
    ReferenceResolver resolver(ingest.writer(), ingest, search_live ? fetcher : nullptr, remote);
    for (const auto* entry : by_title) {
        const auto resolved = resolver.resolve(*entry);
        if (!resolved.study) {
            ingest.add_not_found({entry->label, "\"" + entry->title + "\": " + resolved.note});
            continue;
        }
        // A live search indexed the study as it found it; one found in the index was there already.
        if (resolved.method == "search:index") ingest.add_skipped();
    }
}

}  // namespace evidex
