#include "core/dose.h"

#include <cstdlib>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

#include "core/text.h"

namespace evidex {

namespace {

// An amount with a unit, as found in the text.
struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;  // past the unit, or past a parenthesised equivalent "(about 300 mg)"
    double amount = 0;
    std::size_t unit = 0;  // index into vocab.unit_ids()
    bool range = false;    // the upper end of "125-300 mg": no single amount
};

// "1,000" -> 1000, "12.4" -> 12.4; advances `pos`.
double read_amount(std::string_view s, std::size_t& pos) {
    std::string digits;
    while (pos < s.size() && is_ascii_digit(s[pos])) {
        digits.push_back(s[pos++]);
        const bool group = pos + 3 < s.size() && s[pos] == ',' && is_ascii_digit(s[pos + 1]) && is_ascii_digit(s[pos + 2]) &&
                           is_ascii_digit(s[pos + 3]) && (pos + 4 == s.size() || !is_ascii_digit(s[pos + 4]));
        if (group) ++pos;
    }
    if (pos + 1 < s.size() && s[pos] == '.' && is_ascii_digit(s[pos + 1])) {
        digits.push_back(s[pos++]);
        while (pos < s.size() && is_ascii_digit(s[pos])) digits.push_back(s[pos++]);
    }
    return std::strtod(digits.c_str(), nullptr);  // never throws: too many digits read as infinity
}

// The hit of `matcher` that starts exactly at `pos`, if any.
std::optional<PhraseHit> match_at(const PhraseMatcher& matcher, std::string_view text, std::size_t pos,
                                  std::size_t length = 40) {
    const auto hits = matcher.find_all(text.substr(pos, length));
    if (hits.empty() || hits.front().begin != 0) return std::nullopt;
    PhraseHit hit = hits.front();
    hit.begin += pos;
    hit.end += pos;
    return hit;
}

// The text before `pos`, white space dropped from its end.
std::string_view before(std::string_view text, std::size_t pos) {
    std::string_view b = text.substr(0, pos);
    while (!b.empty() && is_space(b.back())) b.remove_suffix(1);
    return b;
}

bool ends_with_icase(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == suffix &&
           (s.size() == suffix.size() || !is_ascii_alnum(s[s.size() - suffix.size() - 1]));
}

// "125-300 mg", "between 300 and 600 mg": the number at `pos` ends a range.
bool ends_range(std::string_view text, std::size_t pos) {
    std::string_view b = before(text, pos);
    if (b.empty()) return false;
    if (b.back() == '-') b.remove_suffix(1);
    else if (b.size() >= 3 && b.substr(b.size() - 3) == "\xE2\x80\x93") b.remove_suffix(3);
    else if (ends_with_icase(b, "to") || ends_with_icase(b, "or")) b.remove_suffix(2);
    else if (ends_with_icase(b, "and")) b.remove_suffix(3);
    else return false;
    b = before(b, b.size());
    return !b.empty() && is_ascii_digit(b.back());
}

// "< 0.7 mmol", ">= 3 mg": a threshold, not a dose.
bool is_threshold(std::string_view text, std::size_t pos) {
    const std::string_view b = before(text, pos);
    if (b.empty()) return false;
    if (b.back() == '<' || b.back() == '>' || (b.size() >= 2 && b.substr(b.size() - 2) == "<=") ||
        (b.size() >= 2 && b.substr(b.size() - 2) == ">="))
        return true;
    return b.size() >= 3 && (b.substr(b.size() - 3) == "\xE2\x89\xA4" || b.substr(b.size() - 3) == "\xE2\x89\xA5");
}

// After the unit: "/L", "/kg", " per kg" make a concentration or a per-weight dose.
bool is_concentration(std::string_view text, std::size_t unit_end, const InterventionVocabulary& vocab) {
    if (unit_end < text.size() && text[unit_end] == '/') return !match_at(vocab.frequency_words(), text, unit_end);
    const std::string rest = ascii_lower(text.substr(unit_end, 20));
    for (const std::string_view per : {" per kg", " per kilogram", " per l ", " per liter", " per litre", " per dl",
                                       " per ml", " per body", " per m2"})
        if (rest.rfind(per, 0) == 0) return true;
    return false;
}

std::vector<Mention> find_mentions(std::string_view text, const InterventionVocabulary& vocab) {
    std::vector<Mention> mentions;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool starts = is_ascii_digit(text[i]) && (i == 0 || (!is_ascii_alnum(text[i - 1]) && text[i - 1] != '.' && text[i - 1] != ','));
        if (!starts) {
            ++i;
            continue;
        }
        Mention m;
        m.begin = i;
        std::size_t pos = i;
        m.amount = read_amount(text, pos);
        i = pos;
        std::size_t at = pos;
        while (at < text.size() && at < pos + 2 && text[at] == ' ') ++at;
        const auto unit = match_at(vocab.units(), text, at, 24);
        if (!unit || is_threshold(text, m.begin) || is_concentration(text, unit->end, vocab)) continue;
        m.unit = unit->value;
        m.end = unit->end;
        m.range = ends_range(text, m.begin);
        // "12.4 mmol (about 300 mg)": the parenthesis restates the same amount.
        std::size_t open = m.end;
        while (open < text.size() && text[open] == ' ') ++open;
        if (open < text.size() && text[open] == '(') {
            const auto close = text.find(')', open);
            const std::string_view inside = text.substr(open, close == std::string_view::npos ? 0 : close - open);
            const bool restates = close != std::string_view::npos && close - open < 40 &&
                                  std::any_of(inside.begin(), inside.end(), is_ascii_digit) && !vocab.units().find_all(inside).empty();
            if (restates) m.end = close + 1;
        }
        i = m.end;
        mentions.push_back(m);
    }
    return mentions;
}

// The name nearest to the mention in its sentence with no other amount in between; a name after
// the amount wins a tie ("300 mg of magnesium").
const PhraseHit* attribute(const Mention& m, const std::vector<Mention>& all, const std::vector<PhraseHit>& names,
                           std::pair<std::size_t, std::size_t> sentence) {
    const PhraseHit* best = nullptr;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (const auto& hit : names) {
        if (hit.end <= sentence.first || hit.begin >= sentence.second) continue;
        std::size_t from = 0, to = 0, distance = 0;
        if (hit.end <= m.begin) {
            from = hit.end;
            to = m.begin;
        } else if (hit.begin >= m.end) {
            from = m.end;
            to = hit.begin;
        }
        distance = to - from;
        const bool blocked = std::any_of(all.begin(), all.end(), [&](const Mention& o) {
            return &o != &m && o.begin >= from && o.end <= to && to > from;
        });
        if (blocked) continue;
        if (distance < best_distance || (distance == best_distance && hit.begin >= m.end)) {
            best = &hit;
            best_distance = distance;
        }
    }
    return best;
}

// How many times a day, from a frequency after the amount or just before it ("a daily dose of").
std::optional<std::pair<double, std::size_t>> frequency_of(std::string_view text, const Mention& m,
                                                           std::pair<std::size_t, std::size_t> sentence,
                                                           const InterventionVocabulary& vocab) {
    const std::size_t after_end = std::min(sentence.second, m.end + 100);
    if (after_end > m.end) {
        const auto hits = vocab.frequency_words().find_all(text.substr(m.end, after_end - m.end));
        if (!hits.empty()) return std::make_pair(vocab.frequencies()[hits.front().value], m.end + hits.front().end);
    }
    const std::size_t from = std::max(sentence.first, m.begin > 30 ? m.begin - 30 : 0);
    const auto hits = vocab.frequency_words().find_all(text.substr(from, m.begin - from));
    if (hits.empty()) return std::nullopt;
    const std::string gap = std::string(trim(ascii_lower(text.substr(from + hits.back().end, m.begin - from - hits.back().end))));
    for (const std::string_view allowed : {"", "dose of", "doses of", "dose", "intake of", "supplement of"})
        if (gap == allowed) return std::make_pair(vocab.frequencies()[hits.back().value], m.end);
    return std::nullopt;
}

// A conversion factor as written in the vocabulary: "24.305", "0.603", "1000".
std::string format_factor(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

}  // namespace

std::string format_amount(double value) {
    char buffer[64];
    if (value >= 10) std::snprintf(buffer, sizeof buffer, "%.1f", value);
    else std::snprintf(buffer, sizeof buffer, "%.3g", value);
    std::string s = buffer;
    if (s.find('.') != std::string::npos && s.find('e') == std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::optional<DailyDose> find_daily_dose(std::string_view text, std::string_view substance,
                                         const InterventionVocabulary& vocab, std::string* unconverted) {
    return find_daily_dose(text, substance, vocab, vocab.names().find_all(text), unconverted);
}

std::optional<DailyDose> find_daily_dose(std::string_view text, std::string_view substance,
                                         const InterventionVocabulary& vocab, const std::vector<PhraseHit>& names,
                                         std::string* unconverted) {
    const std::vector<Mention> mentions = find_mentions(text, vocab);
    const SentenceBounds sentences = sentence_bounds(text);
    std::optional<DailyDose> first;
    for (const auto& m : mentions) {
        if (m.range) continue;
        const auto sentence = sentence_at(sentences, m.begin);
        const PhraseHit* hit = attribute(m, mentions, names, sentence);
        if (!hit) continue;
        const SupplementForm& row = vocab.forms()[hit->value];
        if (row.substance != substance) continue;
        const auto frequency = frequency_of(text, m, sentence, vocab);
        if (!frequency) continue;
        const std::string& unit_id = vocab.unit_ids()[m.unit];
        const DoseUnit* unit = vocab.unit_for(unit_id, substance);
        if (!unit) continue;

        DailyDose dose;
        dose.form = &row;
        const std::size_t span_end = std::max({m.end, frequency->second, hit->begin >= m.end ? hit->end : m.end});
        dose.span = std::string(text.substr(m.begin, span_end - m.begin));
        double mg = m.amount * unit->mg;
        dose.working = format_amount(m.amount) + " " + unit_id;
        const bool salt_weight = unit->substance.empty() && !row.form.empty() && !row.elemental() &&
                                 row.elemental_fraction.value_or(0) != 1;
        const std::size_t from = std::min(m.end, hit->end), to = std::max(m.begin, hit->begin);
        const bool says_elemental = to > from && ascii_lower(text.substr(from, to - from)).find("elemental") != std::string::npos;
        if (salt_weight && !says_elemental) {
            if (!row.elemental_fraction) {
                if (unconverted && unconverted->empty()) *unconverted = dose.span;
                continue;
            }
            if (unit->mg != 1) dose.working += " = " + format_amount(mg) + " mg";
            dose.working += " of " + row.substance + " " + row.form + " (salt weight) x " +
                            format_factor(*row.elemental_fraction) + " elemental";
            mg *= *row.elemental_fraction;
            dose.converted_from_salt = true;
        } else if (unit->mg != 1) {
            dose.working += " x " + format_factor(unit->mg) + " mg/" + unit_id;
        }
        if (frequency->first != 1) dose.working += " x " + format_factor(frequency->first) + " a day";
        mg *= frequency->first;
        if (!(mg > 0) || mg > 100000) continue;
        dose.mg = mg;
        const std::string result = format_amount(mg) + " mg";
        dose.working = (dose.working == result ? result : dose.working + " = " + result) + "/day";
        if (!vocab.given_words().find_all(text.substr(sentence.first, sentence.second - sentence.first)).empty())
            return dose;
        if (!first) first = std::move(dose);
    }
    return first;
}

}  // namespace evidex
