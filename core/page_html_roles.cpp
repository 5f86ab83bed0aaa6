// role_of: which HTML elements the page loader keeps, and as what.
#include "core/page_html_roles.h"

#include <string>
#include <vector>

#include "core/text.h"

namespace evidex {

namespace {

// "display: none" in a style attribute, ignoring spaces and case.
bool style_hides(std::string_view style) {
    std::string compact;
    for (const char c : style)
        if (!is_space(c)) compact.push_back(c);
    compact = ascii_lower(compact);
    return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

bool is_hidden(const GumboElement& element) {
    if (attribute(element, "hidden")) return true;
    if (const char* aria = attribute(element, "aria-hidden"); aria && ascii_lower(trim(aria)) == "true") return true;
    if (const char* role = attribute(element, "role"); role && ascii_lower(trim(role)) == "navigation") return true;
    const char* style = attribute(element, "style");
    return style && style_hides(style);
}

// A <form> around the whole page (as some site builders write it) holds the article; a search
// box or a newsletter sign-up does not. Searched with an explicit stack: pages nest deeply.
bool holds_article(const GumboElement& form) {
    std::vector<const GumboNode*> pending;
    for (unsigned i = 0; i < form.children.length; ++i) pending.push_back(static_cast<GumboNode*>(form.children.data[i]));
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT) continue;
        const GumboElement& element = node->v.element;
        const GumboTag tag = element.tag;
        if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) return true;
        for (unsigned i = 0; i < element.children.length; ++i)
            pending.push_back(static_cast<GumboNode*>(element.children.data[i]));
    }
    return false;
}

}  // namespace

const char* attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
    return found ? found->value : nullptr;
}

HtmlRole role_of(const GumboElement& element, const RoleContext& context) {
    if (is_hidden(element)) return HtmlRole::skip;
    switch (element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_DATALIST:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_FRAMESET:
        case GUMBO_TAG_NOFRAMES:
        case GUMBO_TAG_NOEMBED:
            return HtmlRole::skip;
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
            return context.in_article ? HtmlRole::section : HtmlRole::skip;
        case GUMBO_TAG_FORM:
            return holds_article(element) ? HtmlRole::section : HtmlRole::skip;
        case GUMBO_TAG_TITLE:
            return HtmlRole::title;
        case GUMBO_TAG_BR:
            return HtmlRole::line_break;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_P:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_LISTING:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_PLAINTEXT:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_LEGEND:
            return HtmlRole::block;
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_DIR:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_TABLE:
            return HtmlRole::list;
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TR:
            return HtmlRole::section;
        default:
            return HtmlRole::inline_run;
    }
}

BlockKind block_kind_of(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            return BlockKind::heading;
        case GUMBO_TAG_LI:
            return BlockKind::list_item;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            return BlockKind::table_cell;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_LISTING:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_PLAINTEXT:
            return BlockKind::preformatted;
        default:
            return BlockKind::paragraph;
    }
}

int heading_level_of(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1: return 1;
        case GUMBO_TAG_H2: return 2;
        case GUMBO_TAG_H3: return 3;
        case GUMBO_TAG_H4: return 4;
        case GUMBO_TAG_H5: return 5;
        case GUMBO_TAG_H6: return 6;
        default: return 0;
    }
}

}  // namespace evidex
