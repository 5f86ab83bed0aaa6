#include "core/terms.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "core/text_cues.h"

namespace evidex {

namespace {

bool is_separator(char c) { return c == '-' || c == '_' || is_space(c); }

}  // namespace

MatchText match_text(std::string_view s) {
    // Written through pointers into buffers of the largest size, then cut to length: every
    // classifier normalises the whole title and abstract, and push_back per byte cost more
    // than the normalising itself.
    MatchText out;
    out.text.resize(s.size());
    out.origin.resize(s.size());
    char* text = out.text.data();
    std::size_t* origin = out.origin.data();
    std::size_t n = 0;
    bool pending_space = false;
    std::size_t space_origin = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_separator(c)) {
            if (!pending_space) space_origin = i;
            pending_space = n > 0;
            continue;
        }
        if (pending_space) {
            text[n] = ' ';
            origin[n++] = space_origin;
            pending_space = false;
        }
        const auto u = static_cast<unsigned char>(c);
        text[n] = u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c;
        origin[n++] = i;
    }
    out.text.resize(n);
    out.origin.resize(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t end = i;
        while (end < n && is_alnum_or_utf8(text[end])) ++end;
        out.stops.push_back({i, end - i});
        i = std::max(end, i + 1);
    }
    return out;
}

std::string normalize_term(std::string_view s) { return match_text(s).text; }

bool is_kebab_id(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    char previous = 0;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) return false;
        previous = c;
    }
    return true;
}

std::vector<std::string> split_terms(std::string_view cell) {
    std::vector<std::string> terms;
    if (trim(cell).empty()) return terms;
    for (const auto part : split(cell, '|')) terms.emplace_back(trim(part));
    return terms;
}

namespace {
// The leading run of word bytes of `s` from `at`.
std::string_view word_at(std::string_view s, std::size_t at) {
    std::size_t end = at;
    while (end < s.size() && is_alnum_or_utf8(s[end])) ++end;
    return s.substr(at, end - at);
}
}  // namespace

void PhraseMatcher::add(std::string_view phrase, std::size_t value) {
    std::string norm = normalize_term(phrase);
    if (norm.empty()) return;
    const std::string_view first_word = word_at(norm, 0);
    if (!first_word.empty()) first_words_.set(word_bit(first_word));
    auto& bucket = first_word.empty() ? by_first_byte_[static_cast<unsigned char>(norm.front())]
                                      : by_first_word_[std::string(first_word)];
    for (const auto index : bucket)
        if (phrases_[index].text == norm) return;
    phrases_.push_back({std::move(norm), value});
    bucket.push_back(phrases_.size() - 1);
    std::stable_sort(bucket.begin(), bucket.end(), [&](std::size_t a, std::size_t b) {
        return phrases_[a].text.size() > phrases_[b].text.size();
    });
}

std::vector<PhraseHit> PhraseMatcher::find_all(std::string_view text) const { return find_all(match_text(text)); }

std::size_t PhraseMatcher::word_bit(std::string_view word) {
    const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(word[i])); };
    const std::size_t second = word.size() > 1 ? byte(1) : 0;
    return (word.size() * 0x9E5 + byte(0) * 0x3B + second * 0x7 + byte(word.size() - 1)) & 16383;
}

const std::vector<std::size_t>& PhraseMatcher::candidates(std::string_view t, std::size_t i, std::string_view word) const {
    static const std::vector<std::size_t> none;
    if (word.empty()) return by_first_byte_[static_cast<unsigned char>(t[i])];
    if (!first_words_.test(word_bit(word))) return none;
    const auto found = by_first_word_.find(word);
    return found == by_first_word_.end() ? none : found->second;
}

std::optional<PhraseHit> PhraseMatcher::hit_at(const MatchText& norm, std::size_t i, std::size_t index) const {
    const std::string& t = norm.text;
    const std::string& p = phrases_[index].text;
    if (t.compare(i, p.size(), p) != 0) return std::nullopt;
    const std::size_t end = i + p.size();
    if (end < t.size() && is_alnum_or_utf8(t[end]) && is_alnum_or_utf8(t[end - 1])) return std::nullopt;
    return PhraseHit{norm.origin[i], norm.origin[end - 1] + 1, phrases_[index].value};
}

// Both scans visit the places a phrase can start (MatchText::stops): every word's first byte
// and every other byte. A phrase starting at a word has that word as its first word, whole: the
// phrase either goes on with a byte that is not a letter or digit, which the text must have too,
// or ends there, where the text's word must end as well. A phrase found ends where a stop begins
// (hit_at checks it), so the scan goes on from the first stop after it.
std::vector<PhraseHit> PhraseMatcher::find_all(const MatchText& norm) const {
    std::vector<PhraseHit> hits;
    const std::string& t = norm.text;
    std::size_t next = 0;
    for (const auto& stop : norm.stops) {
        if (stop.at < next) continue;
        for (const auto index : candidates(t, stop.at, std::string_view(t).substr(stop.at, stop.length))) {
            if (const auto hit = hit_at(norm, stop.at, index)) {
                hits.push_back(*hit);
                next = stop.at + phrases_[index].text.size();  // longest first: the scan goes on after it
                break;
            }
        }
    }
    return hits;
}

std::vector<PhraseHit> PhraseMatcher::find_every(const MatchText& norm) const {
    std::vector<PhraseHit> hits;
    const std::string& t = norm.text;
    for (const auto& stop : norm.stops)
        for (const auto index : candidates(t, stop.at, std::string_view(t).substr(stop.at, stop.length)))
            if (const auto hit = hit_at(norm, stop.at, index)) hits.push_back(*hit);
    return hits;
}

bool negated_at(std::string_view text, std::size_t begin) {
    std::size_t end = std::min(begin, text.size());
    while (end > 0 && is_separator(text[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
    const std::string word = ascii_lower(text.substr(start, end - start));
    return word == "non" || word == "not" || word == "no" || word == "without";
}

SentenceBounds sentence_bounds(std::string_view text) {
    SentenceBounds bounds;
    std::size_t line_start = 0;
    for (const auto line : split(text, '\n')) {
        for_each_sentence(line, [&](std::string_view sentence) {
            const auto begin = line_start + static_cast<std::size_t>(sentence.data() - line.data());
            bounds.emplace_back(begin, begin + sentence.size());
        });
        line_start += line.size() + 1;
    }
    return bounds;
}

std::pair<std::size_t, std::size_t> sentence_at(const SentenceBounds& bounds, std::size_t pos) {
    for (const auto& b : bounds)
        if (pos >= b.first && pos < b.second) return b;
    return {pos, pos};
}

}  // namespace evidex
