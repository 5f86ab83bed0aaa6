// Vocabulary terms in free text: the one matcher the condition, population and intervention
// classifiers share. Matching is ASCII case-insensitive, treats '-', '_' and runs of white space
// as one space ("restless-legs" = "Restless legs"), and only accepts a phrase on word boundaries.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace evidex {

// Lower-cases ASCII, turns '-', '_' and white space runs into one space, trims:
// "Restless-Legs  Syndrome" -> "restless legs syndrome".
std::string normalize_term(std::string_view s);

// "restless-legs-syndrome": lower-case ASCII letters and digits in hyphen-separated words.
bool is_kebab_id(std::string_view s);

// Splits a `|`-separated list of a vocabulary cell and trims each term. Empty terms are kept, so
// the caller can report "a||b" as a bad line.
std::vector<std::string> split_terms(std::string_view cell);

// A text normalised as normalize_term does, with the offset in the original text of each byte,
// so a text scanned by several matchers is normalised once.
struct MatchText {
    std::string text;
    std::vector<std::size_t> origin;
    // Where a phrase may start, in order: the first byte of each word (a run of letters, digits
    // and UTF-8 bytes), with the word's length, and each other byte, with length 0. Found once
    // here, not again by every matcher that scans the text.
    struct Stop {
        std::size_t at = 0;
        std::size_t length = 0;
    };
    std::vector<Stop> stops;
};
MatchText match_text(std::string_view s);

struct PhraseHit {
    std::size_t begin = 0;  // byte offsets into the text given to find_all
    std::size_t end = 0;
    std::size_t value = 0;  // what add() was given with the phrase
};

class PhraseMatcher {
public:
    // Adds a phrase (normalised); an empty phrase is ignored, a repeated one keeps its first value.
    void add(std::string_view phrase, std::size_t value);

    // Every occurrence, left to right, never overlapping: where several phrases start at one
    // place the longest wins, and the scan goes on after it.
    [[nodiscard]] std::vector<PhraseHit> find_all(std::string_view text) const;
    // The same over a text already normalised; offsets are into the original text.
    [[nodiscard]] std::vector<PhraseHit> find_all(const MatchText& text) const;

    // Every occurrence of every phrase, overlapping or not, by where it starts: to learn in one
    // scan which phrases occur at all, before scanning with matchers of their own.
    [[nodiscard]] std::vector<PhraseHit> find_every(const MatchText& text) const;

    [[nodiscard]] bool empty() const { return phrases_.empty(); }

private:
    struct Phrase {
        std::string text;
        std::size_t value = 0;
    };
    // The phrases that may start at byte i of the normalised text `t`, whose word there (empty
    // at a byte that is not a letter or digit) is `word`.
    const std::vector<std::size_t>& candidates(std::string_view t, std::size_t i, std::string_view word) const;
    // Phrase `index` at byte i of the text, on word boundaries, or nothing.
    std::optional<PhraseHit> hit_at(const MatchText& norm, std::size_t i, std::size_t index) const;

    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<Phrase> phrases_;
    // The first word of a phrase (its leading run of letters and digits) -> indexes into
    // phrases_, longest first: at a word of the text one lookup finds the phrases that can
    // start there.
    std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> by_first_word_;
    // A bit for each first word, from its length and its first, second and last bytes: most
    // words of a text begin no phrase, and the bit says so before the word is hashed.
    static std::size_t word_bit(std::string_view word);
    std::bitset<16384> first_words_;
    // Phrases that start with another byte (a bracket, a dash), by that byte, longest first.
    std::array<std::vector<std::size_t>, 256> by_first_byte_;
};

// True when the word just before `begin` negates what follows: "non-diabetic", "without
// diabetes", "no hypertension", "not pregnant".
bool negated_at(std::string_view text, std::size_t begin);

// Sentences of `text` as byte ranges [begin, end): each line is split on its own (a title is a
// sentence of its own) by the sentence rules of text_cues.h.
using SentenceBounds = std::vector<std::pair<std::size_t, std::size_t>>;
SentenceBounds sentence_bounds(std::string_view text);

// The sentence that holds byte `pos`; an empty range at `pos` when it lies between sentences.
std::pair<std::size_t, std::size_t> sentence_at(const SentenceBounds& bounds, std::size_t pos);

}  // namespace evidex
