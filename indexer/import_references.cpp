#include "indexer/import_references.h"

#include <set>

#include "indexer/resolve.h"

namespace evidex {

namespace {

// One entry on its way through the lookups: PMID, then DOI, then title, each tried only when
// the one before it found nothing; `missed` says what the earlier ones answered.
struct Lookup {
    const ReferenceEntry* entry = nullptr;
    std::vector<std::string> missed;
};

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

std::string found_by(const std::string& method) {
    if (method == "search:index") return "by its title in the index";
    if (method == "search:crossref") return "by its title through Crossref's search";
    if (method == "search:pubmed") return "by its title through a PubMed search";
    return "by " + method;
}

// The next way to look `lookup` up after its identifier `missed` (PMID or DOI) found nothing:
// its DOI (when `doi_next` holds the DOIs still to try), else its title; with neither, it is
// not found and says why.
void fall_back(Lookup&& lookup, std::string missed, const std::string& id, std::vector<Lookup>* doi_next,
               std::vector<Lookup>& by_title, Ingest& ingest) {
    lookup.missed.push_back(std::move(missed));
    if (doi_next && !lookup.entry->doi.empty()) doi_next->push_back(std::move(lookup));
    else if (!lookup.entry->title.empty()) by_title.push_back(std::move(lookup));
    else if (lookup.missed.size() == 1) ingest.add_not_found({id, lookup.missed.front()});
    else ingest.add_not_found({lookup.entry->label, joined(lookup.missed)});
}

}  // namespace

void import_references(std::vector<ReferenceEntry>&& entries, Ingest& ingest, Fetcher* fetcher,
                       const RemoteOptions& remote, bool search_live) {
    std::vector<Lookup> by_pmid, by_doi, by_title;
    std::set<std::string> seen;
    for (const auto& entry : entries) {
        // The PMID when there is one (PubMed's record is the fuller), else the DOI.
        if (!entry.pmid.empty()) {
            if (!seen.insert("pmid:" + entry.pmid).second) continue;
            if (ingest.has_pmid(entry.pmid)) ingest.add_skipped();
            else by_pmid.push_back({&entry, {}});
        } else if (!entry.doi.empty()) {
            if (!seen.insert("doi:" + entry.doi).second) continue;
            if (ingest.has_doi(entry.doi)) ingest.add_skipped();
            else by_doi.push_back({&entry, {}});
        } else {
            by_title.push_back({&entry, {}});
        }
    }

    // PMIDs through PubMed, in batches; an entry PubMed does not know tries its DOI, then its title.
    std::vector<std::string> pmids, unknown;
    for (const auto& lookup : by_pmid) pmids.push_back(lookup.entry->pmid);
    if (fetcher && !pmids.empty()) ingest_pubmed_ids(pmids, *fetcher, remote, ingest, &unknown);
    if (!fetcher) unknown = pmids;
    const std::set<std::string> unknown_pmids(unknown.begin(), unknown.end());
    std::vector<Lookup> doi_next = std::move(by_doi);
    for (auto& lookup : by_pmid) {
        const auto& pmid = lookup.entry->pmid;
        if (!unknown_pmids.count(pmid)) continue;
        const std::string why = fetcher ? "PubMed has no record with PMID " + pmid
                                        : "PMID " + pmid + " is not in the index, and offline";
        if (const auto& doi = lookup.entry->doi; !doi.empty() && ingest.has_doi(doi)) {
            ingest.add_skipped();  // the work is indexed under its DOI already
            continue;
        }
        fall_back(std::move(lookup), why, "pmid:" + pmid, &doi_next, by_title, ingest);
    }

    // DOIs through Crossref and doi.org; an entry neither knows tries its title.
    std::vector<std::string> dois;
    unknown.clear();
    for (const auto& lookup : doi_next) dois.push_back(lookup.entry->doi);
    if (fetcher && !dois.empty()) ingest_dois(dois, *fetcher, remote, ingest, &unknown);
    if (!fetcher) unknown = dois;
    const std::set<std::string> unknown_dois(unknown.begin(), unknown.end());
    for (auto& lookup : doi_next) {
        const auto& doi = lookup.entry->doi;
        if (!unknown_dois.count(doi)) {
            if (!lookup.missed.empty() && ingest.has_doi(doi))
                ingest.add_note({lookup.entry->label, joined(lookup.missed) + "; found by its DOI (doi:" + doi + ")"});
            continue;
        }
        const std::string why = fetcher ? "neither Crossref nor doi.org knows DOI " + doi
                                        : "DOI " + doi + " is not in the index, and offline";
        fall_back(std::move(lookup), why, "doi:" + doi, nullptr, by_title, ingest);
    }

    // By title: the index, then (online) Crossref's bibliographic search and PubMed.
    ReferenceResolver resolver(ingest.writer(), ingest, search_live ? fetcher : nullptr, remote);
    for (auto& lookup : by_title) {
        // Its identifiers were tried already: the resolver searches by the rest.
        ReferenceEntry entry = *lookup.entry;
        entry.pmid.clear();
        entry.doi.clear();
        const auto resolved = resolver.resolve(entry);
        if (!resolved.study) {
            lookup.missed.push_back("\"" + entry.title + "\": " + resolved.note);
            ingest.add_not_found({entry.label, joined(lookup.missed)});
            continue;
        }
        if (!lookup.missed.empty())
            ingest.add_note({entry.label, joined(lookup.missed) + "; found " + found_by(resolved.method) + " (" +
                                              resolved.study->key() + ")"});
        // A live search indexed the study as it found it; one found in the index was there already.
        if (resolved.method == "search:index") ingest.add_skipped();
    }
}

}  // namespace evidex
