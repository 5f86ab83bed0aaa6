#include <doctest/doctest.h>

#include "core/study_json.h"

TEST_CASE("study_to_json prints every key of the show contract, absent values as null or []") {
    evidex::Study s;
    s.doi = "10.1000/x";
    s.title = "A title";
    const auto j = evidex::study_to_json(s);
    for (const char* key : {"pmid", "doi", "pmcid", "title", "abstract", "authors", "journal", "year",
                            "publication_types", "mesh", "design", "blinding", "level", "n", "population",
                            "intervention", "conditions", "result_direction", "flags", "retracted", "reasons"}) {
        CAPTURE(key);
        CHECK(j.contains(key));
    }
    CHECK(j["pmid"].is_null());
    CHECK(j["year"].is_null());
    CHECK(j["n"].is_null());
    CHECK(j["authors"] == nlohmann::json::array());
    CHECK(j["design"] == "other");
    CHECK(j["level"] == 5);
    CHECK(j["blinding"] == "unknown");
}

TEST_CASE("study_from_json reads back what study_to_json wrote") {
    evidex::Study s;
    s.pmid = "23853635";
    s.doi = "10.1000/abbasi";
    s.title = "The effect of magnesium supplementation on primary insomnia in elderly";
    s.abstract = {{"RESULTS", "RESULTS", "Sleep time rose."}, {"", "", "Unlabelled."}};
    s.authors = {{"Abbasi", "Behnood", "B", "", "", "0000-0002-1825-0097"}, {"", "", "", "", "Study Group", ""}};
    s.journal = "Journal of research in medical sciences";
    s.year = 2012;
    s.publication_types = {"Randomized Controlled Trial"};
    s.mesh = {{"Sleep Initiation and Maintenance Disorders", "D007319", true, {"drug therapy"}}};
    s.notices = {{"CommentIn", "123", "", "J Res 2013"}};
    s.retracted = true;
    s.source = evidex::Source::curated;
    s.design = evidex::Design::rct;
    s.blinding = evidex::Blinding::double_blind;
    s.n = 46;
    s.population = {"elderly"};
    s.result_direction = evidex::ResultDirection::positive;
    s.reasons = {{"design", "pt-rct", "publication type: Randomized Controlled Trial"}};

    const auto back = evidex::study_from_json(evidex::study_to_json(s));
    CHECK(evidex::study_to_json(back) == evidex::study_to_json(s));
    CHECK(back.authors[1].collective == "Study Group");
    CHECK(back.mesh[0].qualifiers == std::vector<std::string>{"drug therapy"});
    CHECK(back.level() == 2);
}

TEST_CASE("study_to_json output is the same bytes for the same record") {
    evidex::Study s;
    s.pmid = "1";
    s.title = "T";
    CHECK(evidex::study_to_json(s).dump() == evidex::study_to_json(s).dump());
}

namespace {

// A record with every field set, and text that needs escaping: quotes, backslashes, control
// characters, non-ASCII letters.
evidex::Study full_study() {
    evidex::Study s;
    s.pmid = "23853635";
    s.doi = "10.1000/abbasi";
    s.pmcid = "PMC1234567";
    s.title = "Magnesium \"and\" sleep \\ a trial\tin the elderly\n";
    s.abstract = {{"RESULTS", "RESULTS", "Sleep time rose (p < 0.05).\x01\x1f\b\f\r"}, {"", "", "Tr\xC3\xA8s bien \xE2\x80\x94 ok."}};
    s.authors = {{"M\xC3\xBCller", "Anna", "A", "Jr", "", "0000-0002-1825-0097"}, {"", "", "", "", "Study Group", ""}};
    s.journal = "Journal of research in medical sciences";
    s.journal_abbrev = "J Res Med Sci";
    s.volume = "17";
    s.issue = "12";
    s.pages = "1161-9";
    s.year = 2012;
    s.publication_types = {"Randomized Controlled Trial", "Journal Article"};
    s.mesh = {{"Sleep Initiation and Maintenance Disorders", "D007319", true, {"drug therapy", "blood"}},
              {"Humans", "", false, {}}};
    s.keywords = {"insomnia"};
    s.language = "eng";
    s.notices = {{"CommentIn", "123", "", "J Res 2013"}};
    s.retracted = true;
    s.is_notice = true;
    s.book = true;
    s.source = evidex::Source::curated;
    s.design = evidex::Design::rct;
    s.blinding = evidex::Blinding::double_blind;
    s.placebo = true;
    s.pilot = true;
    s.crossover = true;
    s.n = 46;
    s.n_studies = 3;
    s.duration = "8 weeks";
    s.population = {"elderly"};
    s.intervention = {"magnesium", "oxide", "oral", 414.5, "414.5 mg magnesium oxide"};
    s.conditions = {"insomnia"};
    s.result_direction = evidex::ResultDirection::positive;
    s.flags = {"small-sample"};
    s.reasons = {{"design", "pt-rct", "publication type: Randomized Controlled Trial"}};
    return s;
}

}  // namespace

TEST_CASE("write_study_json writes what nlohmann's dump() writes for the same object") {
    // Parsing and dumping again gives nlohmann's own text: sorted keys, its escapes and
    // numbers. Equal text means the writer's key order and escaping are the same.
    for (const auto& s : {full_study(), evidex::Study{}}) {
        for (const auto form : {evidex::RecordForm::full, evidex::RecordForm::compact}) {
            const std::string text = evidex::write_study_json(s, form);
            CAPTURE(text);
            CHECK(nlohmann::json::parse(text).dump() == text);
        }
    }
    const std::string text = evidex::write_study_json(full_study(), evidex::RecordForm::full);
    CHECK(text.find(R"("title":"Magnesium \"and\" sleep \\ a trial\tin the elderly\n")") != std::string::npos);
    CHECK(text.find(R"(\u0001\u001f\b\f\r)") != std::string::npos);
    CHECK(text.find("M\xC3\xBCller") != std::string::npos);
    CHECK(text.find(R"("daily_dose_mg":414.5)") != std::string::npos);
}

TEST_CASE("both forms read back to the same study") {
    const evidex::Study s = full_study();
    const std::string expected = evidex::write_study_json(s, evidex::RecordForm::full);
    for (const auto form : {evidex::RecordForm::full, evidex::RecordForm::compact}) {
        const auto back = evidex::study_from_json(nlohmann::json::parse(evidex::write_study_json(s, form)));
        CHECK(evidex::write_study_json(back, evidex::RecordForm::full) == expected);
    }
    evidex::Study sparse;
    sparse.doi = "10.1000/x";
    sparse.authors = {{"Li", "", "", "", "", ""}};
    sparse.mesh = {{"Humans", "", false, {}}};
    const auto back = evidex::study_from_json(nlohmann::json::parse(evidex::write_study_json(sparse, evidex::RecordForm::compact)));
    CHECK(evidex::write_study_json(back, evidex::RecordForm::full) ==
          evidex::write_study_json(sparse, evidex::RecordForm::full));
}

TEST_CASE("the compact form leaves out null, false and empty values, defaults and derived values") {
    evidex::Study s;
    s.doi = "10.1000/x";
    s.title = "T";
    s.mesh = {{"Humans", "", false, {}}};
    s.authors = {{"Li", "Wei", "W", "", "", ""}};
    const auto j = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::compact));
    CHECK(j == nlohmann::json::parse(R"({"authors":[["","Li","Wei","W"]],"doi":"10.1000/x",
        "mesh":[{"descriptor":"Humans"}],"title":"T"})"));
    // The full form has them all, the author's name and the level derived.
    const auto full = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::full));
    CHECK(full["authors"][0]["name"] == "Li W");
    CHECK(full["level"] == 5);
    CHECK(full["design"] == "other");
    CHECK(full["blinding"] == "unknown");
    CHECK(full["result_direction"] == "unclear");
    CHECK(full["source"] == "pubmed");
    // A value other than the default is written.
    s.design = evidex::Design::rct;
    s.blinding = evidex::Blinding::double_blind;
    s.result_direction = evidex::ResultDirection::positive;
    s.source = evidex::Source::crossref;
    const auto set = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::compact));
    CHECK(set["design"] == "rct");
    CHECK(set["blinding"] == "double");
    CHECK(set["result_direction"] == "positive");
    CHECK(set["source"] == "crossref");
    CHECK_FALSE(set.contains("level"));
    const auto back = evidex::study_from_json(set);
    CHECK(back.level() == 2);
    CHECK(back.authors.at(0).display() == "Li W");
}

TEST_CASE("the compact form keeps an author as the list of its values, in the order of their keys") {
    evidex::Study s;
    s.authors = {{"de Baaij", "Jeroen H F", "JHF", "Jr", "", "0000-0002-1825-0097"},
                 {"", "", "", "", "NightCalm Study Group", ""},
                 {"Li", "", "", "", "", ""}};
    const auto compact = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::compact));
    CHECK(compact["authors"] == nlohmann::json::parse(R"([["","de Baaij","Jeroen H F","JHF","0000-0002-1825-0097","Jr"],
        ["NightCalm Study Group"],["","Li"]])"));
    const auto full = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::full));
    CHECK(full["authors"][0]["name"] == "de Baaij JHF Jr");
    CHECK(full["authors"][1]["collective"] == "NightCalm Study Group");
    for (const auto& j : {compact, full}) {
        const auto back = evidex::study_from_json(j);
        REQUIRE(back.authors.size() == 3);
        CHECK(back.authors[0].family == "de Baaij");
        CHECK(back.authors[0].given == "Jeroen H F");
        CHECK(back.authors[0].initials == "JHF");
        CHECK(back.authors[0].suffix == "Jr");
        CHECK(back.authors[0].orcid == "0000-0002-1825-0097");
        CHECK(back.authors[1].collective == "NightCalm Study Group");
        CHECK(back.authors[1].display() == "NightCalm Study Group");
        CHECK(back.authors[2].display() == "Li");
    }
}

TEST_CASE("the compact form keeps a reason as its field, rule and span in that order") {
    evidex::Study s;
    s.reasons = {{"design", "pt-rct", "publication type: Randomized Controlled Trial"}, {"n", "n-participants", "46 \"elderly\""}};
    const auto compact = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::compact));
    CHECK(compact["reasons"] == nlohmann::json::parse(
                                    R"([["design","pt-rct","publication type: Randomized Controlled Trial"],["n","n-participants","46 \"elderly\""]])"));
    const auto full = nlohmann::json::parse(evidex::write_study_json(s, evidex::RecordForm::full));
    CHECK(full["reasons"][1] == nlohmann::json::parse(R"({"field":"n","rule":"n-participants","span":"46 \"elderly\""})"));
    // Either form reads back to the same reasons.
    for (const auto& j : {compact, full}) {
        const auto back = evidex::study_from_json(j);
        REQUIRE(back.reasons.size() == 2);
        CHECK(back.reasons[1].field == "n");
        CHECK(back.reasons[1].rule == "n-participants");
        CHECK(back.reasons[1].span == "46 \"elderly\"");
    }
}

TEST_CASE("a byte that is not UTF-8 is written as U+FFFD, and the text stays valid JSON") {
    evidex::Study s;
    s.title = "Bad \xFF byte, cut \xE2\x80 sequence, surrogate \xED\xA0\x80 end";
    const std::string text = evidex::write_study_json(s, evidex::RecordForm::full);
    const auto j = nlohmann::json::parse(text);
    CHECK(j["title"] == "Bad \xEF\xBF\xBD byte, cut \xEF\xBF\xBD\xEF\xBF\xBD sequence, surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
}
