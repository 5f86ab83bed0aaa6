// A page as Evidex reads it: blocks of text (headings, paragraphs, list items, table cells) in
// page order, with their links and citation markers. Loaded from plain text or from HTML (a
// real HTML5 parser); scripts, styles and navigation are dropped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace evidex {

struct PageLink {
    std::string text;
    std::string href;
};

// A citation marker in a block's text: "[3]", "[1,2]", "(4-6)", or a superscript "12".
struct CitationMarker {
    std::vector<std::string> labels;  // "3"; "1", "2"; "4", "5", "6"
    std::size_t offset = 0;           // byte offset of the marker in the block's text
};

enum class BlockKind { heading, paragraph, list_item, table_cell, preformatted };

struct PageBlock {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;           // heading level 1..6 (text pages: 1 for a title, 2 for a section); 0 otherwise
    std::string list_label;  // "1" for an item of a numbered list ("1." / "[1]" / <ol> position), else empty
    std::string text;        // whitespace collapsed; markers kept as written in the text
    std::vector<PageLink> links;
    std::vector<CitationMarker> markers;
};

struct Page {
    std::string source;  // the file or URL it came from
    std::string title;   // <title> or <h1>, or the first line of a text page
    std::vector<PageBlock> blocks;
};

// Plain text: blank lines separate blocks; a short line without final punctuation followed by
// a blank line is a heading; "•", "-", "*", "1.", "1)", "[1]" start list items (numbered ones
// get list_label); bare URLs become links.
Page load_page_text(std::string_view text, std::string source);

// HTML through libgumbo. <h1>-<h6>, <p>, <li> (with <ol> numbering), <td>/<th>, <pre>,
// <blockquote>, <a href>, <sup> markers; <script>, <style>, <nav>, <header>, <footer>,
// <noscript>, <template>, <svg> dropped. Entities decoded. Never throws on broken HTML.
Page load_page_html(std::string_view html, std::string source);

// Decides by content (a leading "<" or an <html>/<body> tag in the first bytes) which loader.
Page load_page(std::string_view content, std::string source);

}  // namespace evidex
