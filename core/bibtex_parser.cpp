// parse_bibtex: BibTeX entries, as doi.org returns them for Accept: application/x-bibtex and as
// reference managers export them, into studies.
#include <cctype>
#include <map>

#include "core/crossref_bibtex.h"
#include "core/crossref_markup.h"
#include "core/crossref_parser.h"
#include "core/ids.h"
#include "core/text.h"

namespace evidex {

namespace {


// Field names, citation keys' pieces, bare numbers and macro names.
bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || c == '-' || c == '_' || c == ':' || c == '.' || c == '/' || c == '+';
}

struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    [[nodiscard]] bool done() const { return pos >= text.size(); }
    [[nodiscard]] char peek() const { return done() ? '\0' : text[pos]; }
    void skip_space() {
        while (!done() && is_space(text[pos])) ++pos;
    }
    std::string_view read_word() {
        const std::size_t start = pos;
        while (!done() && is_word_char(text[pos])) ++pos;
        return text.substr(start, pos - start);
    }
};

using Macros = std::map<std::string, std::string, std::less<>>;

Macros month_macros() {
    return {{"jan", "January"}, {"feb", "February"}, {"mar", "March"},     {"apr", "April"},
            {"may", "May"},     {"jun", "June"},     {"jul", "July"},      {"aug", "August"},
            {"sep", "September"}, {"oct", "October"}, {"nov", "November"}, {"dec", "December"}};
}

// At an opening '{' or '"': reads to the matching close. Braces nest; a quote closes only outside
// braces; a backslash escapes the next character. False when the input ends first.
bool read_delimited(Cursor& c, std::string& out) {
    const char open = c.peek();
    ++c.pos;
    const std::size_t start = c.pos;
    int depth = 0;
    while (!c.done()) {
        const char ch = c.text[c.pos];
        if (ch == '\\') {
            c.pos += 2;
            continue;
        }
        if (ch == '{') {
            ++depth;
        } else if (ch == '}') {
            if (depth == 0 && open == '{') {
                out = std::string(c.text.substr(start, c.pos - start));
                ++c.pos;
                return true;
            }
            if (depth > 0) --depth;
        } else if (ch == '"' && open == '"' && depth == 0) {
            out = std::string(c.text.substr(start, c.pos - start));
            ++c.pos;
            return true;
        }
        ++c.pos;
    }
    return false;
}

// value = part ('#' part)*, a part being {braced}, "quoted", a number or a macro name.
bool read_value(Cursor& c, const Macros& macros, std::string& out, std::string& problem) {
    out.clear();
    for (;;) {
        c.skip_space();
        const char ch = c.peek();
        std::string part;
        if (ch == '{' || ch == '"') {
            if (!read_delimited(c, part)) {
                problem = std::string("unterminated ") + (ch == '{' ? "{braced}" : "\"quoted\"") + " value";
                return false;
            }
        } else if (is_word_char(ch)) {
            const std::string_view word = c.read_word();
            const auto macro = macros.find(ascii_lower(word));
            part = macro != macros.end() ? macro->second : std::string(word);
        } else {
            problem = c.done() ? "unexpected end of input where a value belongs"
                               : std::string("unexpected '") + ch + "' where a value belongs";
            return false;
        }
        out += part;
        c.skip_space();
        if (c.peek() != '#') return true;
        ++c.pos;
    }
}

// Reads "name = value, ..." up to `close`. On failure says why in `problem`.
bool read_fields(Cursor& c, char close, const Macros& macros, std::vector<BibField>& fields, std::string& problem) {
    for (;;) {
        c.skip_space();
        if (c.done()) {
            problem = "unexpected end of input inside the entry";
            return false;
        }
        if (c.peek() == close) {
            ++c.pos;
            return true;
        }
        if (c.peek() == ',') {
            ++c.pos;
            continue;
        }
        const std::string name = ascii_lower(c.read_word());
        if (name.empty()) {
            problem = std::string("unexpected '") + c.peek() + "' where a field name belongs";
            return false;
        }
        c.skip_space();
        if (c.peek() != '=') {
            problem = "field \"" + name + "\" has no '='";
            return false;
        }
        ++c.pos;
        std::string value;
        if (!read_value(c, macros, value, problem)) {
            problem = "field \"" + name + "\": " + problem;
            return false;
        }
        fields.push_back(BibField{name, std::move(value)});
    }
}

// Skips the body of @comment{...} / @preamble(...), the cursor at its opening delimiter.
void skip_group(Cursor& c) {
    const char open = c.peek();
    const char close = open == '{' ? '}' : ')';
    int depth = 0;
    for (; !c.done(); ++c.pos) {
        if (c.text[c.pos] == open) ++depth;
        if (c.text[c.pos] == close && --depth == 0) {
            ++c.pos;
            return;
        }
    }
}

// After a broken entry, carry on at the next line that starts with '@'.
void resync(Cursor& c, std::size_t entry_start) {
    std::size_t newline = c.text.find('\n', entry_start);
    while (newline != std::string_view::npos) {
        std::size_t next = newline + 1;
        while (next < c.text.size() && (c.text[next] == ' ' || c.text[next] == '\t')) ++next;
        if (next < c.text.size() && c.text[next] == '@') {
            c.pos = next;
            return;
        }
        newline = c.text.find('\n', next);
    }
    c.pos = c.text.size();
}

std::string entry_location(std::string_view where, std::size_t n, const std::string& key) {
    std::string location = std::string(where) + ": entry " + std::to_string(n);
    if (!key.empty()) location += " (" + key + ")";
    return location;
}

}  // namespace


ParsedRecords parse_bibtex(std::string_view text, std::string_view where) {
    ParsedRecords out;
    const std::string location(where);
    auto fail = [&](std::string message) {
        out.errors.push_back(ItemError{location, std::move(message)});
        return out;
    };
    if (trim(text).empty()) return fail("empty input, no BibTeX entries");
    if (auto html = describe_html_body(text, "BibTeX")) return fail(*html);

    Macros macros = month_macros();
    Cursor c{text};
    std::size_t entries = 0;
    bool saw_construct = false;  // any @type{...}, even @comment
    for (;;) {
        const auto at = text.find('@', c.pos);
        if (at == std::string_view::npos) break;
        c.pos = at + 1;
        c.skip_space();
        const std::string type = ascii_lower(c.read_word());
        c.skip_space();
        if (type.empty() || (c.peek() != '{' && c.peek() != '(')) continue;  // an '@' in comment text
        saw_construct = true;
        if (type == "comment" || type == "preamble") {
            skip_group(c);
            continue;
        }
        const char close = c.peek() == '{' ? '}' : ')';
        ++c.pos;
        std::string problem;
        if (type == "string") {
            std::vector<BibField> definitions;
            if (!read_fields(c, close, macros, definitions, problem)) {
                out.errors.push_back(ItemError{location, "@string: " + problem});
                resync(c, at);
            }
            for (auto& definition : definitions) macros[definition.name] = std::move(definition.value);
            continue;
        }

        BibEntry entry;
        entry.type = type;
        c.skip_space();
        const std::size_t key_start = c.pos;
        while (!c.done() && c.peek() != ',' && c.peek() != close && !is_space(c.peek())) ++c.pos;
        entry.key = std::string(c.text.substr(key_start, c.pos - key_start));
        const std::string entry_where = entry_location(where, ++entries, entry.key);
        if (!read_fields(c, close, macros, entry.fields, problem)) {
            out.errors.push_back(ItemError{entry_where, problem});
            resync(c, at);
            continue;
        }
        if (auto study = build_bibtex_study(entry, problem)) {
            out.studies.push_back(std::move(*study));
        } else {
            out.errors.push_back(ItemError{entry_where, problem});
        }
    }
    if (!saw_construct) return fail("no BibTeX entries (no @type{key, ...}) in \"" + excerpt(text) + "\"");
    return out;
}

}  // namespace evidex
