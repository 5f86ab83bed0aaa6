#include "core/html_nesting.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace evidex {

namespace {

// Elements that never have content, and elements whose end tag HTML lets a page leave out
// (the parser closes them itself, so they do not stay open on its stack).
constexpr std::array<std::string_view, 38> shallow_elements = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "bgsound", "frame", "image", "menuitem",
    // end tag optional
    "p", "li", "dt", "dd", "rb", "rp", "rt", "rtc", "optgroup", "option", "colgroup", "caption", "thead",
    "tbody", "tfoot", "tr", "td", "th"};

// Elements the page reader gives meaning to: past the bound they are kept (up to twice it), so a
// list or a table under a pile of <div>s is still read as one.
constexpr std::array<std::string_view, 16> structural_elements = {
    "ol", "ul", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "a", "sup", "pre", "blockquote", "article", "main"};

// Elements whose content is text up to their end tag, not markup.
constexpr std::array<std::string_view, 8> raw_text_elements = {"script", "style", "textarea", "title",
                                                               "xmp",    "iframe", "noembed", "noframes"};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' ||
           c == '_' || c == '.';
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_lower(std::string_view name, std::string_view lowered) {
    return name.size() == lowered.size() &&
           std::equal(name.begin(), name.end(), lowered.begin(), [](char a, char b) { return lower(a) == b; });
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return equals_lower(name, n); });
}

// Where the tag whose name ends at `from` ends (the index of its '>'), quotes in attribute values
// skipped; npos when the page ends first.
std::size_t tag_end(std::string_view html, std::size_t from) {
    for (std::size_t i = from; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '>') return i;
        if ((c == '"' || c == '\'') && i > 0 && (html[i - 1] == '=' || html[i - 1] == ' ')) {
            const auto close = html.find(c, i + 1);
            if (close == std::string_view::npos) return close;
            i = close;
        }
    }
    return std::string_view::npos;
}

// Where the end tag </name> starts, from `from` on, case-insensitively; the page's end if none.
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) {
    for (auto at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
        const auto candidate = html.substr(at + 2, name.size());
        if (equals_lower(candidate, name) &&
            (at + 2 + name.size() == html.size() || !is_name_char(html[at + 2 + name.size()])))
            return at;
    }
    return html.size();
}

}  // namespace

std::optional<std::string> flatten_deep_html(std::string_view html, std::size_t max_depth) {
    std::vector<std::pair<std::size_t, std::size_t>> cut;  // [begin, end) of the tags left out
    std::vector<bool> open;  // the elements open at this point: whether each one's start tag was left out
    std::size_t depth = 0;   // of those kept
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        const std::size_t lt = i;
        if (html.compare(lt, 4, "<!--") == 0) {
            const auto end = html.find("-->", lt + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        if (lt + 1 < html.size() && (html[lt + 1] == '!' || html[lt + 1] == '?')) {
            const auto end = html.find('>', lt + 1);
            if (end == std::string_view::npos) break;
            i = end + 1;
            continue;
        }
        const bool closing = lt + 1 < html.size() && html[lt + 1] == '/';
        const std::size_t name_start = lt + 1 + (closing ? 1 : 0);
        std::size_t name_end = name_start;
        if (name_end >= html.size() || !((lower(html[name_end]) >= 'a' && lower(html[name_end]) <= 'z'))) {
            i = lt + 1;  // a '<' in text
            continue;
        }
        while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
        const auto name = html.substr(name_start, name_end - name_start);
        const auto end = tag_end(html, name_end);
        if (end == std::string_view::npos) break;
        i = end + 1;
        const bool self_closed = html[end - 1] == '/';
        if (!closing && one_of(name, raw_text_elements)) {
            i = find_end_tag(html, i, name);  // its content is text; the end tag is read next
            continue;
        }
        if (self_closed || one_of(name, shallow_elements)) continue;
        if (!closing) {
            const bool keep = depth < max_depth || (depth < 2 * max_depth && one_of(name, structural_elements));
            open.push_back(!keep);
            if (keep) ++depth;
            else cut.emplace_back(lt, end + 1);
        } else if (!open.empty()) {
            if (open.back()) cut.emplace_back(lt, end + 1);
            else --depth;
            open.pop_back();
        }
    }
    if (cut.empty()) return std::nullopt;
    std::string out;
    out.reserve(html.size());
    std::size_t from = 0;
    for (const auto& [begin, end] : cut) {
        out.append(html.substr(from, begin - from));
        from = end;
    }
    out.append(html.substr(from));
    return out;
}

}  // namespace evidex
