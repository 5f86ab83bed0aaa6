// One <PubmedArticle> or <PubmedBookArticle> element into a Study.
//
// Ids are read from fixed paths only: PubmedData/ReferenceList/Reference/ArticleIdList and
// CommentsCorrections hold the ids of OTHER papers (cited, commented, retracted), so a
// descendant search for "ArticleId" or "PMID" would pick up the wrong record.
#include <cstring>
#include <initializer_list>

#include "core/ids.h"
#include "core/pubmed_xml.h"
#include "core/text.h"

namespace evidex {

namespace {

bool attribute_is(const pugi::xml_node& node, const char* name, const char* value) {
    return std::strcmp(node.attribute(name).value(), value) == 0;
}

// The first plausible year of a PubDate-like node: Year, else MedlineDate ("1998 Dec-1999 Jan").
int year_of(const pugi::xml_node& date) {
    if (!date) return 0;
    if (const int year = first_year_in(pubmed_text(date.child("Year")))) return year;
    return first_year_in(pubmed_text(date.child("MedlineDate")));
}

int history_year(const pugi::xml_node& history) {
    return year_of(history.find_child_by_attribute("PubMedPubDate", "PubStatus", "pubmed"));
}

void set_year(Study& study, std::initializer_list<int> candidates) {
    for (const int year : candidates) {
        if (year != 0) {
            study.year = year;
            return;
        }
    }
}

// ELocationID[@EIdType="doi"] children of `parent`, skipping ValidYN="N".
std::string doi_from_elocations(const pugi::xml_node& parent) {
    for (const auto& location : parent.children("ELocationID")) {
        if (!attribute_is(location, "EIdType", "doi") || attribute_is(location, "ValidYN", "N")) continue;
        if (auto doi = normalize_doi(pubmed_text(location))) return *doi;
    }
    return {};
}

// ArticleId[@IdType=type] of one ArticleIdList.
std::string article_id(const pugi::xml_node& id_list, const char* type) {
    for (const auto& id : id_list.children("ArticleId")) {
        if (!attribute_is(id, "IdType", type)) continue;
        const auto text = pubmed_text(id);
        if (std::strcmp(type, "doi") == 0) {
            if (auto doi = normalize_doi(text)) return *doi;
        } else if (auto pmcid = normalize_pmcid(text)) {
            return *pmcid;
        }
    }
    return {};
}

void fill_ids(Study& study, std::initializer_list<pugi::xml_node> id_lists) {
    for (const auto& list : id_lists) {
        if (study.doi.empty()) study.doi = article_id(list, "doi");
        if (study.pmcid.empty()) study.pmcid = article_id(list, "pmc");
    }
}

void read_pagination(Study& study, const pugi::xml_node& pagination) {
    study.pages = pubmed_text(pagination.child("MedlinePgn"));
    if (!study.pages.empty()) return;
    study.pages = pubmed_text(pagination.child("StartPage"));
    const auto end = pubmed_text(pagination.child("EndPage"));
    if (!study.pages.empty() && !end.empty()) study.pages += "-" + end;
}

void read_keywords(Study& study, const pugi::xml_node& parent) {
    for (const auto& list : parent.children("KeywordList")) {
        for (const auto& keyword : list.children("Keyword")) {
            auto text = pubmed_text(keyword);
            if (!text.empty()) study.keywords.push_back(std::move(text));
        }
    }
}

void read_publication_types(Study& study, const pugi::xml_node& parent) {
    for (const auto& type : parent.children("PublicationType")) {
        auto text = pubmed_text(type);
        if (!text.empty()) study.publication_types.push_back(std::move(text));
    }
}

void read_notices(Study& study, const pugi::xml_node& list) {
    for (const auto& item : list.children("CommentsCorrections")) {
        RelatedNotice notice;
        notice.kind = collapse_whitespace(item.attribute("RefType").value());
        if (notice.kind.empty()) continue;
        notice.pmid = normalize_pmid(pubmed_text(item.child("PMID"))).value_or("");
        notice.note = pubmed_text(item.child("RefSource"));
        study.notices.push_back(std::move(notice));
    }
}

// Retraction state from the publication types and the CommentsCorrections links.
void set_retraction_flags(Study& study) {
    for (const auto& type : study.publication_types) {
        if (type == "Retracted Publication") study.retracted = true;
        if (type == "Retraction of Publication" || type == "Published Erratum") study.is_notice = true;
    }
    for (const auto& notice : study.notices) {
        if (notice.kind == "RetractionIn") study.retracted = true;
        if (notice.kind == "RetractionOf") study.is_notice = true;
    }
}

std::string first_language(const pugi::xml_node& parent) { return pubmed_text(parent.child("Language")); }

// ArticleTitle with all its inline markup; VernacularTitle only when ArticleTitle is empty.
std::string title_of(const pugi::xml_node& parent) {
    auto title = pubmed_text(parent.child("ArticleTitle"));
    if (title.empty()) title = pubmed_text(parent.child("VernacularTitle"));
    return title;
}

void read_journal_article(Study& study, const pugi::xml_node& pubmed_article) {
    const auto citation = pubmed_article.child("MedlineCitation");
    const auto article = citation.child("Article");
    const auto pubmed_data = pubmed_article.child("PubmedData");
    const auto journal = article.child("Journal");
    const auto issue = journal.child("JournalIssue");

    study.title = title_of(article);
    study.journal = pubmed_text(journal.child("Title"));
    study.journal_abbrev = pubmed_text(journal.child("ISOAbbreviation"));
    if (study.journal_abbrev.empty())
        study.journal_abbrev = pubmed_text(citation.child("MedlineJournalInfo").child("MedlineTA"));
    study.volume = pubmed_text(issue.child("Volume"));
    study.issue = pubmed_text(issue.child("Issue"));
    read_pagination(study, article.child("Pagination"));
    set_year(study, {year_of(issue.child("PubDate")), year_of(article.child("ArticleDate")),
                     history_year(pubmed_data.child("History"))});

    study.doi = doi_from_elocations(article);
    fill_ids(study, {pubmed_data.child("ArticleIdList")});

    study.abstract = read_pubmed_abstract(article.child("Abstract"));
    study.authors = read_pubmed_authors(article.child("AuthorList"));
    read_publication_types(study, article.child("PublicationTypeList"));
    study.mesh = read_pubmed_mesh(citation.child("MeshHeadingList"));
    read_keywords(study, citation);
    study.language = first_language(article);
    read_notices(study, citation.child("CommentsCorrectionsList"));
}

// Authors of a book record: an AuthorList of Type "authors" (the chapter's, then the book's)
// is preferred over the editors.
pugi::xml_node book_author_list(const pugi::xml_node& document) {
    const pugi::xml_node places[] = {document, document.child("Book")};
    for (const auto& place : places) {
        for (const auto& list : place.children("AuthorList")) {
            const auto type = list.attribute("Type");
            if (!type || std::strcmp(type.value(), "authors") == 0) return list;
        }
    }
    for (const auto& place : places)
        if (const auto list = place.child("AuthorList")) return list;
    return {};
}

void read_book_article(Study& study, const pugi::xml_node& book_article) {
    const auto document = book_article.child("BookDocument");
    const auto book = document.child("Book");
    const auto book_data = book_article.child("PubmedBookData");

    study.book = true;
    study.journal = pubmed_text(book.child("BookTitle"));
    study.title = title_of(document);
    if (study.title.empty()) study.title = study.journal;
    study.volume = pubmed_text(book.child("Volume"));
    read_pagination(study, document.child("Pagination"));
    set_year(study, {year_of(book.child("PubDate")), history_year(book_data.child("History"))});

    study.doi = doi_from_elocations(document);
    if (study.doi.empty()) study.doi = doi_from_elocations(book);
    fill_ids(study, {document.child("ArticleIdList"), book_data.child("ArticleIdList")});

    study.abstract = read_pubmed_abstract(document.child("Abstract"));
    study.authors = read_pubmed_authors(book_author_list(document));
    read_publication_types(study, document);
    read_keywords(study, document);
    study.language = first_language(document);
    read_notices(study, document.child("CommentsCorrectionsList"));
}

}  // namespace

std::string pubmed_article_where(std::string_view where, std::int64_t ordinal, std::string_view pmid) {
    std::string out(where);
    if (!out.empty()) out += ": ";
    out += "article " + std::to_string(ordinal);
    if (!pmid.empty()) {
        out += " (PMID ";
        out += pmid;
        out += ')';
    }
    return out;
}

bool read_pubmed_article(const pugi::xml_node& article, std::string_view where, std::int64_t ordinal,
                         Study& study, ItemError& error) {
    const bool book = std::strcmp(article.name(), "PubmedBookArticle") == 0;
    const auto record = book ? article.child("BookDocument") : article.child("MedlineCitation");
    const auto pmid_text = pubmed_text(record.child("PMID"));

    study = Study{};
    study.source = Source::pubmed;
    if (const auto pmid = normalize_pmid(pmid_text)) {
        study.pmid = *pmid;
    } else {
        error = {pubmed_article_where(where, ordinal, ""),
                 pmid_text.empty() ? "no PMID" : "invalid PMID '" + pmid_text + "'"};
        return false;
    }
    if (book)
        read_book_article(study, article);
    else
        read_journal_article(study, article);
    if (study.title.empty()) {
        error = {pubmed_article_where(where, ordinal, study.pmid), "no ArticleTitle"};
        return false;
    }
    set_retraction_flags(study);
    return true;
}

std::vector<std::string> read_deleted_pmids(const pugi::xml_node& delete_citation,
                                            std::vector<std::string>& unreadable) {
    std::vector<std::string> pmids;
    for (const auto& node : delete_citation.children("PMID")) {
        auto text = pubmed_text(node);
        if (auto pmid = normalize_pmid(text))
            pmids.push_back(std::move(*pmid));
        else
            unreadable.push_back(std::move(text));
    }
    return pmids;
}

}  // namespace evidex
