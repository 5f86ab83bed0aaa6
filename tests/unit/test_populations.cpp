#include <doctest/doctest.h>

#include <fstream>

#include "core/errors.h"
#include "core/populations.h"
#include "core/pubmed_parser.h"
#include "core/text.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

using Ids = std::vector<std::string>;

const evidex::PopulationVocabulary& vocab() {
    static const auto v = evidex::PopulationVocabulary::load(evidex::test::source_dir() / "schemas" / "populations.tsv");
    return v;
}

evidex::Study with_text(const std::string& abstract, std::vector<std::string> mesh = {}) {
    evidex::Study s;
    s.abstract = {{"", "", abstract}};
    for (auto& m : mesh) s.mesh.push_back({m, "", false, {}});
    return s;
}

Ids classified(evidex::Study s) {
    evidex::classify_population(s, vocab());
    return s.population;
}

const evidex::Reason* reason_for(const evidex::Study& s, const std::string& rule) {
    for (const auto& r : s.reasons)
        if (r.rule == rule) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("schemas/populations.tsv loads with every population the classifier promises") {
    for (const char* id : {"healthy-adults", "elderly", "pregnant", "children", "adolescents", "athletes",
                           "postmenopausal-women", "women", "men", "people-with-diabetes", "people-with-low-magnesium",
                           "people-with-hypertension", "patients", "obese", "animals", "cells"}) {
        CAPTURE(id);
        CHECK(vocab().find(id) != nullptr);
    }
    CHECK(vocab().find("animals")->kind == evidex::PopulationKind::animal);
    CHECK(vocab().find("cells")->kind == evidex::PopulationKind::in_vitro);
    CHECK(vocab().find("elderly")->min_age == 60);
}

TEST_CASE("classify_population reads populations from text cues") {
    const struct {
        const char* text;
        Ids expected;
    } rows[] = {
        {"46 elderly subjects with primary insomnia", {"elderly"}},
        {"A trial in 120 pregnant women with leg cramps", {"pregnant", "women"}},
        {"Sixty postmenopausal women took calcium", {"postmenopausal-women", "women"}},
        {"18 male professional cyclists in a stage race", {"athletes", "men"}},
        // "non-diabetic" negates the diabetes cue; "adults" alone names no population.
        {"Non-diabetic adults with insulin resistance", {}},
        // A review naming hypomagnesaemia as a topic is not about people with it; this is.
        {"Hypomagnesemic patients with type 2 diabetes", {"patients", "people-with-diabetes", "people-with-low-magnesium"}},
        {"Causes of hypomagnesaemia and low magnesium intake are reviewed", {}},
        {"Obese hypertensive patients were randomized", {"obese", "patients", "people-with-hypertension"}},
        {"Otherwise healthy adults with low serum magnesium", {"healthy-adults", "people-with-low-magnesium"}},
        // An animal study: the "male" of "male Wistar rats" is not men.
        {"Male Wistar rats were fed a magnesium-deficient diet", {"animals"}},
        // The seed page's bioavailability test is a red-blood-cell incubation.
        {"Magnesium supplements are added to red blood cells, which are then incubated for 24 hours", {"cells"}},
        // Rats in the background, people in the study: human participants veto the animal cue.
        {"Studies in rats suggested a benefit, so we gave magnesium to 30 healthy volunteers", {"healthy-adults"}},
        // "Magnesium in man" means humankind, not men.
        {"Magnesium in man: implications for health and disease", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(classified(with_text(row.text)) == row.expected);
    }
}

TEST_CASE("classify_population reads populations from MeSH; Animals counts only without Humans") {
    const struct {
        std::vector<std::string> mesh;
        Ids expected;
    } rows[] = {
        {{"Animals", "Rats", "Magnesium"}, {"animals"}},
        // Animals and Humans together (a review of both) is not an animal study.
        {{"Animals", "Humans"}, {}},
        {{"Aged", "Humans"}, {"elderly"}},
        {{"Aged, 80 and over", "Humans"}, {"elderly"}},
        {{"Female", "Pregnancy", "Humans"}, {"pregnant", "women"}},
        // A rat study indexed Male: the human tag goes.
        {{"Animals", "Male", "Rats, Wistar"}, {"animals"}},
        // A disease descriptor names the topic, not who was studied.
        {{"Humans", "Magnesium Deficiency"}, {}},
        {{"Humans", "Obesity", "Hypertension"}, {}},
        {{"In Vitro Techniques", "Erythrocytes"}, {"cells"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.mesh.size());
        CAPTURE(row.mesh.front());
        CHECK(classified(with_text("", row.mesh)) == row.expected);
    }
}

TEST_CASE("classify_population records the rule and the span of each population") {
    auto s = with_text("In 46 subjects aged 60-75 years with low dietary magnesium intake.", {"Humans", "Female"});
    evidex::classify_population(s, vocab());
    CHECK(s.population == Ids{"elderly", "people-with-low-magnesium", "women"});
    const auto* age = reason_for(s, "population-age:elderly");
    REQUIRE(age != nullptr);
    CHECK(age->field == "population");
    CHECK(age->span == "aged 60-75 years");
    const auto* low = reason_for(s, "population-text:people-with-low-magnesium");
    REQUIRE(low != nullptr);
    CHECK(low->span == "low dietary magnesium intake");
    const auto* women = reason_for(s, "population-mesh:women");
    REQUIRE(women != nullptr);
    CHECK(women->span == "MeSH: Female");
}

TEST_CASE("people without diabetes are not people with diabetes, whatever the MeSH topic") {
    // A cohort followed for incident diabetes is indexed with the disease it studies, and its text
    // names diabetes in a way that vetoes the population.
    auto s = with_text("4497 adults without type 2 diabetes at baseline were followed for incident diabetes.",
                       {"Diabetes Mellitus, Type 2", "Humans"});
    evidex::classify_population(s, vocab());
    CHECK(s.population.empty());
}

TEST_CASE("find_stated_ages reads the age ranges a text states") {
    const struct {
        const char* text;
        int low;
        std::optional<int> high;
        const char* span;  // nullptr: no age stated
    } rows[] = {
        {"subjects aged 60-75 years with", 60, 75, "aged 60-75 years"},
        {"adults aged 65 years and older", 65, std::nullopt, "aged 65 years and older"},
        {"10 patients (mean age 57 years)", 57, 57, "mean age 57 years"},
        {"women \xE2\x89\xA5 65 years", 65, std::nullopt, "\xE2\x89\xA5 65 years"},
        {"children 6 to 11 years old", 6, 11, "6 to 11 years old"},
        {"aged between 18 and 30 years", 18, 30, "aged between 18 and 30 years"},
        // A follow-up time is not an age.
        {"followed for 20 years", 0, std::nullopt, nullptr},
        {"a 5-year follow-up", 0, std::nullopt, nullptr},
        // "managed" ends in "aged" but is not the word.
        {"we managed 12 years of records", 0, std::nullopt, nullptr},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto ages = evidex::find_stated_ages(row.text);
        if (!row.span) {
            CHECK(ages.empty());
            continue;
        }
        REQUIRE(ages.size() == 1);
        CHECK(ages[0].low == row.low);
        CHECK(ages[0].high == row.high);
        CHECK(ages[0].span == row.span);
    }
}

TEST_CASE("classify_population reads the bundled PubMed records") {
    const struct {
        const char* pmid;
        Ids expected;
    } rows[] = {
        {"23853635", {"elderly", "people-with-low-magnesium"}},  // Abbasi: elderly insomniacs, low Mg intake
        {"9703590", {"patients"}},                               // Hornyak: 10 patients, mean age 57
        // Sartori: mice fed a deficient diet ("magnesium-deficient mice" is not a human cue).
        {"21835188", {"animals"}},
        {"29679349", {"animals"}},  // Uysal: Sprague-Dawley rats
        {"15119699", {"healthy-adults", "men"}},
        {"31426321", {"athletes", "men"}},
        {"23798918", {"healthy-adults", "obese", "women"}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.pmid));
        std::string xml;
        REQUIRE(evidex::read_file((evidex::test::source_dir() / "corpus" / "pubmed" / (std::string(row.pmid) + ".xml")).string(), xml));
        auto parsed = evidex::parse_pubmed_xml(xml, row.pmid);
        REQUIRE(parsed.studies.size() == 1);
        CHECK(classified(parsed.studies.front()) == row.expected);
    }
}

TEST_CASE("a bad line of a populations file is reported as file:line: what") {
    const std::string head =
        "id\tlabel\tkind\tcues\tmesh\tunless_cues\tunless_mesh\tmin_age\tmax_age\n"
        "women\tWomen\thuman\twomen\tFemale\t\t\t\t\n";
    const struct {
        std::string line;
        std::string message;
    } rows[] = {
        {"ferns\tFerns\tplant\tferns\t\t\t\t\t\n", ":3: unknown kind 'plant' (human, animal, in-vitro)"},
        {"elderly\tOlder people\thuman\telderly\t\t\t\tsixty\t\n", ":3: min_age 'sixty' is not an age in years"},
        {"Elderly\tOlder people\thuman\telderly\t\t\t\t\t\n", ":3: population id 'Elderly' is not kebab-case"},
        {"nobody\tNobody\thuman\t\t\t\t\t\t\n", ":3: population 'nobody' has no cue, MeSH descriptor or age range"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.line);
        evidex::test::TempDir dir;
        std::ofstream(dir / "populations.tsv") << head + row.line;
        std::string error;
        try {
            evidex::PopulationVocabulary::load(dir / "populations.tsv");
        } catch (const evidex::FatalError& e) {
            error = e.what();
        }
        CHECK(error.find("populations.tsv" + row.message) != std::string::npos);
    }
}
