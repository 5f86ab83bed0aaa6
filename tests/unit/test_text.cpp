#include <doctest/doctest.h>

#include "core/text.h"

TEST_CASE("collapse_whitespace folds runs, including no-break spaces, and trims") {
    CHECK(evidex::collapse_whitespace("  Magnesium\n\t  for\xC2\xA0sleep  ") == "Magnesium for sleep");
    CHECK(evidex::collapse_whitespace("") == "");
    CHECK(evidex::collapse_whitespace(" \n ") == "");
    // Other multi-byte characters pass untouched.
    CHECK(evidex::collapse_whitespace("Mg\xC2\xB2\xE2\x81\xBA") == "Mg\xC2\xB2\xE2\x81\xBA");
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
