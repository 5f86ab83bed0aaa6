#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/terms.h"

using evidex::PhraseHit;
using evidex::PhraseMatcher;

namespace {

bool word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// The matcher's contract, byte by byte: at every place a phrase may start, the longest phrase
// that is there on word boundaries; the scan goes on after it.
std::vector<PhraseHit> reference_find_all(const std::vector<std::pair<std::string, std::size_t>>& phrases,
                                          const std::string& text) {
    const evidex::MatchText norm = evidex::match_text(text);
    const std::string& t = norm.text;
    std::vector<std::pair<std::string, std::size_t>> longest_first;
    for (const auto& [phrase, value] : phrases) {
        const auto p = evidex::normalize_term(phrase);
        if (p.empty()) continue;  // ignored, as add() ignores it
        if (std::none_of(longest_first.begin(), longest_first.end(), [&](const auto& e) { return e.first == p; }))
            longest_first.emplace_back(p, value);
    }
    std::stable_sort(longest_first.begin(), longest_first.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    std::vector<PhraseHit> hits;
    std::size_t i = 0;
    while (i < t.size()) {
        bool found = false;
        if (i == 0 || !word_byte(t[i - 1]) || !word_byte(t[i])) {
            for (const auto& [p, value] : longest_first) {
                if (t.compare(i, p.size(), p) != 0) continue;
                const std::size_t end = i + p.size();
                if (end < t.size() && word_byte(t[end]) && word_byte(t[end - 1])) continue;
                hits.push_back({norm.origin[i], norm.origin[end - 1] + 1, value});
                i = end;
                found = true;
                break;
            }
        }
        if (!found) ++i;
    }
    return hits;
}

bool same(const std::vector<PhraseHit>& a, const std::vector<PhraseHit>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const PhraseHit& x, const PhraseHit& y) {
               return x.begin == y.begin && x.end == y.end && x.value == y.value;
           });
}

}  // namespace

TEST_CASE("PhraseMatcher finds the longest phrase at each place, on word boundaries, whatever the case and hyphens") {
    PhraseMatcher m;
    m.add("restless legs", 1);
    m.add("Restless-Legs Syndrome", 2);
    m.add("legs", 3);
    m.add("(rls)", 4);
    const std::string text = "Patients with RESTLESS-legs  syndrome (RLS) and restless legs; restlesslegs, legsyndrome.";
    const auto hits = m.find_all(text);
    REQUIRE(hits.size() == 3);
    CHECK(text.substr(hits[0].begin, hits[0].end - hits[0].begin) == "RESTLESS-legs  syndrome");
    CHECK(hits[0].value == 2);
    CHECK(text.substr(hits[1].begin, hits[1].end - hits[1].begin) == "(RLS)");
    CHECK(hits[2].value == 1);

    // find_every: every occurrence, overlapping ones too.
    std::vector<std::size_t> values;
    for (const auto& hit : m.find_every(evidex::match_text(text))) values.push_back(hit.value);
    CHECK(values == std::vector<std::size_t>{2, 1, 3, 4, 1, 3});
}

TEST_CASE("PhraseMatcher gives what a byte-by-byte scan gives, over random texts") {
    const std::vector<std::string> words = {"mag", "magnesium", "oxide", "zinc", "b12", "vitamin", "d", "legs",
                                            "restless", "(", ")", "-", "1", "10", "x"};
    std::mt19937 rng(7);
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    for (int round = 0; round < 200; ++round) {
        std::vector<std::pair<std::string, std::size_t>> phrases;
        PhraseMatcher m;
        for (std::size_t k = 0, count = 1 + pick(8); k < count; ++k) {
            std::string phrase;
            for (std::size_t w = 0, n = 1 + pick(3); w < n; ++w) phrase += (w ? " " : "") + words[pick(words.size())];
            phrases.emplace_back(phrase, k);
            m.add(phrase, k);
        }
        std::string text;
        for (std::size_t w = 0, n = pick(40); w < n; ++w) {
            const char* gaps[] = {" ", "", "-", "  ", ", ", "\n"};
            text += words[pick(words.size())] + gaps[pick(6)];
        }
        CAPTURE(text);
        CHECK(same(m.find_all(text), reference_find_all(phrases, text)));
    }
}
