// finish_block: citation markers and bare URLs written into a block's text.
#include "core/page_block.h"

#include <algorithm>
#include <unordered_set>

#include "core/text.h"

namespace evidex {

namespace {

constexpr int text_marker_max = 500;     // "(2016)" is a year, not reference 2016
constexpr std::size_t marker_max_inside = 48;
constexpr int range_max_span = 100;

// A byte of a letter: ASCII letters and every byte of a multi-byte UTF-8 character ("í", "”").
bool is_word_byte(char c) { return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80; }

// "12" -> 12; -1 unless 1..4 digits.
int parse_number(std::string_view s) {
    if (s.empty() || s.size() > 4) return -1;
    int n = 0;
    for (const char c : s) {
        if (!is_ascii_digit(c)) return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

// The position and width of the range dash in a part ("-", en dash, em dash), or npos.
std::pair<std::size_t, std::size_t> find_dash(std::string_view part) {
    for (const std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        if (const auto at = part.find(dash); at != std::string_view::npos) return {at, dash.size()};
    }
    return {std::string_view::npos, 0};
}

bool starts_url(std::string_view text, std::size_t i) {
    if (i > 0 && (is_ascii_alpha(text[i - 1]) || is_ascii_digit(text[i - 1]))) return false;
    const auto rest = text.substr(i);
    return starts_with_icase(rest, "http://") || starts_with_icase(rest, "https://");
}

// "(3)" counts only right after a word ("sleep (3)", "sleep.(3)"), so "17(7)" in a journal
// reference and "(2) mmHg" after a number are left alone.
bool follows_word(std::string_view text, std::size_t open) {
    std::size_t k = open;
    if (k > 0 && text[k - 1] == ' ') --k;
    if (k == 0) return false;
    const char before = text[k - 1];
    if (is_word_byte(before)) return true;
    const bool closing = before == '.' || before == ',' || before == ';' || before == ':' || before == '"' ||
                         before == '\'';
    return closing && k >= 2 && is_word_byte(text[k - 2]);
}

struct FoundMarker {
    CitationMarker marker;
    std::size_t end = 0;
};

std::vector<FoundMarker> find_text_markers(std::string_view text) {
    std::vector<FoundMarker> found;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (starts_url(text, i)) {
            while (i < text.size() && !is_space(text[i])) ++i;
            continue;
        }
        const char open = text[i];
        if (open != '[' && open != '(') continue;
        if (open == '(' && !follows_word(text, i)) continue;
        const char close = open == '[' ? ']' : ')';
        const auto window = text.substr(i + 1, marker_max_inside + 1);
        const auto length = window.find(close);
        if (length == std::string_view::npos) continue;
        const std::size_t end = i + 1 + length;
        auto labels = parse_marker_labels(text.substr(i + 1, end - i - 1), text_marker_max);
        if (!labels) continue;
        found.push_back({CitationMarker{std::move(*labels), i}, end + 1});
        i = end;
    }
    return found;
}

bool is_closing_quote(std::string_view s) { return s == "\xE2\x80\x9D" || s == "\xE2\x80\x99"; }

// Drops what ends the sentence rather than the URL: ".", ",", closing quotes, and a ")" or "]"
// that has no partner inside the URL.
std::string_view trim_url_end(std::string_view url) {
    for (;;) {
        if (url.size() >= 3 && is_closing_quote(url.substr(url.size() - 3))) {
            url.remove_suffix(3);
            continue;
        }
        if (url.empty()) return url;
        const char last = url.back();
        if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'') {
            url.remove_suffix(1);
            continue;
        }
        if (last == ')' || last == ']') {
            const char partner = last == ')' ? '(' : '[';
            if (std::count(url.begin(), url.end(), partner) < std::count(url.begin(), url.end(), last)) {
                url.remove_suffix(1);
                continue;
            }
        }
        return url;
    }
}

bool ends_url(char c) { return is_space(c) || c == '<' || c == '>' || c == '"' || c == '`'; }

void add_bare_links(PageBlock& block) {
    std::unordered_set<std::string> known;
    for (const auto& link : block.links) known.insert(link.href);
    const std::string_view text = block.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!starts_url(text, i)) continue;
        std::size_t end = i;
        while (end < text.size() && !ends_url(text[end])) ++end;
        const auto url = trim_url_end(text.substr(i, end - i));
        const auto scheme_end = url.find("://");
        i = end;
        if (url.size() <= scheme_end + 3) continue;  // "https://" alone
        if (known.insert(std::string(url)).second) block.links.push_back(PageLink{std::string(url), std::string(url)});
    }
}

}  // namespace

std::optional<std::vector<std::string>> parse_marker_labels(std::string_view inside, int max_number) {
    std::vector<std::string> labels;
    std::size_t start = 0;
    while (start <= inside.size()) {
        auto stop = inside.find_first_of(",;", start);
        if (stop == std::string_view::npos) stop = inside.size();
        const auto part = trim(inside.substr(start, stop - start));
        const auto [dash, width] = find_dash(part);
        const int low = parse_number(trim(part.substr(0, dash)));
        const int high = dash == std::string_view::npos ? low : parse_number(trim(part.substr(dash + width)));
        if (low < 1 || high < low || high > max_number || high - low > range_max_span) return std::nullopt;
        for (int n = low; n <= high; ++n) labels.push_back(std::to_string(n));
        start = stop + 1;
    }
    return labels;
}

void finish_block(PageBlock& block) {
    // A text marker that covers a marker already there (a superscript "[3]") is that marker.
    std::vector<std::size_t> taken;
    for (const auto& marker : block.markers) taken.push_back(marker.offset);
    std::sort(taken.begin(), taken.end());
    for (auto& found : find_text_markers(block.text)) {
        const auto next = std::lower_bound(taken.begin(), taken.end(), found.marker.offset);
        if (next == taken.end() || *next >= found.end) block.markers.push_back(std::move(found.marker));
    }
    std::stable_sort(block.markers.begin(), block.markers.end(),
                     [](const CitationMarker& a, const CitationMarker& b) { return a.offset < b.offset; });
    add_bare_links(block);
}

}  // namespace evidex
