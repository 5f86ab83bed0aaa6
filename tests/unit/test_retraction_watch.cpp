#include <doctest/doctest.h>

#include <string>

#include "core/retraction_watch.h"
#include "core/text.h"

using evidex::parse_retraction_watch_csv;

TEST_CASE("parse_retraction_watch_csv reads the sample: quoted fields, doubled quotes, a row over two lines") {
    std::string text;
    REQUIRE(evidex::read_file(std::string(EVIDEX_TEST_DATA_DIR) + "/retractions/retraction_watch_sample.csv", text));
    const auto file = parse_retraction_watch_csv(text, "rw.csv");
    REQUIRE(file.notices.size() == 5);
    CHECK(file.notices[0].doi == "10.3390/nu11081927");
    CHECK(file.notices[0].pmid.empty());  // the file writes 0 for none
    CHECK(file.notices[0].notice_doi == "10.3390/nu16150001");
    CHECK(file.notices[0].notice_pmid == "39000001");
    CHECK(file.notices[0].retracts());
    CHECK(file.notices[1].line == 3);
    CHECK(file.notices[1].doi.empty());  // "unavailable"
    CHECK(file.notices[1].pmid == "9703590");
    CHECK(file.notices[1].date == "3/4/2020 0:00");
    CHECK(file.notices[2].line == 5);  // after the row that spans lines 3 and 4
    CHECK(file.notices[2].title.find("double-blind, placebo") != std::string::npos);
    CHECK(file.notices[3].nature == "Correction");
    CHECK_FALSE(file.notices[3].retracts());
    REQUIRE(file.errors.size() == 1);
    CHECK(file.errors[0].where == "rw.csv:8");
}

TEST_CASE("parse_retraction_watch_csv refuses another CSV and reports an unclosed quote") {
    const auto other = parse_retraction_watch_csv("name,age\nx,1\n", "o.csv");
    CHECK(other.notices.empty());
    REQUIRE(other.errors.size() == 1);
    CHECK(other.errors[0].message.find("not the Retraction Watch CSV") != std::string::npos);

    const auto cut = parse_retraction_watch_csv(
        "Title,OriginalPaperDOI,RetractionNature\nA,10.1000/a,Retraction\n\"B,10.1000/b,Retr", "cut.csv");
    REQUIRE(cut.notices.size() == 1);
    CHECK(cut.notices[0].doi == "10.1000/a");
    REQUIRE(cut.errors.size() == 1);
    CHECK(cut.errors[0].where == "cut.csv:3");

    const auto short_row = parse_retraction_watch_csv("Title,OriginalPaperDOI,RetractionNature\nA,10.1000/a\n", "s.csv");
    CHECK(short_row.notices.empty());
    REQUIRE(short_row.errors.size() == 1);
    CHECK(short_row.errors[0].message == "2 fields where the header has 3");
}
