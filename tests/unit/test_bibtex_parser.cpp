// BibTeX as doi.org and reference managers write it: inline cases, one rule each.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/crossref_parser.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::parse_bibtex;

namespace {

evidex::Study only_study(const evidex::ParsedRecords& parsed) {
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.studies.size() == 1);
    return parsed.studies.front();
}

// One @article around a title written as `title_value` (delimiters included).
evidex::Study study_with_title(const std::string& title_value) {
    return only_study(parse_bibtex("@article{k, title = " + title_value + ", year = 2000}", "title.bib"));
}

}  // namespace

TEST_CASE("parse_bibtex reads the fields of an article") {
    const auto study = only_study(parse_bibtex(R"(
@article{Smith_2019,
  author  = {Smith, John and Jane Q. Doe},
  title   = {Magnesium and {RLS}: a pilot study},
  journal = "Sleep Medicine",
  year    = 2019,
  month   = mar,
  volume  = {12},
  number  = {3},
  pages   = {45--67},
  doi     = {10.1016/J.SLEEP.2019.01.001},
  keywords = {magnesium; restless legs, sleep},
  abstract = {An open study of {10} patients.}
})",
                                               "refs.bib"));
    CHECK(study.title == "Magnesium and RLS: a pilot study");
    CHECK(study.journal == "Sleep Medicine");
    CHECK(study.year == 2019);
    CHECK(study.volume == "12");
    CHECK(study.issue == "3");
    CHECK(study.pages == "45-67");
    CHECK(study.doi == "10.1016/j.sleep.2019.01.001");
    CHECK(study.keywords == std::vector<std::string>{"magnesium", "restless legs", "sleep"});
    REQUIRE(study.abstract.size() == 1);
    CHECK(study.abstract[0].label.empty());
    CHECK(study.abstract[0].text == "An open study of 10 patients.");
    CHECK(study.publication_types == std::vector<std::string>{"journal-article"});
    CHECK(study.source == evidex::Source::doi);
    CHECK_FALSE(study.book);
    REQUIRE(study.authors.size() == 2);
    CHECK(study.authors[0].display() == "Smith John");
    CHECK(study.authors[1].display() == "Doe Jane Q.");
}

TEST_CASE("parse_bibtex reads braces, quotes, nested braces, numbers and concatenation") {
    struct Row {
        const char* value;
        const char* title;
    };
    const Row rows[] = {
        {"{Plain braces}", "Plain braces"},
        {"\"Plain quotes\"", "Plain quotes"},
        {"{{EVOLUTIONARY} {DIVERGENCES} IN {LEAF}}", "EVOLUTIONARY DIVERGENCES IN LEAF"},  // SICI entry style
        {"\"Quotes with {\"inner\"} quotes\"", "Quotes with \"inner\" quotes"},  // a quote inside braces
        {"{Deeply {nested {braces {here}}}}", "Deeply nested braces here"},
        {"1984", "1984"},                                       // a bare number
        {"\"Part one\" # { and } # \"part two\"", "Part one and part two"},  // '#' joins parts
        {"{Line\n   broken\ttitle}", "Line broken title"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.value);
        CHECK(study_with_title(row.value).title == row.title);
    }
}

TEST_CASE("parse_bibtex turns LaTeX accents and escapes into UTF-8") {
    struct Row {
        const char* value;
        const char* title;
    };
    const Row rows[] = {
        {R"({Caf{\'e} cr\`eme})", "Caf\u00e9 cr\u00e8me"},
        {R"({\"{U}ber M\"uller})", "\u00dcber M\u00fcller"},
        {R"({Stra\ss e in K{\o}benhavn})", "Stra\u00dfe in K\u00f8benhavn"},
        {R"({Fran\c{c}ois and Dvo\v{r}\'ak})", "Fran\u00e7ois and Dvo\u0159\u00e1k"},
        {R"({Ma{\~n}ana, Erd\H{o}s, {\'\i}ndice})", "Ma\u00f1ana, Erd\u0151s, \u00edndice"},
        {R"({Salt \& pepper, 50\% off, \#1})", "Salt & pepper, 50% off, #1"},
        {R"({\emph{In vivo} and \textit{in vitro}})", "In vivo and in vitro"},
        {R"({Pages 1--2, dash---here, non~breaking})", "Pages 1\u20132, dash\u2014here, non breaking"},
        {R"({The $\alpha$-synuclein story})", "The \u03b1-synuclein story"},
        {R"({Raw UTF-8 stays: 635–641})", "Raw UTF-8 stays: 635\u2013641"},
        {R"({Dr.\ Who and an empty accent\'{}})", "Dr. Who and an empty accent"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.value);
        CHECK(study_with_title(row.value).title == row.title);
    }
}

TEST_CASE("parse_bibtex expands month macros and @string macros") {
    const auto parsed = parse_bibtex(R"(
@string{jsm = "Journal of Sleep Medicine"}
@article{a, title = {Macro journal}, journal = jsm, year = 2001, month = aug}
@article{b, title = {Unknown macro}, journal = undefinedmacro, year = 2002})",
                                     "macros.bib");
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.studies.size() == 2);
    CHECK(parsed.studies[0].journal == "Journal of Sleep Medicine");
    CHECK(parsed.studies[1].journal == "undefinedmacro");  // kept as written rather than lost
}

TEST_CASE("parse_bibtex splits authors in each of BibTeX's name forms") {
    struct Row {
        const char* authors;
        std::vector<std::string> displays;
    };
    const Row rows[] = {
        {"Frank, Henry S.", {"Frank Henry S."}},
        {"Saul A. Cunningham and Bryan Summerhayes and Mark Westoby",
         {"Cunningham Saul A.", "Summerhayes Bryan", "Westoby Mark"}},
        {"{World Health Organization}", {"World Health Organization"}},  // braced: a collective
        {"{Barnes and Noble Research Group} and Smith, J.", {"Barnes and Noble Research Group", "Smith J."}},
        {"Ludwig van Beethoven", {"van Beethoven Ludwig"}},
        {"Hall, Jr., H. K.", {"Hall H. K. Jr."}},
        {"{\\'E}mile Zola AND Victor Hugo", {"Zola \u00c9mile", "Hugo Victor"}},  // "AND" in capitals too
        {"Madonna", {"Madonna"}},
        {"Smith, John and others", {"Smith John"}},  // "others" is et al., not a person
        {"Andersen, Hans and Sandra Anderson", {"Andersen Hans", "Anderson Sandra"}},  // "and" inside names
    };
    for (const auto& row : rows) {
        CAPTURE(row.authors);
        const auto study = only_study(
            parse_bibtex(std::string("@misc{k, title={T}, author={") + row.authors + "}}", "authors.bib"));
        std::vector<std::string> displays;
        for (const auto& author : study.authors) displays.push_back(author.display());
        CHECK(displays == row.displays);
    }
    const auto collective = only_study(parse_bibtex("@misc{k, title={T}, author={{World Health Organization}}}", "a.bib"));
    REQUIRE(collective.authors.size() == 1);
    CHECK(collective.authors[0].collective == "World Health Organization");
    CHECK(collective.authors[0].family.empty());
}

TEST_CASE("parse_bibtex keeps a SICI DOI with parentheses, brackets and a semicolon") {
    const auto study = only_study(parse_bibtex(R"(@article{Cunningham_1999,
	doi = {10.1890/0012-9615(1999)069[0569:edilsa]2.0.co;2},
	title = {{EVOLUTIONARY} {DIVERGENCES}},
	pages = {569--588}
})",
                                               "sici.bib"));
    CHECK(study.doi == "10.1890/0012-9615(1999)069[0569:edilsa]2.0.co;2");
    CHECK(study.pages == "569-588");
}

TEST_CASE("parse_bibtex reads doi.org's one-line entry with a leading space and a raw en dash") {
    const auto study = only_study(parse_bibtex(
        " @article{Frank_1970, title={Water}, DOI={10.1126/science.169.3946.635}, author={Frank, Henry S.}, "
        "year={1970}, month=Aug, pages={635\u2013641} }",
        "cn.bib"));
    CHECK(study.doi == "10.1126/science.169.3946.635");  // field names are case-insensitive
    CHECK(study.year == 1970);
    CHECK(study.pages == "635-641");
}

TEST_CASE("parse_bibtex fails an entry without a title alone and reads the next") {
    const auto parsed = parse_bibtex(R"(
@article{no_title_2001, author = {Nobody, A.}, year = 2001}
@article{with_title_2002, title = {Present}, year = 2002})",
                                     "refs.bib");
    REQUIRE(parsed.studies.size() == 1);
    CHECK(parsed.studies[0].title == "Present");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].where == "refs.bib: entry 1 (no_title_2001)");
    CHECK(parsed.errors[0].message == "no title");
}

TEST_CASE("parse_bibtex reads the fixture where a broken entry precedes a good one") {
    std::string text;
    REQUIRE(evidex::read_file((evidex::test::data_dir() / "crossref/bibtex_unterminated_entry_then_valid.bib").string(), text));
    const auto parsed = parse_bibtex(text, "broken.bib");
    REQUIRE(parsed.studies.size() == 1);
    CHECK(parsed.studies[0].title == "The entry after the broken one");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].where == "broken.bib: entry 1 (broken_2020)");
    CHECK(parsed.errors[0].message.find("field \"title\"") != std::string::npos);
}

TEST_CASE("parse_bibtex skips @comment, @preamble and text between entries") {
    const auto parsed = parse_bibtex(R"(
This line is a comment, and so is an e-mail: someone@example.org
@comment{ @article{ignored, title = {Inside a comment}} }
@preamble{ "\newcommand{\noop}[1]{}" }
@article{kept, title = {The only entry}}
)",
                                     "comments.bib");
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.studies.size() == 1);
    CHECK(parsed.studies[0].title == "The only entry");
}

TEST_CASE("parse_bibtex maps entry types to Crossref's type names") {
    struct Row {
        const char* entry;
        const char* type;
        const char* journal;
        bool book;
    };
    const Row rows[] = {
        {"@inproceedings{k, title={T}, booktitle={Proc. of a Workshop}}", "proceedings-article", "Proc. of a Workshop",
         false},
        {"@book{k, title={T}, publisher={P}, isbn={978-0-12-345678-9}}", "book", "", true},
        {"@incollection{k, title={T}, booktitle={A Handbook}}", "book-chapter", "A Handbook", true},
        {"@phdthesis{k, title={T}}", "dissertation", "", false},
        {"@misc{k, title={T}}", "misc", "", false},
        {"@ARTICLE(k, title={T}, journal={J})", "journal-article", "J", false},  // parentheses, capitals
    };
    for (const auto& row : rows) {
        CAPTURE(row.entry);
        const auto study = only_study(parse_bibtex(row.entry, "types.bib"));
        CHECK(study.publication_types == std::vector<std::string>{row.type});
        CHECK(study.journal == row.journal);
        CHECK(study.book == row.book);
    }
}

TEST_CASE("parse_bibtex reports text that holds no entries as one error") {
    const char* const texts[] = {
        "Frank, H. S. (1970). The Structure of Ordinary Water. Science, 169(3946), 635\u2013641.",
        "<html><head><title>Error: DOI Not Found</title></head></html>",
        "",
    };
    for (const char* text : texts) {
        CAPTURE(text);
        const auto parsed = parse_bibtex(text, "cn.bib");
        CHECK(parsed.studies.empty());
        CHECK(parsed.errors.size() == 1);
    }
}

TEST_CASE("parse_bibtex reports an invalid DOI instead of dropping it") {
    const auto parsed = parse_bibtex("@article{k, title={T}, doi={not-a-doi}}", "doi.bib");
    CHECK(parsed.studies.empty());
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].message == "invalid DOI \"not-a-doi\"");
}

TEST_CASE("parse_bibtex reads the pmid and pmcid fields that PubMed-aware exports write") {
    const auto parsed = parse_bibtex("@article{a, title={With ids}, pmid={9703590}, pmcid={PMC4512345}}\n"
                                     "@article{b, title={Bad id}, pmid = {see PubMed}}\n"
                                     "@article{c, title={Without}}",
                                     "ids.bib");
    REQUIRE(parsed.studies.size() == 2);
    CHECK(parsed.studies[0].pmid == "9703590");
    CHECK(parsed.studies[0].pmcid == "PMC4512345");
    CHECK(parsed.studies[1].pmid.empty());
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].message == "invalid PMID \"see PubMed\"");
}
