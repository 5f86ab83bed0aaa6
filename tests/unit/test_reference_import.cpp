#include <doctest/doctest.h>

#include <string>

#include "core/reference_import.h"
#include "core/text.h"
#include "tests/support/paths.h"

using evidex::parse_id_list;
using evidex::parse_medline;
using evidex::parse_ris;

namespace {
std::string read_sample(const std::string& name) {
    std::string text;
    REQUIRE(evidex::read_file(std::string(EVIDEX_TEST_DATA_DIR) + "/import/" + name, text));
    return text;
}
}  // namespace

TEST_CASE("parse_id_list reads PMIDs and DOIs as users write them, and names each bad token's line") {
    const auto parsed = parse_id_list("# mine\n9703590\nPMID: 23853635\n"
                                      "doi:10.1136/OPENHRT-2018-000775; https://doi.org/10.1111/head.12789\n"
                                      "\nnot-an-id 25540137\n",
                                      "ids.txt");
    REQUIRE(parsed.entries.size() == 5);
    CHECK(parsed.entries[0].pmid == "9703590");
    CHECK(parsed.entries[0].label == "ids.txt:2");
    CHECK(parsed.entries[1].pmid == "23853635");  // "PMID:" and the number as two words
    CHECK(parsed.entries[2].doi == "10.1136/openhrt-2018-000775");
    CHECK(parsed.entries[3].doi == "10.1111/head.12789");
    CHECK(parsed.entries[4].pmid == "25540137");  // the line's good token survives its bad one
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].where == "ids.txt:6");
    CHECK(parsed.errors[0].message.find("not-an-id") != std::string::npos);
}

TEST_CASE("parse_medline reads PubMed's citation-manager export, continuation lines included") {
    const auto parsed = parse_medline(read_sample("pubmed_citation_manager.nbib"), "x.nbib");
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.entries.size() == 2);
    const auto& first = parsed.entries[0];
    CHECK(first.label == "x.nbib:1");
    CHECK(first.pmid == "9703590");
    CHECK(first.doi == "10.1093/sleep/21.5.501");
    CHECK(first.title == "Magnesium therapy for periodic leg movements-related insomnia and restless legs "
                         "syndrome: an open pilot study.");
    CHECK(first.authors == std::vector<std::string>{"Hornyak", "Voderholzer"});
    CHECK(first.year == 1998);
    CHECK(first.journal == "Sleep");
    CHECK(first.pages == "501-5");
    const auto& second = parsed.entries[1];
    CHECK(second.pmid == "25540137");
    CHECK(second.authors.front() == "de Baaij");  // AU "de Baaij JH": the initials dropped, the particle kept
    CHECK(second.journal == "Physiological reviews");
}

TEST_CASE("parse_ris reads a Zotero export; a record with nothing to look up is an error at its TY line") {
    const auto parsed = parse_ris(read_sample("zotero_export.ris"), "z.ris");
    REQUIRE(parsed.entries.size() == 2);
    CHECK(parsed.entries[0].doi == "10.3390/nu11081927");
    CHECK(parsed.entries[0].authors.front() == "Córdova");
    CHECK(parsed.entries[0].year == 2019);
    CHECK(parsed.entries[0].journal == "Nutrients");
    CHECK(parsed.entries[1].label == "z.ris:17");
    CHECK(parsed.entries[1].doi.empty());
    CHECK(parsed.entries[1].title == "The effect of magnesium supplementation on primary insomnia in elderly: "
                                     "A double-blind placebo-controlled clinical trial");
    CHECK(parsed.entries[1].pages == "1161-1169");
    // The citation string the bibliographic search is given.
    CHECK(parsed.entries[1].raw.find("Abbasi, Kimiagar, Sadeghniiat. The effect") == 0);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].where == "z.ris:31");
}

TEST_CASE("parse_ris takes a PMID from AN only when the record comes from PubMed, and from a PubMed URL") {
    const auto parsed = parse_ris("TY  - JOUR\nTI  - A\nAN  - 9703590\nDB  - PubMed\nER  -\n"
                                  "TY  - JOUR\nTI  - B\nAN  - WOS:000123\nER  -\n"
                                  "TY  - JOUR\nTI  - C\nAN  - 12345\nDB  - Web of Science\nER  -\n"
                                  "TY  - JOUR\nTI  - D\nUR  - https://pubmed.ncbi.nlm.nih.gov/23853635/\nER  -\n",
                                  "r.ris");
    REQUIRE(parsed.entries.size() == 4);
    CHECK(parsed.entries[0].pmid == "9703590");
    CHECK(parsed.entries[1].pmid.empty());
    CHECK(parsed.entries[2].pmid.empty());
    CHECK(parsed.entries[3].pmid == "23853635");
}

TEST_CASE("parse_ris keeps a record cut off by the end of the file, and says so") {
    const auto parsed = parse_ris("TY  - JOUR\nDO  - 10.3390/nu11081927\nTI  - Imp", "cut.ris");
    REQUIRE(parsed.entries.size() == 1);
    CHECK(parsed.entries[0].doi == "10.3390/nu11081927");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].message.find("no ER line") != std::string::npos);
}

TEST_CASE("the reference formats are told apart by their first line") {
    CHECK(evidex::looks_like_ris("\r\nTY  - JOUR\r\nTI  - x\r\n"));
    CHECK_FALSE(evidex::looks_like_ris("TI  - x\nTY  - JOUR\n"));
    CHECK(evidex::looks_like_medline("PMID- 9703590\nOWN - NLM\n"));
    CHECK_FALSE(evidex::looks_like_medline("PMID 9703590\n"));
    CHECK(evidex::looks_like_id_list("# PMIDs\n9703590\n23853635\n"));
    CHECK(evidex::looks_like_id_list("10.1093/sleep/21.5.501"));
    CHECK_FALSE(evidex::looks_like_id_list("1998 was a year of trials\n"));
    // A head cut mid-line: the partial last line is not judged.
    CHECK(evidex::looks_like_id_list("9703590\n2385"));
}

TEST_CASE("reference_entry_of turns a record read from BibTeX into an entry to look up") {
    evidex::Study study;
    study.doi = "10.1136/openhrt-2018-000775";
    study.title = "Magnesium for the prevention and treatment of cardiovascular disease";
    study.authors.push_back(evidex::Author{"DiNicolantonio", "James J.", "", "", "", ""});
    study.authors.push_back(evidex::Author{"", "", "", "", "Heart Study Group", ""});
    study.journal = "Open Heart";
    study.year = 2018;
    const auto entry = evidex::reference_entry_of(study, "lib.bib: record 2");
    CHECK(entry.label == "lib.bib: record 2");
    CHECK(entry.doi == study.doi);
    CHECK(entry.authors == std::vector<std::string>{"DiNicolantonio", "Heart Study Group"});
    CHECK(entry.raw == "DiNicolantonio, Heart Study Group. Magnesium for the prevention and treatment of "
                       "cardiovascular disease. Open Heart. 2018.");
}
