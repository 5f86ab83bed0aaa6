// PubMed XML (efetch responses, baseline and update files) into Study records, with pugixml.
// No DTD or external entity is ever loaded: pugixml does not fetch anything.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/parsed_records.h"

namespace evidex {

// Parses a whole PubmedArticleSet held in memory (an efetch body). `where` names the input in
// error messages ("efetch batch 3", a file name). A body that is not PubMed XML at all (an HTML
// error page, an eSearchResult, an <ERROR> body, truncated XML) yields one error and no studies;
// an article that lacks what a study needs yields an error for that article alone.
ParsedRecords parse_pubmed_xml(std::string_view xml, std::string_view where);

// Parses one <PubmedArticle> or <PubmedBookArticle> element given as text. `ordinal` is its
// 1-based position in the input, used in error messages.
// Returns false and fills `error` when the article cannot be read.
bool parse_pubmed_article(std::string_view element_xml, std::string_view where, std::int64_t ordinal,
                          Study& study, ItemError& error);

// Receives what a streamed file holds, in file order.
struct PubmedSink {
    std::function<void(Study&&)> study;
    std::function<void(const std::string& pmid)> deleted;
    std::function<void(ItemError&&)> error;
};

// Streams a PubMed XML file (.xml, or .xml.gz read with zlib) article by article, so memory
// stays flat however large the file is. A truncated or corrupt file delivers every complete
// article before the damage, then one error naming the offset where reading stopped.
// Returns false (after an error to the sink) when the file cannot be opened at all.
bool read_pubmed_file(const std::filesystem::path& path, const PubmedSink& sink);

}  // namespace evidex
