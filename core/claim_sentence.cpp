// read_claim_sentence: whether a sentence is a claim and its strength, by the cues and the
// precedence that schemas/claim-cues.tsv documents (superlative > hedged > definite; a hedge
// counts inside its own clause only).
#include "core/claim_sentence.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/text.h"

namespace evidex {

namespace {

constexpr std::string_view definite_default = "definite-default";
constexpr std::string_view question_rule = "not-claim-question";


struct CueHit {
    const ClaimCue* cue = nullptr;
    CueSpan span;
};

std::string words_of(const CueSentence& sentence, CueSpan span) {
    std::string out;
    for (std::size_t i = span.first; i < span.last && i < sentence.words.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += sentence.words[i].text;
    }
    return out;
}

// Every match of every cue, in word order; negated matches left out when `affirmed`.
std::vector<CueHit> find_hits(const CueSentence& sentence, const std::vector<ClaimCue>& cues,
                              const CueContext& context, bool affirmed) {
    std::vector<CueHit> hits;
    for (const auto& cue : cues) {
        std::size_t from = 0;
        while (auto span = find_cue(sentence, cue.pattern, from)) {
            if (!affirmed || !is_negated(sentence, span->first, context)) hits.push_back({&cue, *span});
            from = span->first + 1;
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const CueHit& a, const CueHit& b) { return a.span.first < b.span.first; });
    return hits;
}

// Clause number of every word: a clause-break word opens a new clause.
std::vector<std::size_t> clauses_of(const CueSentence& sentence, const std::set<std::string>& breaks) {
    std::vector<std::size_t> clause(sentence.words.size(), 0);
    std::size_t current = 0;
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        if (i > 0 && breaks.count(sentence.words[i].text)) ++current;
        clause[i] = current;
    }
    return clause;
}

// The first hit of `hits` in the clause of word `at` that starts before word `before`.
const CueHit* in_clause(const std::vector<CueHit>& hits, const std::vector<std::size_t>& clause, std::size_t at,
                        std::size_t before) {
    for (const auto& hit : hits)
        if (hit.span.first < before && clause[hit.span.first] == clause[at]) return &hit;
    return nullptr;
}

// An effect cue right after a mechanism word: "by enhancing GABA activity".
bool mechanism(const CueSentence& sentence, const CueHit& effect, const ClaimRules& rules) {
    return effect.span.first > 0 && rules.mechanism_words.count(sentence.words[effect.span.first - 1].text) > 0;
}

// Ends in '?', or holds a '?' glued to closing marks that kept the sentence splitter from ending
// it there ("\"Does Magnesium Help Restless Leg Syndrome?.\" Sophisticated Edge.", a citation).
bool is_question(std::string_view text) {
    constexpr std::string_view closing = ".\"')\xE2\x80\x9D\x99";
    text = trim(text);
    for (std::size_t q = text.find('?'); q != std::string_view::npos; q = text.find('?', q + 1)) {
        std::size_t end = q + 1;
        while (end < text.size() && closing.find(text[end]) != std::string_view::npos) ++end;
        if (end == text.size() || (end > q + 1 && is_space(text[end]))) return true;
    }
    return false;
}

}  // namespace

CueSentence cue_sentence_of(std::string_view sentence) {
    std::string rewritten;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        if (sentence[i] == '#' && i + 1 < sentence.size() && is_ascii_digit(sentence[i + 1])) rewritten += "number ";
        else rewritten += sentence[i];
    }
    CueSentence out{sentence, {}};
    for (auto& piece : split_cue_sentences(rewritten))
        out.words.insert(out.words.end(), piece.words.begin(), piece.words.end());
    return out;
}

std::size_t word_offset(const CueSentence& sentence, std::size_t index) {
    const std::string lower = ascii_lower(sentence.text);
    std::size_t pos = 0;
    for (std::size_t w = 0; w <= index && w < sentence.words.size(); ++w) {
        const std::string& word = sentence.words[w].text;
        std::size_t found = lower.find(word, pos);
        if (found == std::string::npos) found = lower.find(word.substr(0, std::min<std::size_t>(word.size(), 3)), pos);
        if (found == std::string::npos) return pos;
        if (w == index) return found;
        pos = found + 1;
    }
    return sentence.text.size();
}

ClaimReading read_claim_sentence(const CueSentence& sentence, const ClaimRules& rules) {
    ClaimReading reading;
    const auto effects = find_hits(sentence, rules.effects, rules.context, true);
    const auto superlatives = find_hits(sentence, rules.superlatives, rules.context, true);
    if (effects.empty() && superlatives.empty()) return reading;
    if (is_question(sentence.text)) {
        reading.veto_rule = question_rule;
        return reading;
    }
    for (const auto& cue : rules.not_claims) {
        if (find_cue(sentence, cue.pattern)) {
            reading.veto_rule = cue.rule;
            return reading;
        }
    }
    reading.claim = true;
    reading.superlative_only = effects.empty();
    const auto clause = clauses_of(sentence, rules.clause_breaks);
    const auto hedges = find_hits(sentence, rules.hedged, rules.context, false);
    const auto definites = find_hits(sentence, rules.definite, rules.context, true);

    // Each effect cue: hedged when a hedge in its clause comes before the cue's end, else definite.
    // The first definite cue decides, else the first hedged one; mechanisms only when nothing else.
    const CueHit* deciding = nullptr;
    const CueHit* deciding_hedge = nullptr;
    const bool only_mechanisms = std::all_of(effects.begin(), effects.end(),
                                             [&](const CueHit& e) { return mechanism(sentence, e, rules); });
    for (const auto& effect : effects) {
        if (!only_mechanisms && mechanism(sentence, effect, rules)) continue;
        const CueHit* hedge = in_clause(hedges, clause, effect.span.first, effect.span.last);
        if (!hedge) {
            deciding = &effect;
            deciding_hedge = nullptr;
            break;
        }
        if (!deciding) {
            deciding = &effect;
            deciding_hedge = hedge;
        }
    }
    if (deciding) {
        reading.deciding_word = deciding->span.first;
        if (deciding_hedge) {
            reading.strength = ClaimStrength::hedged;
            reading.strength_rule = reading.hedge_rule = deciding_hedge->cue->rule;
            reading.strength_cue = reading.hedge_cue = words_of(sentence, deciding_hedge->span);
        } else if (const CueHit* strong = in_clause(definites, clause, deciding->span.first, sentence.words.size())) {
            reading.strength_rule = strong->cue->rule;
            reading.strength_cue = words_of(sentence, strong->span);
        } else {
            reading.strength_rule = definite_default;
        }
    }
    if (!superlatives.empty()) {
        const CueHit& top = superlatives.front();
        if (!deciding) reading.deciding_word = top.span.first;
        reading.strength = ClaimStrength::superlative;
        reading.strength_rule = top.cue->rule;
        reading.strength_cue = words_of(sentence, top.span);
        reading.hedge_rule.clear();
        reading.hedge_cue.clear();
        if (const CueHit* hedge = in_clause(hedges, clause, top.span.first, top.span.last)) {
            reading.hedge_rule = hedge->cue->rule;
            reading.hedge_cue = words_of(sentence, hedge->span);
        }
    }
    return reading;
}

}  // namespace evidex
