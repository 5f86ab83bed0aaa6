// parse_reference: identifiers first (reference_text.cpp), then the bibliographic part in the
// first shape that fits: APA/Harvard ("Caillard, V. (1992). Title. ..."), Vancouver/AMA
// ("Authors. Title. Journal. 2015;95(1):1-46."), a quoted title ("NCBI "Title""), or a plain
// run of sentences (a title, a site, an access date).
#include <algorithm>
#include <array>

#include "core/reference_text.h"
#include "core/references.h"
#include "core/text.h"

namespace evidex {

namespace {

using namespace reference_text;

constexpr std::size_t max_entry_bytes = 4000;  // longer "entries" are prose, not references

std::string clean_title(std::string_view s) {
    s = trim(s);
    for (const std::string_view quote : {"\"", "\xE2\x80\x9C", "\xE2\x80\x98"})
        if (s.substr(0, quote.size()) == quote) s = trim(s.substr(quote.size()));
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        for (const std::string_view end : {".", ",", ";", ":", "\"", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
            if (s.size() >= end.size() && s.substr(s.size() - end.size()) == end) {
                s = trim(s.substr(0, s.size() - end.size()));
                changed = true;
            }
        }
    }
    return std::string(s);
}

std::string join(const std::vector<std::string_view>& segments, std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t i = first; i < last && i < segments.size(); ++i) {
        if (!out.empty()) out.push_back(' ');
        out.append(segments[i]);
    }
    return out;
}

// Page numbers as printed ("1-46", "e000775", "e124-e132"); an en dash becomes "-".
std::string read_pages(std::string_view s, std::size_t& i) {
    std::string pages;
    while (i < s.size()) {
        if (is_alnum(s[i])) pages.push_back(s[i++]);
        else if (s[i] == '-') pages.push_back(s[i++]);
        else if (s.substr(i, 3) == "\xE2\x80\x93") pages.push_back('-'), i += 3;
        else break;
    }
    while (!pages.empty() && pages.back() == '-') pages.pop_back();
    return has_digit(pages) ? pages : std::string();
}

void skip_spaces(std::string_view s, std::size_t& i) {
    while (i < s.size() && s[i] == ' ') ++i;
}

// After the year: "95(1):1-46", "11:25-34", "1-17" (pages only), "12(3), 45-67", "5, pp. 1-10".
void parse_numbers(std::string_view s, ReferenceEntry& e) {
    std::size_t i = 0;
    skip_spaces(s, i);
    std::size_t end = i;
    while (end < s.size() && is_alnum(s[end])) ++end;
    if (end == i || !is_digit(s[i])) return;
    if (end < s.size() && (s[end] == '-' || s.substr(end, 3) == "\xE2\x80\x93")) {
        e.pages = read_pages(s, i);
        return;
    }
    e.volume = std::string(s.substr(i, end - i));
    i = end;
    if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {  // MLA "12.3 (2010): 45-67"
        const std::size_t start = ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
        e.issue = std::string(s.substr(start, i - start));
    }
    skip_spaces(s, i);
    if (ascii_lower(s.substr(i, 5)) == "suppl") {
        const std::size_t start = i;
        while (i < s.size() && s[i] != '(' && s[i] != ':' && s[i] != ',') ++i;
        e.issue = std::string(trim(s.substr(start, i - start)));
    }
    if (i < s.size() && s[i] == '(') {
        const auto close = s.find(')', i);
        if (close == std::string_view::npos) return;
        const auto inside = trim(s.substr(i + 1, close - i - 1));
        if (!(inside.size() == 4 && year_at(inside, 0) && !e.issue.empty())) e.issue = std::string(inside);
        i = close + 1;
    }
    skip_spaces(s, i);
    if (i >= s.size() || (s[i] != ':' && s[i] != ',')) return;
    ++i;
    skip_spaces(s, i);
    for (const std::string_view pp : {"pp. ", "pp.", "p. "})
        if (s.substr(i, pp.size()) == pp) i += pp.size();
    e.pages = read_pages(s, i);
}

// A journal's name and the numbers printed after it, when the numbers start with a volume.
bool take_journal(std::string_view name, std::string_view numbers, ReferenceEntry& e) {
    name = trim_end_marks(name);
    if (!capitalized(name) || words_of(name).size() > 12) return false;
    ReferenceEntry parsed;
    parse_numbers(numbers, parsed);
    if (parsed.volume.empty()) return false;
    e.journal = std::string(name);
    e.volume = std::move(parsed.volume);
    e.issue = std::move(parsed.issue);
    e.pages = std::move(parsed.pages);
    return true;
}

// "Magnes Res, 19(2), 102-106." or "Journal 5:1-10": a journal name, then its numbers.
bool parse_journal_segment(std::string_view segment, ReferenceEntry& e) {
    for (std::size_t p = 1; p + 1 < segment.size(); ++p) {
        const bool comma = segment[p] == ',' && p + 2 < segment.size() && segment[p + 1] == ' ' && is_digit(segment[p + 2]);
        const bool space = segment[p] == ' ' && is_digit(segment[p + 1]);
        if (!comma && !space) continue;
        if (year_at(segment, p + (comma ? 2 : 1))) return false;
        return take_journal(segment.substr(0, p), segment.substr(p + 1), e);
    }
    return false;
}

// Title sentences, then a "Journal, vol(issue), pages" sentence when there is one.
void parse_title_and_source(std::string_view rest, ReferenceEntry& e) {
    const auto segments = split_segments(rest);
    std::size_t k = 1;
    for (; k < segments.size(); ++k) {
        if (parse_journal_segment(segments[k], e)) break;
        // "Sleep Med. 11, 45-52.": a journal sentence, then one of numbers only.
        if (k >= 2 && is_digit(segments[k].front()) && take_journal(segments[k - 1], segments[k], e)) {
            --k;
            break;
        }
    }
    if (k >= segments.size()) k = 1;
    e.title = clean_title(join(segments, 0, k));
}

// Elsevier Harvard: "Smith, J., Jones, B., 2010. Title. Journal 11, 45-52."
bool parse_name_comma_year(std::string_view bib, ReferenceEntry& e) {
    for (auto p = bib.find(", "); p != std::string_view::npos && p < 300; p = bib.find(", ", p + 1)) {
        const int year = year_at(bib, p + 2);
        std::size_t q = p + 6;
        if (q < bib.size() && is_lower(bib[q])) ++q;
        if (!year || q >= bib.size() || bib[q] != '.') continue;
        auto names = parse_authors(bib.substr(0, p), e.et_al, false);
        if (names.empty()) return false;
        e.authors = std::move(names);
        e.year = year;
        parse_title_and_source(trim(bib.substr(q + 1)), e);
        return true;
    }
    return false;
}

// APA/Harvard: authors, "(1992)", then the title and the source.
bool parse_apa(std::string_view bib, ReferenceEntry& e) {
    for (auto p = bib.find('('); p != std::string_view::npos; p = bib.find('(', p + 1)) {
        const int year = year_at(bib, p + 1);
        std::size_t q = p + 5;
        if (q < bib.size() && is_lower(bib[q])) ++q;  // "2010a"
        if (!year || q >= bib.size() || (bib[q] != ')' && bib[q] != ',')) continue;
        const auto prefix = trim(bib.substr(0, p));
        if (prefix.empty() || prefix.size() > 300 || prefix.find('"') != std::string_view::npos) return false;
        auto names = parse_authors(prefix, e.et_al, true);
        const auto close = bib.find(')', p);
        if (names.empty() || close == std::string_view::npos) return false;
        e.authors = std::move(names);
        e.year = year;
        std::string_view rest = bib.substr(close + 1);
        while (!rest.empty() && (rest.front() == '.' || rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
        parse_title_and_source(rest, e);
        return true;
    }
    return false;
}

// "2015;", "2018 Jul 1;", "1998 Dec-1999 Jan;": the year that opens Vancouver's numbers.
std::size_t vancouver_anchor(std::string_view bib, std::size_t& semicolon) {
    for (std::size_t i = 1; i + 4 <= bib.size(); ++i) {
        if (!year_at(bib, i)) continue;
        std::size_t j = i + 4;
        for (int parts = 0; parts < 3; ++parts) {
            std::size_t k = j;
            skip_spaces(bib, k);
            const std::size_t start = k;
            while (k < bib.size() && (is_alnum(bib[k]) || bib[k] == '-')) ++k;
            if (k == start || k - start > 12) break;
            j = k;
        }
        skip_spaces(bib, j);
        if (j < bib.size() && bib[j] == ';') {
            semicolon = j;
            return i;
        }
    }
    // "Magnes Res. 2008." : a journal sentence, then the year alone.
    for (std::size_t i = 2; i + 4 <= bib.size(); ++i) {
        if (bib[i - 1] != ' ' || bib[i - 2] != '.' || !year_at(bib, i)) continue;
        if (i + 4 == bib.size() || std::string_view(".,;").find(bib[i + 4]) != std::string_view::npos) {
            semicolon = std::string_view::npos;
            return i;
        }
    }
    return std::string_view::npos;
}

// "Am.", "J. Clin.": a sentence of dotted abbreviations, part of a journal name printed with periods.
bool dotted_abbreviation(std::string_view segment) {
    const auto words = words_of(segment);
    return !words.empty() && words.size() <= 3 && std::all_of(words.begin(), words.end(), [](std::string_view w) {
        return w.size() <= 8 && w.back() == '.' && capitalized(w);
    });
}

// Vancouver/AMA: "Authors. Title. Journal. 2015;95(1):1-46."
bool parse_vancouver(std::string_view bib, ReferenceEntry& e) {
    std::size_t semicolon = std::string_view::npos;
    const std::size_t at = vancouver_anchor(bib, semicolon);
    if (at == std::string_view::npos) return false;
    const auto segments = split_segments(bib.substr(0, at));
    if (segments.empty() || (semicolon == std::string_view::npos && segments.size() < 2)) return false;
    std::size_t journal = segments.size() - 1;
    if (words_of(segments[journal]).size() > 12) return false;
    while (journal >= 2 && dotted_abbreviation(segments[journal]) && dotted_abbreviation(segments[journal - 1])) --journal;
    e.journal = std::string(trim_end_marks(join(segments, journal, segments.size())));
    e.year = year_at(bib, at);
    // One sentence before the journal is a title ("Vitamin D. Nutrients. 2018;...") unless it
    // is plainly a list of authors.
    std::size_t first = 0;
    if (journal > 0) {
        bool et_al = false;
        auto names = parse_authors(segments[0], et_al, journal >= 2);
        if (!names.empty() && (journal >= 2 || names.size() >= 2 || et_al)) e.authors = std::move(names), e.et_al = et_al, first = 1;
    }
    e.title = clean_title(join(segments, first, journal));
    if (semicolon != std::string_view::npos) parse_numbers(bib.substr(semicolon + 1), e);
    return true;
}

// The first quoted span of two words or more: [open, close) of its content and the end of the quote.
bool find_quote(std::string_view s, std::size_t& open, std::size_t& close, std::size_t& after) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::string_view closing;
        std::size_t width = 1;
        if (s[i] == '"') closing = "\"";
        else if (s.substr(i, 3) == "\xE2\x80\x9C") closing = "\xE2\x80\x9D", width = 3;
        else continue;
        if (i > 0 && s[i - 1] != ' ') continue;
        const auto end = s.find(closing, i + width);
        if (end == std::string_view::npos) return false;
        if (words_of(s.substr(i + width, end - i - width)).size() < 2) continue;
        open = i + width;
        close = end;
        after = end + closing.size();
        return true;
    }
    return false;
}

// "National Center for Biotechnology Information "Magnesium therapy ..."": a body or authors, a
// quoted title, then perhaps a source.
bool parse_quoted(std::string_view bib, ReferenceEntry& e) {
    std::size_t open = 0, close = 0, after = 0;
    if (!find_quote(bib, open, close, after)) return false;
    const auto prefix = trim_end_marks(bib.substr(0, open - (bib[open - 1] == '"' ? 1 : 3)));
    if (!prefix.empty()) {
        auto names = parse_authors(prefix, e.et_al, true);
        // MLA "Family, Given." keeps the family name.
        if (names.empty() && prefix.find(',') != std::string_view::npos && words_of(prefix).size() <= 4)
            names.emplace_back(trim(prefix.substr(0, prefix.find(','))));
        e.authors = std::move(names);
    }
    e.title = clean_title(bib.substr(open, close - open));
    const auto source = bib.substr(after);
    for (const auto segment : split_segments(source))
        if (parse_journal_segment(segment, e)) break;
    for (std::size_t i = 0; i + 4 <= source.size() && !e.year; ++i)
        if (const int year = year_at(source, i)) e.year = year;
    return true;
}

bool wordy(std::string_view s) {
    std::size_t letters = 0, others = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (s.substr(i, 3) == "\xEF\xBF\xBD") {  // U+FFFD, left by bytes that were not UTF-8: no letter
            ++others;
            i += 2;
        } else if (is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) {
            ++letters;
        } else if (c != ' ') {
            ++others;
        }
    }
    return words_of(s).size() >= 3 && letters >= 4 * others && s.find_first_of("<>{}|") == std::string_view::npos &&
           s.back() != '!';
}

// Whatever is left: maybe authors, a title sentence, a year somewhere.
void parse_plain(std::string_view bib, ReferenceEntry& e, bool identified) {
    const auto segments = split_segments(bib);
    if (segments.empty()) return;
    std::size_t first = 0;
    if (auto names = parse_authors(segments[0], e.et_al, segments.size() > 1); !names.empty())
        e.authors = std::move(names), first = 1;
    for (std::size_t i = 0; i + 4 <= bib.size() && !e.year; ++i)
        if (const int year = year_at(bib, i)) e.year = year;
    if (first >= segments.size()) return;
    const auto candidate = segments[first];
    if (identified || !e.authors.empty() || e.year || wordy(candidate)) e.title = clean_title(candidate);
}

// "12. ", "[12] ", "12) " before the entry.
std::string_view strip_list_marker(std::string_view s, std::string& label) {
    std::size_t i = s.substr(0, 1) == "[" ? 1 : 0;
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) ++i;
    if (i == start || i + 1 >= s.size() || s[i + 1] != ' ') return s;
    if (start == 1 ? s[i] != ']' : s[i] != '.' && s[i] != ')') return s;
    if (label.empty()) label = std::string(s.substr(start, i - start));
    return s.substr(i + 2);
}

}  // namespace

ReferenceEntry parse_reference(std::string_view raw, std::string label) {
    ReferenceEntry e;
    e.raw = collapse_whitespace(raw);
    const std::string text(strip_list_marker(std::string_view(e.raw).substr(0, max_entry_bytes), label));
    e.label = std::move(label);

    const auto ids = extract_identifiers(text);
    e.doi = ids.doi;
    e.pmid = ids.pmid;
    e.pmcid = ids.pmcid;
    e.url = ids.url;
    bool accessed = false;
    int access_year = 0;
    const std::string bib = drop_print_notes(cut_access_note(ids.rest, accessed, access_year));
    const bool identified = !e.doi.empty() || !e.pmid.empty() || !e.pmcid.empty() || !e.url.empty() || accessed;

    if (!parse_apa(bib, e) && !parse_name_comma_year(bib, e) && !parse_vancouver(bib, e) && !parse_quoted(bib, e))
        parse_plain(bib, e, identified);
    if (!e.year && access_year) e.year = access_year;

    const std::string low = ascii_lower(text);
    const auto segments = split_segments(bib);
    const bool mla_web = std::find(segments.begin(), segments.end(), "Web.") != segments.end();
    e.web_page = accessed || mla_web || contains_any(low, {"fact sheet", "factsheet"}) ||
                 (!e.url.empty() && e.journal.empty() && e.doi.empty() && e.pmid.empty() && e.pmcid.empty());
    e.unpublished = contains_any(low, {"unpublished", "internal report", "data on file", "personal communication"});
    return e;
}

}  // namespace evidex
