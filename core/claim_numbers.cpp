// extract_claim_numbers: the figures a claim states ("40% more", "1600%", "73,684", "<2 mmHg",
// "500 mg"), so the linker can match them with a study and the grader can check them.
#include <cstdlib>
#include <string>

#include "core/claims.h"
#include "core/text.h"

namespace evidex {

namespace {

constexpr std::string_view en_dash = "\xE2\x80\x93";
constexpr std::string_view less_equal = "\xE2\x89\xA4";
constexpr std::string_view greater_equal = "\xE2\x89\xA5";

// The end of the digits of a number starting at `i`: "73,684" and "2.5" are one number each,
// "1,2" is not (a thousands group has three digits).
std::size_t number_end(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        if (is_ascii_digit(s[i])) {
            ++i;
        } else if (s[i] == ',' && i + 3 < s.size() && is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) &&
                   is_ascii_digit(s[i + 3]) && (i + 4 == s.size() || !is_ascii_digit(s[i + 4]))) {
            i += 4;
        } else if (s[i] == '.' && i + 1 < s.size() && is_ascii_digit(s[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    return i;
}

double parse_value(std::string_view digits) {
    std::string plain;
    for (const char c : digits)
        if (c != ',') plain.push_back(c);
    return std::strtod(plain.c_str(), nullptr);  // never throws: too many digits read as infinity
}

// The unit starting at `i` (from `units`, longest first), and where it ends; npos when none.
std::size_t unit_at(std::string_view s, std::size_t i, const std::vector<std::string>& units, std::string& unit) {
    for (const auto& candidate : units) {
        if (s.size() - i < candidate.size()) continue;
        if (ascii_lower(s.substr(i, candidate.size())) != ascii_lower(candidate)) continue;
        const std::size_t end = i + candidate.size();
        const bool word_unit = is_ascii_alnum(candidate.back());
        if (word_unit && end < s.size() && is_ascii_alnum(s[end])) continue;
        unit = candidate;
        return end;
    }
    return std::string_view::npos;
}

// Where a comparator written just before `begin` starts ("<2", "< 2", "≥ 65"), else `begin`.
std::size_t comparator_start(std::string_view s, std::size_t begin) {
    std::size_t i = begin;
    if (i > 0 && s[i - 1] == ' ') --i;
    if (i > 0 && (s[i - 1] == '<' || s[i - 1] == '>' || s[i - 1] == '~')) return i - 1;
    for (const auto mark : {less_equal, greater_equal})
        if (i >= mark.size() && s.substr(i - mark.size(), mark.size()) == mark) return i - mark.size();
    return begin;
}

// A citation marker's inside ("3", "1,2", "4-6") when `begin` opens one: the index after its ']'.
std::size_t marker_end(std::string_view s, std::size_t begin) {
    if (begin == 0 || s[begin - 1] != '[') return std::string_view::npos;
    for (std::size_t i = begin; i < s.size(); ++i) {
        if (s[i] == ']') return i + 1;
        if (!is_ascii_digit(s[i]) && s[i] != ',' && s[i] != ' ' && s[i] != '-' && s[i] != ';') break;
    }
    return std::string_view::npos;
}

// A range dash after a number ("400-600", "3 - 5", "3–5"): the index of the second number, or npos.
std::size_t range_next(std::string_view s, std::size_t i) {
    std::size_t j = i;
    if (j < s.size() && s[j] == ' ') ++j;
    if (s.substr(j, 1) == "-") j += 1;
    else if (s.substr(j, en_dash.size()) == en_dash) j += en_dash.size();
    else return std::string_view::npos;
    if (j < s.size() && s[j] == ' ') ++j;
    return j < s.size() && is_ascii_digit(s[j]) ? j : std::string_view::npos;
}

}  // namespace

std::vector<ClaimNumber> extract_claim_numbers(std::string_view text, const std::vector<std::string>& units) {
    std::vector<ClaimNumber> numbers;
    bool range_open = false;  // the last number opened a range; it takes the unit of the next one
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_ascii_digit(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        const std::size_t digits_end = number_end(text, i);
        if (begin > 0 && (is_ascii_alnum(text[begin - 1]) || text[begin - 1] == '.')) {  // "B6", "D3", "v2.1"
            i = digits_end;
            while (i < text.size() && is_ascii_alnum(text[i])) ++i;
            range_open = false;
            continue;
        }
        if (const std::size_t end = marker_end(text, begin); end != std::string_view::npos) {
            i = end;
            range_open = false;
            continue;
        }
        std::size_t end = digits_end;
        if (end < text.size() && text[end] == '+') ++end;  // "250+"
        std::string unit;
        std::size_t unit_begin = end;
        if (unit_begin < text.size() && (text[unit_begin] == ' ' || text[unit_begin] == '-')) ++unit_begin;
        std::size_t unit_end = unit_at(text, unit_begin, units, unit);
        if (unit_end == std::string_view::npos && unit_begin != end) unit_end = unit_at(text, end, units, unit);
        if (unit_end == std::string_view::npos && end < text.size() && is_ascii_alpha(text[end])) {  // "3rd", "2x"
            i = end;
            while (i < text.size() && is_ascii_alnum(text[i])) ++i;
            range_open = false;
            continue;
        }
        if (unit_end != std::string_view::npos) end = unit_end;
        else unit.clear();
        const std::size_t from = comparator_start(text, begin);
        numbers.push_back({parse_value(text.substr(begin, digits_end - begin)), unit,
                           std::string(text.substr(from, end - from))});
        if (range_open && numbers.size() >= 2 && numbers[numbers.size() - 2].unit.empty())
            numbers[numbers.size() - 2].unit = unit;
        range_open = unit.empty() && range_next(text, end) != std::string_view::npos;
        i = end;
    }
    return numbers;
}

}  // namespace evidex
