#include "core/crossref_bibtex.h"

#include <array>
#include <cctype>
#include <utility>

#include "core/crossref_latex.h"
#include "core/crossref_work.h"
#include "core/ids.h"
#include "core/text.h"

namespace evidex {

namespace {


// Splits `s` where `is_separator(s, i)` says a separator of `width` bytes starts at i, outside
// braces only.
template <typename IsSeparator>
std::vector<std::string_view> split_outside_braces(std::string_view s, std::size_t width, IsSeparator is_separator) {
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{') ++depth;
        else if (s[i] == '}' && depth > 0) --depth;
        else if (depth == 0 && is_separator(s, i)) {
            parts.push_back(trim(s.substr(start, i - start)));
            start = i + width;
            i += width - 1;
        }
    }
    parts.push_back(trim(s.substr(start)));
    return parts;
}

// " and " with any white space around it, any letter case.
std::vector<std::string_view> split_names(std::string_view names) {
    return split_outside_braces(names, 5, [](std::string_view s, std::size_t i) {
        return i + 5 <= s.size() && is_space(s[i]) && ascii_lower(s.substr(i + 1, 3)) == "and" && is_space(s[i + 4]);
    });
}

std::vector<std::string_view> split_commas(std::string_view name) {
    return split_outside_braces(name, 1, [](std::string_view s, std::size_t i) { return s[i] == ','; });
}

std::vector<std::string_view> split_words(std::string_view name) {
    std::vector<std::string_view> words;
    for (const auto word : split_outside_braces(name, 1, [](std::string_view s, std::size_t i) { return is_space(s[i]); }))
        if (!word.empty()) words.push_back(word);
    return words;
}

// "{World Health Organization}": the whole name is one group.
bool is_braced_group(std::string_view name) {
    if (name.size() < 2 || name.front() != '{' || name.back() != '}') return false;
    int depth = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '{') ++depth;
        else if (name[i] == '}' && --depth == 0) return i + 1 == name.size();
    }
    return false;
}

std::string join_words(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
    std::string joined;
    for (std::size_t i = from; i < to; ++i) {
        if (!joined.empty()) joined += ' ';
        joined += words[i];
    }
    return joined;
}

Author read_name(std::string_view name) {
    Author author;
    if (is_braced_group(name)) {
        author.collective = latex_to_text(name.substr(1, name.size() - 2));
        return author;
    }
    const auto parts = split_commas(name);
    if (parts.size() >= 2) {
        author.family = latex_to_text(parts.front());
        author.given = latex_to_text(parts.back());
        if (parts.size() >= 3) author.suffix = latex_to_text(parts[1]);
        return author;
    }
    // "First von Last": the family name starts at the first lower-case word ("van", "de") before
    // the last word, or is the last word.
    const auto words = split_words(name);
    if (words.empty()) return author;
    std::size_t family_start = words.size() - 1;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (std::islower(static_cast<unsigned char>(words[i].front()))) {
            family_start = i;
            break;
        }
    }
    author.given = latex_to_text(join_words(words, 0, family_start));
    author.family = latex_to_text(join_words(words, family_start, words.size()));
    return author;
}

std::string publication_type(const std::string& entry_type) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> crossref_names{{
        {"article", "journal-article"},
        {"inproceedings", "proceedings-article"},
        {"conference", "proceedings-article"},
        {"inbook", "book-chapter"},
        {"incollection", "book-chapter"},
        {"book", "book"},
        {"phdthesis", "dissertation"},
        {"mastersthesis", "dissertation"},
        {"thesis", "dissertation"},
        {"techreport", "report"},
        {"report", "report"},
    }};
    for (const auto& [bibtex, crossref] : crossref_names)
        if (entry_type == bibtex) return std::string(crossref);
    return entry_type;  // misc, online, unpublished, ...: as written
}

// "569--588", "635–641" (a raw en dash, as doi.org sends it) -> "569-588", as Crossref writes pages.
std::string plain_pages(std::string_view raw) {
    std::string pages = latex_to_identifier(raw);
    for (std::string_view dash : {"--", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        for (auto at = pages.find(dash); at != std::string::npos; at = pages.find(dash, at + 1))
            pages.replace(at, dash.size(), "-");
    }
    return pages;
}

std::vector<std::string> read_keywords(const std::string& raw) {
    std::vector<std::string> keywords;
    for (const auto part : split(raw, ','))
        for (const auto piece : split(part, ';'))
            if (std::string keyword = latex_to_text(piece); !keyword.empty()) keywords.push_back(std::move(keyword));
    return keywords;
}

}  // namespace

std::string BibEntry::field(std::string_view name) const {
    for (const auto& f : fields)
        if (f.name == name) return f.value;
    return {};
}

std::vector<Author> read_bibtex_authors(std::string_view names) {
    std::vector<Author> authors;
    if (trim(names).empty()) return authors;
    for (const auto name : split_names(names)) {
        if (name.empty() || ascii_lower(name) == "others") continue;
        Author author = read_name(name);
        if (!author.family.empty() || !author.collective.empty()) authors.push_back(std::move(author));
    }
    return authors;
}

std::optional<Study> build_bibtex_study(const BibEntry& entry, std::string& problem) {
    Study study;
    study.source = Source::doi;
    study.title = latex_to_text(entry.field("title"));
    if (study.title.empty()) {
        problem = "no title";
        return std::nullopt;
    }
    if (const std::string doi_text = latex_to_identifier(entry.field("doi")); !doi_text.empty()) {
        const auto doi = normalize_doi(doi_text);
        if (!doi) {
            problem = "invalid DOI \"" + doi_text + "\"";
            return std::nullopt;
        }
        study.doi = *doi;
    }
    const std::string pmid = latex_to_identifier(entry.field("pmid"));
    if (!read_pubmed_ids(pmid, latex_to_identifier(entry.field("pmcid")), study, problem)) return std::nullopt;
    study.authors = read_bibtex_authors(entry.field("author"));
    for (std::string_view container : {"journal", "journaltitle", "booktitle"}) {
        study.journal = latex_to_text(entry.field(container));
        if (!study.journal.empty()) break;
    }
    std::string year_text = entry.field("year");
    if (trim(year_text).empty()) year_text = entry.field("date");  // biblatex
    if (const int year = first_year_in(year_text); year != 0) study.year = year;
    study.volume = latex_to_identifier(entry.field("volume"));
    study.issue = latex_to_identifier(entry.field("number"));
    if (study.issue.empty()) study.issue = latex_to_identifier(entry.field("issue"));
    study.pages = plain_pages(entry.field("pages"));
    if (std::string abstract = latex_to_text(entry.field("abstract")); !abstract.empty())
        study.abstract.push_back(AbstractSection{"", "", std::move(abstract)});
    study.keywords = read_keywords(entry.field("keywords"));
    study.language = latex_to_text(entry.field("language"));
    study.publication_types.push_back(publication_type(entry.type));
    study.book = entry.type == "book" || entry.type == "inbook" || entry.type == "incollection" ||
                 !trim(entry.field("isbn")).empty();
    return study;
}

}  // namespace evidex
