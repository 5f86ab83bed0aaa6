#include "core/terms.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "core/text_cues.h"

namespace evidex {

namespace {

// Letters, digits and every byte of a multi-byte UTF-8 character count as word characters.
bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool is_separator(char c) { return c == '-' || c == '_' || is_space(c); }

}  // namespace

MatchText match_text(std::string_view s) {
    MatchText out;
    out.text.reserve(s.size());
    out.origin.reserve(s.size());
    bool pending_space = false;
    std::size_t space_origin = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_separator(c)) {
            if (!pending_space) space_origin = i;
            pending_space = !out.text.empty();
            continue;
        }
        if (pending_space) {
            out.text.push_back(' ');
            out.origin.push_back(space_origin);
            pending_space = false;
        }
        const auto u = static_cast<unsigned char>(c);
        out.text.push_back(u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c);
        out.origin.push_back(i);
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

void PhraseMatcher::add(std::string_view phrase, std::size_t value) {
    std::string norm = normalize_term(phrase);
    if (norm.empty()) return;
    auto& bucket = by_first_[static_cast<unsigned char>(norm.front())];
    for (const auto index : bucket)
        if (phrases_[index].text == norm) return;
    phrases_.push_back({std::move(norm), value});
    bucket.push_back(phrases_.size() - 1);
    std::stable_sort(bucket.begin(), bucket.end(), [&](std::size_t a, std::size_t b) {
        return phrases_[a].text.size() > phrases_[b].text.size();
    });
}

std::vector<PhraseHit> PhraseMatcher::find_all(std::string_view text) const { return find_all(match_text(text)); }

std::vector<PhraseHit> PhraseMatcher::find_all(const MatchText& norm) const {
    std::vector<PhraseHit> hits;
    const std::string& t = norm.text;
    std::size_t i = 0;
    while (i < t.size()) {
        const bool at_start = i == 0 || !is_word_byte(t[i - 1]) || !is_word_byte(t[i]);
        bool found = false;
        if (at_start) {
            for (const auto index : by_first_[static_cast<unsigned char>(t[i])]) {
                const std::string& p = phrases_[index].text;
                if (t.compare(i, p.size(), p) != 0) continue;
                const std::size_t end = i + p.size();
                if (end < t.size() && is_word_byte(t[end]) && is_word_byte(t[end - 1])) continue;
                const std::size_t original_end = norm.origin[end - 1] + 1;
                hits.push_back({norm.origin[i], original_end, phrases_[index].value});
                i = end;
                found = true;
                break;
            }
        }
        if (!found) ++i;
    }
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
        for (const auto& sentence : split_cue_sentences(line)) {
            const auto begin = line_start + static_cast<std::size_t>(sentence.text.data() - line.data());
            bounds.emplace_back(begin, begin + sentence.text.size());
        }
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
