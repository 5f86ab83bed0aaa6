#include "core/crossref_work.h"

#include <array>
#include <utility>

#include "core/crossref_markup.h"
#include "core/crossref_parser.h"
#include "core/ids.h"
#include "core/text.h"

namespace evidex {

namespace {

const WorkJson* member(const WorkJson& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(std::string(key));
    return it == object.end() ? nullptr : &*it;
}

std::optional<int> plausible_year(long long value) {
    if (value < 1000 || value > 2999) return std::nullopt;
    return static_cast<int>(value);
}

// {"date-parts": [[2012, 3, 21]]}, [["2012"]], [[null]] (no date), or CSL {"literal": "Spring 2001"},
// {"raw": "2001-03"}; a bare string is read for its first year as well.
std::optional<int> year_in_date(const WorkJson& date) {
    if (date.is_string()) return plausible_year(first_year_in(date.get_ref<const std::string&>()));
    if (const WorkJson* parts = member(date, "date-parts"); parts && parts->is_array() && !parts->empty()) {
        const WorkJson& first = parts->front();
        if (first.is_array() && !first.empty()) {
            const WorkJson& year = first.front();
            if (year.is_number_integer()) {
                if (auto value = plausible_year(year.get<long long>())) return value;
            } else if (year.is_string()) {
                if (auto value = plausible_year(first_year_in(year.get_ref<const std::string&>()))) return value;
            }
        }
    }
    for (std::string_view key : {"literal", "raw"}) {
        if (const WorkJson* text = member(date, key); text && text->is_string())
            if (auto value = plausible_year(first_year_in(text->get_ref<const std::string&>()))) return value;
    }
    return std::nullopt;
}

// Crossref prefers the print date, as PubMed does; CSL's own date is "issued".
std::optional<int> read_year(const WorkJson& item, WorkDialect dialect) {
    static constexpr std::array<std::string_view, 5> crossref_order{"published-print", "published-online",
                                                                    "published", "issued", "created"};
    static constexpr std::array<std::string_view, 5> csl_order{"issued", "published-print", "published-online",
                                                               "published", "created"};
    for (std::string_view key : dialect == WorkDialect::crossref ? crossref_order : csl_order) {
        if (const WorkJson* date = member(item, key))
            if (auto year = year_in_date(*date)) return year;
    }
    return std::nullopt;
}

std::vector<Author> read_authors(const WorkJson& item) {
    std::vector<Author> authors;
    const WorkJson* list = member(item, "author");
    if (!list || !list->is_array()) return authors;
    for (const WorkJson& entry : *list) {
        Author author;
        author.family = strip_markup(member_text(entry, "family"));
        if (author.family.empty()) {
            // Crossref writes an organisation as {"name": ...}, CSL as {"literal": ...}.
            author.collective = strip_markup(member_text(entry, "name"));
            if (author.collective.empty()) author.collective = strip_markup(member_text(entry, "literal"));
            if (author.collective.empty()) continue;  // neither a person nor a group: nothing to keep
        } else {
            const std::string particle = strip_markup(member_text(entry, "non-dropping-particle"));
            if (!particle.empty()) author.family = particle + " " + author.family;
            author.given = strip_markup(member_text(entry, "given"));
            author.suffix = strip_markup(member_text(entry, "suffix"));
            author.orcid = normalize_orcid(member_text(entry, "ORCID"));
        }
        authors.push_back(std::move(author));
    }
    return authors;
}

// CSL type names to Crossref's, so that one vocabulary reaches the classifier.
std::string crossref_type(std::string type, WorkDialect dialect) {
    if (dialect != WorkDialect::csl) return type;
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> csl_to_crossref{{
        {"article-journal", "journal-article"},
        {"chapter", "book-chapter"},
        {"paper-conference", "proceedings-article"},
        {"thesis", "dissertation"},
        {"entry-encyclopedia", "reference-entry"},
        {"entry-dictionary", "reference-entry"},
        {"entry", "reference-entry"},
    }};
    for (const auto& [csl, crossref] : csl_to_crossref)
        if (type == csl) return std::string(crossref);
    return type;
}

bool is_book_type(std::string_view type) {
    for (std::string_view book : {"book", "book-chapter", "book-part", "book-section", "book-series", "book-set",
                                  "book-track", "edited-book", "monograph", "reference-book"})
        if (type == book) return true;
    return false;
}

RelatedNotice read_notice(const WorkJson& entry) {
    RelatedNotice notice;
    notice.kind = member_text(entry, "type");
    notice.doi = normalize_doi(member_text(entry, "DOI")).value_or("");
    notice.note = member_text(entry, "label");
    return notice;
}

// "update-to": this record is itself a notice about the listed works. "updated-by": notices
// about this record; a retraction among them means the record is retracted.
void read_notices(const WorkJson& item, Study& study) {
    if (const WorkJson* list = member(item, "update-to"); list && list->is_array()) {
        for (const WorkJson& entry : *list) {
            study.notices.push_back(read_notice(entry));
            study.is_notice = true;
        }
    }
    if (const WorkJson* list = member(item, "updated-by"); list && list->is_array()) {
        for (const WorkJson& entry : *list) {
            RelatedNotice notice = read_notice(entry);
            if (ascii_lower(notice.kind) == "retraction") study.retracted = true;
            study.notices.push_back(std::move(notice));
        }
    }
}

void add_keyword(std::vector<std::string>& keywords, std::string_view text) {
    std::string keyword = strip_markup(text);
    if (!keyword.empty()) keywords.push_back(std::move(keyword));
}

// Crossref "subject" is an array; CSL "keyword" is one string, comma or semicolon separated.
std::vector<std::string> read_keywords(const WorkJson& item) {
    std::vector<std::string> keywords;
    if (const WorkJson* subjects = member(item, "subject"); subjects && subjects->is_array()) {
        for (const WorkJson& subject : *subjects)
            if (subject.is_string()) add_keyword(keywords, subject.get_ref<const std::string&>());
    }
    const std::string keyword_list = member_text(item, "keyword");  // split() returns views into it
    for (const auto& part : split(keyword_list, ','))
        for (const auto& keyword : split(part, ';')) add_keyword(keywords, keyword);
    return keywords;
}

}  // namespace

std::string text_of(const WorkJson& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_number()) return value.dump();
    if (value.is_array()) {
        for (const WorkJson& element : value) {
            std::string text = text_of(element);
            if (!trim(text).empty()) return text;
        }
    }
    return {};
}

std::string member_text(const WorkJson& object, std::string_view key) {
    const WorkJson* value = member(object, key);
    return value ? text_of(*value) : std::string();
}

// "[json.exception.parse_error.101] parse error at line 1, column 21: syntax error ..." ->
// "malformed JSON at byte 21: syntax error ...".
namespace {

std::string describe_parse_error(const nlohmann::json::parse_error& error) {
    std::string_view what = error.what();
    if (const auto at = what.find("parse error"); at != std::string_view::npos) {
        if (const auto colon = what.find(": ", at); colon != std::string_view::npos) what.remove_prefix(colon + 2);
    }
    return "malformed JSON at byte " + std::to_string(error.byte) + ": " + std::string(what);
}

// "[json.exception.out_of_range.406] number overflow parsing '7e7777'" -> "number overflow
// parsing '7e7777'".
std::string describe_json_error(const nlohmann::json::exception& error) {
    std::string_view what = error.what();
    if (what.starts_with("[json.exception.")) {
        if (const auto close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
    }
    return std::string(what);
}

}  // namespace

std::optional<WorkJson> parse_json_body(std::string_view body, std::string_view format, std::string& problem) {
    const std::string_view text = trim(skip_bom(body));
    if (text.empty()) {
        problem = "empty body, not " + std::string(format);
        return std::nullopt;
    }
    if (auto html = describe_html_body(text, format)) {
        problem = *html;
        return std::nullopt;
    }
    if (text.front() != '{' && text.front() != '[') {
        problem = "not " + std::string(format) + ": the server said \"" + excerpt(text) + "\"";
        return std::nullopt;
    }
    try {
        return WorkJson::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        problem = describe_parse_error(error);
        return std::nullopt;
    } catch (const nlohmann::json::exception& error) {
        // A number too large for a double ("7e7777") is an out_of_range error, not a parse_error.
        problem = "malformed JSON: " + describe_json_error(error);
        return std::nullopt;
    }
}

std::string item_location(std::string_view where, std::size_t n, const WorkJson& item) {
    std::string location = std::string(where) + ": item " + std::to_string(n);
    const std::string doi = std::string(trim(member_text(item, "DOI")));
    if (!doi.empty()) location += " (DOI " + doi + ")";
    return location;
}

bool read_pubmed_ids(std::string_view pmid_text, std::string_view pmcid_text, Study& study, std::string& problem) {
    if (pmid_text = trim(pmid_text); !pmid_text.empty()) {
        const auto pmid = normalize_pmid(pmid_text);
        if (!pmid) {
            problem = "invalid PMID \"" + std::string(pmid_text) + "\"";
            return false;
        }
        study.pmid = *pmid;
    }
    if (pmcid_text = trim(pmcid_text); !pmcid_text.empty()) {
        const auto pmcid = normalize_pmcid(pmcid_text);
        if (!pmcid) {
            problem = "invalid PMCID \"" + std::string(pmcid_text) + "\"";
            return false;
        }
        study.pmcid = *pmcid;
    }
    return true;
}

std::optional<Study> read_work(const WorkJson& item, WorkDialect dialect, std::string& problem) {
    if (!item.is_object()) {
        problem = "not a JSON object";
        return std::nullopt;
    }
    Study study;
    study.source = dialect == WorkDialect::crossref ? Source::crossref : Source::doi;

    const std::string doi_text = member_text(item, "DOI");
    if (!trim(doi_text).empty()) {
        const auto doi = normalize_doi(doi_text);
        if (!doi) {
            problem = "invalid DOI \"" + doi_text + "\"";
            return std::nullopt;
        }
        study.doi = *doi;
    } else if (dialect == WorkDialect::crossref) {
        problem = "no DOI";
        return std::nullopt;
    }
    // Reference managers write the PubMed ids of a CSL item; Crossref's REST API has no such members.
    if (dialect == WorkDialect::csl) {
        const std::string pmid = member_text(item, "PMID");
        if (!read_pubmed_ids(pmid, member_text(item, "PMCID"), study, problem)) return std::nullopt;
    }
    study.title = strip_markup(member_text(item, "title"));
    if (study.title.empty()) {
        problem = "no title";
        return std::nullopt;
    }

    study.journal = strip_markup(member_text(item, "container-title"));
    for (std::string_view key : {"short-container-title", "container-title-short", "journalAbbreviation"}) {
        study.journal_abbrev = strip_markup(member_text(item, key));
        if (!study.journal_abbrev.empty()) break;
    }
    study.volume = std::string(trim(member_text(item, "volume")));
    study.issue = std::string(trim(member_text(item, "issue")));
    study.pages = std::string(trim(member_text(item, "page")));
    study.year = read_year(item, dialect);
    study.authors = read_authors(item);

    const std::string type = crossref_type(std::string(trim(member_text(item, "type"))), dialect);
    if (!type.empty()) study.publication_types.push_back(type);
    // posted-content says little by itself; its subtype ("preprint") is what a reader wants.
    // "other" adds nothing.
    const std::string subtype = std::string(trim(member_text(item, "subtype")));
    if (!subtype.empty() && subtype != type && subtype != "other") study.publication_types.push_back(subtype);
    study.book = is_book_type(type) || !trim(member_text(item, "ISBN")).empty();

    if (const std::string abstract = member_text(item, "abstract"); !abstract.empty())
        study.abstract = parse_jats_abstract(abstract);
    study.language = std::string(trim(member_text(item, "language")));
    study.keywords = read_keywords(item);
    read_notices(item, study);
    return study;
}

}  // namespace evidex
