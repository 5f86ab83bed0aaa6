#include <doctest/doctest.h>

#include "core/text.h"

TEST_CASE("collapse_whitespace folds runs, including no-break spaces, and trims") {
    CHECK(evidex::collapse_whitespace("  Magnesium\n\t  for\xC2\xA0sleep  ") == "Magnesium for sleep");
    CHECK(evidex::collapse_whitespace("") == "");
    CHECK(evidex::collapse_whitespace(" \n ") == "");
    // Other multi-byte characters pass untouched.
    CHECK(evidex::collapse_whitespace("Mg\xC2\xB2\xE2\x81\xBA") == "Mg\xC2\xB2\xE2\x81\xBA");
}

TEST_CASE("collapse_whitespace turns bytes that are not UTF-8 into U+FFFD, one each") {
    const std::string fffd = "\xEF\xBF\xBD";
    struct Row {
        std::string in, out;
    };
    const Row rows[] = {
        {"Mg \xFF trial", "Mg " + fffd + " trial"},             // a stray byte (a record once sank its run)
        {"caf\xE9", "caf" + fffd},                             // Latin-1 under a UTF-8 label
        {"\xC0\xAF", fffd + fffd},                             // an overlong '/'
        {"\xED\xA0\x80x", fffd + fffd + fffd + "x"},            // a UTF-16 surrogate
        {"\xE2\x82 end", fffd + fffd + " end"},                 // a sequence cut short
        {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},        // above U+10FFFF
        {"\xF0\x9F\x98\x80 ok", "\xF0\x9F\x98\x80 ok"},          // a valid 4-byte sequence stays
    };
    for (const auto& row : rows) CHECK(evidex::collapse_whitespace(row.in) == row.out);
}

TEST_CASE("first_year_in finds the first plausible four-digit year") {
    CHECK(evidex::first_year_in("1998 Dec-1999 Jan") == 1998);
    CHECK(evidex::first_year_in("Spring 2001") == 2001);
    CHECK(evidex::first_year_in("Vol 12345") == 0);
    CHECK(evidex::first_year_in("no year") == 0);
    CHECK(evidex::first_year_in("0999 3001 2015") == 2015);
}

TEST_CASE("split keeps empty fields") {
    const auto parts = evidex::split("a\t\tb\t", '\t');
    REQUIRE(parts.size() == 4);
    CHECK(parts[0] == "a");
    CHECK(parts[1] == "");
    CHECK(parts[2] == "b");
    CHECK(parts[3] == "");
}

TEST_CASE("normalise_title folds case, punctuation, markup and the final full stop") {
    CHECK(evidex::normalise_title("The <i>Mg</i> Trial.") == "the mg trial");
    CHECK(evidex::normalise_title("Elderly: A double-blind trial") == evidex::normalise_title("elderly - a double blind trial."));
    CHECK(evidex::normalise_title("  ") == "");
}

TEST_CASE("fnv1a gives the published FNV-1a 64-bit values") {
    // Test vectors from the FNV reference (Fowler, Noll, Vo): the empty string is the offset basis.
    CHECK(evidex::fnv1a("") == 0xcbf29ce484222325ull);
    CHECK(evidex::fnv1a("a") == 0xaf63dc4c8601ec8cull);
    CHECK(evidex::fnv1a("foobar") == 0x85944171f73967e8ull);
}
