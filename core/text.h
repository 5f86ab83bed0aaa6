// Small text helpers every parser needs. One copy, here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evidex {

// ASCII white space: space, tab, CR, LF, form feed, vertical tab.
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// ASCII digits and letters, as <cctype> reads them in the C locale, without its call.
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_alnum(char c) { return is_ascii_digit(c) || is_ascii_alpha(c); }
// A byte of a word: an ASCII letter or digit, or any byte of a multi-byte UTF-8 character.
inline bool is_alnum_or_utf8(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Drops a UTF-8 byte order mark at the start.
inline std::string_view skip_bom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s; }

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

// Trims and folds every run of white space (space, tab, CR, LF, NBSP U+00A0) to one space.
// Bytes that are not valid UTF-8 (a stray Latin-1 byte, a cut or overlong sequence, a
// surrogate) become U+FFFD each, so text read from any input can be stored and written as JSON.
std::string collapse_whitespace(std::string_view s);

// The length of the valid UTF-8 sequence starting at s[i] (1 to 4), or 0 when none starts there.
std::size_t utf8_sequence_at(std::string_view s, std::size_t i);

// ASCII lower-casing; bytes >= 0x80 are left alone, so UTF-8 stays valid. These do not consult
// the C locale: the classifiers call them for every word of every record.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lower(std::string_view s);

// Equal, or starting so, when ASCII letters are compared without case.
bool equals_icase(std::string_view a, std::string_view b);
bool starts_with_icase(std::string_view s, std::string_view prefix);

// The first run of 4 digits that reads as a plausible year (1000..2999), or 0.
// "1998 Dec-1999 Jan" -> 1998, "Spring 2001" -> 2001.
int first_year_in(std::string_view s);

// Splits on a single character; empty fields are kept.
std::vector<std::string_view> split(std::string_view s, char sep);

// The whole of `s` as a decimal int ("-12", "2019"); null when anything else is there.
std::optional<int> parse_int(std::string_view s);

// A title folded for comparison: lower-case letters and digits, each run of anything else one
// space, HTML tags and a trailing full stop dropped. "The <i>Mg</i> Trial." -> "the mg trial".
std::string normalise_title(std::string_view title);

// The 64-bit FNV-1a hash of `s`: the same bytes give the same number on every machine and run.
// `offset` is the starting value; the standard one unless a caller keeps hashes made with another.
inline constexpr std::uint64_t fnv1a_offset = 14695981039346656037ull;
std::uint64_t fnv1a(std::string_view s, std::uint64_t offset = fnv1a_offset);

// Reads a whole file into `out`; returns false when it cannot be opened or read.
bool read_file(const std::string& path, std::string& out);

}  // namespace evidex
