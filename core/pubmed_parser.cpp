// parse_pubmed_xml and parse_pubmed_article: PubMed XML held in memory into Study records.
// Every body is checked before it is trusted: E-utilities answer errors with HTTP 200 and an
// <ERROR> body, an HTML page, or a result of another kind.
#include "core/pubmed_parser.h"

#include <cstring>

#include "core/pubmed_xml.h"
#include "core/text.h"

namespace evidex {

namespace {

constexpr std::size_t snippet_length = 80;

std::string snippet(std::string_view text) {
    auto collapsed = collapse_whitespace(text.substr(0, snippet_length * 4));
    if (collapsed.size() > snippet_length) {
        collapsed.resize(snippet_length);
        // Do not cut a UTF-8 sequence in half.
        while (!collapsed.empty() && (static_cast<unsigned char>(collapsed.back()) & 0xC0) == 0x80)
            collapsed.pop_back();
        if (!collapsed.empty() && static_cast<unsigned char>(collapsed.back()) >= 0xC0) collapsed.pop_back();
        collapsed += "...";
    }
    return collapsed;
}

std::string_view skip_bom_and_space(std::string_view body) { return trim(skip_bom(body)); }

// The text of an HTML page's <title>, found without parsing HTML as XML.
std::string html_title(std::string_view body) {
    const auto lower = ascii_lower(body.substr(0, 64 * 1024));
    const auto open = lower.find("<title");
    if (open == std::string::npos) return {};
    const auto start = lower.find('>', open);
    const auto end = lower.find("</title", open);
    if (start == std::string::npos || end == std::string::npos || end < start) return {};
    return snippet(body.substr(start + 1, end - start - 1));
}

bool looks_like_html(std::string_view body) {
    return starts_with_icase(body, "<!doctype html") || starts_with_icase(body, "<html");
}

// What a body that pugixml could not parse is: JSON, an HTML page, plain text, broken XML.
std::string describe_unparsable(std::string_view body, const pugi::xml_parse_result& result) {
    const auto start = skip_bom_and_space(body);
    if (start.empty()) return "not PubMed XML: empty body";
    if (start.front() == '{' || start.front() == '[') return "not PubMed XML: a JSON body";
    if (looks_like_html(start)) {
        const auto title = html_title(start);
        return title.empty() ? "not PubMed XML: an HTML page" : "not PubMed XML: an HTML page (\"" + title + "\")";
    }
    if (result.status == pugi::status_no_document_element)
        return "not PubMed XML: text without markup (\"" + snippet(start) + "\")";
    return "malformed XML at offset " + std::to_string(result.offset) + ": " + result.description();
}

// What a well-formed document with another root is: an E-utilities <ERROR>, or another result.
std::string describe_foreign_root(const pugi::xml_node& root) {
    const auto error = root.child("ERROR");
    if (error) return "PubMed error: " + pubmed_text(error);
    return std::string("not PubMed XML: root element <") + root.name() + ">";
}

bool is_article(const pugi::xml_node& node) {
    return std::strcmp(node.name(), "PubmedArticle") == 0 || std::strcmp(node.name(), "PubmedBookArticle") == 0;
}

void read_deletions(const pugi::xml_node& node, std::string_view where, ParsedRecords& out) {
    std::vector<std::string> unreadable;
    for (auto& pmid : read_deleted_pmids(node, unreadable)) out.deleted_pmids.push_back(std::move(pmid));
    for (const auto& text : unreadable) {
        std::string place(where);
        place += place.empty() ? "DeleteCitation" : ": DeleteCitation";
        out.errors.push_back({place, "invalid PMID '" + text + "'"});
    }
}

}  // namespace

ParsedRecords parse_pubmed_xml(std::string_view xml, std::string_view where) {
    ParsedRecords out;
    const std::string place(where);
    if (skip_bom_and_space(xml).empty()) {
        out.errors.push_back({place, "not PubMed XML: empty body"});
        return out;
    }
    pugi::xml_document document;
    const auto result = document.load_buffer(xml.data(), xml.size(), pubmed_parse_options, pugi::encoding_auto);
    if (!result) {
        out.errors.push_back({place, describe_unparsable(xml, result)});
        return out;
    }
    const auto root = document.document_element();
    if (std::strcmp(root.name(), "PubmedArticleSet") != 0) {
        out.errors.push_back({place, describe_foreign_root(root)});
        return out;
    }
    std::int64_t ordinal = 0;
    for (const auto& node : root.children()) {
        if (is_article(node)) {
            Study study;
            ItemError error;
            if (read_pubmed_article(node, where, ++ordinal, study, error))
                out.studies.push_back(std::move(study));
            else
                out.errors.push_back(std::move(error));
        } else if (std::strcmp(node.name(), "DeleteCitation") == 0) {
            read_deletions(node, where, out);
        }
    }
    return out;
}

bool parse_pubmed_article(std::string_view element_xml, std::string_view where, std::int64_t ordinal,
                          Study& study, ItemError& error) {
    pugi::xml_document document;
    const auto result =
        document.load_buffer(element_xml.data(), element_xml.size(), pubmed_parse_options, pugi::encoding_utf8);
    if (!result) {
        error = {pubmed_article_where(where, ordinal, ""),
                 "malformed XML at offset " + std::to_string(result.offset) + " of the article: " +
                     result.description()};
        return false;
    }
    const auto root = document.document_element();
    if (!is_article(root)) {
        error = {pubmed_article_where(where, ordinal, ""),
                 std::string("not a PubmedArticle or PubmedBookArticle: <") + root.name() + ">"};
        return false;
    }
    return read_pubmed_article(root, where, ordinal, study, error);
}

}  // namespace evidex
