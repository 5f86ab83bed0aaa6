// parse_pubmed_xml / parse_pubmed_article on small inline bodies, one PubMed trap per case.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/pubmed_parser.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::parse_pubmed_xml;
using evidex::ParsedRecords;
using evidex::Study;

namespace {

// One PubmedArticle: `article` goes inside <Article>, `citation` after it in <MedlineCitation>,
// `data` inside <PubmedData>.
std::string medline(const std::string& pmid, const std::string& article, const std::string& citation = "",
                    const std::string& data = "") {
    return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">" + pmid +
           "</PMID><Article PubModel=\"Print\">" + article + "</Article>" + citation +
           "</MedlineCitation><PubmedData>" + data + "</PubmedData></PubmedArticle>";
}

std::string article_set(const std::string& articles) {
    return "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January "
           "2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>" +
           articles + "</PubmedArticleSet>";
}

const std::string plain_title = "<ArticleTitle>A title.</ArticleTitle>";

// Parses one article that must succeed.
Study parse_one(const std::string& article, const std::string& citation = "", const std::string& data = "") {
    const auto parsed = parse_pubmed_xml(article_set(medline("12345678", article, citation, data)), "test");
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.studies.size() == 1);
    return parsed.studies.front();
}

ParsedRecords parse_fixture(const std::string& name) {
    std::string body;
    REQUIRE(evidex::read_file((evidex::test::data_dir() / "pubmed" / name).string(), body));
    return parse_pubmed_xml(body, name);
}

}  // namespace

TEST_CASE("parse_pubmed_xml takes all the text of a title, inline markup and references included") {
    struct Row {
        const char* title_xml;
        const char* expected;
    };
    const Row rows[] = {
        {"<ArticleTitle>Effect of <i>Mg</i> on <b>sleep</b>.</ArticleTitle>", "Effect of Mg on sleep."},
        {"<ArticleTitle>Serum 25(OH)D<sub>3</sub> and m<sup>2</sup> <u>area</u></ArticleTitle>",
         "Serum 25(OH)D3 and m2 area"},
        // White space between two inline elements is text: pugixml drops it unless asked to keep it.
        {"<ArticleTitle><i>In</i> <i>vivo</i> study</ArticleTitle>", "In vivo study"},
        {"<ArticleTitle>Universit&#xe0; &amp; caf&#233;: P &lt; 0.05</ArticleTitle>",
         "Universit\u00e0 & caf\u00e9: P < 0.05"},
        {"<ArticleTitle>Area <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:msup><mml:mi>r</mml:mi>"
         "<mml:mn>2</mml:mn></mml:msup></mml:math> law</ArticleTitle>",
         "Area r2 law"},
        {"<ArticleTitle>\n  A title   broken\n  over lines.\n</ArticleTitle>", "A title broken over lines."},
        {"<ArticleTitle></ArticleTitle><VernacularTitle>Magnesium bei &#xdc;bergewicht</VernacularTitle>",
         "Magnesium bei \u00dcbergewicht"},
        {"<ArticleTitle>English title.</ArticleTitle><VernacularTitle>Titre.</VernacularTitle>", "English title."},
    };
    for (const auto& row : rows) {
        CAPTURE(row.title_xml);
        CHECK(parse_one(row.title_xml).title == row.expected);
    }
}

TEST_CASE("parse_pubmed_xml reads the year from Year, MedlineDate, ArticleDate, then the pubmed history date") {
    struct Row {
        const char* pub_date;
        const char* article_date;
        const char* history;
        std::optional<int> expected;
    };
    const char* history = "<History><PubMedPubDate PubStatus=\"entrez\"><Year>2018</Year></PubMedPubDate>"
                          "<PubMedPubDate PubStatus=\"pubmed\"><Year>2020</Year></PubMedPubDate></History>";
    const Row rows[] = {
        {"<Year>2001</Year><Month>Feb</Month>", "", "", 2001},
        {"<MedlineDate>1998 Dec-1999 Jan</MedlineDate>", "", "", 1998},
        {"<MedlineDate>Spring 2001</MedlineDate>", "", "", 2001},
        {"<Year>2022</Year><Season>Apr-Jun</Season>", "", "", 2022},  // efetch renders MedlineDate so
        {"<Year>1976</Year><Season>Fall</Season>", "", "", 1976},
        {"", "<ArticleDate DateType=\"Electronic\"><Year>2019</Year></ArticleDate>", history, 2019},
        {"", "", history, 2020},  // the pubmed date, not the entrez one listed first
        {"", "", "", std::nullopt},
    };
    for (const auto& row : rows) {
        CAPTURE(row.pub_date);
        const std::string article = "<Journal><JournalIssue><PubDate>" + std::string(row.pub_date) +
                                    "</PubDate></JournalIssue></Journal>" + plain_title + row.article_date;
        CHECK(parse_one(article, "", row.history).year == row.expected);
    }
}

TEST_CASE("parse_pubmed_xml takes the DOI and PMCID of the article, never those of the papers it cites") {
    struct Row {
        const char* name;
        const char* elocations;
        const char* data;
        const char* doi;
        const char* pmcid;
    };
    const char* references = "<ReferenceList><Reference><Citation>Other paper.</Citation><ArticleIdList>"
                             "<ArticleId IdType=\"doi\">10.9999/cited</ArticleId><ArticleId IdType=\"pmc\">PMC999"
                             "</ArticleId><ArticleId IdType=\"pubmed\">999</ArticleId></ArticleIdList></Reference>"
                             "</ReferenceList>";
    const Row rows[] = {
        {"ELocationID doi, normalised", "<ELocationID EIdType=\"pii\" ValidYN=\"Y\">S0001</ELocationID>"
         "<ELocationID EIdType=\"doi\" ValidYN=\"Y\">10.1000/ABC.1</ELocationID>", "", "10.1000/abc.1", ""},
        {"ELocationID before ArticleIdList", "<ELocationID EIdType=\"doi\">10.1000/first</ELocationID>",
         "<ArticleIdList><ArticleId IdType=\"doi\">10.1000/second</ArticleId></ArticleIdList>", "10.1000/first", ""},
        {"invalid ELocationID skipped", "<ELocationID EIdType=\"doi\" ValidYN=\"N\">10.1000/bad</ELocationID>",
         "<ArticleIdList><ArticleId IdType=\"doi\">10.1000/good</ArticleId></ArticleIdList>", "10.1000/good", ""},
        {"ArticleIdList doi and pmc", "",
         "<ArticleIdList><ArticleId IdType=\"pubmed\">12345678</ArticleId><ArticleId IdType=\"doi\">10.1000/x"
         "</ArticleId><ArticleId IdType=\"pmc\">PMC7654321</ArticleId></ArticleIdList>", "10.1000/x", "PMC7654321"},
        {"only cited papers have ids", "", references, "", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        const auto study = parse_one(plain_title + row.elocations, "", row.data);
        CHECK(study.doi == row.doi);
        CHECK(study.pmcid == row.pmcid);
        CHECK(study.pmid == "12345678");
    }
}

TEST_CASE("parse_pubmed_xml reads plain and versioned PMIDs and rejects an article without one") {
    struct Row {
        const char* pmid_xml;
        const char* pmid;      // expected, or empty when the article fails
        const char* message;
    };
    const Row rows[] = {
        {"<PMID Version=\"1\">9997</PMID>", "9997", ""},
        {"<PMID Version=\"2\">31000001</PMID>", "31000001", ""},
        {"<PMID>31000001.2</PMID>", "31000001", ""},
        {"<PMID Version=\"1\">12a</PMID>", "", "invalid PMID '12a'"},
        {"", "", "no PMID"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.pmid_xml);
        const auto body = article_set("<PubmedArticle><MedlineCitation>" + std::string(row.pmid_xml) +
                                      "<Article>" + plain_title + "</Article></MedlineCitation></PubmedArticle>");
        const auto parsed = parse_pubmed_xml(body, "batch 1");
        if (*row.pmid) {
            REQUIRE(parsed.studies.size() == 1);
            CHECK(parsed.studies[0].pmid == row.pmid);
        } else {
            CHECK(parsed.studies.empty());
            REQUIRE(parsed.errors.size() == 1);
            CHECK(parsed.errors[0].where == "batch 1: article 1");
            CHECK(parsed.errors[0].message == row.message);
        }
    }
}

TEST_CASE("parse_pubmed_xml reads personal and collective authors, skips invalid ones and keeps bare ORCIDs") {
    const auto study = parse_one(plain_title + std::string(R"(<AuthorList CompleteYN="Y">
      <Author ValidYN="Y"><LastName>de Baaij</LastName><ForeName>Jeroen H F</ForeName><Initials>JH</Initials>
        <Identifier Source="ORCID">http://orcid.org/0000-0002-1825-0097</Identifier></Author>
      <Author ValidYN="N"><LastName>Wrong</LastName><Initials>W</Initials></Author>
      <Author ValidYN="Y"><LastName>King</LastName><ForeName>Martin</ForeName><Initials>M</Initials>
        <Suffix>Jr</Suffix><Identifier Source="ORCID">https://orcid.org/0000-0001-5109-371x</Identifier></Author>
      <Author ValidYN="Y"><CollectiveName>KAL1      nomenclature
          group</CollectiveName></Author>
      <Author><LastName>Lee</LastName><Identifier Source="ORCID">0000000218250097</Identifier></Author>
    </AuthorList>)"));
    REQUIRE(study.authors.size() == 4);
    CHECK(study.authors[0].display() == "de Baaij JH");
    CHECK(study.authors[0].given == "Jeroen H F");
    CHECK(study.authors[0].orcid == "0000-0002-1825-0097");
    CHECK(study.authors[1].display() == "King M Jr");
    CHECK(study.authors[1].orcid == "0000-0001-5109-371X");
    CHECK(study.authors[2].collective == "KAL1 nomenclature group");
    CHECK(study.authors[2].family.empty());
    CHECK(study.authors[3].display() == "Lee");
    CHECK(study.authors[3].orcid == "0000-0002-1825-0097");
}

TEST_CASE("parse_pubmed_xml keeps each labelled abstract section and ignores OtherAbstract") {
    const auto study = parse_one(plain_title + std::string(R"(<Abstract>
      <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Low <i>Mg</i> intake.</AbstractText>
      <AbstractText Label="CONCLUSION" NlmCategory="CONCLUSIONS">P &lt; 0.001 for r<sup>2</sup>.</AbstractText>
      <AbstractText Label="Trial registration">NCT01234567</AbstractText>
    </Abstract>)"), R"(<OtherAbstract Type="Publisher" Language="spa"><AbstractText>Resumen.</AbstractText>
    </OtherAbstract>)");
    REQUIRE(study.abstract.size() == 3);
    CHECK(study.abstract[0].label == "BACKGROUND");
    CHECK(study.abstract[0].nlm_category == "BACKGROUND");
    CHECK(study.abstract[0].text == "Low Mg intake.");
    CHECK(study.abstract[1].label == "CONCLUSION");
    CHECK(study.abstract[1].nlm_category == "CONCLUSIONS");
    CHECK(study.abstract[1].text == "P < 0.001 for r2.");
    CHECK(study.abstract[2].label == "Trial registration");
    CHECK(study.abstract[2].nlm_category.empty());

    const auto unstructured = parse_one(plain_title + "<Abstract><AbstractText>One paragraph.</AbstractText></Abstract>");
    REQUIRE(unstructured.abstract.size() == 1);
    CHECK(unstructured.abstract[0].label.empty());
    CHECK(unstructured.abstract[0].text == "One paragraph.");
    CHECK(parse_one(plain_title).abstract.empty());
}

TEST_CASE("parse_pubmed_xml reads the journal, publication types in order, MeSH, keywords and language") {
    const auto study = parse_one(R"(<Journal><ISSN>1234-5678</ISSN><JournalIssue><Volume>12</Volume>
        <Issue>3 Suppl</Issue><PubDate><Year>2020</Year></PubDate></JournalIssue>
        <Title>Magnesium research</Title><ISOAbbreviation>Magnes Res</ISOAbbreviation></Journal>)" + plain_title +
        R"(<Pagination><MedlinePgn>101-9</MedlinePgn></Pagination><Language>eng</Language><Language>fre</Language>
        <PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>
        <PublicationType UI="D016428">Journal Article</PublicationType>
        <PublicationType UI="D013486">Research Support, U.S. Gov't, P.H.S.</PublicationType></PublicationTypeList>)",
        R"(<MedlineJournalInfo><MedlineTA>Magnes Res TA</MedlineTA></MedlineJournalInfo>
        <MeshHeadingList><MeshHeading><DescriptorName UI="D008274" MajorTopicYN="Y">Magnesium</DescriptorName>
        <QualifierName UI="Q000627" MajorTopicYN="N">therapeutic use</QualifierName>
        <QualifierName UI="Q000008" MajorTopicYN="Y">administration &amp; dosage</QualifierName></MeshHeading>
        <MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
        </MeshHeadingList><KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">sleep</Keyword>
        <Keyword MajorTopicYN="N"><i>RLS</i></Keyword></KeywordList>)");
    CHECK(study.journal == "Magnesium research");
    CHECK(study.journal_abbrev == "Magnes Res");
    CHECK(study.volume == "12");
    CHECK(study.issue == "3 Suppl");
    CHECK(study.pages == "101-9");
    CHECK(study.language == "eng");
    CHECK(study.publication_types ==
          std::vector<std::string>{"Randomized Controlled Trial", "Journal Article", "Research Support, U.S. Gov't, P.H.S."});
    REQUIRE(study.mesh.size() == 2);
    CHECK(study.mesh[0].descriptor == "Magnesium");
    CHECK(study.mesh[0].ui == "D008274");
    CHECK(study.mesh[0].major);
    CHECK(study.mesh[0].qualifiers == std::vector<std::string>{"therapeutic use", "administration & dosage"});
    CHECK(study.mesh[1].descriptor == "Humans");
    CHECK_FALSE(study.mesh[1].major);
    CHECK(study.keywords == std::vector<std::string>{"sleep", "RLS"});
    CHECK(study.source == evidex::Source::pubmed);

    const auto medline_ta = parse_one("<Journal><Title>J</Title></Journal>" + plain_title,
                                      "<MedlineJournalInfo><MedlineTA>J Abbrev</MedlineTA></MedlineJournalInfo>");
    CHECK(medline_ta.journal_abbrev == "J Abbrev");
}

TEST_CASE("parse_pubmed_xml marks retracted records and retraction or erratum notices") {
    struct Row {
        const char* name;
        const char* publication_type;
        const char* ref_type;  // a CommentsCorrections RefType, or empty
        bool retracted;
        bool is_notice;
    };
    const Row rows[] = {
        {"plain article", "Journal Article", "", false, false},
        {"retracted by type", "Retracted Publication", "", true, false},
        {"retracted by link", "Journal Article", "RetractionIn", true, false},
        {"retraction notice by type", "Retraction of Publication", "", false, true},
        {"retraction notice by link", "Journal Article", "RetractionOf", false, true},
        {"erratum notice", "Published Erratum", "ErratumFor", false, true},
        {"an erratum elsewhere does not retract", "Journal Article", "ErratumIn", false, false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        std::string links;
        if (*row.ref_type)
            links = "<CommentsCorrectionsList><CommentsCorrections RefType=\"" + std::string(row.ref_type) +
                    "\"><RefSource>Nature. 2020;1:2</RefSource><PMID Version=\"1\">33333333</PMID>"
                    "</CommentsCorrections></CommentsCorrectionsList>";
        const auto study = parse_one(plain_title + "<PublicationTypeList><PublicationType>" + row.publication_type +
                                         "</PublicationType></PublicationTypeList>", links);
        CHECK(study.retracted == row.retracted);
        CHECK(study.is_notice == row.is_notice);
        if (*row.ref_type) {
            REQUIRE(study.notices.size() == 1);
            CHECK(study.notices[0].kind == row.ref_type);
            CHECK(study.notices[0].pmid == "33333333");
            CHECK(study.notices[0].note == "Nature. 2020;1:2");
        }
        CHECK(study.pmid == "12345678");  // never the linked record's PMID
    }
}

TEST_CASE("parse_pubmed_xml reports a body that is not a PubMed article set as one error and no studies") {
    struct Row {
        const char* name;
        std::string body;
        std::string message;  // exact, or a prefix ending in "..."
    };
    const Row rows[] = {
        {"empty", "", "not PubMed XML: empty body"},
        {"white space", " \n\t", "not PubMed XML: empty body"},
        {"HTML page", "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>502 Bad\n Gateway</title></head>"
                      "<body><hr></body></html>", "not PubMed XML: an HTML page (\"502 Bad Gateway\")"},
        {"XHTML page", "<html><body><p>Service unavailable</p></body></html>", "not PubMed XML: root element <html>"},
        {"efetch error", "<?xml version=\"1.0\"?>\n<eFetchResult>\n\t<ERROR>Cannot retrieve history data."
                         "</ERROR>\n</eFetchResult>", "PubMed error: Cannot retrieve history data."},
        {"esearch result", "<eSearchResult><Count>6</Count></eSearchResult>",
         "not PubMed XML: root element <eSearchResult>"},
        {"JSON", "{\"error\":\"API rate limit exceeded\"}", "not PubMed XML: a JSON body"},
        {"plain text", "Too Many Requests", "not PubMed XML: text without markup (\"Too Many Requests\")"},
        {"truncated", article_set(medline("1", plain_title)).substr(0, 260), "malformed XML at offset ..."},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        const auto parsed = parse_pubmed_xml(row.body, "efetch batch 2");
        CHECK(parsed.studies.empty());
        CHECK(parsed.deleted_pmids.empty());
        REQUIRE(parsed.errors.size() == 1);
        CHECK(parsed.errors[0].where == "efetch batch 2");
        if (row.message.size() > 3 && row.message.compare(row.message.size() - 3, 3, "...") == 0)
            CHECK(parsed.errors[0].message.rfind(row.message.substr(0, row.message.size() - 3), 0) == 0);
        else
            CHECK(parsed.errors[0].message == row.message);
    }
}

TEST_CASE("parse_pubmed_xml reads an empty article set as nothing and no error") {
    const auto parsed = parse_pubmed_xml(article_set("\n"), "efetch");
    CHECK(parsed.studies.empty());
    CHECK(parsed.errors.empty());
}

TEST_CASE("parse_pubmed_xml fails an article without a title alone and parses its neighbours") {
    const auto body = article_set(medline("111", plain_title) + medline("222", "<ArticleTitle> </ArticleTitle>") +
                                  medline("333", plain_title) +
                                  "<DeleteCitation><PMID Version=\"1\">444</PMID><PMID>555.2</PMID></DeleteCitation>");
    const auto parsed = parse_pubmed_xml(body, "pubmed26n0001.xml");
    REQUIRE(parsed.studies.size() == 2);
    CHECK(parsed.studies[0].pmid == "111");
    CHECK(parsed.studies[1].pmid == "333");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].to_string() == "pubmed26n0001.xml: article 2 (PMID 222): no ArticleTitle");
    CHECK(parsed.deleted_pmids == std::vector<std::string>{"444", "555"});
}

TEST_CASE("parse_pubmed_article reads one element and reports a broken one with its ordinal") {
    Study study;
    evidex::ItemError error;
    CHECK(evidex::parse_pubmed_article(medline("777", plain_title), "f.xml", 5, study, error));
    CHECK(study.pmid == "777");
    CHECK(study.title == "A title.");

    CHECK_FALSE(evidex::parse_pubmed_article("<PubmedArticle><MedlineCitation>", "f.xml", 6, study, error));
    CHECK(error.where == "f.xml: article 6");
    CHECK(error.message.rfind("malformed XML at offset", 0) == 0);

    CHECK_FALSE(evidex::parse_pubmed_article("<DeleteCitation/>", "f.xml", 7, study, error));
    CHECK(error.message == "not a PubmedArticle or PubmedBookArticle: <DeleteCitation>");
}

TEST_CASE("parse_pubmed_xml reads a book chapter: chapter title, book title as journal, authors over editors") {
    const auto parsed = parse_fixture("book_chapter_authors_over_editors.xml");
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.studies.size() == 1);
    const auto& study = parsed.studies[0];
    CHECK(study.book);
    CHECK(study.pmid == "20301999");
    CHECK(study.title == "Magnesium Transporter Deficiency");
    CHECK(study.journal == "GeneReviews\u00ae");
    CHECK(study.year == 1993);
    CHECK(study.doi == "10.5555/nbk9999");
    REQUIRE(study.authors.size() == 2);
    CHECK(study.authors[0].display() == "M\u00fcller A");
    CHECK(study.publication_types == std::vector<std::string>{"Review"});
    REQUIRE(study.abstract.size() == 2);
    CHECK(study.abstract[0].label == "CLINICAL CHARACTERISTICS");
    CHECK(study.abstract[1].text == "Oral Mg2+.");
    CHECK(study.language == "eng");
}

TEST_CASE("parse_pubmed_xml reads a whole book: book title as title, editors when no authors, history year") {
    const auto parsed = parse_fixture("book_without_chapter_title.xml");
    REQUIRE(parsed.studies.size() == 1);
    const auto& study = parsed.studies[0];
    CHECK(study.book);
    CHECK(study.title == "Dietary Reference Intakes for Calcium, Phosphorus, Magnesium");
    CHECK(study.journal == study.title);
    CHECK(study.year == 1997);
    CHECK(study.doi == "10.17226/5776");
    REQUIRE(study.authors.size() == 1);
    CHECK(study.authors[0].collective == "Institute of Medicine");
}
