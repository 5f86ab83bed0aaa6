// Phrase cues over prose: the small pattern language of schemas/design-cues.tsv and
// schemas/direction-cues.tsv, matched word by word inside one sentence, with the negation and
// hedge context that decides whether a match counts.
//
// Text is read as words: runs of ASCII letters and digits, lower-cased; a '.' or ',' between two
// digits stays inside the number ("2,028", "0.05"). Everything else (spaces, hyphens, commas,
// brackets, UTF-8 punctuation) only separates words, so "double-blind", "double blind" and
// "Double-Blind" read alike.
//
// Pattern language (one pattern per TSV row, words separated by spaces):
//   word          the word itself: "placebo"
//   word*         any word starting so: "hypothesi*" (hypothesis, hypothesise, ...)
//   a/b*/c        any of these (each a single word, each may end in '*'): "randomized/randomised"
//   #             any number written in digits: "# year old"
//   ...           up to five words of any kind, within the same sentence
//   ^             (first token only) the match must start at the first word of the sentence
// A hyphenated pattern word is split like text: "placebo-controlled" = "placebo controlled".
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace evidex {

struct CueWord {
    std::string text;         // lower-cased
    bool after_break = false; // a comma, colon, bracket or dash lies between this word and the one before
};

struct CueSentence {
    std::string_view text;  // the sentence as written (a view into the caller's text)
    std::vector<CueWord> words;
};

// Sentences end at '.', '!', '?' or ';' followed by white space or the end, except after a
// common abbreviation ("vs.", "e.g.", "et al.") or when a lower-case word follows.
std::vector<CueSentence> split_cue_sentences(std::string_view text);
// The same sentences, as written (trimmed), without reading their words.
void for_each_sentence(std::string_view text, const std::function<void(std::string_view)>& visit);

struct CuePattern {
    enum class Kind { word, number, gap };
    struct Element {
        Kind kind = Kind::word;
        std::vector<std::string> alternatives;  // for `word`: each a word, or a prefix ending in '*'
    };
    std::vector<Element> elements;
    bool at_start = false;
    std::string source;  // as written in the TSV
};

// Nullopt and a message in `error` when the pattern is empty or malformed.
std::optional<CuePattern> parse_cue_pattern(std::string_view text, std::string& error);

struct CueSpan {
    std::size_t first = 0;  // index of the first matched word
    std::size_t last = 0;   // index one past the last matched word
};

// The first match starting at word `from` or later, if any.
std::optional<CueSpan> find_cue(const CueSentence& sentence, const CuePattern& pattern, std::size_t from = 0);

// The match starting exactly at word `start`, if any.
std::optional<CueSpan> match_cue_at(const CueSentence& sentence, const CuePattern& pattern, std::size_t start);

// Where each word of a list of sentences stands, so that a pattern is tried only where its first
// word is: a record has a few hundred words and a rule table a hundred patterns.
class CueIndex {
public:
    struct Position {
        std::size_t sentence = 0;
        std::size_t word = 0;
        bool operator<(const Position& o) const { return sentence != o.sentence ? sentence < o.sentence : word < o.word; }
    };

    explicit CueIndex(const std::vector<CueSentence>& sentences);

    // The positions where the pattern's first element matches, in text order.
    [[nodiscard]] std::vector<Position> starts(const CuePattern& pattern) const;

private:
    struct Entry {
        std::uint64_t head = 0;  // the word's first 8 bytes, big-endian, zero-padded: see head_of
        std::string_view word;   // a view into the sentences' words, which must outlive the index
        Position position;
    };
    // Words order as their heads do unless the heads are equal, so sorting and searching
    // compare integers and read the bytes only for words that share their first eight.
    static std::uint64_t head_of(std::string_view word);
    static bool before(const Entry& e, std::uint64_t head, std::string_view word);
    // A bit for the first two bytes of a word (hashed to 12 bits; the second is 0 in a word of
    // one byte), set for every word of the text: most of a rule table's first words are not in
    // a given record, and the bit tells so without a search.
    static std::size_t lead_bit(std::string_view word);
    [[nodiscard]] bool may_hold(std::string_view key, bool prefix) const;
    std::vector<Entry> entries_;  // sorted by word, then position
    std::vector<Position> numbers_;
    std::bitset<4096> leads_;
};

// Text read as one sentence, whatever its punctuation: a name (a journal title, a MeSH
// descriptor), or one sentence that for_each_sentence found.
CueSentence read_as_one_sentence(std::string_view name);

// What makes a match not count: a negation word shortly before it ("no placebo", "did not
// improve") unless a scope break comes first ("no difference between ... and placebo"); and
// hedge phrases that make a whole sentence about future work ("trials are needed").
struct CueContext {
    std::set<std::string> negations;
    std::set<std::string> scope_breaks;
    std::vector<CuePattern> hedges;
};

// How far back a negation word reaches, in words.
inline constexpr std::size_t negation_reach = 5;

bool is_negated(const CueSentence& sentence, std::size_t first_word, const CueContext& context);
bool is_hedged(const CueSentence& sentence, const CueContext& context);

// Whether the pattern starts with a negation word ("no control group"): such a match carries its
// own negation and is never negated.
bool is_self_negating(const CuePattern& pattern, const CueContext& context);

// The first match of `pattern` in `sentence` that is not negated. A pattern that starts with a
// negation word ("no control group") is never negated.
std::optional<CueSpan> find_affirmed_cue(const CueSentence& sentence, const CuePattern& pattern,
                                         const CueContext& context);

// The first unnegated match, in text order, within sentences [begin, end) that `skip` does not
// exclude (skip[i] true: sentence i does not count).
struct CueHitAt {
    std::size_t sentence = 0;
    CueSpan span;
};
std::optional<CueHitAt> find_affirmed_cue(const std::vector<CueSentence>& sentences, const CueIndex& index,
                                          const CuePattern& pattern, const CueContext& context,
                                          const std::vector<bool>& skip, std::size_t begin, std::size_t end);

// For each sentence, whether a hedge of `context` matches in it.
std::vector<bool> find_hedged(const std::vector<CueSentence>& sentences, const CueIndex& index,
                              const CueContext& context);

// Adds a context row ("negation", "scope-break", "hedge") to `context`. Returns false and sets
// `error` when the kind is none of these or the pattern is bad; negation and scope-break
// patterns must be single plain words.
bool add_context_row(CueContext& context, std::string_view kind, std::string_view pattern, std::string& error);
bool is_context_kind(std::string_view kind);

}  // namespace evidex
