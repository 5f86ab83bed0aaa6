// find_duration (declared in dose.h): how long a study ran, as its text states it.
#include <cstdlib>
#include <array>

#include "core/dose.h"
#include "core/text.h"

namespace evidex {

namespace {

struct Number {
    std::size_t begin = 0;
    std::size_t end = 0;
    double value = 0;
};

constexpr std::array<std::pair<std::string_view, int>, 17> spelled_numbers{{
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
    {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"fourteen", 14}, {"sixteen", 16},
    {"eighteen", 18}, {"twenty", 20}, {"thirty", 30},
}};

// `word` at `pos` of the lower-cased text, ending on a word boundary.
bool word_at(std::string_view lower, std::size_t pos, std::string_view word) {
    if (lower.substr(pos, word.size()) != word) return false;
    const std::size_t end = pos + word.size();
    return end == lower.size() || !is_ascii_alnum(lower[end]) || !is_ascii_alnum(word.back());
}

std::optional<Number> read_number(std::string_view lower, std::size_t pos) {
    if (pos > 0 && is_ascii_alnum(lower[pos - 1])) return std::nullopt;
    Number n{pos, pos, 0};
    if (pos < lower.size() && is_ascii_digit(lower[pos])) {
        std::size_t end = pos;
        while (end < lower.size() && (is_ascii_digit(lower[end]) ||
                                      (lower[end] == '.' && end + 1 < lower.size() &&
                                       is_ascii_digit(lower[end + 1]))))
            ++end;
        n.end = end;
        n.value = std::strtod(std::string(lower.substr(pos, end - pos)).c_str(), nullptr);  // never throws
        return n;
    }
    if (pos >= lower.size() || !is_ascii_alpha(lower[pos])) return std::nullopt;
    for (const auto& [word, value] : spelled_numbers) {
        if (word.front() != lower[pos] || !word_at(lower, pos, word)) continue;
        n.end = pos + word.size();
        n.value = value;
        return n;
    }
    return std::nullopt;
}

// "week" or "weeks" (and day, month, year) at `pos`; returns the singular and the end.
std::optional<std::pair<std::string_view, std::size_t>> read_unit(std::string_view lower, std::size_t pos, bool plural_ok) {
    for (const std::string_view unit : {"day", "week", "month", "year"}) {
        if (plural_ok && word_at(lower, pos, std::string(unit) + "s")) return std::make_pair(unit, pos + unit.size() + 1);
        if (word_at(lower, pos, unit)) return std::make_pair(unit, pos + unit.size());
    }
    return std::nullopt;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    return pos;
}

// What follows the unit makes it an age or a point in time, not a duration.
bool names_age_or_time(std::string_view lower, std::size_t end) {
    const std::size_t p = skip_spaces(lower, end);
    if (p < lower.size() && lower[p] == '-') return word_at(lower, p + 1, "old") || word_at(lower, p + 1, "olds");
    for (const std::string_view word : {"old", "of age", "ago", "earlier", "later", "before", "prior"})
        if (word_at(lower, p, word)) return true;
    return false;
}

bool ends_with_word(std::string_view s, std::string_view word) {
    if (s.size() < word.size() || s.substr(s.size() - word.size()) != word) return false;
    return s.size() == word.size() || !is_ascii_alnum(s[s.size() - word.size() - 1]);
}

// Where "for", "over", "during" or "lasting" starts before `pos` (qualifiers such as "a median
// of" or "at least" may stand between); npos when none does.
std::size_t duration_lead(std::string_view lower, std::size_t pos) {
    std::string_view b = trim(lower.substr(0, pos));
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (const std::string_view q : {"median of", "mean of", "period of", "total of", "average of", "up to",
                                         "at least", "about", "approximately", "around", "the next", "the following",
                                         "a", "an", "the"}) {
            if (!ends_with_word(b, q)) continue;
            b = trim(b.substr(0, b.size() - q.size()));
            stripped = true;
            break;
        }
    }
    for (const std::string_view lead : {"for", "over", "during", "lasting", "lasted", "duration of"})
        if (ends_with_word(b, lead)) return b.size() - lead.size();
    return std::string_view::npos;
}

}  // namespace

std::optional<StatedDuration> find_duration(std::string_view text) {
    const std::string lower = ascii_lower(text);
    std::optional<StatedDuration> best;
    int best_priority = 4;
    const auto offer = [&](int priority, std::string value, std::size_t span_begin, std::size_t span_end) {
        if (priority >= best_priority) return;
        best_priority = priority;
        best = StatedDuration{std::move(value), std::string(text.substr(span_begin, span_end - span_begin))};
    };
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const auto first = read_number(lower, i);
        if (!first) continue;
        std::size_t p = first->end;
        bool range = false;
        const std::size_t connector = skip_spaces(lower, p);
        for (const std::string_view word : {"to", "-", "\xE2\x80\x93", "or", "and"}) {
            if (!word_at(lower, connector, word)) continue;
            if (const auto second = read_number(lower, skip_spaces(lower, connector + word.size()))) {
                p = second->end;
                range = true;
            }
            break;
        }
        if (!range && p < lower.size() && lower[p] == '-') {
            const auto unit = read_unit(lower, p + 1, false);
            if (unit && !names_age_or_time(lower, unit->second)) {
                std::string value = std::string(text.substr(first->begin, first->end - first->begin)) + " " +
                                    std::string(unit->first) + (first->value == 1 ? "" : "s");
                offer(2, std::move(value), first->begin, unit->second);
            }
            continue;
        }
        const auto unit = read_unit(lower, skip_spaces(lower, p), true);
        if (!unit || names_age_or_time(lower, unit->second)) continue;
        const std::string value(text.substr(first->begin, unit->second - first->begin));
        if (const std::size_t lead = duration_lead(lower, first->begin); lead != std::string_view::npos) {
            offer(1, value, lead, unit->second);
        } else {
            const std::size_t of = skip_spaces(lower, unit->second);
            if (word_at(lower, of, "of") && !word_at(lower, skip_spaces(lower, of + 2), "age"))
                offer(3, value, first->begin, of + 2);
        }
        i = unit->second;
    }
    return best;
}

}  // namespace evidex
