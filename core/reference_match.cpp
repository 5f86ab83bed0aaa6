#include "core/reference_match.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "core/text.h"

namespace evidex {

namespace {

const std::set<std::string>& stop_words() {
    static const std::set<std::string> words{"a",  "an",  "and", "as",   "at",   "by",   "for", "from", "in",
                                             "is", "it",  "of",  "on",   "or",   "the",  "to",  "with", "its",
                                             "vs", "via", "be",  "are",  "was",  "were", "has", "have", "their"};
    return words;
}

// Letters and digits, lower-cased; bytes of UTF-8 letters kept as they are.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80) {
            word.push_back(static_cast<char>(std::tolower(c)));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    const std::set<std::string> sa(a.begin(), a.end());
    const std::set<std::string> sb(b.begin(), b.end());
    std::size_t common = 0;
    for (const auto& w : sa) common += sb.count(w);
    return 2.0 * static_cast<double>(common) / static_cast<double>(sa.size() + sb.size());
}

// Family names compare without case and, for non-ASCII letters, by their ASCII letters alone
// ("Bøhmer" and "Bohmer" both give "bhmer"), which is enough to tell authors apart here.
std::string name_key(std::string_view name) {
    std::string key;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalpha(c)) key.push_back(static_cast<char>(std::tolower(c)));
    }
    return key;
}

// "Physiol Rev" matches "Physiological reviews": every word of the shorter form is a prefix
// of the word at the same place in the longer one.
bool journal_matches(std::string_view page_journal, const Study& study) {
    const auto a = words_of(page_journal);
    if (a.empty()) return false;
    for (const std::string& name : {study.journal, study.journal_abbrev}) {
        const auto b = words_of(name);
        if (b.empty()) continue;
        std::vector<std::string> x, y;
        for (const auto& w : a) if (!stop_words().count(w)) x.push_back(w);
        for (const auto& w : b) if (!stop_words().count(w)) y.push_back(w);
        if (x.empty() || y.empty() || x.size() != y.size()) continue;
        bool all = true;
        for (std::size_t i = 0; i < x.size() && all; ++i) {
            const auto& s = x[i].size() <= y[i].size() ? x[i] : y[i];
            const auto& l = x[i].size() <= y[i].size() ? y[i] : x[i];
            all = l.compare(0, s.size(), s) == 0;
        }
        if (all) return true;
    }
    return false;
}

bool first_author_matches(const std::vector<std::string>& authors, const Study& study) {
    if (authors.empty() || study.authors.empty()) return false;
    const auto& first = study.authors.front();
    const std::string theirs = name_key(first.collective.empty() ? first.family : first.collective);
    return !theirs.empty() && theirs == name_key(authors.front());
}

}  // namespace

std::vector<std::string> title_words(std::string_view title) {
    std::vector<std::string> out;
    for (auto& w : words_of(title))
        if (!stop_words().count(w)) out.push_back(std::move(w));
    return out;
}

namespace {

// Share of the page's title words found in the record's title: a page that cuts a title short
// ("Magnesium therapy for periodic leg movements") still names the paper.
double containment(const std::vector<std::string>& page, const std::vector<std::string>& record) {
    const std::set<std::string> a(page.begin(), page.end());
    const std::set<std::string> b(record.begin(), record.end());
    if (a.size() < 4) return 0;  // too few words to say anything
    std::size_t found = 0;
    for (const auto& w : a) found += b.count(w);
    return static_cast<double>(found) / static_cast<double>(a.size());
}

// A person's family name: one to three words. Organisations ("National Center for
// Biotechnology Information") name a publisher or a website, not the paper's author.
bool looks_like_person(const std::string& name) { return !name.empty() && words_of(name).size() <= 3; }

}  // namespace

MatchScore score_reference_match(const ReferenceEntry& entry, const Study& study) {
    MatchScore s;
    const auto theirs = title_words(study.title);
    if (!entry.title.empty()) {
        const auto ours = title_words(entry.title);
        s.title = std::max(dice(ours, theirs), 0.9 * containment(ours, theirs));
    } else if (!theirs.empty()) {
        // A damaged entry may have no parsed title: its raw text still carries the title's words.
        const auto raw = title_words(entry.raw);
        const std::set<std::string> raw_set(raw.begin(), raw.end());
        const std::set<std::string> title_set(theirs.begin(), theirs.end());
        std::size_t found = 0;
        for (const auto& w : title_set) found += raw_set.count(w);
        s.title = static_cast<double>(found) / static_cast<double>(title_set.size());
    }
    s.author = first_author_matches(entry.authors, study);
    s.year = entry.year && study.year && *entry.year == *study.year;
    s.journal = journal_matches(entry.journal, study);
    // Weighted over what the entry states: a title-only entry is judged by its title alone.
    const bool has_author = !entry.authors.empty() && looks_like_person(entry.authors.front());
    const double weight = 0.6 + (has_author ? 0.2 : 0) + (entry.year ? 0.1 : 0) + (entry.journal.empty() ? 0 : 0.1);
    s.total = (0.6 * s.title + (s.author ? 0.2 : 0) + (s.year ? 0.1 : 0) + (s.journal ? 0.1 : 0)) / weight;
    return s;
}

MatchScore score_allusion_match(const Allusion& allusion, const Study& study) {
    MatchScore s;
    s.journal = journal_matches(allusion.journal, study);
    s.year = allusion.year && study.year && *allusion.year == *study.year;
    // A number the page gives: participants, or the studies a review pooled. Pages misquote
    // ("32,198" for 32,918), so a near number counts for less than an exact one.
    double number = 0;
    const auto compare = [&number](const std::optional<int>& page, const std::optional<int>& record) {
        if (!page || !record || *record <= 0) return;
        if (*page == *record) number = std::max(number, 1.0);
        else if (std::abs(*page - *record) <= 0.05 * *record) number = std::max(number, 0.6);
    };
    compare(allusion.n, study.n);
    compare(allusion.n_studies, study.n_studies);
    // Design words: "meta-analysis" and "review" must agree with the study's design.
    bool design = false;
    const std::string words = ascii_lower(allusion.design_words);
    if (words.find("meta") != std::string::npos) design = study.design == Design::meta_analysis;
    else if (words.find("review") != std::string::npos)
        design = study.design == Design::systematic_review || study.design == Design::narrative_review ||
                 study.design == Design::meta_analysis;
    else if (words.find("case") != std::string::npos)
        design = study.design == Design::case_report || study.design == Design::case_series;
    else design = level_of(study.design) <= 4 && study.design != Design::other;
    // Topic: the share of the study's title words that the sentence uses.
    const auto theirs = title_words(study.title);
    const auto sentence = title_words(allusion.text);
    const std::set<std::string> said(sentence.begin(), sentence.end());
    std::size_t shared = 0;
    for (const auto& w : std::set<std::string>(theirs.begin(), theirs.end())) shared += said.count(w);
    s.title = theirs.empty() ? 0 : static_cast<double>(shared) / static_cast<double>(std::set<std::string>(theirs.begin(), theirs.end()).size());
    s.total = std::min(1.0, (s.journal ? 0.35 : 0) + (s.year ? 0.15 : 0) + (design ? 0.1 : 0) + 0.3 * number + 0.3 * s.title);
    return s;
}

const Candidate* pick_clear_winner(const std::vector<Candidate>& candidates, double threshold, double margin) {
    const Candidate* best = nullptr;
    const Candidate* second = nullptr;
    for (const auto& c : candidates) {
        if (best && c.study.key() == best->study.key()) continue;
        if (!best || c.score.total > best->score.total) {
            if (best && (!second || best->score.total > second->score.total)) second = best;
            best = &c;
        } else if (!second || c.score.total > second->score.total) {
            second = &c;
        }
    }
    if (!best || best->score.total < threshold) return nullptr;
    if (second && second->study.key() != best->study.key() && best->score.total - second->score.total < margin) return nullptr;
    return best;
}

}  // namespace evidex
