// A page's reference list and its allusions to studies, as found in the text (before any
// resolution against the index or the services).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.h"

namespace evidex {

// One entry of a reference list, parsed as far as its text allows.
struct ReferenceEntry {
    std::string label;  // "1", "2", ... (the list number, or the position when unnumbered)
    std::string raw;    // the entry's text as printed
    std::string doi;    // normalised (ids.h), empty when none
    std::string pmid;
    std::string pmcid;
    std::string url;    // the first non-DOI, non-PubMed URL
    std::vector<std::string> authors;  // family names in order ("de Baaij", "Hoenderop", ...)
    bool et_al = false;
    std::string title;
    std::string journal;
    std::optional<int> year;
    std::string volume, issue, pages;
    // What kind of thing it is, when the text says: a web page or fact sheet ("Accessed ...",
    // a URL and no journal), an unpublished or internal report ("Unpublished", "internal
    // report", "data on file").
    bool web_page = false;
    bool unpublished = false;
    // A DOI, PubMed or PMC link in the body text rather than an entry of a reference list:
    // the block it stands in and the words it is written on.
    std::optional<std::size_t> body_block;
    std::string link_text;
};

// An allusion in the body text: "a 2016 study published in 'Headache'", "a meta-analysis of
// 34 randomized control trials", "a study published in Sleep ... 10 patients".
struct Allusion {
    std::string text;           // the sentence
    std::size_t block = 0;      // index of the block in Page::blocks
    std::string journal;        // as named on the page, quotes removed
    std::optional<int> year;
    std::string design_words;   // "meta-analysis", "study", "review", "case study", "trial"
    std::optional<int> n;       // participants named with the allusion ("10 patients", "32,198 people")
    std::optional<int> n_studies;  // "34 randomized control trials"
};

// Parses one reference string (Vancouver/AMA/APA-like, with or without DOI/PMID/URL),
// tolerating missing words and scraping damage. Never throws.
ReferenceEntry parse_reference(std::string_view raw, std::string label = {});

// Finds the page's reference section ("References", "Works Cited", "Scientific Studies",
// "Sources", "Citations", "Bibliography", "Literature", a numbered list at the end, ...) and
// parses each entry. Entries keep page order. Empty when the page has none.
std::vector<ReferenceEntry> find_references(const Page& page);

// The DOI, PubMed and PMC links of the body text (outside the reference sections), one entry
// per distinct identifier and block, labelled "link-1", "link-2", ... in page order.
std::vector<ReferenceEntry> find_link_references(const Page& page);

// The reference list, then the body links: what `refs` and `audit` resolve.
std::vector<ReferenceEntry> page_references(const Page& page);

// Allusions to studies in the body (outside the reference section).
std::vector<Allusion> find_allusions(const Page& page);

}  // namespace evidex
