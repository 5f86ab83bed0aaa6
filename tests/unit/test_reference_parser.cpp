#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/references.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::ReferenceEntry;
using evidex::parse_reference;

namespace {

// The numbered entries under "Scientific Studies" on the sales page, by number, as printed.
std::map<int, std::string> seed_000_entries() {
    std::string text;
    REQUIRE(evidex::read_file((evidex::test::shared_dir() / "seeds" / "000_11ac764d89010b1a.txt").string(), text));
    const auto heading = text.find("\nScientific Studies\n");
    REQUIRE(heading != std::string::npos);
    std::map<int, std::string> entries;
    for (const auto line : evidex::split(std::string_view(text).substr(heading), '\n')) {
        const auto item = evidex::trim(line);
        const auto dot = item.find(". ");
        if (dot == std::string_view::npos || dot == 0 || dot > 2) continue;
        if (item.find_first_not_of("0123456789") != dot) continue;
        entries[std::stoi(std::string(item.substr(0, dot)))] = std::string(item.substr(dot + 2));
    }
    return entries;
}

std::string first_author(const ReferenceEntry& e) { return e.authors.empty() ? std::string() : e.authors.front(); }

}  // namespace

TEST_CASE("parse_reference reads DOI, first author, year and journal of every entry of the sales page") {
    EVIDEX_REQUIRE_SHARED();
    struct Row {
        int number;
        const char* doi;  // as printed; DOIs compare lower-cased
        const char* first_author;
        int year;
        const char* journal;
    };
    const Row rows[] = {
        {1, "10.1152/physrev.00012.2014", "de Baaij", 2015, "Physiol Rev"},
        {2, "10.1136/openhrt-2018-000775", "DiNicolantonio", 2018, "Open Heart"},
        {3, "10.3390/nu9050429", "Boyle", 2017, "Nutrients"},
        {4, "10.1371/journal.pone.0208454", "Pouteau", 2018, "PLoS One"},
        {5, "10.1016/j.mehy.2006.01.047", "Eby", 2006, "Med Hypotheses"},
        {6, "10.1371/journal.pone.0180067", "Tarleton", 2017, "PLoS One"},
        {7, "10.3390/nu12061661", "Botturi", 2020, "Nutrients"},
        {8, "", "Barragán-Rodríguez", 2008, "Magnes Res"},
        // The DOI's brackets belong to it.
        {9, "10.1016/s1262-3636(07)70116-7", "Guerrero-Romero", 2004, "Diabetes Metab"},
        {10, "", "Takaya", 2004, "Magnes Res"},
        {11, "10.1007/BF00400855", "Schnack", 1992, "Diabetologia"},
        {12, "10.2337/diacare.26.4.1147", "Rodríguez-Morán", 2003, "Diabetes Care"},
        // "[published online ahead of print, 2020 Jul 11]" is not the year; "2020;1-17" has no volume.
        {13, "10.1080/10408398.2020.1790498", "Askari", 2020, "Crit Rev Food Sci Nutr"},
        {14, "10.3945/ajcn.114.098616", "Asemi", 2015, "Am J Clin Nutr"},
        {15, "10.3390/nu9090946", "Zhang", 2017, "Nutrients"},
        {16, "10.3390/nu11081927", "Córdova", 2019, "Nutrients"},
        {17, "", "Abbasi", 2012, "J Res Med Sci"},
        {18, "10.3390/nu5083022", "Castiglioni", 2013, "Nutrients"},
        {19, "10.3945/ajcn.113.067488", "Orchard", 2014, "Am J Clin Nutr"},
        {20, "10.1161/HYPERTENSIONAHA.116.07664", "Zhang", 2016, "Hypertension"},
        {21, "10.1038/sj.ejcn.1601689", "Tam", 2003, "Eur J Clin Nutr"},
        {22, "", "Moslehi", 2012, "J Res Med Sci"},
        {23, "10.2337/dc10-0994", "Kim", 2010, "Diabetes Care"},
        {24, "10.2147/JIR.S136742", "Nielsen", 2018, "J Inflamm Res"},
        {25, "10.7556/jaoa.2018.037", "Uwitonze", 2018, "J Am Osteopath Assoc"},
        {26, "10.1016/j.neuropharm.2011.07.027", "Sartori", 2012, "Neuropharmacology"},
        {27, "10.1080/00048670802534408", "Jacka", 2009, "Aust N Z J Psychiatry"},
        {28, "", "Grases", 2006, "Magnes Res"},
        {29, "10.1002/clc.4960270411", "Takase", 2004, "Clin Cardiol"},
        {30, "10.3390/nu9050429", "Boyle", 2017, "Nutrients"},
        // APA-style, an internal report: no journal.
        {31, "", "Caillard", 1992, ""},
        {32, "10.3390/nu9050429", "Boyle", 2017, "Nutrients"},
        {33, "10.1371/journal.pone.0208454", "Pouteau", 2018, "PLoS One"},
        {34, "", "Bøhmer", 1990, "Magnes Trace Elem"},
        {35, "", "Firoz", 2001, "Magnes Res"},
        // The title ends in "?" with no full stop before the journal.
        {36, "10.1007/s12011-018-1351-9", "Uysal", 2019, "Biol Trace Elem Res"},
        {37, "10.1097/MJT.0000000000000538", "Reddy", 2019, "Am J Ther"},
        // A fact sheet: no author, no journal; the year is the access date's.
        {38, "", "", 2021, ""},
    };
    const auto entries = seed_000_entries();
    REQUIRE(entries.size() == 38);
    for (const auto& row : rows) {
        CAPTURE(row.number);
        REQUIRE(entries.count(row.number) == 1);
        const auto e = parse_reference(entries.at(row.number), std::to_string(row.number));
        CHECK(e.label == std::to_string(row.number));
        CHECK(e.doi == evidex::ascii_lower(row.doi));
        CHECK(first_author(e) == row.first_author);
        REQUIRE(e.year.has_value());
        CHECK(*e.year == row.year);
        CHECK(e.journal == row.journal);
        CHECK(e.unpublished == (row.number == 31));
        CHECK(e.web_page == (row.number == 38));
    }
}

TEST_CASE("parse_reference reads the duplicates of a sales-page reference exactly as the first") {
    EVIDEX_REQUIRE_SHARED();
    const auto entries = seed_000_entries();
    const auto first = parse_reference(entries.at(3), "3");
    for (const int duplicate : {30, 32}) {
        CAPTURE(duplicate);
        const auto e = parse_reference(entries.at(duplicate), std::to_string(duplicate));
        CHECK(e.raw == first.raw);
        CHECK(e.doi == first.doi);
        CHECK(e.authors == first.authors);
        CHECK(e.title == first.title);
        CHECK(e.journal == first.journal);
        CHECK(e.year == first.year);
        CHECK(e.volume == first.volume);
        CHECK(e.issue == first.issue);
        CHECK(e.pages == first.pages);
    }
}

TEST_CASE("parse_reference splits Vancouver titles, volumes, issues and pages of the sales page") {
    EVIDEX_REQUIRE_SHARED();
    struct Row {
        int number;
        const char* title;
        const char* volume;
        const char* issue;
        const char* pages;
    };
    const Row rows[] = {
        {1, "Magnesium in man: implications for health and disease", "95", "1", "1-46"},
        {2, "Magnesium for the prevention and treatment of cardiovascular disease", "5", "2", "e000775"},
        // Two sentences in one title; the page dropped "insulin" twice and we keep what is printed.
        {9,
         "Oral magnesium supplementation improves sensitivity in non-diabetic subjects with resistance. A "
         "double-blind placebo-controlled randomized trial",
         "30", "3", "253-258"},
        {13,
         "The effects of magnesium supplementation on obesity measures in adults: a systematic review and "
         "dose-response meta-analysis of randomized controlled trials",
         "", "", "1-17"},
        {15, "Can Magnesium Enhance Exercise Performance?", "9", "9", "946"},
        {24, "Magnesium deficiency and increased inflammation: current perspectives", "11", "", "25-34"},
        {31, "Sanofi Internal report MAB6-32", "", "", ""},
        {36, "Timeline (Bioavailability) of Magnesium Compounds in Hours: Which Magnesium Compound Works Best?", "187",
         "1", "128-136"},
        {37, "Magnesium Supplementation in Vitamin D Deficiency", "26", "1", "e124-e132"},
        {38, "Magnesium Fact Sheet for Health Professionals", "", "", ""},
    };
    const auto entries = seed_000_entries();
    for (const auto& row : rows) {
        CAPTURE(row.number);
        const auto e = parse_reference(entries.at(row.number));
        CHECK(e.title == row.title);
        CHECK(e.volume == row.volume);
        CHECK(e.issue == row.issue);
        CHECK(e.pages == row.pages);
    }
    const auto de_baaij = parse_reference(entries.at(1));
    CHECK(de_baaij.authors == std::vector<std::string>{"de Baaij", "Hoenderop", "Bindels"});
    CHECK_FALSE(de_baaij.et_al);
    const auto askari = parse_reference(entries.at(13));
    CHECK(askari.authors.back() == "Darooghegi Mofrad");
    const auto pouteau = parse_reference(entries.at(4));
    CHECK(pouteau.authors == std::vector<std::string>{"Pouteau", "Kabir-Ahmadi", "Noah"});
    CHECK(pouteau.et_al);
    CHECK(parse_reference(entries.at(38)).url == "Ods.od.nih.gov");
}

TEST_CASE("parse_reference reads APA and Harvard entries") {
    const auto apa = parse_reference(
        "Smith, J. A., & van der Berg, B. (2010). Magnesium and sleep: A review. Journal of Sleep Research, 19(2), "
        "123-130. https://doi.org/10.1111/j.1365-2869.2009.00001.x");
    CHECK(apa.authors == std::vector<std::string>{"Smith", "van der Berg"});
    CHECK(apa.year == 2010);
    CHECK(apa.title == "Magnesium and sleep: A review");
    CHECK(apa.journal == "Journal of Sleep Research");
    CHECK(apa.volume == "19");
    CHECK(apa.issue == "2");
    CHECK(apa.pages == "123-130");
    CHECK(apa.doi == "10.1111/j.1365-2869.2009.00001.x");
    CHECK(apa.url.empty());
    CHECK_FALSE(apa.web_page);

    const auto harvard = parse_reference("Smith, J. and Jones, B. (2010) Magnesium and sleep. Sleep Medicine, 11(3), pp. 45-52.");
    CHECK(harvard.authors == std::vector<std::string>{"Smith", "Jones"});
    CHECK(harvard.year == 2010);
    CHECK(harvard.title == "Magnesium and sleep");
    CHECK(harvard.journal == "Sleep Medicine");
    CHECK(harvard.pages == "45-52");

    // Vancouver names with an author-year date.
    const auto name_year = parse_reference(
        "Hornyak M, Voderholzer U, Hohagen F (1998) Magnesium therapy for periodic leg movements-related insomnia "
        "and restless legs syndrome: an open pilot study. Sleep 21:501-505");
    CHECK(name_year.authors == std::vector<std::string>{"Hornyak", "Voderholzer", "Hohagen"});
    CHECK(name_year.year == 1998);
    CHECK(name_year.journal == "Sleep");
    CHECK(name_year.volume == "21");
    CHECK(name_year.pages == "501-505");
}

TEST_CASE("parse_reference reads Lancet, MLA and Elsevier-Harvard shapes") {
    struct Row {
        const char* text;
        const char* first_author;
        const char* title;
        const char* journal;
        int year;
        const char* volume;
        const char* issue;
        const char* pages;
    };
    const Row rows[] = {
        {"Smith J, Jones B. Magnesium in the elderly. Lancet 2015; 385: 117\xE2\x80\x93" "71.", "Smith",
         "Magnesium in the elderly", "Lancet", 2015, "385", "", "117-71"},
        {"Smith, John. \"Magnesium and Sleep.\" Journal of Sleep 12.3 (2010): 45-67.", "Smith", "Magnesium and Sleep",
         "Journal of Sleep", 2010, "12", "3", "45-67"},
        {"Smith, J., Jones, B., 2010. Magnesium and sleep. Sleep Med. 11, 45\xE2\x80\x93" "52.", "Smith",
         "Magnesium and sleep", "Sleep Med", 2010, "11", "", "45-52"},
        {"Hornyak M. Magnesium therapy. Sleep. 1998 Dec-1999 Jan;21(8):501-5.", "Hornyak", "Magnesium therapy", "Sleep",
         1998, "21", "8", "501-5"},
        // One sentence before the journal is a title, though "Vitamin D" reads like a name.
        {"Vitamin D. Nutrients. 2018;10(3):1-2.", "", "Vitamin D", "Nutrients", 2018, "10", "3", "1-2"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto e = parse_reference(row.text);
        CHECK(first_author(e) == row.first_author);
        CHECK(e.title == row.title);
        CHECK(e.journal == row.journal);
        CHECK(e.year == row.year);
        CHECK(e.volume == row.volume);
        CHECK(e.issue == row.issue);
        CHECK(e.pages == row.pages);
    }
}

TEST_CASE("parse_reference reads PubMed and PMC identifiers in every written form") {
    const std::string base = "Hornyak M. Magnesium therapy for periodic leg movements. Sleep. 1998;21(5):501-5. ";
    struct Row {
        const char* tail;
        const char* pmid;
        const char* pmcid;
    };
    const Row rows[] = {
        {"PMID: 9703590", "9703590", ""},
        {"PMID:9703590.", "9703590", ""},
        {"PMID 9703590", "9703590", ""},
        {"https://pubmed.ncbi.nlm.nih.gov/9703590/", "9703590", ""},
        {"http://www.ncbi.nlm.nih.gov/pubmed/9703590", "9703590", ""},
        {"PMCID: PMC5452159", "", "PMC5452159"},
        {"PMC5452159.", "", "PMC5452159"},
        {"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5452159/", "", "PMC5452159"},
        {"https://pmc.ncbi.nlm.nih.gov/articles/PMC5452159/", "", "PMC5452159"},
        {"PMID: 9703590; PMCID: PMC5452159", "9703590", "PMC5452159"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.tail));
        const auto e = parse_reference(base + row.tail);
        CHECK(e.pmid == row.pmid);
        CHECK(e.pmcid == row.pmcid);
        CHECK(e.url.empty());  // PubMed and PMC links are identifiers, not the entry's URL
        CHECK(e.journal == "Sleep");
        CHECK(e.pages == "501-5");
        CHECK_FALSE(e.web_page);
    }
}

TEST_CASE("parse_reference trims the punctuation around a DOI and refuses a cut-off one") {
    const std::string base = "Boyle NB, Lawton C, Dye L. The Effects of Magnesium Supplementation. Nutrients. 2017;9(5):429. ";
    struct Row {
        const char* tail;
        const char* doi;  // empty: no DOI may be read
    };
    const Row rows[] = {
        {"doi:10.3390/nu9050429.", "10.3390/nu9050429"},
        {"(doi: 10.3390/nu9050429),", "10.3390/nu9050429"},
        {"DOI: 10.3390/NU9050429;", "10.3390/nu9050429"},
        {"https://doi.org/10.3390/nu9050429).", "10.3390/nu9050429"},
        {"Available from: http://dx.doi.org/10.3390/nu9050429", "10.3390/nu9050429"},
        {"doi.org/10.3390/nu9050429", "10.3390/nu9050429"},
        {"[10.3390/nu9050429]", "10.3390/nu9050429"},
        {"\xE2\x80\x9C" "10.3390/nu9050429" "\xE2\x80\x9D.", "10.3390/nu9050429"},
        {"doi:10.1016/s1262-3636(07)70116-7.", "10.1016/s1262-3636(07)70116-7"},
        // Cut off by the page: an ellipsis, or too little left to be a DOI.
        {"doi:10.3390/nu90\xE2\x80\xA6", ""},
        {"doi:10.3390/nu90...", ""},
        {"doi:10.33", ""},
        {"doi:10.3390/", ""},
        // A DOI at the very end of a truncated line is kept when it still reads as one.
        {"doi:10.3390/nu9050", "10.3390/nu9050"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.tail));
        const auto e = parse_reference(base + row.tail);
        CHECK(e.doi == row.doi);
        CHECK(e.journal == "Nutrients");
        CHECK(e.year == 2017);
        CHECK(e.authors.front() == "Boyle");
    }
}

TEST_CASE("parse_reference tolerates scraping damage") {
    // No year or numbers left: authors and title still read; no journal is guessed.
    const auto no_year = parse_reference(
        "de Baaij JH, Hoenderop JG, Bindels RJ. Magnesium in man: implications for health and disease. Physiol Rev.");
    CHECK(no_year.authors.size() == 3);
    CHECK(no_year.title == "Magnesium in man: implications for health and disease");
    CHECK_FALSE(no_year.year.has_value());
    // No authors: the first sentence is the title.
    const auto no_authors = parse_reference("Magnesium in man: implications for health and disease. Physiol Rev. 2015;95(1):1-46.");
    CHECK(no_authors.authors.empty());
    CHECK(no_authors.title == "Magnesium in man: implications for health and disease");
    CHECK(no_authors.journal == "Physiol Rev");
    // Lost spaces after the journal.
    const auto squeezed = parse_reference("Nielsen FH. Magnesium deficiency and increased inflammation. J Inflamm Res.2018;11:25-34.");
    CHECK(squeezed.journal == "J Inflamm Res");
    CHECK(squeezed.volume == "11");
    CHECK(squeezed.pages == "25-34");
    // Journal abbreviations printed with periods.
    const auto dotted = parse_reference("Asemi Z, Karamali M. Magnesium in gestational diabetes. Am. J. Clin. Nutr. 2015;102(1):222-229.");
    CHECK(dotted.journal == "Am. J. Clin. Nutr");
    CHECK(dotted.title == "Magnesium in gestational diabetes");
    // A list number left in the text becomes the label.
    const auto numbered = parse_reference("[12] Nielsen FH. Magnesium and inflammation. J Inflamm Res. 2018;11:25-34.");
    CHECK(numbered.label == "12");
    CHECK(numbered.authors == std::vector<std::string>{"Nielsen"});
}

TEST_CASE("parse_reference recognises organisations, web pages and unpublished reports") {
    const auto who = parse_reference("World Health Organization. Guideline: potassium intake for adults and children. Geneva: WHO; 2012.");
    CHECK(who.authors == std::vector<std::string>{"World Health Organization"});
    CHECK(who.title == "Guideline: potassium intake for adults and children");
    CHECK(who.year == 2012);

    const auto ods = parse_reference(
        "NIH Office of Dietary Supplements. Magnesium Fact Sheet for Health Professionals. "
        "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/. Accessed March 1, 2023.");
    CHECK(ods.authors == std::vector<std::string>{"NIH Office of Dietary Supplements"});
    CHECK(ods.title == "Magnesium Fact Sheet for Health Professionals");
    CHECK(ods.url == "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/");
    CHECK(ods.year == 2023);
    CHECK(ods.web_page);

    const auto link_only = parse_reference("Magnesium and your heart. https://www.example.org/magnesium-heart");
    CHECK(link_only.web_page);
    CHECK(link_only.title == "Magnesium and your heart");

    // Two lines of seed 002's "Works Cited": a body, then a quoted title.
    const auto ncbi = parse_reference("National Center for Biotechnology Information \"Magnesium therapy for periodic leg movements\"");
    CHECK(ncbi.authors == std::vector<std::string>{"National Center for Biotechnology Information"});
    CHECK(ncbi.title == "Magnesium therapy for periodic leg movements");
    CHECK_FALSE(ncbi.web_page);

    for (const char* text : {"Acme Nutrition. Data on file. 2019.", "Smith J. Personal communication, 2020.",
                             "Caillard, V. (1992). Sanofi Internal report MAB6-32. Paris, France. Unpublished work."}) {
        CAPTURE(std::string(text));
        CHECK(parse_reference(text).unpublished);
    }
    CHECK_FALSE(parse_reference("Nielsen FH. Magnesium and inflammation. J Inflamm Res. 2018;11:25-34.").unpublished);
}

TEST_CASE("parse_reference keeps garbage as raw text and reads nothing into it") {
    const std::string long_line(100000, 'a');
    for (const std::string& text : {std::string(), std::string("   "), std::string("!!!! $$$ #### 12 %%"),
                                   std::string("<div class=\"x\"></div>"), std::string("Click here to buy now!!!"),
                                   std::string("\x01\x02\xFF\xFE garbage \x7F"), long_line}) {
        CAPTURE(text.substr(0, 40));
        const auto e = parse_reference(text, "7");
        CHECK(e.label == "7");
        CHECK(e.raw == evidex::collapse_whitespace(text));
        CHECK(e.doi.empty());
        CHECK(e.pmid.empty());
        CHECK(e.url.empty());
        CHECK(e.authors.empty());
        CHECK(e.title.empty());
        CHECK(e.journal.empty());
        CHECK_FALSE(e.year.has_value());
        CHECK_FALSE(e.web_page);
        CHECK_FALSE(e.unpublished);
    }
}
