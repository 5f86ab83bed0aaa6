// Helpers shared by the reference parser, the reference finder and the allusion finder (one
// copy, here). Internal to those three files; not part of the references.h interface.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.h"
#include "core/references.h"

namespace evidex::reference_text {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

inline bool has_digit(std::string_view w) {
    for (const char c : w)
        if (is_digit(c)) return true;
    return false;
}
// Starts with a capital letter (or a non-ASCII letter: "Østergaard", "Córdova").
inline bool capitalized(std::string_view w) {
    return !w.empty() && (is_upper(w[0]) || static_cast<unsigned char>(w[0]) >= 0xC0);
}

// The space-separated words of a collapsed string.
std::vector<std::string_view> words_of(std::string_view s);

// Trims white space and final ".,;:".
std::string_view trim_end_marks(std::string_view s);

// Whether `low` contains one of `cues`.
bool contains_any(std::string_view low, std::initializer_list<std::string_view> cues);

// A year a reference or an allusion can carry.
inline bool plausible_year(int year) { return year >= 1800 && year <= 2100; }

// The four-digit number starting at `pos` when it stands alone ("2015;" yes, "12015" no), else 0.
int year_at(std::string_view s, std::size_t pos);

// Splits on sentence ends ". ", "? ", "! " (and at the end); each piece keeps its final mark
// and is trimmed. A period after a lone capital initial ("J. Smith") does not split.
std::vector<std::string_view> split_segments(std::string_view s);

// Identifiers found in an entry (DOI, PMID, PMCID, URL or bare domain) and the entry's text with
// them and their labels ("doi:", "PMID:") taken out.
struct EntryIdentifiers {
    std::string doi, pmid, pmcid, url;
    bool domain_only = false;  // `url` is a bare domain such as "Ods.od.nih.gov"
    std::string rest;          // the text without the identifiers
};
EntryIdentifiers extract_identifiers(std::string_view text);

// Cuts "Accessed February 23, 2021.", "Retrieved from", "[cited ...]", "Available from:" off the
// end; the first three set `accessed` (the entry is a web page) and the date's year.
std::string_view cut_access_note(std::string_view bib, bool& accessed, int& access_year);

// Drops notes such as "[published online ahead of print, 2020 Jul 11]" and "[Epub ahead of print]".
std::string drop_print_notes(std::string_view s);

// The names of an author list, family names in order: Vancouver "de Baaij JH, Hoenderop JG,
// et al", APA "Caillard, V., & Smith, J. A."; with `allow_body`, an organisation in title case
// ("National Institute of Neurological Disorders and Stroke (NINDS)"). Empty when the text is
// not an author list. Implemented in reference_names.cpp.
std::vector<std::string> parse_authors(std::string_view segment, bool& et_al, bool allow_body);

// Block ranges [first, last) of the page's reference sections, in page order; the fallback
// (a trailing numbered list that reads as references) when no heading names one. Implemented
// in reference_finder.cpp; the allusion finder skips these blocks.
struct BlockRange {
    std::size_t first = 0, last = 0;
};
std::vector<BlockRange> locate_reference_sections(const Page& page);

}  // namespace evidex::reference_text
