#include "core/sample_size.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string_view>

#include "core/text.h"
#include "core/text_cues.h"

namespace evidex {

namespace {

using Words = std::set<std::string_view>;

// Who is counted: the noun a count must end on ("46 elderly subjects", "40 male rats").
const Words participant_nouns = {
    "patients", "patient", "participants", "participant", "subjects", "subject", "volunteers", "volunteer",
    "individuals", "individual", "people", "persons", "person", "adults", "adult", "children", "child",
    "adolescents", "infants", "newborns", "neonates", "women", "woman", "men", "man", "girls", "boys",
    "students", "athletes", "cyclists", "runners", "players", "soldiers", "workers", "employees", "nurses",
    "residents", "veterans", "smokers", "mothers", "elderly", "seniors", "outpatients", "inpatients",
    "respondents", "pupils", "donors", "controls", "cases", "rats", "mice", "animals", "dogs", "rabbits",
    "pigs", "piglets", "hamsters", "monkeys", "cats", "horses", "sheep"};
// What a review counts instead ("34 trials", "Eighteen intervention studies").
const Words study_nouns = {"studies", "study", "trials", "trial", "rcts", "articles", "papers", "publications",
                           "reports", "cohorts", "series", "datasets"};
// Words that end the run of modifiers between a number and its noun: units, time, function words.
const Words phrase_stops = {
    "with", "of", "and", "or", "in", "on", "at", "to", "for", "from", "per", "by", "the", "a", "an", "than",
    "who", "whom", "which", "that", "were", "was", "had", "have", "has", "received", "took", "each", "every",
    "times", "mg", "g", "kg", "mcg", "ug", "ml", "l", "dl", "mmol", "mol", "meq", "iu", "mm", "cm", "years",
    "year", "yr", "yrs", "months", "month", "weeks", "week", "wk", "days", "day", "d", "hours", "hour", "h",
    "min", "minutes", "percent", "points", "point", "groups", "group", "arms", "arm", "doses", "dose",
    "tablets", "capsules", "sessions", "visits", "centres", "centers", "sites", "hospitals", "countries",
    "items", "nights", "servings", "meals", "cycles"};
// A number right after one of these is a label, an age or a statistic, not a count.
const Words label_words = {"type", "types", "phase", "grade", "stage", "class", "level", "step", "day",
                           "days", "week", "weeks", "month", "months", "year", "years", "visit", "version",
                           "figure", "fig", "table", "group", "arm", "aged", "age", "ages", "mean", "median",
                           "score", "scale", "item", "items", "wave", "cycle", "round", "quintile", "tertile",
                           "quartile", "decile", "p", "r", "or", "hr", "rr", "ci", "dose", "session", "lead"};
// A year after one of these is a date, not a count ("In 2019, patients were ...").
const Words year_words = {"in", "since", "from", "until", "during", "between", "before", "after", "by", "and", "to"};
// A count near one of these (ten words before to eight after) is the whole sample ...
const Words total_markers = {"randomized", "randomised", "randomly", "enrolled", "recruited", "included",
                             "participated", "assigned", "allocated", "studied", "comprised",
                             "analysed", "analyzed", "covered", "total", "enrolment", "enrollment", "cohort",
                             "examined", "surveyed", "interviewed"};
// ... and a count right next to one of these is part of it (see in_subgroup).
const Words subgroup_markers = {"subgroup", "subgroups", "subset", "subsample", "subpopulation", "whom",
                                "completed", "completers", "withdrew", "dropped", "excluded", "lost", "screened",
                                "eligible", "approached", "invited", "remaining", "discontinued", "responders"};
// A review's count of studies near one of these is the number it pooled.
const Words pooled_markers = {"included", "pooled", "identified", "eligible", "analysed", "analyzed",
                              "selected", "retrieved", "reviewed", "met", "comprised", "yielded", "contributed"};

constexpr std::array<std::string_view, 20> small_numbers = {
    "zero",    "one",     "two",       "three",    "four",     "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> tens = {"twenty", "thirty", "forty", "fifty",
                                                  "sixty",  "seventy", "eighty", "ninety"};

constexpr long long value_cap = 1'000'000'000'000LL;

struct Token {
    std::string text;  // lower-cased
    bool digits = false;
    bool decimal = false;
    long long value = 0;
    std::string_view before;  // the characters between the previous token and this one
    std::string_view after;   // the characters between this token and the next
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    std::size_t previous_end = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_alnum = [&](char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    while (i < s.size()) {
        if (!is_alnum(s[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        Token token;
        token.digits = is_digit(s[i]);
        while (i < s.size()) {
            const char c = s[i];
            if (is_alnum(c)) {
                token.digits = token.digits && is_digit(c);
                ++i;
                continue;
            }
            // "2,028" (a group of exactly three digits) and "0.05" stay one token.
            const bool digit_before = token.digits && is_digit(s[i - 1]);
            if (digit_before && c == ',' && i + 3 < s.size() && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
                is_digit(s[i + 3]) && (i + 4 >= s.size() || !is_digit(s[i + 4]))) {
                i += 4;
                continue;
            }
            if (digit_before && c == '.' && i + 1 < s.size() && is_digit(s[i + 1])) {
                token.decimal = true;
                ++i;
                continue;
            }
            break;
        }
        token.text = ascii_lower(s.substr(begin, i - begin));
        token.before = s.substr(previous_end, begin - previous_end);
        if (!tokens.empty()) tokens.back().after = token.before;
        previous_end = i;
        if (token.digits && !token.decimal) {
            for (const char c : token.text)
                if (is_digit(c)) token.value = std::min(value_cap, token.value * 10 + (c - '0'));
        }
        tokens.push_back(std::move(token));
    }
    if (!tokens.empty()) tokens.back().after = s.substr(previous_end);
    return tokens;
}

std::optional<int> small_number(std::string_view word) {
    for (std::size_t i = 1; i < small_numbers.size(); ++i)
        if (small_numbers[i] == word) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<int> tens_number(std::string_view word) {
    for (std::size_t i = 0; i < tens.size(); ++i)
        if (tens[i] == word) return static_cast<int>(20 + 10 * i);
    return std::nullopt;
}

// A count in digits or in words starting at token `i`: its value and its last token.
struct Quantity {
    long long value = 0;
    std::size_t first = 0;
    std::size_t last = 0;
};

std::optional<Quantity> read_words(const std::vector<Token>& t, std::size_t i) {
    Quantity q{0, i, i};
    auto below_hundred = [&](std::size_t k, long long& value, std::size_t& last) {
        if (k >= t.size()) return false;
        if (auto n = small_number(t[k].text)) {
            value = *n;
            last = k;
            return true;
        }
        if (auto n = tens_number(t[k].text)) {
            value = *n;
            last = k;
            if (k + 1 < t.size() && trim(t[k].after).size() <= 1)
                if (auto unit = small_number(t[k + 1].text); unit && *unit < 10) {
                    value += *unit;
                    last = k + 1;
                }
            return true;
        }
        return false;
    };
    if (!below_hundred(i, q.value, q.last)) return std::nullopt;
    if (q.last + 1 < t.size() && t[q.last + 1].text == "hundred" && q.value < 10) {
        q.value *= 100;
        ++q.last;
        std::size_t k = q.last + 1;
        if (k < t.size() && t[k].text == "and") ++k;
        long long rest = 0;
        std::size_t rest_last = 0;
        if (below_hundred(k, rest, rest_last)) {
            q.value += rest;
            q.last = rest_last;
        }
    }
    return q;
}

bool has_any(std::string_view s, std::string_view chars) { return s.find_first_of(chars) != std::string_view::npos; }
bool starts_dash(std::string_view s) {
    s = trim(s);
    return !s.empty() && (s[0] == '-' || s.substr(0, 3) == "\xE2\x80\x93" || s.substr(0, 3) == "\xE2\x80\x94");
}
bool ends_dash(std::string_view s) {
    s = trim(s);
    return !s.empty() && (s.back() == '-' || (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x93" ||
                                                                 s.substr(s.size() - 3) == "\xE2\x80\x94")));
}

// Whether the number at [q.first, q.last] can be a count at all.
bool can_be_count(const std::vector<Token>& t, const Quantity& q) {
    const Token& first = t[q.first];
    const Token& last = t[q.last];
    if (first.decimal) return false;
    const std::string_view before = first.before;
    const std::string_view after = last.after;
    if (q.first > 0) {
        const Token& prev = t[q.first - 1];
        if (!prev.digits && before == "-") return false;                          // PHQ-9, COVID-19
        if (label_words.count(prev.text) && !has_any(before, ",;:()")) return false;  // type 2, aged 60
        if (year_words.count(prev.text) && first.value >= 1900 && first.value <= 2099) return false;  // in 2019
        if (prev.digits && ends_dash(before)) return false;                        // 60-75
    }
    const std::string_view before_trim = trim(before);
    if (!before_trim.empty() && has_any(before_trim.substr(before_trim.size() - 1), "=<>/$#")) return false;
    for (const std::string_view sign : {"\xC2\xB1", "\xE2\x89\xA5", "\xE2\x89\xA4"})  // ± ≥ ≤
        if (before_trim.size() >= sign.size() && before_trim.substr(before_trim.size() - sign.size()) == sign)
            return false;
    if (q.last + 1 < t.size() && t[q.last + 1].digits && (starts_dash(after) || trim(after) == "/")) return false;
    if (q.last + 2 < t.size() && t[q.last + 1].text == "to" && t[q.last + 2].digits) return false;  // 4 to 6
    const std::string_view after_trim = trim(after);
    return after_trim.empty() || (after_trim[0] != '%' && after_trim[0] != '/');
}

enum class Counted { participants, studies };

struct Candidate {
    Counted what = Counted::participants;
    long long value = 0;
    std::size_t first = 0;  // the number's first token
    std::size_t noun = 0;   // the noun's token (the number's for "n = X")
    bool in_parens = false;
    bool equals = false;
};

// "46 elderly subjects": a number, up to five modifiers, a noun.
std::optional<Candidate> read_noun_phrase(const std::vector<Token>& t, const Quantity& q) {
    long long value = q.value;
    std::size_t modifiers = 0;
    for (std::size_t j = q.last + 1; j < t.size() && modifiers <= 5; ++j) {
        if (has_any(t[j].before, ";:()[]=%<>")) return std::nullopt;
        const std::string& word = t[j].text;
        if (participant_nouns.count(word)) return Candidate{Counted::participants, value, q.first, j};
        if (study_nouns.count(word)) return Candidate{Counted::studies, value, q.first, j};
        if (word == "million" || word == "billion" || word == "thousand") {
            value = std::min(value_cap, value * (word == "thousand" ? 1000 : word == "million" ? 1'000'000 : 1'000'000'000));
            continue;
        }
        if (t[j].digits || phrase_stops.count(word)) return std::nullopt;
        ++modifiers;
    }
    return std::nullopt;
}

bool marker_in(const std::vector<Token>& t, std::size_t from, std::size_t to, const Words& markers) {
    for (std::size_t k = from; k < to && k < t.size(); ++k)
        if (markers.count(t[k].text)) return true;
    return false;
}

// Whether a subgroup marker stands within six words before the count or four after its noun,
// without crossing a comma or semicolon ("Of 500 patients screened, 120 were randomized").
bool in_subgroup(const std::vector<Token>& t, const Candidate& c) {
    for (std::size_t k = c.first, back = 0; k > 0 && back < 6; --k, ++back) {
        if (has_any(t[k].before, ",;")) break;
        if (subgroup_markers.count(t[k - 1].text)) return true;
    }
    for (std::size_t k = c.noun + 1; k < t.size() && k <= c.noun + 4; ++k) {
        if (has_any(t[k].before, ",;")) break;
        if (subgroup_markers.count(t[k].text)) return true;
    }
    return false;
}

// Higher is more likely the whole sample; studies count only when the review says it included,
// identified or pooled them.
int tier(const std::vector<Token>& t, const Candidate& c) {
    const std::size_t near = c.first >= 10 ? c.first - 10 : 0;
    if (c.what == Counted::studies) return marker_in(t, near, c.noun + 8, pooled_markers) ? 1 : -1;
    if (in_subgroup(t, c)) return 0;
    if (marker_in(t, near, c.noun + 8, total_markers)) return 3;
    return c.in_parens ? 1 : 2;
}

std::vector<Candidate> find_candidates(const std::vector<Token>& t) {
    std::vector<Candidate> found;
    for (std::size_t i = 0; i < t.size(); ++i) {
        // "n = 264", "(n=162)"
        if (t[i].text == "n" && i + 1 < t.size() && trim(t[i].after) == "=" && t[i + 1].digits && !t[i + 1].decimal) {
            Candidate c{Counted::participants, t[i + 1].value, i, i + 1};
            c.in_parens = has_any(t[i].before, "(");
            c.equals = true;
            const bool per_group = i + 2 < t.size() && (t[i + 2].text == "per" || t[i + 2].text == "each");
            if (!per_group) found.push_back(c);
            ++i;
            continue;
        }
        std::optional<Quantity> q;
        if (t[i].digits) q = Quantity{t[i].value, i, i};
        else q = read_words(t, i);
        if (!q || !can_be_count(t, *q)) continue;
        if (auto c = read_noun_phrase(t, *q)) found.push_back(*c);
        i = q->last;
    }
    // "386 cases and 896 matched controls", "10 men and 12 women": the groups add up.
    const std::size_t counted = found.size();
    for (std::size_t k = 0; k + 1 < counted; ++k) {
        const Candidate& a = found[k];
        const Candidate& b = found[k + 1];
        const bool joined = a.what == Counted::participants && b.what == Counted::participants && !a.equals &&
                            !b.equals && b.first == a.noun + 2 && t[a.noun + 1].text == "and";
        if (joined) found.push_back({Counted::participants, std::min(value_cap, a.value + b.value), a.first, b.noun});
    }
    return found;
}

bool gets_participant_n(const Study& study) {
    return !study.is_notice && study.design != Design::narrative_review && study.design != Design::guideline;
}

bool gets_study_count(Design d) {
    return d == Design::meta_analysis || d == Design::systematic_review || d == Design::narrative_review ||
           d == Design::guideline;
}

// Background and introduction sections describe the world, not the sample.
bool is_background(const AbstractSection& section) {
    const std::string category = ascii_lower(section.nlm_category);
    const std::string label = ascii_lower(section.label);
    return category == "background" || starts_with_icase(label, "background") ||
           starts_with_icase(label, "introduction") || starts_with_icase(label, "context") ||
           starts_with_icase(label, "rationale");
}

struct Best {
    long long value = 0;
    int tier = -1;
    std::string span;
    bool set = false;

    void offer(long long v, int t, std::string_view sentence) {
        if (set && (t < tier || (t == tier && v <= value))) return;
        value = v;
        tier = t;
        span = std::string(sentence);
        set = true;
    }
};

}  // namespace

void classify_sample_size(Study& study) {
    std::vector<std::string_view> texts{study.title};
    for (const auto& section : study.abstract)
        if (!is_background(section)) texts.emplace_back(section.text);

    Best participants;
    Best absurd;
    Best studies;
    // Each sentence is read by its own tokenizer, so the cue words of split_cue_sentences are
    // not needed: for_each_sentence gives the same sentences without them.
    for (const auto text : texts) {
        for_each_sentence(text, [&](std::string_view sentence) {
            const auto tokens = tokenize(sentence);
            for (const auto& c : find_candidates(tokens)) {
                const int t = tier(tokens, c);
                if (c.what == Counted::studies) {
                    if (t >= 0 && c.value > 0 && c.value <= max_plausible_n) studies.offer(c.value, t, sentence);
                } else if (c.value < 1 || c.value > max_plausible_n) {
                    if (!absurd.set) absurd.offer(c.value, t, sentence);
                } else {
                    participants.offer(c.value, t, sentence);
                }
            }
        });
    }

    if (gets_participant_n(study)) {
        if (participants.set) {
            study.n = static_cast<int>(participants.value);
            study.reasons.push_back({"n", "n-participants", participants.span});
        } else if (absurd.set) {
            study.reasons.push_back({"n", "n-absurd", absurd.span});
        } else if (study.design == Design::case_report) {
            study.n = 1;
            study.reasons.push_back({"n", "n-case-report", "design: case-report"});
        }
    }
    if (studies.set && gets_study_count(study.design)) {
        study.n_studies = static_cast<int>(studies.value);
        study.reasons.push_back({"n_studies", "n-studies", studies.span});
    }
}

}  // namespace evidex
