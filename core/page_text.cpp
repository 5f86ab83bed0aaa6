// load_page_text: a plain-text page (as scraped) into headings, paragraphs and list items.
#include <algorithm>
#include <optional>

#include "core/page.h"
#include "core/page_block.h"
#include "core/text.h"

namespace evidex {

namespace {

constexpr std::size_t heading_max_chars = 80;
constexpr std::size_t heading_max_words = 12;
constexpr std::size_t list_number_max_digits = 3;  // "2016. The year..." is not item 2016

bool is_nbsp(std::string_view s, std::size_t i) { return s.substr(i, 2) == "\xC2\xA0"; }

// The white space a line starts with: its length in bytes and its width (a tab counts 4).
struct Indent {
    std::size_t bytes = 0;
    std::size_t width = 0;
};

Indent indent_of(std::string_view line) {
    Indent indent;
    while (indent.bytes < line.size()) {
        if (is_nbsp(line, indent.bytes)) {
            indent.bytes += 2;
            indent.width += 1;
        } else if (is_space(line[indent.bytes])) {
            indent.width += line[indent.bytes] == '\t' ? 4 : 1;
            indent.bytes += 1;
        } else {
            break;
        }
    }
    return indent;
}

// "007" -> "7": labels compare as numbers.
std::string number_label(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    return std::string(digits);
}

struct ListMarker {
    std::size_t length = 0;  // the marker and the space after it
    std::string label;       // the number of a numbered item
};

std::size_t spaces_at(std::string_view s, std::size_t i) { return indent_of(s.substr(i)).bytes; }

// "• x", "- x", "* x", "– x", "1. x", "1) x", "[1] x" (the line without its indentation).
std::optional<ListMarker> list_marker_of(std::string_view line) {
    for (const std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xC2\xB7"}) {
        if (line.substr(0, bullet.size()) == bullet && line.size() > bullet.size())
            return ListMarker{bullet.size() + spaces_at(line, bullet.size()), {}};
    }
    for (const std::string_view dash : {"-", "*", "\xE2\x80\x93"}) {
        if (line.substr(0, dash.size()) == dash && line.size() > dash.size() + 1 && is_space(line[dash.size()]))
            return ListMarker{dash.size() + spaces_at(line, dash.size()), {}};
    }
    const bool bracketed = !line.empty() && line.front() == '[';
    const std::size_t first = bracketed ? 1 : 0;
    std::size_t end = first;
    while (end < line.size() && is_ascii_digit(line[end])) ++end;
    const std::size_t digits = end - first;
    if (digits == 0 || digits > list_number_max_digits || end >= line.size()) return std::nullopt;
    const char close = line[end];
    if (bracketed ? close != ']' : (close != '.' && close != ')')) return std::nullopt;
    const std::size_t after = end + 1;
    const std::size_t gap = spaces_at(line, after);
    if (!bracketed && gap == 0) return std::nullopt;  // "1.5 mg", "3)x"
    return ListMarker{after + gap, number_label(line.substr(first, digits))};
}

std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// A short line that does not end a sentence: "Scientific Studies", "Works Cited", "Sources:",
// "What Is Restless Legs Syndrome?" (FAQ pages head their sections with questions).
bool looks_like_heading(std::string_view text) {
    if (count_chars(text) > heading_max_chars) return false;
    if (static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1 > heading_max_words) return false;
    if (starts_with_icase(text, "http://") || starts_with_icase(text, "https://")) return false;
    // A byline is not a heading: "Author: Staff Writers", "By Jane Doe", "Updated on 3 May".
    for (const std::string_view byline : {"author:", "authors:", "by ", "written by ", "reviewed by ",
                                          "medically reviewed by ", "posted on ", "updated on ", "last updated"})
        if (starts_with_icase(text, byline)) return false;
    bool letter = false;
    for (const char c : text)
        letter = letter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (!letter) return false;
    for (;;) {  // a closing quote after the full stop still ends a sentence
        if (ends_with(text, "\xE2\x80\x9D") || ends_with(text, "\xE2\x80\x99")) text.remove_suffix(3);
        else if (ends_with(text, "\"") || ends_with(text, "'")) text.remove_suffix(1);
        else break;
    }
    if (text.empty() || ends_with(text, "\xE2\x80\xA6")) return false;  // "…"
    const char last = text.back();
    return last != '.' && last != '!' && last != ',' && last != ';';
}

// Gathers the lines of one block until a blank line or a new list item ends it.
class TextBlocks {
public:
    explicit TextBlocks(Page& page) : page_(page) {}

    void add_line(std::string_view line) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const Indent indent = indent_of(line);
        if (indent.bytes == line.size()) {
            flush();
            return;
        }
        const std::string_view body = line.substr(indent.bytes);
        const bool page_start = !seen_text_;
        if (!seen_text_) page_.title = collapse_whitespace(body);
        seen_text_ = true;
        if (auto marker = list_marker_of(body)) {
            flush();
            start(BlockKind::list_item, std::move(marker->label), indent.width, body.substr(marker->length), false);
        } else if (open_ && (kind_ == BlockKind::paragraph || indent.width > indent_)) {
            joined_ += ' ';
            joined_ += body;
            ++lines_;
        } else {
            flush();
            start(BlockKind::paragraph, {}, indent.width, body, page_start);
        }
    }

    void flush() {
        if (!open_) return;
        open_ = false;
        PageBlock block;
        block.text = collapse_whitespace(joined_);
        if (block.text.empty()) return;
        block.kind = kind_;
        block.list_label = std::move(label_);
        if (kind_ == BlockKind::paragraph && lines_ == 1 && looks_like_heading(block.text)) {
            block.kind = BlockKind::heading;
            block.level = page_start_ ? 1 : 2;
        }
        finish_block(block);
        page_.blocks.push_back(std::move(block));
    }

private:
    void start(BlockKind kind, std::string label, std::size_t indent, std::string_view body, bool page_start) {
        open_ = true;
        kind_ = kind;
        label_ = std::move(label);
        indent_ = indent;
        joined_.assign(body);
        lines_ = 1;
        page_start_ = page_start;
    }

    Page& page_;
    bool seen_text_ = false;
    bool open_ = false;
    BlockKind kind_ = BlockKind::paragraph;
    std::string label_;
    std::size_t indent_ = 0;
    std::string joined_;
    std::size_t lines_ = 0;
    bool page_start_ = false;
};

}  // namespace

Page load_page_text(std::string_view text, std::string source) {
    Page page;
    page.source = std::move(source);
    TextBlocks blocks(page);
    text = skip_bom(text);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        blocks.add_line(text.substr(start, end - start));
        start = end + 1;
    }
    blocks.flush();
    return page;
}

}  // namespace evidex
