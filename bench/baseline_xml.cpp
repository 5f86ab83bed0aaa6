#include "bench/baseline_xml.h"

#include <array>

namespace evidex::bench {

namespace {

constexpr std::array<std::string_view, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

// A small writer of indented elements.
class XmlOut {
public:
    explicit XmlOut(std::string& out) : out_(out) {}

    void open(std::string_view name, std::string_view attributes = {}) {
        start_tag(name, attributes);
        out_ += '\n';
        ++depth_;
    }
    void close(std::string_view name) {
        --depth_;
        indent();
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
    void leaf(std::string_view name, std::string_view text, std::string_view attributes = {}) {
        start_tag(name, attributes);
        append_escaped(out_, text);
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
    void leaf(std::string_view name, int number) { leaf(name, std::to_string(number)); }

private:
    void indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }
    void start_tag(std::string_view name, std::string_view attributes) {
        indent();
        out_ += '<';
        out_ += name;
        if (!attributes.empty()) {
            out_ += ' ';
            out_ += attributes;
        }
        out_ += '>';
    }

    std::string& out_;
    int depth_ = 1;
};

std::string attribute(std::string_view name, std::string_view value) {
    std::string text(name);
    text += "=\"";
    append_escaped(text, value);
    text += '"';
    return text;
}

std::string two_digits(int value) {
    std::string text = std::to_string(value);
    if (value < 10) text.insert(0, 1, '0');
    return text;
}

void write_date(XmlOut& xml, std::string_view name, int year, int month, int day) {
    xml.open(name);
    xml.leaf("Year", year);
    xml.leaf("Month", two_digits(month));
    xml.leaf("Day", two_digits(day));
    xml.close(name);
}

std::string journal_title(const GeneratedArticle& a) {
    const std::string subject(journal_subjects[a.journal]);
    switch (a.journal_style) {
    case 0: return "Journal of " + subject;
    case 1: return "International Journal of " + subject;
    default: return subject + " Reports";
    }
}

// An ISO abbreviation in the spirit of NLM's: the first letters of each long word.
std::string journal_abbreviation(const std::string& title) {
    std::string abbrev;
    std::size_t start = 0;
    while (start < title.size()) {
        auto end = title.find(' ', start);
        if (end == std::string::npos) end = title.size();
        const std::string_view word(title.data() + start, end - start);
        if (word != "of" && word != "and") {
            if (!abbrev.empty()) abbrev += ' ';
            abbrev += word.size() <= 5 ? std::string(word) : std::string(word.substr(0, 4)) + ".";
        }
        start = end + 1;
    }
    return abbrev;
}

std::string issn(const GeneratedArticle& a, int offset) {
    const int number = 1000 + static_cast<int>(a.journal) * 37 + a.journal_style * 7 + offset;
    return std::to_string(number) + "-" + std::to_string(4000 + number % 1000 * 5);
}

void write_journal(XmlOut& xml, const GeneratedArticle& a, const std::string& title) {
    xml.open("Journal");
    xml.leaf("ISSN", issn(a, 0), "IssnType=\"Electronic\"");
    xml.open("JournalIssue", "CitedMedium=\"Internet\"");
    xml.leaf("Volume", a.volume);
    xml.leaf("Issue", a.issue);
    xml.open("PubDate");
    xml.leaf("Year", a.year);
    xml.leaf("Month", month_names[static_cast<std::size_t>(a.month - 1)]);
    xml.close("PubDate");
    xml.close("JournalIssue");
    xml.leaf("Title", title);
    xml.leaf("ISOAbbreviation", journal_abbreviation(title));
    xml.close("Journal");
}

void write_abstract(XmlOut& xml, const GeneratedArticle& a) {
    xml.open("Abstract");
    for (const auto& section : a.abstract) {
        if (section.label.empty())
            xml.leaf("AbstractText", section.text);
        else
            xml.leaf("AbstractText", section.text,
                     attribute("Label", section.label) + " " + attribute("NlmCategory", section.label));
    }
    xml.close("Abstract");
}

void write_authors(XmlOut& xml, const GeneratedArticle& a) {
    xml.open("AuthorList", "CompleteYN=\"Y\"");
    for (const auto& author : a.authors) {
        xml.open("Author", "ValidYN=\"Y\"");
        xml.leaf("LastName", author.family);
        xml.leaf("ForeName", author.given);
        xml.leaf("Initials", author.initials);
        if (!author.affiliation.empty()) {
            xml.open("AffiliationInfo");
            xml.leaf("Affiliation", author.affiliation);
            xml.close("AffiliationInfo");
        }
        xml.close("Author");
    }
    xml.close("AuthorList");
}

void write_article(XmlOut& xml, const GeneratedArticle& a, const std::string& journal) {
    xml.open("Article", "PubModel=\"Print-Electronic\"");
    write_journal(xml, a, journal);
    xml.leaf("ArticleTitle", a.title);
    xml.open("Pagination");
    xml.leaf("StartPage", a.first_page);
    xml.leaf("EndPage", a.last_page);
    xml.leaf("MedlinePgn", std::to_string(a.first_page) + "-" + std::to_string(a.last_page));
    xml.close("Pagination");
    xml.leaf("ELocationID", a.doi, "EIdType=\"doi\" ValidYN=\"Y\"");
    write_abstract(xml, a);
    write_authors(xml, a);
    xml.leaf("Language", a.language);
    xml.open("PublicationTypeList");
    for (const auto& type : a.publication_types) xml.leaf("PublicationType", type.name, attribute("UI", type.ui));
    xml.close("PublicationTypeList");
    xml.close("Article");
}

void write_mesh(XmlOut& xml, const GeneratedArticle& a) {
    xml.open("MeshHeadingList");
    for (const auto& heading : a.mesh) {
        xml.open("MeshHeading");
        xml.leaf("DescriptorName", heading.descriptor.name,
                 attribute("UI", heading.descriptor.ui) + " MajorTopicYN=\"" + (heading.major ? "Y" : "N") + "\"");
        if (heading.qualifier)
            xml.leaf("QualifierName", heading.qualifier->name,
                     attribute("UI", heading.qualifier->ui) + " MajorTopicYN=\"N\"");
        xml.close("MeshHeading");
    }
    xml.close("MeshHeadingList");
}

}  // namespace

std::string baseline_file_head() {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
           "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"
           "<PubmedArticleSet>\n";
}

std::string baseline_file_tail() { return "</PubmedArticleSet>\n"; }

void write_article_xml(const GeneratedArticle& a, std::string& out) {
    XmlOut xml(out);
    const std::string pmid = std::to_string(a.pmid);
    const std::string journal = journal_title(a);
    xml.open("PubmedArticle");
    xml.open("MedlineCitation", "Status=\"MEDLINE\" Owner=\"NLM\"");
    xml.leaf("PMID", pmid, "Version=\"1\"");
    write_date(xml, "DateCompleted", a.completed_year, a.month, a.day);
    write_date(xml, "DateRevised", a.revised_year, a.month, a.day);
    write_article(xml, a, journal);
    xml.open("MedlineJournalInfo");
    xml.leaf("Country", "England");
    xml.leaf("MedlineTA", journal_abbreviation(journal));
    xml.leaf("NlmUniqueID", std::to_string(101500000 + a.journal * 3 + static_cast<std::size_t>(a.journal_style)));
    xml.leaf("ISSNLinking", issn(a, 0));
    xml.close("MedlineJournalInfo");
    xml.leaf("CitationSubset", "IM");
    write_mesh(xml, a);
    xml.close("MedlineCitation");
    xml.open("PubmedData");
    xml.open("History");
    xml.open("PubMedPubDate", "PubStatus=\"pubmed\"");
    xml.leaf("Year", a.year);
    xml.leaf("Month", a.month);
    xml.leaf("Day", a.day);
    xml.close("PubMedPubDate");
    xml.close("History");
    xml.leaf("PublicationStatus", "ppublish");
    xml.open("ArticleIdList");
    xml.leaf("ArticleId", pmid, "IdType=\"pubmed\"");
    xml.leaf("ArticleId", a.doi, "IdType=\"doi\"");
    xml.close("ArticleIdList");
    xml.close("PubmedData");
    xml.close("PubmedArticle");
}

}  // namespace evidex::bench
