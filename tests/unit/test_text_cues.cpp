// The cue pattern language of core/text_cues.h that design-cues.tsv and direction-cues.tsv use.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/text_cues.h"

namespace {

evidex::CuePattern pattern(const char* text) {
    std::string error;
    auto p = evidex::parse_cue_pattern(text, error);
    REQUIRE_MESSAGE(p.has_value(), error);
    return *p;
}

bool matches(const char* pattern_text, const char* sentence_text) {
    const auto sentences = evidex::split_cue_sentences(sentence_text);
    const auto p = pattern(pattern_text);
    for (const auto& s : sentences)
        if (evidex::find_cue(s, p)) return true;
    return false;
}

}  // namespace

TEST_CASE("text cue sentences: split at sentence ends, not at abbreviations or decimals") {
    const auto sentences = evidex::split_cue_sentences(
        "Magnesium vs. placebo (e.g. 300 mg) was given to 2,028 adults; p = 0.04. Smith J. et al. agreed. Done!");
    std::vector<std::string> texts;
    for (const auto& s : sentences) texts.emplace_back(s.text);
    CHECK(texts == std::vector<std::string>{"Magnesium vs. placebo (e.g. 300 mg) was given to 2,028 adults;",
                                            "p = 0.04.", "Smith J. et al. agreed.", "Done!"});
    // Numbers keep their separators; hyphens and case do not matter; contractions stay whole.
    const auto words = evidex::split_cue_sentences("Double-Blind 2,028 didn't dog's")[0].words;
    std::vector<std::string> w;
    for (const auto& word : words) w.push_back(word.text);
    CHECK(w == std::vector<std::string>{"double", "blind", "2,028", "didnt", "dog", "s"});
}

TEST_CASE("text cue patterns: words, alternatives, prefixes, numbers, gaps and anchors") {
    struct Row {
        const char* pattern;
        const char* text;
        bool match;
    };
    const Row rows[] = {
        {"double-blind", "a double blind trial", true},
        {"double blind", "A DOUBLE-BLIND TRIAL", true},
        {"randomized/randomised", "patients were randomised", true},
        {"improv*", "sleep improvement", true},
        {"improv*", "disproved", false},                       // whole words only
        {"# year old woman", "A 45-year-old woman", true},
        {"# year old woman", "A forty-year-old woman", false},  // '#' is digits only
        {"randomized ... trial", "a randomized, double-blind, placebo-controlled trial", true},
        {"randomized ... trial", "randomized to one of two diets for the whole of the trial", false},  // > 5 words
        {"^ retraction", "Retraction: A trial of magnesium", true},
        {"^ retraction", "Notice of retraction", false},
        {"placebo", "Magnesium was better. Placebo was not.", true},
        {"better placebo", "Magnesium was better. Placebo was not.", false},  // never across sentences
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.pattern));
        CAPTURE(std::string(row.text));
        CHECK(matches(row.pattern, row.text) == row.match);
    }
}

TEST_CASE("text cue patterns: malformed patterns are refused with a message") {
    for (const char* bad : {"", "...", "... placebo", "placebo ...", "trial ^", "cross-over/crossover"}) {
        CAPTURE(std::string(bad));
        std::string error;
        CHECK_FALSE(evidex::parse_cue_pattern(bad, error).has_value());
        CHECK(!error.empty());
    }
}

TEST_CASE("text cue context: negations reach five words back until a scope break; hedges skip sentences") {
    evidex::CueContext context;
    std::string error;
    for (const char* word : {"no", "not", "non"}) REQUIRE(evidex::add_context_row(context, "negation", word, error));
    REQUIRE(evidex::add_context_row(context, "scope-break", "between", error));
    REQUIRE(evidex::add_context_row(context, "hedge", "needed", error));
    const auto placebo = pattern("placebo");
    auto affirmed = [&](const char* text) {
        return evidex::find_affirmed_cue(evidex::split_cue_sentences(text)[0], placebo, context).has_value();
    };
    CHECK_FALSE(affirmed("There was no placebo."));
    CHECK_FALSE(affirmed("The trial was not placebo-controlled."));
    CHECK(affirmed("There was no difference between magnesium and placebo."));  // scope break
    CHECK(affirmed("No adverse events occurred, and placebo was well tolerated."));  // a comma ends the scope
    CHECK(affirmed("There was no placebo run-in, but a placebo arm."));  // the second mention counts
    // A pattern that starts with a negation word carries it and is never negated.
    const auto no_control = pattern("no control group");
    CHECK(evidex::find_affirmed_cue(evidex::split_cue_sentences("There was no placebo and no control group.")[0],
                                    no_control, context));
    CHECK(evidex::is_hedged(evidex::split_cue_sentences("Placebo-controlled trials are needed.")[0], context));
    CHECK_FALSE(evidex::add_context_row(context, "negation", "not at all", error));
    CHECK_FALSE(evidex::add_context_row(context, "emphasis", "very", error));
}

TEST_CASE("CueIndex::starts gives every place a pattern's first word matches, as a scan of the words does") {
    const std::vector<std::string> words = {"a", "ab", "abc", "abd", "b", "ba", "blind", "blinded", "double",
                                            "placebo", "pl", "12", "1", "x"};
    const std::vector<std::string> firsts = {"a", "ab", "ab*", "a*", "b*", "bl*", "blind", "blind/double",
                                             "pla*/x", "#", "z", "zz*", "1", "12*"};
    std::mt19937 rng(11);
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    for (int round = 0; round < 200; ++round) {
        std::string text;
        for (std::size_t s = 0, n = 1 + pick(4); s < n; ++s) {
            for (std::size_t w = 0, m = 1 + pick(12); w < m; ++w) text += words[pick(words.size())] + " ";
            text += ". ";
        }
        CAPTURE(text);
        const auto sentences = evidex::split_cue_sentences(text);
        const evidex::CueIndex index(sentences);
        for (const auto& first : firsts) {
            const auto p = pattern(first.c_str());
            CAPTURE(first);
            std::vector<evidex::CueIndex::Position> expected;
            for (std::size_t s = 0; s < sentences.size(); ++s)
                for (std::size_t w = 0; w < sentences[s].words.size(); ++w)
                    if (evidex::match_cue_at(sentences[s], p, w)) expected.push_back({s, w});
            const auto found = index.starts(p);
            REQUIRE(found.size() == expected.size());
            for (std::size_t k = 0; k < found.size(); ++k) {
                CHECK(found[k].sentence == expected[k].sentence);
                CHECK(found[k].word == expected[k].word);
            }
        }
    }
}
