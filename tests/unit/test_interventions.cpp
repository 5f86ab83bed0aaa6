#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/dose.h"
#include "core/errors.h"
#include "core/interventions.h"
#include "core/pubmed_parser.h"
#include "core/text.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

const evidex::InterventionVocabulary& vocab() {
    static const auto v = evidex::InterventionVocabulary::load(evidex::test::source_dir() / "schemas");
    return v;
}

evidex::Study classified(const std::string& title, const std::string& abstract) {
    evidex::Study s;
    s.title = title;
    s.abstract = {{"", "", abstract}};
    evidex::classify_intervention(s, vocab());
    return s;
}

const evidex::Reason* reason_for(const evidex::Study& s, const std::string& rule) {
    for (const auto& r : s.reasons)
        if (r.rule == rule) return &r;
    return nullptr;
}

const evidex::SupplementForm* form_row(const std::string& substance, const std::string& form) {
    for (const auto& f : vocab().forms())
        if (f.substance == substance && f.form == form) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("schemas/interventions.tsv and units.tsv load with every magnesium form and the unit factors") {
    for (const char* form : {"oxide", "citrate", "glycinate", "bisglycinate", "malate", "taurate", "orotate",
                             "chloride", "sulfate", "lactate", "l-threonate", "aspartate", "sucrosomial", "elemental"}) {
        CAPTURE(form);
        CHECK(form_row("magnesium", form) != nullptr);
    }
    // Fractions checked by hand from formula weights (Mg 24.305).
    CHECK(form_row("magnesium", "oxide")->elemental_fraction.value() == doctest::Approx(24.305 / 40.304).epsilon(0.01));
    CHECK(form_row("magnesium", "citrate")->elemental_fraction.value() == doctest::Approx(72.915 / 451.1).epsilon(0.01));
    CHECK(form_row("magnesium", "sulfate")->elemental_fraction.value() == doctest::Approx(24.305 / 246.47).epsilon(0.01));
    // Hydrate unknown: better no conversion than a wrong one.
    CHECK_FALSE(form_row("magnesium", "lactate")->elemental_fraction.has_value());
    for (const auto& f : vocab().forms()) {
        CAPTURE(f.substance + " " + f.form);
        if (f.elemental_fraction) CHECK((*f.elemental_fraction > 0 && *f.elemental_fraction <= 1));
    }
    CHECK(vocab().unit_for("mmol", "magnesium")->mg == doctest::Approx(24.305));
    CHECK(vocab().unit_for("meq", "magnesium")->mg == doctest::Approx(12.1525));
    CHECK(vocab().unit_for("iu", "vitamin-d")->mg == doctest::Approx(0.000025));  // 40 IU = 1 mcg
    CHECK(vocab().unit_for("g", "zinc")->mg == 1000);
    CHECK(vocab().unit_for("iu", "magnesium") == nullptr);  // IU means nothing for magnesium
}

TEST_CASE("classify_intervention normalises the daily dose to mg/day") {
    const struct {
        const char* text;
        const char* substance;
        std::optional<double> mg;  // nullopt: no dose may be read
    } rows[] = {
        {"Participants received 300 mg/day of magnesium for 12 weeks.", "magnesium", 300},
        {"Subjects took 250 mg of magnesium twice daily.", "magnesium", 500},
        {"Patients received 500 mg of elemental magnesium daily.", "magnesium", 500},
        {"Women took 400 mg magnesium three times a day.", "magnesium", 1200},
        {"Volunteers received 1 g of magnesium daily.", "magnesium", 1000},
        // mmol counts magnesium itself: 12.4 x 24.305; the parenthesis restates the amount.
        {"Ten patients took 12.4 mmol (about 300 mg) of oral magnesium each evening.", "magnesium", 301.382},
        {"Volunteers took about 21 mEq of magnesium per day.", "magnesium", 21 * 12.1525},
        // Vitamin D in IU: 2000 IU = 50 mcg = 0.05 mg.
        {"Participants were given 2000 IU of vitamin D daily.", "vitamin-d", 0.05},
        {"Adults received 50,000 IU of vitamin D3 weekly.", "vitamin-d", 50000 * 0.000025 / 7},
        // The B6 beside the magnesium is another substance's dose.
        {"Adults were assigned to magnesium 300 mg plus vitamin B6 30 mg per day.", "magnesium", 300},
        // A frequency before the amount.
        {"Patients were given a daily dose of 360 mg of magnesium.", "magnesium", 360},
        // Background figures lose to the dose the study gave.
        {"The recommended intake is 400 mg/day of magnesium. Patients received 250 mg of magnesium per day.",
         "magnesium", 250},
        // Ranges have no single amount.
        {"Patients took 125-300 mg of magnesium with each meal and at bedtime.", "magnesium", std::nullopt},
        // Concentrations, thresholds and per-weight doses are not daily doses.
        {"Subjects with serum magnesium below 0.74 mmol/L received magnesium daily.", "magnesium", std::nullopt},
        {"Subjects with magnesium < 0.7 mmol daily were excluded.", "magnesium", std::nullopt},
        {"Women received magnesium sulfate 30 mg/kg daily.", "magnesium", std::nullopt},
        // No frequency: one dose is not a daily dose.
        {"Rats received a single dose of 400 mg of magnesium.", "magnesium", std::nullopt},
        // Absurd numbers are never taken.
        {"Patients received 0 mg of magnesium per day.", "magnesium", std::nullopt},
        {"Patients received 150 g of magnesium per day.", "magnesium", std::nullopt},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto s = classified("", row.text);
        CHECK(s.intervention.substance == row.substance);
        if (!row.mg) {
            CHECK_FALSE(s.intervention.daily_dose_mg.has_value());
            CHECK(reason_for(s, "intervention-dose") == nullptr);
            continue;
        }
        REQUIRE(s.intervention.daily_dose_mg.has_value());
        CHECK(*s.intervention.daily_dose_mg == doctest::Approx(*row.mg).epsilon(0.001));
        REQUIRE(reason_for(s, "intervention-dose") != nullptr);
    }
}

TEST_CASE("a salt weight becomes elemental magnesium, and the reason says so") {
    const struct {
        const char* text;
        const char* form;
        std::optional<double> mg;
        const char* working;  // a part of the reason's span
    } rows[] = {
        {"Subjects received 2.5 g of magnesium chloride daily as an oral solution.", "chloride", 2500 * 0.12,
         "(salt weight) x 0.12 elemental"},
        {"Patients took 400 mg of magnesium oxide per day.", "oxide", 400 * 0.603, "magnesium oxide (salt weight)"},
        {"Intravenous magnesium sulfate 1 g was infused every 6 hours.", "sulfate", 1000 * 0.099 * 4, "x 4 a day"},
        // "elemental" says the amount is already magnesium.
        {"Adults received magnesium chloride providing 248 mg of elemental magnesium per day.", "chloride", 248,
         "248 mg/day"},
        {"Each took 500 mg elemental as magnesium oxide daily.", "oxide", 500, "500 mg/day"},
        // The lactate's hydrate is unknown: no elemental figure is made up.
        {"Patients were given 600 mg of magnesium lactate daily.", "lactate", std::nullopt, nullptr},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto s = classified("", row.text);
        CHECK(s.intervention.form == row.form);
        if (!row.mg) {
            CHECK_FALSE(s.intervention.daily_dose_mg.has_value());
            const auto* r = reason_for(s, "intervention-dose-not-converted");
            REQUIRE(r != nullptr);
            CHECK(r->span == "600 mg of magnesium lactate daily");
            continue;
        }
        REQUIRE(s.intervention.daily_dose_mg.has_value());
        CHECK(*s.intervention.daily_dose_mg == doctest::Approx(*row.mg).epsilon(0.001));
        const auto* r = reason_for(s, "intervention-dose");
        REQUIRE(r != nullptr);
        CHECK_MESSAGE(r->span.find(row.working) != std::string::npos, r->span);
    }
}

TEST_CASE("the dose reason shows the text and the arithmetic a person can check") {
    const struct {
        const char* text;
        const char* span;
    } rows[] = {
        {"Ten patients took 12.4 mmol (about 300 mg) of oral magnesium each evening.",
         "12.4 mmol (about 300 mg) of oral magnesium each evening [12.4 mmol x 24.305 mg/mmol = 301.4 mg/day]"},
        {"Subjects received 2.5 g of magnesium chloride daily.",
         "2.5 g of magnesium chloride daily [2.5 g = 2500 mg of magnesium chloride (salt weight) x 0.12 elemental = 300 mg/day]"},
        {"Subjects took 250 mg of magnesium twice daily.", "250 mg of magnesium twice daily [250 mg x 2 a day = 500 mg/day]"},
        {"Participants were given 2000 IU of vitamin D daily.",
         "2000 IU of vitamin D daily [2000 iu x 2.5e-05 mg/iu = 0.05 mg/day]"},
        {"Patients received 300 mg/day of magnesium.", "300 mg/day of magnesium [300 mg/day]"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto s = classified("", row.text);
        const auto* r = reason_for(s, "intervention-dose");
        REQUIRE(r != nullptr);
        CHECK(r->field == "intervention");
        CHECK(r->span == row.span);
    }
}

TEST_CASE("classify_intervention picks the most specific form and the route from the text") {
    const struct {
        const char* text;
        const char* form;
        const char* form_rule;  // nullptr: no form reason
        const char* route;
    } rows[] = {
        {"Patients took magnesium glycinate capsules at night.", "glycinate", "intervention-form:glycinate", "oral"},
        {"Magnesium bisglycinate was given by mouth.", "bisglycinate", "intervention-form:bisglycinate", "oral"},
        // A comparison of salts has no single form.
        {"We compared magnesium oxide with magnesium citrate.", "", "intervention-form:several", ""},
        {"Elemental magnesium was given to all subjects.", "elemental", "intervention-form:elemental", ""},
        {"Intravenous magnesium sulfate was given to women with pre-eclampsia.", "sulfate", "intervention-form:sulfate",
         "intravenous"},
        {"Athletes used Epsom salt baths twice a week.", "sulfate", "intervention-form:sulfate", "topical"},
        {"A transdermal magnesium spray was applied after training.", "", nullptr, "topical"},
        {"Subjects rubbed magnesium oil on their legs.", "chloride", "intervention-form:chloride", "topical"},
        // "oral glucose tolerance test" is not an oral supplement.
        {"Magnesium was given and insulin sensitivity was measured by an oral glucose tolerance test.", "", nullptr, ""},
        // A route word in a sentence without the substance says nothing about it.
        {"Magnesium was given. Insulin was infused during the clamp.", "", nullptr, ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto s = classified("", row.text);
        CHECK(s.intervention.substance == "magnesium");
        CHECK(s.intervention.form == row.form);
        CHECK(s.intervention.route == row.route);
        if (row.form_rule) CHECK(reason_for(s, row.form_rule) != nullptr);
        if (*row.route) CHECK(reason_for(s, std::string("intervention-route:") + row.route) != nullptr);
    }
}

TEST_CASE("the substance is the one named most often; MeSH and keywords count too") {
    auto s = classified("Zinc status in athletes", "Magnesium and zinc were measured. Magnesium fell; magnesium intake was low.");
    CHECK(s.intervention.substance == "magnesium");
    // On a tie the substance named first wins.
    CHECK(classified("Zinc and magnesium", "").intervention.substance == "zinc");
    evidex::Study by_mesh;
    by_mesh.title = "A randomized trial";
    by_mesh.mesh = {{"Cholecalciferol", "", true, {}}};
    evidex::classify_intervention(by_mesh, vocab());
    CHECK(by_mesh.intervention.substance == "vitamin-d");
    CHECK(by_mesh.intervention.form == "d3");
    CHECK(classified("Sleep hygiene advice", "No supplement was given.").intervention.empty());
}

TEST_CASE("find_duration keeps how long the study ran as the text states it") {
    const struct {
        const char* text;
        const char* value;  // nullptr: no duration
        const char* span;
    } rows[] = {
        {"received magnesium or placebo for 8 weeks.", "8 weeks", "for 8 weeks"},
        {"took magnesium each evening for 4 to 6 weeks.", "4 to 6 weeks", "for 4 to 6 weeks"},
        {"were followed over 12 months.", "12 months", "over 12 months"},
        {"at a median of 368 mg for a median of 3 months", "3 months", "for a median of 3 months"},
        // The adjective form is given as a plain duration.
        {"In this 6-week open trial", "6 weeks", "6-week"},
        {"Eight weeks of magnesium supplementation did not change CRP.", "Eight weeks", "Eight weeks of"},
        // "for" beats an adjective earlier in the text.
        {"During a 21-day stage race, 9 took magnesium for 3 weeks.", "3 weeks", "for 3 weeks"},
        // Ages and points in time are not durations.
        {"46 subjects aged 60-75 years", nullptr, nullptr},
        {"a 45-year-old woman", nullptr, nullptr},
        {"Three months later, symptoms returned.", nullptr, nullptr},
        {"within 24 hours of intake", nullptr, nullptr},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto d = evidex::find_duration(row.text);
        if (!row.value) {
            CHECK_FALSE(d.has_value());
            continue;
        }
        REQUIRE(d.has_value());
        CHECK(d->value == row.value);
        CHECK(d->span == row.span);
    }
}

TEST_CASE("classify_intervention reads the bundled PubMed records") {
    const struct {
        const char* pmid;
        const char* form;
        const char* route;
        std::optional<double> mg;
        const char* duration;
    } rows[] = {
        // Hornyak 1998: "12.4 mmol (about 300 mg) of oral magnesium each evening for 4 to 6 weeks".
        {"9703590", "", "oral", 12.4 * 24.305, "4 to 6 weeks"},
        // Abbasi 2012: "500 mg of elemental magnesium per day, given as magnesium oxide".
        {"23853635", "oxide", "", 500, "8 weeks"},
        // Guerrero-Romero 2004: "2.5 g of magnesium chloride daily as an oral solution" (hexahydrate).
        {"15223977", "chloride", "oral", 300, "3 months"},
        // Firoz 2001: 21 mEq a day; four salts compared, so no single form.
        {"11794633", "", "", 21 * 12.1525, ""},
        {"28654669", "chloride", "oral", 248, "6 weeks"},  // Tarleton 2017: elemental amount stated
        // Rodriguez-Moran 2003: "50 mL per day of magnesium chloride solution (50 g/L)" gives no mass to read.
        {"12663588", "chloride", "oral", std::nullopt, "16 weeks"},
        // Uysal 2019: a single dose to rats is not a daily dose.
        {"29679349", "", "", std::nullopt, ""},
        // Eby 2006: "125-300 mg ... with each meal and at bedtime" is a range; glycinate or taurinate.
        {"16542786", "", "", std::nullopt, ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.pmid));
        std::string xml;
        REQUIRE(evidex::read_file((evidex::test::source_dir() / "corpus" / "pubmed" / (std::string(row.pmid) + ".xml")).string(), xml));
        auto parsed = evidex::parse_pubmed_xml(xml, row.pmid);
        REQUIRE(parsed.studies.size() == 1);
        auto& s = parsed.studies.front();
        evidex::classify_intervention(s, vocab());
        CHECK(s.intervention.substance == "magnesium");
        CHECK(s.intervention.form == row.form);
        CHECK(s.intervention.route == row.route);
        CHECK(s.intervention.daily_dose_mg.has_value() == row.mg.has_value());
        if (row.mg && s.intervention.daily_dose_mg) CHECK(*s.intervention.daily_dose_mg == doctest::Approx(*row.mg).epsilon(0.001));
        CHECK(s.duration == row.duration);
    }
}

TEST_CASE("a bad line of an intervention vocabulary file is reported as file:line: what") {
    const auto schemas = evidex::test::source_dir() / "schemas";
    const struct {
        const char* file;
        std::string text;
        std::string message;
    } rows[] = {
        {"interventions.tsv", "substance\tform\tcues\troute\telemental_fraction\nmagnesium\toxide\tmagnesium oxide\tnasal\t0.6\n",
         "interventions.tsv:2: unknown route 'nasal' (oral, intravenous, intramuscular, topical)"},
        {"interventions.tsv", "substance\tform\tcues\troute\telemental_fraction\nmagnesium\toxide\tmagnesium oxide\t\t60\n",
         "interventions.tsv:2: elemental_fraction '60' is not a number in (0, 1]"},
        {"interventions.tsv",
         "substance\tform\tcues\troute\telemental_fraction\nmagnesium\t\tmagnesium\t\t\nzinc\t\tmagnesium\t\t\n",
         "interventions.tsv:3: cue 'magnesium' already names magnesium"},
        {"units.tsv", "unit\tsubstance\tmg\tcues\nmmol\tunobtainium\t1\tmmol\n",
         "units.tsv:2: substance 'unobtainium' is not in interventions.tsv"},
        {"dose-cues.tsv", "kind\tper_day\tcues\nfrequency\tsometimes\toften\n",
         "dose-cues.tsv:2: per_day 'sometimes' is not a positive number or fraction"},
        {"routes.tsv", "route\tcues\texcept\nrectal\tsuppository\t\n",
         "routes.tsv:2: unknown route 'rectal' (oral, intravenous, intramuscular, topical)"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.message);
        evidex::test::TempDir dir;
        for (const char* name : {"interventions.tsv", "units.tsv", "dose-cues.tsv", "routes.tsv"})
            std::filesystem::copy_file(schemas / name, dir / name);
        std::ofstream(dir / row.file, std::ios::trunc) << row.text;
        std::string error;
        try {
            evidex::InterventionVocabulary::load(dir.path());
        } catch (const evidex::FatalError& e) {
            error = e.what();
        }
        CHECK_MESSAGE(error.find(row.message) != std::string::npos, error);
    }
}

TEST_CASE("find_intervention_term turns a substance, SUBSTANCE:FORM or a name into the indexed value") {
    struct Case {
        const char* name;
        const char* term;  // "" when it names nothing
    };
    const Case cases[] = {
        {"magnesium", "magnesium"},
        {"Magnesium", "magnesium"},
        {"magnesium:citrate", "magnesium:citrate"},
        {"magnesium citrate", "magnesium:citrate"},  // a cue of the citrate row
        {"MgO", "magnesium:oxide"},
        {" zinc ", "zinc"},
        {"magnesium:banana", ""},                     // no such form
        {"banana", ""},
        {"", ""},
        {"iv magnesium", ""},                         // a route cue names no substance or form
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto term = evidex::find_intervention_term(vocab(), c.name);
        CHECK(term.value_or("") == c.term);
    }
    CHECK_THROWS_WITH_AS(evidex::require_intervention(vocab(), "banana", "map"),
                         doctest::Contains("map: unknown intervention 'banana'"), evidex::FatalError);
}
