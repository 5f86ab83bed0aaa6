#include "core/crossref_markup.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"

namespace evidex {

namespace {

struct NamedEntity {
    std::string_view name;
    char32_t code_point;
};

// The named references that turn up in Crossref titles, abstracts and journal names.
constexpr auto named_entities = std::to_array<NamedEntity>({
    {"amp", U'&'},        {"lt", U'<'},         {"gt", U'>'},         {"quot", U'"'},
    {"apos", U'\''},      {"nbsp", 0xA0},       {"ndash", 0x2013},    {"mdash", 0x2014},
    {"hellip", 0x2026},   {"lsquo", 0x2018},    {"rsquo", 0x2019},    {"ldquo", 0x201C},
    {"rdquo", 0x201D},    {"laquo", 0xAB},      {"raquo", 0xBB},      {"times", 0xD7},
    {"divide", 0xF7},     {"plusmn", 0xB1},     {"deg", 0xB0},        {"micro", 0xB5},
    {"middot", 0xB7},     {"bull", 0x2022},     {"prime", 0x2032},    {"le", 0x2264},
    {"ge", 0x2265},       {"ne", 0x2260},       {"asymp", 0x2248},    {"minus", 0x2212},
    {"alpha", 0x3B1},     {"beta", 0x3B2},      {"gamma", 0x3B3},     {"delta", 0x3B4},
    {"epsilon", 0x3B5},   {"kappa", 0x3BA},     {"lambda", 0x3BB},    {"mu", 0x3BC},
    {"pi", 0x3C0},        {"sigma", 0x3C3},     {"tau", 0x3C4},       {"omega", 0x3C9},
    {"Delta", 0x394},     {"copy", 0xA9},       {"reg", 0xAE},        {"trade", 0x2122},
    {"aacute", 0xE1},     {"eacute", 0xE9},     {"iacute", 0xED},     {"oacute", 0xF3},
    {"uacute", 0xFA},     {"agrave", 0xE0},     {"egrave", 0xE8},     {"auml", 0xE4},
    {"ouml", 0xF6},       {"uuml", 0xFC},       {"ccedil", 0xE7},     {"ntilde", 0xF1},
    {"szlig", 0xDF},      {"thinsp", 0x2009},
});

// Parses the inside of a numeric reference ("#233", "#x2013"); 0 when it is not one.
char32_t numeric_reference(std::string_view body) {
    if (body.size() < 2 || body[0] != '#') return 0;
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    char32_t value = 0;
    for (const char c : digits) {
        const auto u = static_cast<unsigned char>(c);
        int digit = -1;
        if (std::isdigit(u)) digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return 0;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    return value;
}

bool is_block_tag(std::string_view tag) {
    // "<jats:p ...>", "</p>", "<br/>": the local name decides.
    std::size_t start = tag.find_first_not_of("</");
    if (start == std::string_view::npos) return false;
    std::size_t end = start;
    while (end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[end])) || tag[end] == ':' ||
                                tag[end] == '-' || tag[end] == '_'))
        ++end;
    std::string_view name = tag.substr(start, end - start);
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    const std::string lower = ascii_lower(name);
    for (std::string_view block : {"p", "br", "div", "li", "ul", "ol", "title", "sec", "list", "list-item", "tr",
                                   "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "label"})
        if (lower == block) return true;
    return false;
}

bool opens_tag(std::string_view s, std::size_t i) {
    if (s[i] != '<' || i + 1 >= s.size()) return false;
    const auto next = static_cast<unsigned char>(s[i + 1]);
    return std::isalpha(next) || next == '/' || next == '!' || next == '?';
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        const auto semicolon = s.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 12) {
            out.push_back('&');
            continue;
        }
        const std::string_view body = s.substr(i + 1, semicolon - i - 1);
        char32_t cp = numeric_reference(body);
        if (cp == 0) {
            const auto named = std::find_if(named_entities.begin(), named_entities.end(),
                                            [&](const NamedEntity& e) { return e.name == body; });
            if (named != named_entities.end()) cp = named->code_point;
        }
        if (cp == 0) {
            out.push_back('&');  // not a reference we know: keep it as written
            continue;
        }
        append_utf8(out, cp);
        i = semicolon;
    }
    return out;
}

std::string strip_markup(std::string_view s) {
    std::string text;
    text.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!opens_tag(s, i)) {
            text.push_back(s[i]);
            continue;
        }
        const auto close = s.find('>', i);
        if (close == std::string_view::npos) {
            text.append(s.substr(i));  // a lone '<' in prose, not a tag
            break;
        }
        if (is_block_tag(s.substr(i, close - i))) text.push_back(' ');
        i = close;
    }
    return collapse_whitespace(decode_entities(text));
}

std::optional<std::string> describe_html_body(std::string_view body, std::string_view expected) {
    const std::string_view page = trim(body);
    if (page.empty() || page.front() != '<') return std::nullopt;
    std::string message = "HTML page, not " + std::string(expected);
    const std::string lower = ascii_lower(page);
    const auto open = lower.find("<title");
    const auto open_end = open == std::string::npos ? std::string::npos : lower.find('>', open);
    const auto close = open_end == std::string::npos ? std::string::npos : lower.find("</title", open_end);
    if (close != std::string::npos) {
        const std::string title = strip_markup(page.substr(open_end + 1, close - open_end - 1));
        if (!title.empty()) message += ": \"" + title + "\"";
    }
    return message;
}

std::string excerpt(std::string_view body) {
    std::string_view text = trim(body);
    if (const auto newline = text.find_first_of("\r\n"); newline != std::string_view::npos)
        text = text.substr(0, newline);
    if (text.size() > 120) {
        std::size_t cut = 120;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
        return std::string(text.substr(0, cut)) + "...";
    }
    return std::string(text);
}

}  // namespace evidex
