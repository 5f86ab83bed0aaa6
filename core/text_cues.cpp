#include "core/text_cues.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace evidex {

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_break(char c) { return c == ',' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']'; }

// The apostrophe of a contraction ("didn't", "didn’t") is dropped so the word stays whole;
// any other apostrophe separates words ("dog's" = "dog s").
std::size_t contraction_apostrophe(std::string_view s, std::size_t i, const std::string& word) {
    std::size_t width = 0;
    if (s[i] == '\'') width = 1;
    else if (s.substr(i, 3) == "\xE2\x80\x99") width = 3;
    if (width == 0 || word.empty() || word.back() != 'n') return 0;
    const std::size_t next = i + width;
    const bool t_ends = next < s.size() && (s[next] == 't' || s[next] == 'T') &&
                        (next + 1 == s.size() || !is_ascii_alnum(s[next + 1]));
    return t_ends ? width : 0;
}

std::vector<CueWord> split_words(std::string_view s) {
    std::vector<CueWord> words;
    std::string current;
    bool pending_break = false;
    auto flush = [&] {
        if (current.empty()) return;
        words.push_back({std::move(current), pending_break && !words.empty()});
        current.clear();
        pending_break = false;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_ascii_alnum(c)) {
            // The whole run of letters and digits at once.
            std::size_t end = i + 1;
            while (end < s.size() && is_ascii_alnum(s[end])) ++end;
            const std::size_t at = current.size();
            current.append(s.substr(i, end - i));
            for (std::size_t k = at; k < current.size(); ++k) current[k] = ascii_lower(current[k]);
            i = end - 1;
            continue;
        }
        const bool joins_digits = (c == '.' || c == ',') && !current.empty() && is_ascii_digit(current.back()) &&
                                  i + 1 < s.size() && is_ascii_digit(s[i + 1]);
        if (joins_digits) {
            current.push_back(c);
            continue;
        }
        const std::size_t apostrophe = contraction_apostrophe(s, i, current);
        if (apostrophe) {
            i += apostrophe - 1;
            continue;
        }
        flush();
        if (is_break(c)) pending_break = true;
    }
    flush();
    return words;
}

constexpr std::array<std::string_view, 18> abbreviations = {
    "vs", "e.g", "i.e", "al", "approx", "ca", "cf", "fig", "figs", "no", "nos", "dr", "mr", "ms", "st", "resp", "inc", "ref"};

// True when the '.' at `dot` ends an abbreviation or an initial rather than a sentence.
bool ends_abbreviation(std::string_view s, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && !is_space(s[start - 1]) && s[start - 1] != '(') --start;
    const std::string word = ascii_lower(s.substr(start, dot - start));
    if (word.size() == 1 && !is_ascii_digit(word[0])) return true;  // an initial: "J. Smith"
    return std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end();
}

bool ends_sentence(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c != '.' && c != '!' && c != '?' && c != ';') return false;
    if (i + 1 < s.size() && !is_space(s[i + 1])) return false;
    if (c != '.') return true;
    if (ends_abbreviation(s, i)) return false;
    std::size_t next = i + 1;
    while (next < s.size() && is_space(s[next])) ++next;
    return next == s.size() || !is_lower(s[next]);
}

bool word_matches(const std::string& word, const std::vector<std::string>& alternatives) {
    for (const auto& alternative : alternatives) {
        if (!alternative.empty() && alternative.back() == '*') {
            if (word.compare(0, alternative.size() - 1, alternative, 0, alternative.size() - 1) == 0) return true;
        } else if (word == alternative) {
            return true;
        }
    }
    return false;
}

constexpr std::size_t gap_reach = 5;

// Matches elements [e..] from word w; returns the end (one past the last word), or nullopt.
std::optional<std::size_t> match_from(const std::vector<CueWord>& words, const CuePattern& pattern, std::size_t e,
                                      std::size_t w) {
    if (e == pattern.elements.size()) return w;
    const auto& element = pattern.elements[e];
    if (element.kind == CuePattern::Kind::gap) {
        for (std::size_t skip = 0; skip <= gap_reach && w + skip <= words.size(); ++skip)
            if (auto end = match_from(words, pattern, e + 1, w + skip)) return end;
        return std::nullopt;
    }
    if (w >= words.size()) return std::nullopt;
    const std::string& word = words[w].text;
    const bool ok = element.kind == CuePattern::Kind::number ? is_ascii_digit(word[0])
                                                               : word_matches(word, element.alternatives);
    if (!ok) return std::nullopt;
    return match_from(words, pattern, e + 1, w + 1);
}

}  // namespace

void for_each_sentence(std::string_view text, const std::function<void(std::string_view)>& visit) {
    std::size_t start = 0;
    auto emit = [&](std::size_t end) {
        const std::string_view piece = trim(text.substr(start, end - start));
        start = end;
        // A piece without a letter or digit holds no word: not a sentence.
        if (std::any_of(piece.begin(), piece.end(), is_ascii_alnum)) visit(piece);
    };
    for (std::size_t i = 0; i < text.size(); ++i)
        if (ends_sentence(text, i)) emit(i + 1);
    emit(text.size());
}

std::vector<CueSentence> split_cue_sentences(std::string_view text) {
    std::vector<CueSentence> sentences;
    for_each_sentence(text, [&](std::string_view piece) { sentences.push_back({piece, split_words(piece)}); });
    return sentences;
}

std::optional<CuePattern> parse_cue_pattern(std::string_view text, std::string& error) {
    CuePattern pattern;
    pattern.source = std::string(trim(text));
    bool first = true;
    for (const auto token : split(pattern.source, ' ')) {
        if (token.empty()) continue;
        const bool was_first = first;
        first = false;
        if (token == "^") {
            if (!was_first) {
                error = "'^' must come first in pattern '" + pattern.source + "'";
                return std::nullopt;
            }
            pattern.at_start = true;
        } else if (token == "...") {
            pattern.elements.push_back({CuePattern::Kind::gap, {}});
        } else if (token == "#") {
            pattern.elements.push_back({CuePattern::Kind::number, {}});
        } else if (token.find('/') != std::string_view::npos) {
            CuePattern::Element element;
            for (const auto alternative : split(token, '/')) {
                const bool prefix = !alternative.empty() && alternative.back() == '*';
                const auto words = split_words(prefix ? alternative.substr(0, alternative.size() - 1) : alternative);
                if (words.size() != 1) {
                    error = "alternative '" + std::string(alternative) + "' is not one word in pattern '" +
                            pattern.source + "'";
                    return std::nullopt;
                }
                element.alternatives.push_back(words[0].text + (prefix ? "*" : ""));
            }
            pattern.elements.push_back(std::move(element));
        } else {
            const bool prefix = token.back() == '*';
            const auto words = split_words(prefix ? token.substr(0, token.size() - 1) : token);
            for (std::size_t i = 0; i < words.size(); ++i) {
                const bool last = i + 1 == words.size();
                pattern.elements.push_back({CuePattern::Kind::word, {words[i].text + (prefix && last ? "*" : "")}});
            }
        }
    }
    const bool has_word = std::any_of(pattern.elements.begin(), pattern.elements.end(),
                                      [](const auto& e) { return e.kind != CuePattern::Kind::gap; });
    if (!has_word) {
        error = "empty pattern '" + pattern.source + "'";
        return std::nullopt;
    }
    if (pattern.elements.front().kind == CuePattern::Kind::gap || pattern.elements.back().kind == CuePattern::Kind::gap) {
        error = "'...' must stand between words in pattern '" + pattern.source + "'";
        return std::nullopt;
    }
    return pattern;
}

std::optional<CueSpan> find_cue(const CueSentence& sentence, const CuePattern& pattern, std::size_t from) {
    const std::size_t last_start = pattern.at_start ? 1 : sentence.words.size();
    for (std::size_t start = from; start < last_start; ++start)
        if (auto end = match_from(sentence.words, pattern, 0, start)) return CueSpan{start, *end};
    return std::nullopt;
}

std::optional<CueSpan> match_cue_at(const CueSentence& sentence, const CuePattern& pattern, std::size_t start) {
    if (pattern.at_start && start != 0) return std::nullopt;
    if (auto end = match_from(sentence.words, pattern, 0, start)) return CueSpan{start, *end};
    return std::nullopt;
}

std::uint64_t CueIndex::head_of(std::string_view word) {
    std::uint64_t head = 0;
    for (std::size_t i = 0; i < 8; ++i)
        head = (head << 8) | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0u);
    return head;
}

// Whether entry `e` sorts before `word` (whose head is `head`). A word holds no zero byte, so a
// shorter word's padding sorts it before the longer words it begins.
bool CueIndex::before(const Entry& e, std::uint64_t head, std::string_view word) {
    if (e.head != head) return e.head < head;
    return e.word.size() > 8 && word.size() > 8 ? e.word.substr(8) < word.substr(8) : e.word.size() < word.size();
}

std::size_t CueIndex::lead_bit(std::string_view word) {
    const std::size_t first = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
    const std::size_t second = word.size() < 2 ? 0 : static_cast<unsigned char>(word[1]);
    return ((first << 6) ^ second) & 4095;
}

bool CueIndex::may_hold(std::string_view key, bool prefix) const {
    // A prefix of one byte has no second byte to test: every word it may begin is a candidate.
    if (prefix && key.size() < 2) return true;
    return leads_.test(lead_bit(key));
}

CueIndex::CueIndex(const std::vector<CueSentence>& sentences) {
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& words = sentences[s].words;
        for (std::size_t w = 0; w < words.size(); ++w) {
            leads_.set(lead_bit(words[w].text));
            entries_.push_back({head_of(words[w].text), words[w].text, {s, w}});
            if (is_ascii_digit(words[w].text[0])) numbers_.push_back({s, w});
        }
    }
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        if (before(a, b.head, b.word)) return true;
        if (before(b, a.head, a.word)) return false;
        return a.position < b.position;
    });
}

std::vector<CueIndex::Position> CueIndex::starts(const CuePattern& pattern) const {
    const auto& first = pattern.elements.front();
    if (first.kind == CuePattern::Kind::number) return numbers_;
    std::vector<Position> found;
    for (const auto& alternative : first.alternatives) {
        const bool prefix = alternative.back() == '*';
        const std::string_view key(alternative.data(), alternative.size() - (prefix ? 1 : 0));
        if (!may_hold(key, prefix)) continue;
        const std::uint64_t head = head_of(key);
        auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                   [head](const Entry& e, std::string_view w) { return before(e, head, w); });
        for (; it != entries_.end(); ++it) {
            if (prefix ? it->word.substr(0, key.size()) != key : it->word != key) break;
            found.push_back(it->position);
        }
    }
    if (first.alternatives.size() > 1 || (!first.alternatives.empty() && first.alternatives[0].back() == '*'))
        std::sort(found.begin(), found.end());
    return found;
}

CueSentence read_as_one_sentence(std::string_view name) { return CueSentence{name, split_words(name)}; }

bool is_negated(const CueSentence& sentence, std::size_t first_word, const CueContext& context) {
    const auto& words = sentence.words;
    for (std::size_t back = 1; back <= negation_reach && back <= first_word; ++back) {
        const std::size_t j = first_word - back;
        if (words[j + 1].after_break) return false;
        if (context.scope_breaks.count(words[j].text)) return false;
        if (context.negations.count(words[j].text)) return true;
    }
    return false;
}

bool is_hedged(const CueSentence& sentence, const CueContext& context) {
    return std::any_of(context.hedges.begin(), context.hedges.end(),
                       [&](const CuePattern& hedge) { return find_cue(sentence, hedge).has_value(); });
}

bool is_self_negating(const CuePattern& pattern, const CueContext& context) {
    const auto& first = pattern.elements.front();
    return first.kind == CuePattern::Kind::word &&
           std::all_of(first.alternatives.begin(), first.alternatives.end(),
                       [&](const std::string& w) { return context.negations.count(w) > 0; });
}

std::optional<CueSpan> find_affirmed_cue(const CueSentence& sentence, const CuePattern& pattern,
                                         const CueContext& context) {
    std::size_t from = 0;
    while (auto span = find_cue(sentence, pattern, from)) {
        if (!is_negated(sentence, span->first, context) || is_self_negating(pattern, context)) return span;
        from = span->first + 1;
    }
    return std::nullopt;
}

std::optional<CueHitAt> find_affirmed_cue(const std::vector<CueSentence>& sentences, const CueIndex& index,
                                          const CuePattern& pattern, const CueContext& context,
                                          const std::vector<bool>& skip, std::size_t begin, std::size_t end) {
    for (const auto& start : index.starts(pattern)) {
        if (start.sentence < begin || start.sentence >= end || skip[start.sentence]) continue;
        const CueSentence& sentence = sentences[start.sentence];
        const auto span = match_cue_at(sentence, pattern, start.word);
        // Self-negation is asked only of a negated match: most patterns never have one.
        if (span && (!is_negated(sentence, span->first, context) || is_self_negating(pattern, context)))
            return CueHitAt{start.sentence, *span};
    }
    return std::nullopt;
}

std::vector<bool> find_hedged(const std::vector<CueSentence>& sentences, const CueIndex& index,
                              const CueContext& context) {
    std::vector<bool> hedged(sentences.size(), false);
    for (const auto& hedge : context.hedges)
        for (const auto& start : index.starts(hedge))
            if (!hedged[start.sentence] && match_cue_at(sentences[start.sentence], hedge, start.word))
                hedged[start.sentence] = true;
    return hedged;
}

bool is_context_kind(std::string_view kind) { return kind == "negation" || kind == "scope-break" || kind == "hedge"; }

bool add_context_row(CueContext& context, std::string_view kind, std::string_view pattern, std::string& error) {
    auto parsed = parse_cue_pattern(pattern, error);
    if (!parsed) return false;
    if (kind == "hedge") {
        context.hedges.push_back(std::move(*parsed));
        return true;
    }
    const bool one_word = parsed->elements.size() == 1 && !parsed->at_start &&
                          parsed->elements[0].kind == CuePattern::Kind::word &&
                          parsed->elements[0].alternatives.size() == 1 &&
                          parsed->elements[0].alternatives[0].back() != '*';
    if (!one_word) {
        error = std::string(kind) + " '" + parsed->source + "' must be one plain word";
        return false;
    }
    if (kind == "negation") context.negations.insert(parsed->elements[0].alternatives[0]);
    else if (kind == "scope-break") context.scope_breaks.insert(parsed->elements[0].alternatives[0]);
    else {
        error = "unknown context kind '" + std::string(kind) + "' (negation, scope-break, hedge)";
        return false;
    }
    return true;
}

}  // namespace evidex
