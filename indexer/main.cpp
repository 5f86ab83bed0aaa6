// evidex-index: fetch, parse, classify and index study records.
#include "core/cli.h"
#include "indexer/commands.h"

int main(int argc, char** argv) {
    const std::vector<evidex::CommandEntry> commands{
        {"file", evidex::run_index_file,
         "index PubMed XML, Crossref JSON; look up BibTeX, CSL-JSON, RIS, MEDLINE, PMID/DOI lists"},
        {"corpus", evidex::run_index_corpus, "index the bundled corpus of study records"},
        {"doi", evidex::run_index_doi, "fetch DOIs from Crossref (doi.org as fallback) and index them"},
        {"pubmed", evidex::run_index_pubmed, "fetch PubMed records by PMID and index them"},
        {"refs", evidex::run_index_refs, "find a page's references, resolve and index them"},
        {"retractions", evidex::run_index_retractions, "mark the studies a Retraction Watch CSV lists as retracted"},
        {"search-pubmed", evidex::run_index_search_pubmed, "search PubMed and index every hit"},
        {"upgrade", evidex::run_index_upgrade, "bring an index of an older schema version up to date in place"},
    };
    return evidex::run_tool("evidex-index", commands, argc, argv);
}
