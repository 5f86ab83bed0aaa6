#include <doctest/doctest.h>

#include "core/ids.h"

using evidex::normalize_doi;
using evidex::normalize_pmcid;
using evidex::normalize_pmid;

TEST_CASE("normalize_doi strips prefixes, decodes once and lower-cases") {
    struct Row {
        const char* input;
        const char* expected;  // nullptr: not a DOI
    };
    const Row rows[] = {
        {"10.3390/nu9050429", "10.3390/nu9050429"},
        {"doi:10.3390/NU9050429", "10.3390/nu9050429"},
        {"DOI: 10.1161/HYPERTENSIONAHA.116.07664", "10.1161/hypertensionaha.116.07664"},
        {"https://doi.org/10.1371/journal.pone.0208454", "10.1371/journal.pone.0208454"},
        {"http://dx.doi.org/10.1038/ejcn.2014.7", "10.1038/ejcn.2014.7"},
        {"10.1016%2Fs1262-3636(07)70116-7", "10.1016/s1262-3636(07)70116-7"},
        // Decoded once only: %2528 becomes %28, not "(".
        {"10.1000/a%2528b", "10.1000/a%28b"},
        // A sentence's full stop is not part of the DOI.
        {"10.1007/BF00400855.", "10.1007/bf00400855"},
        {"10.1890/0012-9615(1999)069[0569:EDILSA]2.0.CO;2", "10.1890/0012-9615(1999)069[0569:edilsa]2.0.co;2"},
        {"  10.2337/dc10-0994 ", "10.2337/dc10-0994"},
        {"11.1000/abc", nullptr},
        {"10.1000", nullptr},
        {"10.1000/", nullptr},
        {"10.abc/def", nullptr},
        {"10.1000/has space", nullptr},
        {"", nullptr},
        {"foo", nullptr},
        // Decoding must leave UTF-8: "%F5" once made a reference list's audit fail as invalid JSON.
        {"10.18431/u-%F5%7Cml", nullptr},
        {"10.1000/caf\xE9", nullptr},
        {"10.1000/caf%C3%A9", "10.1000/caf\xC3\xA9"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        const auto doi = normalize_doi(row.input);
        if (row.expected) {
            REQUIRE(doi.has_value());
            CHECK(*doi == row.expected);
        } else {
            CHECK_FALSE(doi.has_value());
        }
    }
}

TEST_CASE("normalize_pmid accepts digits, prefixes and versions, and refuses the rest") {
    CHECK(normalize_pmid("9703590") == "9703590");
    CHECK(normalize_pmid("PMID: 9703590") == "9703590");
    CHECK(normalize_pmid("pmid:9703590") == "9703590");
    CHECK(normalize_pmid("28445426.2") == "28445426");
    CHECK_FALSE(normalize_pmid("0123").has_value());
    CHECK_FALSE(normalize_pmid("12a4").has_value());
    CHECK_FALSE(normalize_pmid("1234567890").has_value());
    CHECK_FALSE(normalize_pmid("123.").has_value());
    CHECK_FALSE(normalize_pmid("").has_value());
}

TEST_CASE("normalize_pmcid gives the PMC-prefixed form") {
    CHECK(normalize_pmcid("PMC5452159") == "PMC5452159");
    CHECK(normalize_pmcid("pmc5452159") == "PMC5452159");
    CHECK(normalize_pmcid("5452159") == "PMC5452159");
    CHECK_FALSE(normalize_pmcid("PMCx").has_value());
}

TEST_CASE("normalize_orcid gives the bare dashed form, or nothing") {
    CHECK(evidex::normalize_orcid("https://orcid.org/0000-0002-1825-0097") == "0000-0002-1825-0097");
    CHECK(evidex::normalize_orcid("http://orcid.org/0000-0003-1572-535x") == "0000-0003-1572-535X");
    CHECK(evidex::normalize_orcid("0000000218250097") == "0000-0002-1825-0097");
    CHECK(evidex::normalize_orcid("0000-0002-1825") == "");
    CHECK(evidex::normalize_orcid("not an orcid") == "");
}
