// Private to core/: reading PubMed XML nodes (pugixml) into the record model. The public entry
// points are in pubmed_parser.h; this header is shared by the parser and the file streamer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/errors.h"
#include "core/study.h"

namespace evidex {

// Entities and numeric character references decoded; white-space-only text kept, so that
// "<i>A</i> <i>B</i>" reads "A B". A DOCTYPE is skipped, never loaded.
inline constexpr unsigned pubmed_parse_options = pugi::parse_default | pugi::parse_ws_pcdata;

// All text below `node` (inline markup such as <i>, <sup>, mml:* dropped, its text kept),
// white space collapsed.
std::string pubmed_text(const pugi::xml_node& node);

// "where: article N (PMID X)", or "where: article N" while the PMID is unknown.
std::string pubmed_article_where(std::string_view where, std::int64_t ordinal, std::string_view pmid);

// Reads a <PubmedArticle> or <PubmedBookArticle> element. Returns false and fills `error` when the
// article has no usable PMID or no title.
bool read_pubmed_article(const pugi::xml_node& article, std::string_view where, std::int64_t ordinal,
                         Study& study, ItemError& error);

// The PMIDs listed in a <DeleteCitation> element, normalised; the text of any that is not a
// PMID goes to `unreadable`, for the caller to report.
std::vector<std::string> read_deleted_pmids(const pugi::xml_node& delete_citation,
                                            std::vector<std::string>& unreadable);

// Field readers used by read_pubmed_article (pubmed_fields.cpp).
std::vector<AbstractSection> read_pubmed_abstract(const pugi::xml_node& abstract);
std::vector<Author> read_pubmed_authors(const pugi::xml_node& author_list);
std::vector<MeshHeading> read_pubmed_mesh(const pugi::xml_node& mesh_heading_list);

}  // namespace evidex
