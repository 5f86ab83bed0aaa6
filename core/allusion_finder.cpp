// find_allusions: sentences of the body that point at one study without citing it: a determiner,
// design words ("a 2016 study", "a small clinical trial", "a meta-analysis"), then what the page
// says of it: the journal it was "published in", a year, a number of participants or of pooled
// studies. A sentence with none of these ("one study found ...") is not an allusion.
#include <algorithm>
#include <array>
#include <set>

#include "core/reference_text.h"
#include "core/references.h"
#include "core/text.h"

namespace evidex {

namespace {

using namespace reference_text;

constexpr std::array<std::string_view, 6> determiners{"a", "an", "one", "the", "this", "another"};
constexpr std::array<std::string_view, 7> design_heads{"study", "trial", "meta-analysis", "review",
                                                       "analysis", "research", "survey"};
constexpr std::array<std::string_view, 20> design_modifiers{
    "case",        "systematic",   "clinical",       "randomized",    "randomised",   "controlled", "pilot",
    "open",        "open-label",   "cohort",         "observational", "double-blind", "crossover",  "prospective",
    "retrospective", "longitudinal", "cross-sectional", "dose-response", "placebo-controlled", "population-based"};
constexpr std::array<std::string_view, 7> publishing_verbs{"published", "reported", "appearing", "appeared",
                                                           "presented", "printed",  "featured"};
constexpr std::array<std::string_view, 9> gap_stoppers{"of", "in", "for", "with", "on", "from", "by", "to", "at"};
constexpr std::array<std::string_view, 20> people_nouns{
    "people",  "persons",   "participants", "patients", "subjects",    "adults",   "women",
    "men",     "children",  "adolescents",  "individuals", "volunteers", "students", "athletes",
    "infants", "elderly",   "seniors",      "smokers",  "respondents", "mothers"};
constexpr std::array<std::string_view, 8> study_nouns{"trials", "studies", "rcts",    "articles",
                                                      "papers", "cohorts", "reports", "experiments"};
constexpr std::array<std::string_view, 12> abbreviations{"e.g", "i.e", "vs", "etc", "al", "dr", "mr",
                                                         "mrs", "ms",  "prof", "fig", "approx"};
constexpr int max_gap_words = 4;
constexpr int max_noun_distance = 3;  // "73,684 postmenopausal women"
constexpr std::size_t max_journal_words = 12;

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

struct Word {
    std::string low;
    std::size_t begin = 0, end = 0;
    std::optional<int> number;  // "32,198" -> 32198
};

bool word_byte(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) return true;
    const bool inner = i > 0 && i + 1 < s.size() && is_alnum(s[i - 1]) && is_alnum(s[i + 1]);
    if ((c == '-' || c == '\'') && inner) return true;
    // A thousands separator: "32,198".
    return c == ',' && i > 0 && is_digit(s[i - 1]) && i + 3 < s.size() && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]) && (i + 4 == s.size() || !is_digit(s[i + 4]));
}

std::vector<Word> words_in(std::string_view s) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < s.size();) {
        if (!word_byte(s, i)) {
            ++i;
            continue;
        }
        Word w;
        w.begin = i;
        while (i < s.size() && word_byte(s, i)) ++i;
        w.end = i;
        w.low = ascii_lower(s.substr(w.begin, w.end - w.begin));
        std::string digits;
        for (const char c : w.low)
            if (c != ',') digits.push_back(c);
        if (!digits.empty() && digits.size() <= 8 && std::all_of(digits.begin(), digits.end(), is_digit))
            w.number = std::stoi(digits);
        words.push_back(std::move(w));
    }
    return words;
}

// Sentence spans of a block's text. A period after an abbreviation or an initial does not end one.
std::vector<std::string_view> sentences_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
        std::size_t w = i;
        while (w > begin && (is_alpha(text[w - 1]) || text[w - 1] == '.')) --w;
        const std::string before = ascii_lower(text.substr(w, i - w));
        if (c == '.' && (before.size() == 1 || one_of(abbreviations, before))) continue;
        out.push_back(trim(text.substr(begin, i + 1 - begin)));
        begin = i + 1;
    }
    if (const auto last = trim(text.substr(std::min(begin, text.size()))); !last.empty()) out.push_back(last);
    return out;
}

// Quote marks that open and close a journal's name.
struct QuotePair {
    std::string_view open, close;
};
constexpr std::array<QuotePair, 4> quote_pairs{{{"\xE2\x80\x98", "\xE2\x80\x99"},
                                                {"\xE2\x80\x9C", "\xE2\x80\x9D"},
                                                {"\"", "\""},
                                                {"'", "'"}}};

// The journal named after "in" at `pos`: quoted (‘Headache’, “Journal of ...”), or title-case
// words up to the first comma or lower-case word ("Sleep, the Official Publication ..." -> "Sleep").
std::string journal_after(std::string_view s, std::size_t pos, std::optional<int>& year, bool quoted_only) {
    auto rest = [&] { return s.substr(std::min(pos, s.size())); };
    auto skip = [&](std::string_view word) {
        if (starts_with_icase(rest(), word)) pos += word.size();
        while (pos < s.size() && s[pos] == ' ') ++pos;
    };
    skip("");
    if (const int y = year_at(s, pos)) {  // "published in 2016 in Headache"
        year = y;
        pos += 4;
        skip(",");
        if (!starts_with_icase(rest(), "in ")) return {};
        skip("in ");
    }
    skip("the ");
    if (rest().substr(0, 8) == "journal ") skip("journal ");
    for (const auto& q : quote_pairs) {
        if (rest().substr(0, q.open.size()) != q.open) continue;
        const std::size_t start = pos + q.open.size();
        for (auto end = s.find(q.close, start); end != std::string_view::npos; end = s.find(q.close, end + 1)) {
            const std::size_t after = end + q.close.size();
            if (after < s.size() && is_alpha(s[after])) continue;  // "Women’s" is an apostrophe
            return std::string(trim_end_marks(s.substr(start, end - start)));
        }
        return {};
    }
    if (quoted_only) return {};
    std::string journal;
    std::size_t kept = 0, words = 0;
    for (const auto& w : words_in(rest())) {
        const std::string_view text = rest().substr(w.begin, w.end - w.begin);
        const auto gap = rest().substr(kept, w.begin - kept);
        if (words > 0 && trim(gap) != "" && trim(gap) != "&") break;  // a comma, a bracket, a full stop
        const bool joiner = w.low == "of" || w.low == "the" || w.low == "and" || w.low == "for" || w.low == "&";
        if ((!capitalized(text) && !(joiner && words > 0)) || ++words > max_journal_words) break;
        journal.append(rest().substr(kept == 0 ? w.begin : kept, w.end - (kept == 0 ? w.begin : kept)));
        kept = w.end;
    }
    // Drop joiners left at the end ("Sleep and").
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view tail : {" of", " the", " and", " for", " &"})
            if (journal.size() > tail.size() && journal.compare(journal.size() - tail.size(), tail.size(), tail) == 0)
                journal.resize(journal.size() - tail.size()), trimmed = true;
    }
    return journal;
}

// "10 patients", "73,684 postmenopausal women", "34 randomized control trials" after word `from`.
std::optional<int> count_of(const std::vector<Word>& words, std::size_t from, bool studies) {
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!words[i].number) continue;
        for (std::size_t k = i + 1; k < words.size() && k <= i + max_noun_distance; ++k) {
            if (words[k].number) break;
            if (studies ? one_of(study_nouns, words[k].low) : one_of(people_nouns, words[k].low)) return words[i].number;
        }
    }
    return std::nullopt;
}

// "this study", "the trial", "the researchers": a sentence that goes on about the study before.
bool refers_back(const std::vector<Word>& words) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i].low != "this" && words[i].low != "the" && words[i].low != "these") continue;
        const auto& next = words[i + 1].low;
        if (one_of(design_heads, next) || next == "researchers" || next == "authors" || next == "investigators") return true;
    }
    return false;
}

// The design head at word `i` ("meta" "analysis" and "metaanalysis" read "meta-analysis"), or
// empty; `last` is the head's last word.
std::string design_head(const std::vector<Word>& words, std::size_t i, std::size_t& last) {
    last = i;
    if (words[i].low == "meta" && i + 1 < words.size() && words[i + 1].low == "analysis") {
        last = i + 1;
        return "meta-analysis";
    }
    if (words[i].low == "metaanalysis") return "meta-analysis";
    return one_of(design_heads, words[i].low) ? words[i].low : std::string();
}

// The design words of the phrase: the modifiers between determiner and head, then the head.
std::string design_words(const std::vector<Word>& words, std::size_t det, std::size_t head, const std::string& name) {
    std::string out;
    for (std::size_t i = det + 1; i < head; ++i)
        if (one_of(design_modifiers, words[i].low)) out += words[i].low + ' ';
    return out + name;
}

// The first allusion phrase in a sentence with something to identify it by, if any.
std::optional<Allusion> allusion_in(std::string_view sentence) {
    const auto words = words_in(sentence);
    for (std::size_t det = 0; det < words.size(); ++det) {
        if (!one_of(determiners, words[det].low)) continue;
        Allusion a;
        std::size_t head = det + 1, last = det + 1;
        std::string name;
        for (; head < words.size() && head <= det + 1 + max_gap_words; ++head) {
            name = design_head(words, head, last);
            if (!name.empty()) break;
            if (one_of(gap_stoppers, words[head].low) || one_of(determiners, words[head].low)) {
                head = words.size();
                break;
            }
            if (words[head].number && plausible_year(*words[head].number) && words[head].low.size() == 4)
                a.year = words[head].number;
        }
        if (head >= words.size() || head > det + 1 + max_gap_words) continue;
        const auto between = sentence.substr(words[det].end, words[head].begin - words[det].end);
        if (between.find_first_of(",;:()") != std::string_view::npos) continue;
        a.design_words = design_words(words, det, head, name);
        std::size_t k = last + 1;
        bool verb = false;
        if (k < words.size() && one_of(publishing_verbs, words[k].low)) {
            verb = true;
            for (++k; k < words.size() && k <= last + 4 && words[k].low != "in"; ++k) {}
        }
        if (k < words.size() && words[k].low == "in") a.journal = journal_after(sentence, words[k].end, a.year, !verb);
        a.n = count_of(words, last + 1, false);
        const bool pooled = a.design_words.find("analysis") != std::string::npos || a.design_words.find("review") != std::string::npos;
        if (pooled) a.n_studies = count_of(words, last + 1, true);
        if (a.journal.empty() && !a.year && !a.n && !a.n_studies) continue;
        a.text = std::string(sentence);
        return a;
    }
    return std::nullopt;
}

}  // namespace

std::vector<Allusion> find_allusions(const Page& page) {
    std::vector<bool> in_references(page.blocks.size(), false);
    for (const auto& section : locate_reference_sections(page))
        for (std::size_t i = section.first; i < section.last; ++i) in_references[i] = true;

    // Sentences of the body in page order, with their blocks.
    struct Sentence {
        std::size_t block;
        std::string_view text;
    };
    std::vector<Sentence> body;
    for (std::size_t b = 0; b < page.blocks.size(); ++b) {
        if (in_references[b] || page.blocks[b].kind == BlockKind::heading) continue;
        for (const auto s : sentences_of(page.blocks[b].text)) body.push_back({b, s});
    }

    std::vector<Allusion> allusions;
    std::set<std::size_t> continuations;  // sentences read as the end of an allusion before them
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (continuations.count(i)) continue;
        auto allusion = allusion_in(body[i].text);
        if (!allusion) continue;
        allusion->block = body[i].block;
        // "A study published in Sleep ... . This study ... 10 patients": the number may come next,
        // in the same block or the paragraph after, when that sentence speaks of the same study.
        if (i + 1 < body.size() && !allusion->n) {
            const auto next = words_in(body[i + 1].text);
            const bool same_block = body[i + 1].block == body[i].block;
            const bool adjacent = same_block || body[i + 1].block == body[i].block + 1;
            if (adjacent && refers_back(next)) {
                allusion->n = count_of(next, 0, false);
                continuations.insert(i + 1);
            } else if (same_block && !allusion_in(body[i + 1].text)) {
                allusion->n = count_of(next, 0, false);
            }
        }
        allusions.push_back(std::move(*allusion));
    }
    return allusions;
}

}  // namespace evidex
