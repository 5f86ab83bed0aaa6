// load_page: tells an HTML page from a text page by its first bytes and loads it.
#include <string>
#include <utility>

#include "core/page.h"
#include "core/text.h"

namespace evidex {

namespace {

constexpr std::size_t sniff_bytes = 1024;

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// "<div", "<P>", "<!DOCTYPE html" but not "<paragraph" or "<2 mmHg".
bool opens_page_tag(std::string_view lower_rest) {
    for (const std::string_view tag : {"html", "head", "body", "div", "p", "!doctype", "title", "meta", "article",
                                       "section", "main", "table", "ul", "ol", "h1", "h2", "h3"}) {
        if (lower_rest.substr(0, tag.size()) == tag &&
            (lower_rest.size() == tag.size() || !is_name_char(lower_rest[tag.size()])))
            return true;
    }
    return false;
}

// HTML when the first byte that is not white space is "<" and a page tag opens in the first KiB.
bool looks_like_html(std::string_view content) {
    content = skip_bom(content);
    const auto first = content.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos || content[first] != '<') return false;
    const std::string head = ascii_lower(content.substr(0, sniff_bytes));
    for (auto at = head.find('<'); at != std::string::npos; at = head.find('<', at + 1)) {
        if (opens_page_tag(std::string_view(head).substr(at + 1))) return true;
    }
    return false;
}

}  // namespace

Page load_page(std::string_view content, std::string source) {
    return looks_like_html(content) ? load_page_html(content, std::move(source))
                                    : load_page_text(content, std::move(source));
}

}  // namespace evidex
