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
