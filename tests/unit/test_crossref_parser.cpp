// Crossref REST bodies, CSL-JSON and JATS abstracts: inline cases, one rule each.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/crossref_parser.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::parse_crossref_json;
using evidex::parse_csl_json;
using evidex::parse_jats_abstract;

namespace {

// A /works/{doi} body around one work, as api.crossref.org sends it.
std::string work_body(const std::string& work) {
    return R"({"status":"ok","message-type":"work","message-version":"1.0.0","message":)" + work + "}";
}

std::string list_body(const std::string& items) {
    return R"({"status":"ok","message-type":"work-list","message":{"total-results":9,"items":[)" + items + "]}}";
}

std::string json_string(const std::string& text) { return nlohmann::json(text).dump(); }

evidex::Study only_study(const evidex::ParsedRecords& parsed) {
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.studies.size() == 1);
    return parsed.studies.front();
}

std::string only_error(const evidex::ParsedRecords& parsed) {
    CHECK(parsed.studies.empty());
    REQUIRE(parsed.errors.size() == 1);
    return parsed.errors.front().message;
}

}  // namespace

TEST_CASE("parse_crossref_json reads the bibliographic fields of a work") {
    const auto study = only_study(parse_crossref_json(work_body(R"({
        "DOI": "10.1000/ABC.123", "type": "journal-article", "language": "en",
        "title": ["Magnesium for leg cramps"], "container-title": ["Journal of Things"],
        "short-container-title": ["J Things"], "volume": "12", "issue": "3", "page": "45-67",
        "published-print": {"date-parts": [[2019, 5]]},
        "subject": ["Neurology", "Pharmacology"],
        "author": [
            {"given": "Anna J.", "family": "Turbelin", "ORCID": "http://orcid.org/0000-0003-1572-535X",
             "sequence": "first", "affiliation": []},
            {"given": "Donald", "family": "Hora", "suffix": "Jr.", "sequence": "additional"}]})"),
                                                      "work.json"));
    CHECK(study.doi == "10.1000/abc.123");  // normalised: lower case
    CHECK(study.title == "Magnesium for leg cramps");
    CHECK(study.journal == "Journal of Things");
    CHECK(study.journal_abbrev == "J Things");
    CHECK(study.volume == "12");
    CHECK(study.issue == "3");
    CHECK(study.pages == "45-67");
    CHECK(study.year == 2019);
    CHECK(study.language == "en");
    CHECK(study.keywords == std::vector<std::string>{"Neurology", "Pharmacology"});
    CHECK(study.publication_types == std::vector<std::string>{"journal-article"});
    CHECK(study.source == evidex::Source::crossref);
    CHECK(study.pmid.empty());
    CHECK_FALSE(study.book);
    CHECK_FALSE(study.is_notice);
    REQUIRE(study.authors.size() == 2);
    CHECK(study.authors[0].family == "Turbelin");
    CHECK(study.authors[0].given == "Anna J.");
    CHECK(study.authors[0].orcid == "0000-0003-1572-535X");  // bare form, check digit X kept
    CHECK(study.authors[1].display() == "Hora Donald Jr.");
}

TEST_CASE("parse_crossref_json takes the year from the first date that has one") {
    struct Row {
        const char* dates;
        std::optional<int> year;
    };
    const Row rows[] = {
        {R"("published-print":{"date-parts":[[2021,5]]},"published-online":{"date-parts":[[2020,8,17]]})", 2021},
        {R"("published-online":{"date-parts":[[2015,11,19]]},"created":{"date-parts":[[2014,1,1]]})", 2015},
        {R"("published":{"date-parts":[[2012,3]]},"issued":{"date-parts":[[2011]]})", 2012},
        {R"("issued":{"date-parts":[[1997,7]]},"created":{"date-parts":[[2005,2,24]]})", 1997},
        // issued [[null]]: no publication date recorded; created is the last resort.
        {R"("issued":{"date-parts":[[null]]},"created":{"date-parts":[[2004,6,22]]})", 2004},
        {R"("issued":{"date-parts":[["1999","11"]]})", 1999},  // years as strings
        {R"("issued":{"date-parts":[[null]]})", std::nullopt},
    };
    for (const auto& row : rows) {
        CAPTURE(row.dates);
        const std::string work = std::string(R"({"DOI":"10.1000/d","title":["Dated"],)") + row.dates + "}";
        CHECK(only_study(parse_crossref_json(work_body(work), "dates.json")).year == row.year);
    }
}

TEST_CASE("parse_crossref_json strips inline markup and entities from titles and journals") {
    struct Row {
        const char* raw;
        const char* plain;
    };
    const Row rows[] = {
        // Crossref keeps the publisher's line breaks around <i> (10.1136/jclinpath-2020-206745).
        {"panel for detecting\n    <i>KRAS</i>\n    /\n    <i>NRAS</i>\n    mutations", "panel for detecting KRAS / NRAS mutations"},
        {"Base Strengths of Amines<sup>1</sup>", "Base Strengths of Amines1"},
        {"H<sub>2</sub>O<sub>2</sub> and <b>NO</b>", "H2O2 and NO"},
        {"Photoimmunology &amp; Photomedicine", "Photoimmunology & Photomedicine"},
        {"Caf&#233; &#x2013; bar", "Caf\u00e9 \u2013 bar"},
        {"&lt;i&gt; is escaped, not a tag", "<i> is escaped, not a tag"},
        {"p < 0.05 in &lt;10% of cases", "p < 0.05 in <10% of cases"},  // a lone '<' is text
        {"<mml:math><mml:mi>\u03b1</mml:mi></mml:math>-synuclein", "\u03b1-synuclein"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.raw);
        const std::string work = R"({"DOI":"10.1000/t","title":[)" + json_string(row.raw) +
                                 R"(],"container-title":[)" + json_string(row.raw) + "]}";
        const auto study = only_study(parse_crossref_json(work_body(work), "title.json"));
        CHECK(study.title == row.plain);
        CHECK(study.journal == row.plain);
    }
}

TEST_CASE("parse_crossref_json keeps an organisation author as a collective") {
    const auto study = only_study(parse_crossref_json(work_body(R"({"DOI":"10.1371/journal.pone.0203153",
        "title":["Correction: Pollination in a new climate"],
        "author":[{"name":"The PLOS ONE Staff","sequence":"first","affiliation":[]},
                  {"sequence":"additional","affiliation":[]}]})"),
                                                      "org.json"));
    REQUIRE(study.authors.size() == 1);  // the entry with neither family nor name is dropped
    CHECK(study.authors[0].collective == "The PLOS ONE Staff");
    CHECK(study.authors[0].family.empty());
    CHECK(study.authors[0].display() == "The PLOS ONE Staff");
}

TEST_CASE("parse_crossref_json marks a work with update-to as a notice about another work") {
    const auto study = only_study(parse_crossref_json(work_body(R"({"DOI":"10.1371/journal.pone.0129989",
        "title":["Correction: A study"], "type":"journal-article",
        "update-to":[{"updated":{"date-parts":[[2015,6,3]]},"DOI":"10.1371/journal.pone.0120799",
                      "type":"correction","label":"Correction"}]})"),
                                                      "notice.json"));
    CHECK(study.is_notice);
    CHECK_FALSE(study.retracted);
    REQUIRE(study.notices.size() == 1);
    CHECK(study.notices[0].kind == "correction");
    CHECK(study.notices[0].doi == "10.1371/journal.pone.0120799");
    CHECK(study.notices[0].note == "Correction");
}

TEST_CASE("parse_crossref_json marks a work retracted only when updated-by holds a retraction") {
    struct Row {
        const char* type;
        bool retracted;
    };
    const Row rows[] = {{"retraction", true}, {"correction", false}, {"expression_of_concern", false}};
    for (const auto& row : rows) {
        CAPTURE(row.type);
        const std::string work = R"({"DOI":"10.1000/r","title":["Retracted or not"],"updated-by":[
            {"DOI":"10.1000/NOTICE","type":")" + std::string(row.type) + R"(","source":"publisher"}]})";
        const auto study = only_study(parse_crossref_json(work_body(work), "updated.json"));
        CHECK(study.retracted == row.retracted);
        CHECK_FALSE(study.is_notice);  // the notice is another record
        REQUIRE(study.notices.size() == 1);
        CHECK(study.notices[0].kind == row.type);
        CHECK(study.notices[0].doi == "10.1000/notice");
    }
}

TEST_CASE("parse_crossref_json flags books by type or ISBN") {
    struct Row {
        const char* fields;
        bool book;
    };
    const Row rows[] = {
        {R"("type":"book-chapter")", true},
        {R"("type":"monograph")", true},
        {R"("type":"reference-entry","ISBN":["9780199830060"])", true},
        {R"("type":"journal-article")", false},
        {R"("type":"posted-content","subtype":"preprint")", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.fields);
        const std::string work = std::string(R"({"DOI":"10.1000/b","title":["Book or not"],)") + row.fields + "}";
        CHECK(only_study(parse_crossref_json(work_body(work), "book.json")).book == row.book);
    }
}

TEST_CASE("parse_crossref_json keeps a posted-content subtype beside the type") {
    const auto study = only_study(parse_crossref_json(
        work_body(R"({"DOI":"10.1101/x","title":["Preprint"],"type":"posted-content","subtype":"preprint"})"),
        "preprint.json"));
    CHECK(study.publication_types == std::vector<std::string>{"posted-content", "preprint"});
}

TEST_CASE("parse_crossref_json reports an error body as one error, never as a record") {
    struct Row {
        const char* body;
        const char* said;  // part of the message: what the server said
    };
    const Row rows[] = {
        {R"({"status":"failed","message-type":"validation-failure","message":[{"type":"integer-not-valid",
            "value":"200","message":"Integer specified as 200 but must be a positive integer less than or equal to 100. "}]})",
         "Integer specified as 200 but must be a positive integer"},
        {R"({"status":"failed","message-type":"resource-failure","message":[{"type":"cursor-invalid",
            "value":"thing","message":"Cursor specified but it is invalid"}]})",
         "cursor-invalid: Cursor specified but it is invalid"},
        {R"({"status":"error","message-type":"exception","message":{"name":"class clojure.lang.ExceptionInfo",
            "message":"Response Exception","stack":["a","b"]}})",
         "Response Exception"},
        {"Resource not found.", "Resource not found."},
        {"<html><head><title>Error: DOI Not Found</title></head><body>...</body></html>", "Error: DOI Not Found"},
        {"<!DOCTYPE html>\n<html><body>Bad gateway</body></html>", "HTML page"},
        {"  \n", "empty"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.body);
        const auto parsed = parse_crossref_json(row.body, "works/10.1000/x");
        CHECK(only_error(parsed).find(row.said) != std::string::npos);
        CHECK(parsed.errors.front().where == "works/10.1000/x");
    }
}

TEST_CASE("parse_crossref_json reports malformed JSON with the byte where it broke") {
    const auto message = only_error(parse_crossref_json(R"({"status":"ok","message-type":"work","mess)", "cut.json"));
    CHECK(message.rfind("malformed JSON at byte 43: ", 0) == 0);  // 42 bytes read, the 43rd is missing
    CHECK(message.find("json.exception") == std::string::npos);  // the library's prefix is not ours to show
}

TEST_CASE("parse_crossref_json reports a number too large for a double as an error of the body") {
    // Found by fuzz_crossref_json: nlohmann throws out_of_range (not parse_error) for "7e7777",
    // which escaped the parser and ended the run.
    for (const std::string body : {R"({"status":"ok","message-type":"work","message":{"DOI":"10.1000/x","volume":7e7777}})",
                                   R"({"status":"ok","message-type":"work-list","message":{"items":[-1e999]}})"}) {
        CAPTURE(body);
        std::string message;
        CHECK_NOTHROW(message = only_error(parse_crossref_json(body, "big-number.json")));
        CHECK(message.rfind("malformed JSON: number overflow parsing '", 0) == 0);
        CHECK(message.find("json.exception") == std::string::npos);
    }
    CHECK_NOTHROW(parse_csl_json(R"([{"id":"x","type":"article-journal","volume":1e400}])", "big-number.json"));
}

TEST_CASE("parse_crossref_json reads a body that starts with a UTF-8 byte-order mark") {
    const auto study = only_study(parse_crossref_json("\xEF\xBB\xBF" + work_body(R"({"DOI":"10.1000/bom","title":["BOM"]})"),
                                                      "bom.json"));
    CHECK(study.doi == "10.1000/bom");
}

TEST_CASE("parse_crossref_json refuses message types that are not works") {
    const char* const bodies[] = {
        R"({"status":"ok","message-type":"work-agency","message":{"DOI":"10.5284/1011335","agency":{"id":"datacite"}}})",
        R"({"status":"ok","message-type":"member","message":{"id":311,"primary-name":"Wiley"}})",
    };
    for (const char* body : bodies) {
        CAPTURE(body);
        CHECK(only_error(parse_crossref_json(body, "agency.json")).rfind("not a Crossref work: message-type ", 0) == 0);
    }
}

TEST_CASE("parse_crossref_json reads a work-list with zero items as nothing at all") {
    const auto parsed = parse_crossref_json(list_body(""), "empty.json");
    CHECK(parsed.studies.empty());
    CHECK(parsed.errors.empty());
}

TEST_CASE("parse_crossref_json fails a list item without a DOI or title alone") {
    const auto parsed = parse_crossref_json(list_body(R"(
        {"DOI":"10.1000/one","title":["First"]},
        {"title":["No DOI here"]},
        {"DOI":"10.1000/three","title":[]},
        {"DOI":"10.1000/four","title":["Fourth"]})"),
                                            "list.json");
    REQUIRE(parsed.studies.size() == 2);
    CHECK(parsed.studies[0].doi == "10.1000/one");
    CHECK(parsed.studies[1].doi == "10.1000/four");
    REQUIRE(parsed.errors.size() == 2);
    CHECK(parsed.errors[0].where == "list.json: item 2");
    CHECK(parsed.errors[0].message == "no DOI");
    CHECK(parsed.errors[1].where == "list.json: item 3 (DOI 10.1000/three)");
    CHECK(parsed.errors[1].message == "no title");
}

TEST_CASE("parse_crossref_json reads the fixture of a work with no issued date") {
    std::string body;
    REQUIRE(evidex::read_file((evidex::test::data_dir() / "crossref/no_issued_date.json").string(), body));
    const auto study = only_study(parse_crossref_json(body, "no_issued_date.json"));
    CHECK(study.year == 2004);  // from "created": issued is [[null]]
    CHECK(study.publication_types == std::vector<std::string>{"proceedings-article"});
}

TEST_CASE("parse_crossref_json reads the fixture of a list whose second item lacks a DOI") {
    std::string body;
    REQUIRE(evidex::read_file((evidex::test::data_dir() / "crossref/work_list_item_without_doi.json").string(), body));
    const auto parsed = parse_crossref_json(body, "list.json");
    CHECK(parsed.studies.size() == 2);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].where == "list.json: item 2");
}

TEST_CASE("parse_crossref_json turns a JATS abstract into labelled sections") {
    const auto study = only_study(parse_crossref_json(work_body(R"({"DOI":"10.1000/a","title":["Abstracted"],
        "abstract":"<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec><jats:sec><jats:title>Results</jats:title><jats:p>What.</jats:p></jats:sec>"})"),
                                                      "abstract.json"));
    REQUIRE(study.abstract.size() == 2);
    CHECK(study.abstract_text() == "Background: Why.\nResults: What.");
}

TEST_CASE("parse_jats_abstract reads sections, loose paragraphs and plain text") {
    using Sections = std::vector<std::pair<std::string, std::string>>;  // label, text
    struct Row {
        const char* jats;
        Sections sections;
    };
    const Row rows[] = {
        {"<jats:p>One paragraph.</jats:p>", {{"", "One paragraph."}}},
        // Wiley and Nature put an "Abstract" heading first: it names the whole, not a section.
        {"<jats:title>Abstract</jats:title><jats:p>Twenty\u2010two beagles.</jats:p><jats:p>Second.</jats:p>",
         {{"", "Twenty\u2010two beagles. Second."}}},
        {"<jats:sec id=\"sec001\">\n<jats:title>Background</jats:title>\n<jats:p>Why.</jats:p>\n</jats:sec>\n"
         "<jats:sec id=\"sec002\">\n<jats:title>Methods</jats:title>\n<jats:p>How.</jats:p>\n</jats:sec>",
         {{"Background", "Why."}, {"Methods", "How."}}},
        {"<sec><title>Methods</title><p>No prefix.</p></sec>", {{"Methods", "No prefix."}}},  // no jats: prefix
        {"<p>Ours is a world of sights.</p>", {{"", "Ours is a world of sights."}}},
        {"Plain text, no markup at all.", {{"", "Plain text, no markup at all."}}},
        // Inline markup is text; its neighbours are not pulled apart or together.
        {"<jats:p>Mutations in\n <jats:italic>KRAS</jats:italic>\n and 10<jats:sup>5</jats:sup> cells</jats:p>",
         {{"", "Mutations in KRAS and 105 cells"}}},
        {"<jats:p>p &lt; 0.05 &amp; n&nbsp;=&nbsp;12 &#8211; done</jats:p>", {{"", "p < 0.05 & n = 12 \u2013 done"}}},
        // Not well-formed: the text is kept all the same.
        {"<jats:p>p < 0.05 in <b>bold</jats:p>", {{"", "p < 0.05 in bold"}}},
        {"<jats:title>Summary</jats:title><jats:p>A titled paragraph.</jats:p>", {{"Summary", "A titled paragraph."}}},
        {"   ", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.jats);
        const auto sections = parse_jats_abstract(row.jats);
        REQUIRE(sections.size() == row.sections.size());
        for (std::size_t i = 0; i < sections.size(); ++i) {
            CHECK(sections[i].label == row.sections[i].first);
            CHECK(sections[i].text == row.sections[i].second);
            CHECK(sections[i].nlm_category.empty());
        }
    }
}

TEST_CASE("parse_csl_json reads one item, an array, and an object keyed by DOI") {
    const std::string item = R"({"DOI":"10.1000/ONE","type":"article-journal","title":"A CSL item",
        "container-title":"Journal","issued":{"date-parts":[[2020,1,2]]},"author":[{"family":"Smith","given":"J"}]})";
    const std::string second = R"({"DOI":"10.1000/two","type":"journal-article","title":["As an array"]})";
    struct Row {
        std::string body;
        std::size_t studies;
    };
    const Row rows[] = {
        {item, 1},
        {"[" + item + "," + second + "]", 2},
        {R"({"10.1000/ONE":[)" + item + R"(],"10.1000/TWO":[)" + second + "]}", 2},  // citation-js
    };
    for (const auto& row : rows) {
        CAPTURE(row.body);
        const auto parsed = parse_csl_json(row.body, "items.json");
        CHECK(parsed.errors.empty());
        REQUIRE(parsed.studies.size() == row.studies);
        const auto& first = parsed.studies.front();
        CHECK(first.doi == "10.1000/one");  // upper-case DOI normalised
        CHECK(first.title == "A CSL item");
        CHECK(first.journal == "Journal");
        CHECK(first.year == 2020);
        CHECK(first.publication_types == std::vector<std::string>{"journal-article"});  // CSL name mapped
        CHECK(first.source == evidex::Source::doi);
        REQUIRE(first.authors.size() == 1);
        CHECK(first.authors[0].display() == "Smith J");
    }
}

TEST_CASE("parse_csl_json reads literal and raw dates and literal authors") {
    const auto parsed = parse_csl_json(R"([
        {"title":"Literal","issued":{"literal":"Spring 2001"},"author":[{"literal":"WHO Study Group"}]},
        {"title":"Raw","issued":{"raw":"1998-05-01"},"type":"chapter"}])",
                                       "dates.json");
    REQUIRE(parsed.studies.size() == 2);
    CHECK(parsed.studies[0].year == 2001);
    REQUIRE(parsed.studies[0].authors.size() == 1);
    CHECK(parsed.studies[0].authors[0].collective == "WHO Study Group");
    CHECK(parsed.studies[0].doi.empty());  // CSL items need no DOI
    CHECK(parsed.studies[1].year == 1998);
    CHECK(parsed.studies[1].publication_types == std::vector<std::string>{"book-chapter"});
    CHECK(parsed.studies[1].book);
}

TEST_CASE("parse_csl_json fails an item without a title alone") {
    const auto parsed = parse_csl_json(R"([{"DOI":"10.1000/a","title":"Kept"},{"DOI":"10.1000/B","title":""},
        {"DOI":"10.1000/c","title":"Also kept"}])",
                                       "csl.json");
    CHECK(parsed.studies.size() == 2);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].where == "csl.json: item 2 (DOI 10.1000/B)");
    CHECK(parsed.errors[0].message == "no title");
}

TEST_CASE("parse_csl_json refuses bodies that are not CSL-JSON") {
    const char* const bodies[] = {
        R"({"status":"ok","message-type":"work","message":{"DOI":"10.1000/x","title":["x"]}})",
        "<html><title>Error: Not a DOI</title></html>",
        "Resource not found.",
        R"([{"title":"cut)",
    };
    for (const char* body : bodies) {
        CAPTURE(body);
        only_error(parse_csl_json(body, "csl.json"));
    }
}

TEST_CASE("parse_csl_json reads the PubMed ids reference managers write, and fails an item whose id is not one") {
    const auto parsed = parse_csl_json(R"([
        {"title":"Both ids","PMID":"26016859","PMCID":"PMC4512345","DOI":"10.1000/a"},
        {"title":"A number, and the prefixed form","PMID":9703590,"PMCID":"pmcid: pmc123"},
        {"title":"Blank ids","PMID":"  ","PMCID":""},
        {"title":"Not a PMID","PMID":"n/a"},
        {"title":"Not a PMCID","PMCID":"PMC"}])",
                                       "pmids.json");
    REQUIRE(parsed.studies.size() == 3);
    CHECK(parsed.studies[0].pmid == "26016859");
    CHECK(parsed.studies[0].pmcid == "PMC4512345");
    CHECK(parsed.studies[0].doi == "10.1000/a");
    CHECK(parsed.studies[1].pmid == "9703590");
    CHECK(parsed.studies[1].pmcid == "PMC123");
    CHECK(parsed.studies[2].pmid.empty());
    CHECK(parsed.studies[2].pmcid.empty());
    REQUIRE(parsed.errors.size() == 2);
    CHECK(parsed.errors[0].to_string() == "pmids.json: item 4: invalid PMID \"n/a\"");
    CHECK(parsed.errors[1].to_string() == "pmids.json: item 5: invalid PMCID \"PMC\"");
}

TEST_CASE("parse_crossref_json leaves PMID members to CSL-JSON") {
    // Crossref's REST API has no such member; a stray one is not taken for a PubMed id.
    const auto parsed = parse_crossref_json(
        R"({"status":"ok","message-type":"work","message":{"DOI":"10.1000/x","title":["T"],"PMID":"123"}})", "w.json");
    REQUIRE(parsed.studies.size() == 1);
    CHECK(parsed.studies[0].pmid.empty());
}
