#include "core/study.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

namespace evidex {

std::string Author::display() const {
    if (!collective.empty()) return collective;
    std::string out = family;
    if (!initials.empty()) {
        out += ' ';
        out += initials;
    } else if (!given.empty()) {
        out += ' ';
        out += given;
    }
    if (!suffix.empty()) {
        out += ' ';
        out += suffix;
    }
    return out;
}

std::string Study::abstract_text() const {
    std::string out;
    for (const auto& section : abstract) {
        if (section.text.empty()) continue;
        if (!out.empty()) out += '\n';
        if (!section.label.empty()) {
            out += section.label;
            out += ": ";
        }
        out += section.text;
    }
    return out;
}

std::string Study::text_with_keywords() const {
    std::string text = title;
    text += '\n';
    text += abstract_text();
    for (const auto& keyword : keywords) {
        text += '\n';
        text += keyword;
    }
    return text;
}

std::string pmid_key(std::string_view pmid) { return std::string("pmid:").append(pmid); }

std::string doi_key(std::string_view doi) { return std::string("doi:").append(doi); }

std::string Study::key() const {
    if (!pmid.empty()) return pmid_key(pmid);
    if (!doi.empty()) return doi_key(doi);
    return title_key();
}

std::string Study::title_key() const {
    std::string identity = normalise_title(title);
    identity += '\n';
    if (!authors.empty())
        identity += normalise_title(authors.front().collective.empty() ? authors.front().family : authors.front().collective);
    identity += '\n';
    if (year) identity += std::to_string(*year);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(identity)));
    return "title:" + std::string(hex);
}

namespace {

void fill(std::string& into, const std::string& from) {
    if (into.empty()) into = from;
}

template <typename T>
void fill(std::vector<T>& into, const std::vector<T>& from) {
    if (into.empty()) into = from;
}

void merge_unique(std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const auto& item : from)
        if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

}  // namespace

void merge_study(Study& into, const Study& from) {
    fill(into.pmid, from.pmid);
    fill(into.doi, from.doi);
    fill(into.pmcid, from.pmcid);
    fill(into.title, from.title);
    fill(into.abstract, from.abstract);
    fill(into.authors, from.authors);
    fill(into.journal, from.journal);
    fill(into.journal_abbrev, from.journal_abbrev);
    fill(into.volume, from.volume);
    fill(into.issue, from.issue);
    fill(into.pages, from.pages);
    if (!into.year) into.year = from.year;
    merge_unique(into.publication_types, from.publication_types);
    fill(into.mesh, from.mesh);
    merge_unique(into.keywords, from.keywords);
    fill(into.language, from.language);
    for (const auto& notice : from.notices) {
        const bool known = std::any_of(into.notices.begin(), into.notices.end(), [&](const RelatedNotice& n) {
            return n.kind == notice.kind && n.pmid == notice.pmid && n.doi == notice.doi;
        });
        if (!known) into.notices.push_back(notice);
    }
    into.retracted = into.retracted || from.retracted;
    into.is_notice = into.is_notice || from.is_notice;
    into.book = into.book || from.book;
}

}  // namespace evidex
