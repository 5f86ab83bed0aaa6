#include "query/citation_export.h"

#include <cctype>

#include "core/text.h"

namespace evidex {

namespace {

// The "design, level, n" line every format carries as a note.
std::string evidence_note(const Study& study) {
    std::string note = "Evidex: design " + std::string(to_string(study.design)) + ", evidence level " +
                       std::to_string(study.level());
    if (study.n) note += ", n=" + std::to_string(*study.n);
    if (study.retracted) note += ", retracted";
    return note;
}

// "12-19" -> {"12", "19"}; "e124" -> {"e124", ""}.
std::pair<std::string, std::string> page_range(const std::string& pages) {
    const auto dash = pages.find_first_of("-\xE2");
    if (dash == std::string::npos) return {pages, ""};
    std::string last = pages.substr(dash);
    while (!last.empty() && !std::isalnum(static_cast<unsigned char>(last.front()))) last.erase(0, 1);
    return {pages.substr(0, dash), last};
}

std::string one_line(std::string_view text) { return collapse_whitespace(text); }

// Given names, else the initials PubMed gives.
std::string given_names(const Author& a) { return a.given.empty() ? a.initials : a.given; }

std::string author_name(const Author& a) {
    if (!a.collective.empty()) return a.collective;
    const std::string given = given_names(a);
    return given.empty() ? a.family : a.family + ", " + given;
}

// BibTeX: braces and backslashes would break the entry; TeX specials are escaped.
std::string bibtex_escape(std::string_view text) {
    std::string out;
    for (const char c : one_line(text)) {
        switch (c) {
            case '{': case '}': case '\\': break;
            case '&': case '%': case '$': case '#': case '_':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

std::string bibtex_key(const Study& study) {
    if (!study.pmid.empty()) return "pmid" + study.pmid;
    // "title" and the hex digits of the title key: a study with neither id has a key of its own.
    if (study.doi.empty()) return "title" + study.title_key().substr(std::string_view("title:").size());
    std::string key = "doi";
    for (const char c : study.doi)
        if (std::isalnum(static_cast<unsigned char>(c))) key += c;
    return key;
}

std::string pubmed_url(const Study& study) {
    if (!study.doi.empty()) return "https://doi.org/" + study.doi;
    if (!study.pmid.empty()) return "https://pubmed.ncbi.nlm.nih.gov/" + study.pmid + "/";
    return {};
}

}  // namespace

std::string study_to_ris(const Study& study) {
    std::string out;
    const auto line = [&](const char* tag, std::string_view value) {
        const std::string v = one_line(value);
        if (!v.empty()) out += std::string(tag) + "  - " + v + "\r\n";
    };
    line("TY", study.book ? "BOOK" : "JOUR");
    line("TI", study.title);
    for (const auto& a : study.authors) line("AU", author_name(a));
    if (study.year) line("PY", std::to_string(*study.year));
    line("JO", study.journal);
    line("JA", study.journal_abbrev);
    line("VL", study.volume);
    line("IS", study.issue);
    const auto [first, last] = page_range(study.pages);
    line("SP", first);
    line("EP", last);
    line("DO", study.doi);
    line("AN", study.pmid);
    // Says whose accession number AN is, so that a reader (ours among them) takes it as a PMID.
    if (!study.pmid.empty()) line("DB", "PubMed");
    line("AB", study.abstract_text());
    for (const auto& heading : study.mesh) line("KW", heading.descriptor);
    line("UR", pubmed_url(study));
    line("N1", evidence_note(study));
    out += "ER  - \r\n";
    return out;
}

std::string study_to_bibtex(const Study& study) {
    std::string out = std::string(study.book ? "@book" : "@article") + "{" + bibtex_key(study);
    const auto field = [&](const char* name, std::string_view value) {
        const std::string v = bibtex_escape(value);
        if (!v.empty()) out += ",\n  " + std::string(name) + " = {" + v + "}";
    };
    field("title", study.title);
    std::string authors;
    for (const auto& a : study.authors) {
        // A group's name is braced so BibTeX does not split it into given and family names.
        const std::string name = a.collective.empty() ? bibtex_escape(author_name(a)) : "{" + bibtex_escape(a.collective) + "}";
        authors += (authors.empty() ? "" : " and ") + name;
    }
    if (!authors.empty()) out += ",\n  author = {" + authors + "}";
    field("journal", study.journal);
    if (study.year) field("year", std::to_string(*study.year));
    field("volume", study.volume);
    field("number", study.issue);
    field("pages", study.pages);
    field("doi", study.doi);
    field("pmid", study.pmid);
    field("note", evidence_note(study));
    out += "\n}\n";
    return out;
}

nlohmann::json study_to_csl(const Study& study) {
    nlohmann::json item{{"id", study.key()}, {"type", study.book ? "book" : "article-journal"}, {"title", study.title}};
    nlohmann::json authors = nlohmann::json::array();
    for (const auto& a : study.authors) {
        if (!a.collective.empty()) authors.push_back({{"literal", a.collective}});
        else if (given_names(a).empty()) authors.push_back({{"family", a.family}});
        else authors.push_back({{"family", a.family}, {"given", given_names(a)}});
    }
    item["author"] = authors;
    if (!study.journal.empty()) item["container-title"] = study.journal;
    if (!study.journal_abbrev.empty()) item["container-title-short"] = study.journal_abbrev;
    if (study.year) item["issued"] = {{"date-parts", {{*study.year}}}};
    if (!study.volume.empty()) item["volume"] = study.volume;
    if (!study.issue.empty()) item["issue"] = study.issue;
    if (!study.pages.empty()) item["page"] = study.pages;
    if (!study.doi.empty()) item["DOI"] = study.doi;
    if (!study.pmid.empty()) item["PMID"] = study.pmid;
    if (!study.pmcid.empty()) item["PMCID"] = study.pmcid;
    const std::string abstract = study.abstract_text();
    if (!abstract.empty()) item["abstract"] = abstract;
    item["note"] = evidence_note(study);
    return item;
}

std::string write_ris(const std::vector<Study>& studies) {
    std::string out;
    for (const auto& s : studies) out += study_to_ris(s) + "\r\n";
    return out;
}

std::string write_bibtex(const std::vector<Study>& studies) {
    std::string out;
    for (std::size_t i = 0; i < studies.size(); ++i) out += (i ? "\n" : "") + study_to_bibtex(studies[i]);
    return out;
}

std::string write_csl_json(const std::vector<Study>& studies) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : studies) items.push_back(study_to_csl(s));
    return items.dump(2) + "\n";
}

bool is_citation_format(std::string_view format) {
    return format == "ris" || format == "bibtex" || format == "csl-json";
}

std::optional<std::string> write_citations(const std::vector<Study>& studies, std::string_view format) {
    if (format == "ris") return write_ris(studies);
    if (format == "bibtex") return write_bibtex(studies);
    if (format == "csl-json") return write_csl_json(studies);
    return std::nullopt;
}

}  // namespace evidex
