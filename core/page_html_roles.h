// What each HTML element means to the page loader: dropped, a block of text, a section that
// only separates blocks, or inline text. Private to page_html.cpp.
#pragma once

#include <gumbo.h>

#include "core/page.h"

namespace evidex {

enum class HtmlRole {
    skip,        // dropped with everything inside: script, style, nav, hidden elements, ...
    title,       // <title>: the page's title, not a block
    inline_run,  // text runs on through it: a, span, b, sup, ...
    line_break,  // <br>: a space
    section,     // div, section, blockquote, body, ...: ends the text before it; text directly
                 // inside becomes a paragraph of its own
    list,        // ul, ol, dl, table: a section that also splits a block it appears in
    block,       // h1-h6, p, li, td, th, pre, dt, dd, caption, figcaption, summary
};

struct RoleContext {
    bool in_article = false;  // inside <article> or <main>: its header and footer are content
};

HtmlRole role_of(const GumboElement& element, const RoleContext& context);

// The kind of block a `block` element starts, and its heading level (0 unless h1-h6).
BlockKind block_kind_of(GumboTag tag);
int heading_level_of(GumboTag tag);

// The value of an attribute, or nullptr.
const char* attribute(const GumboElement& element, const char* name);

}  // namespace evidex
