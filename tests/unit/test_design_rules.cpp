#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "core/classify.h"
#include "core/errors.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

evidex::Study with_types(std::vector<std::string> types, std::vector<std::string> mesh = {}) {
    evidex::Study s;
    s.publication_types = std::move(types);
    for (auto& m : mesh) s.mesh.push_back({m, "", false, {}});
    return s;
}

evidex::Study record(std::vector<std::string> types, std::string title, std::string abstract) {
    auto s = with_types(std::move(types));
    s.title = std::move(title);
    if (!abstract.empty()) s.abstract.push_back({"", "", std::move(abstract)});
    return s;
}

std::string rule_of(const evidex::Study& s, const char* field) {
    for (const auto& r : s.reasons)
        if (r.field == field) return r.rule;
    return {};
}

const evidex::DesignRules& rules() {
    static const auto loaded = evidex::load_design_rules(evidex::test::source_dir() / "schemas");
    return loaded;
}

}  // namespace

TEST_CASE("classify_study sets the design from publication types and MeSH, with the rule as reason") {
    const auto all = evidex::load_classification_rules(evidex::test::source_dir() / "schemas");
    struct Row {
        evidex::Study study;
        evidex::Design design;
        const char* rule;
    };
    const Row rows[] = {
        {with_types({"Journal Article", "Randomized Controlled Trial"}), evidex::Design::rct, "pt-rct"},
        {with_types({"Meta-Analysis", "Review", "Systematic Review"}), evidex::Design::meta_analysis,
         "pt-meta-analysis"},
        {with_types({"Review", "Systematic Review"}), evidex::Design::systematic_review, "pt-systematic-review"},
        {with_types({"Review"}), evidex::Design::narrative_review, "pt-review"},
        {with_types({"Case Reports", "Letter"}), evidex::Design::case_report, "pt-case-reports"},
        {with_types({"Journal Article", "Observational Study"}), evidex::Design::cohort, "pt-observational-study"},
        // "Clinical Trial" alone says nothing of a control group: the weakest trial design.
        {with_types({"Clinical Trial"}), evidex::Design::uncontrolled_trial, "pt-clinical-trial"},
        // A veterinary RCT is an animal study.
        {with_types({"Randomized Controlled Trial, Veterinary"}), evidex::Design::animal, "pt-rct-veterinary"},
        // A rat study: Animals without Humans beats any publication type.
        {with_types({"Journal Article"}, {"Animals", "Rats", "Magnesium"}), evidex::Design::animal,
         "mesh-animals-only"},
        // Animals and Humans together is not an animal study.
        {with_types({"Randomized Controlled Trial"}, {"Animals", "Humans"}), evidex::Design::rct, "pt-rct"},
        // A retraction notice is never graded as the study it retracts.
        {with_types({"Retraction of Publication", "Randomized Controlled Trial"}), evidex::Design::other,
         "pt-retraction-notice"},
        // Nothing to go on: `other`, and the reason says so.
        {with_types({"journal-article"}), evidex::Design::other, "no-design-cue"},
    };
    for (auto row : rows) {
        evidex::classify_study(row.study, all);
        CAPTURE(std::string(row.rule));
        CHECK(row.study.design == row.design);
        // Other classifiers give their reasons too; the design has exactly one.
        std::vector<evidex::Reason> design_reasons;
        for (const auto& reason : row.study.reasons)
            if (reason.field == "design") design_reasons.push_back(reason);
        REQUIRE(design_reasons.size() == 1);
        CHECK(design_reasons[0].rule == row.rule);
    }
}

TEST_CASE("classify_study starts from scratch: reasons do not pile up across runs") {
    const auto all = evidex::load_classification_rules(evidex::test::source_dir() / "schemas");
    auto study = with_types({"Review"});
    evidex::classify_study(study, all);
    const auto once = study.reasons.size();
    evidex::classify_study(study, all);
    CHECK(study.reasons.size() == once);
}

TEST_CASE("classify_design: publication types decide unless the text is more specific") {
    using evidex::Blinding;
    using evidex::Design;
    struct Row {
        evidex::Study study;
        Design design;
        Blinding blinding;
        bool placebo, pilot, crossover;
        const char* design_rule;
    };
    // clang-format off
    const Row rows[] = {
        // PT "Clinical Trial" + an open, uncontrolled pilot: the text refines the design.
        {record({"Clinical Trial", "Journal Article"}, "Magnesium for restless legs: an open pilot study",
                "Open, uncontrolled pilot study. There was no placebo and no control group. "
                "Placebo-controlled trials are needed to confirm these findings."),
         Design::uncontrolled_trial, Blinding::open, false, true, false, "uncontrolled"},
        // Only "Journal Article": the text decides alone.
        {record({"Journal Article"}, "", "In a randomized, double-blind, placebo-controlled trial, 46 elderly "
                "subjects received magnesium or placebo for 8 weeks."),
         Design::rct, Blinding::double_blind, true, false, false, "randomized"},
        // PT RCT stays; the text adds open blinding and crossover.
        {record({"Randomized Controlled Trial"}, "", "We carried out an open-label, randomized crossover trial."),
         Design::rct, Blinding::open, false, false, true, "pt-rct"},
        // A "Review" that says it is a systematic review, or a meta-analysis.
        {record({"Review"}, "", "We conducted a systematic review of trials of magnesium in migraine."),
         Design::systematic_review, Blinding::unknown, false, false, false, "we-systematic-review"},
        {record({"Review"}, "Magnesium and blood pressure: a meta-analysis", ""),
         Design::meta_analysis, Blinding::unknown, false, false, false, "title-meta-analysis"},
        // A meta-analysis of double-blind placebo-controlled trials is not itself blinded.
        {record({"Meta-Analysis"}, "", "We pooled randomized, double-blind, placebo-controlled trials."),
         Design::meta_analysis, Blinding::unknown, false, false, false, "pt-meta-analysis"},
        // A review that mentions trials keeps its publication type: "rct" is not in its refine list.
        {record({"Review"}, "", "Only one randomized trial has tested magnesium in this setting."),
         Design::narrative_review, Blinding::unknown, false, false, false, "pt-review"},
        // PT "Observational Study" refined by the text to cross-sectional.
        {record({"Observational Study"}, "", "Cross-sectional study of 5708 Norwegian adults."),
         Design::cross_sectional, Blinding::unknown, false, false, false, "cross-sectional"},
        // PT "Case Reports" describing several patients.
        {record({"Case Reports"}, "", "We present a case series of five patients with magnesium toxicity."),
         Design::case_series, Blinding::unknown, false, false, false, "case-series"},
        // Crossref-only: "randomly selected" samples people, it does not randomize them.
        {record({"journal-article"}, "", "A randomly selected sample of 1,000 adults completed a cross-sectional survey."),
         Design::cross_sectional, Blinding::unknown, false, false, false, "cross-sectional"},
        // "Allocation was not randomized": negated, so no RCT.
        {record({"journal-article"}, "", "Controlled, non-randomized study. Allocation was not randomized and no placebo was used."),
         Design::non_randomized_trial, Blinding::unknown, false, false, false, "non-randomized"},
        // "No meta-analysis was performed" in a systematic review.
        {record({"journal-article"}, "Magnesium for restless legs: a systematic review", "No meta-analysis was performed."),
         Design::systematic_review, Blinding::unknown, false, false, false, "title-systematic-review"},
        // A review mentioning rats and in vitro work, and calling for trials, is still a review.
        {record({"journal-article"}, "", "This review examines the evidence. Studies in rats and in vitro work with cells "
                "suggest a mechanism. Randomized controlled trials are needed."),
         Design::narrative_review, Blinding::unknown, false, false, false, "this-review"},
        // "uncontrolled hypertension" is a condition, not a design.
        {record({"journal-article"}, "", "Adults with uncontrolled hypertension were randomized to magnesium or placebo."),
         Design::rct, Blinding::unknown, true, false, false, "randomized"},
        // "no significant difference between magnesium and placebo groups": placebo is not negated.
        {record({"Randomized Controlled Trial"}, "", "There was no significant difference between the magnesium and placebo groups."),
         Design::rct, Blinding::unknown, true, false, false, "pt-rct"},
        // Double-blind and open-label together: the main phase was double-blind.
        {record({"Randomized Controlled Trial"}, "", "A double-blind phase was followed by an open-label extension."),
         Design::rct, Blinding::double_blind, false, false, false, "pt-rct"},
        // Rats randomized to diets: an animal study, not an RCT.
        {record({"journal-article"}, "", "Forty male rats were randomized to four diets."),
         Design::animal, Blinding::unknown, false, false, false, "animal-species"},
    };
    // clang-format on
    for (auto row : rows) {
        CAPTURE(std::string(row.design_rule));
        evidex::classify_design(row.study, rules());
        CHECK(row.study.design == row.design);
        CHECK(row.study.blinding == row.blinding);
        CHECK(row.study.placebo == row.placebo);
        CHECK(row.study.pilot == row.pilot);
        CHECK(row.study.crossover == row.crossover);
        CHECK(rule_of(row.study, "design") == row.design_rule);
    }
}

TEST_CASE("classify_design: notices stay `other` and nothing else is read from them") {
    auto notice = record({"journal-article"}, "", "In this randomized, double-blind, placebo-controlled trial ...");
    notice.is_notice = true;
    evidex::classify_design(notice, rules());
    CHECK(notice.design == evidex::Design::other);
    CHECK(notice.blinding == evidex::Blinding::unknown);
    CHECK_FALSE(notice.placebo);
    REQUIRE(notice.reasons.size() == 1);
    CHECK(notice.reasons[0].rule == "record-is-notice");

    auto erratum = record({"journal-article"}, "Erratum: A randomized, double-blind trial of magnesium", "");
    evidex::classify_design(erratum, rules());
    CHECK(erratum.design == evidex::Design::other);
    CHECK(erratum.blinding == evidex::Blinding::unknown);
    CHECK(rule_of(erratum, "design") == "title-erratum");
}

TEST_CASE("classify_design: a Medical Hypotheses case series is a case series marked as a hypothesis paper") {
    auto study = record({"Journal Article"}, "Rapid recovery from major depression using magnesium treatment",
                        "We describe case histories of patients with major depression. We hypothesize that a "
                        "deficit of magnesium underlies many cases of major depression.");
    study.journal = "Medical hypotheses";
    evidex::classify_design(study, rules());
    CHECK(study.design == evidex::Design::case_series);
    CHECK(rule_of(study, "design") == "case-histories");
    CHECK(rule_of(study, "hypothesis") == "journal-hypothesis-paper");
}

TEST_CASE("classify_design: a record with no title, abstract or types is `other` with a reason") {
    evidex::Study empty;
    evidex::classify_design(empty, rules());
    CHECK(empty.design == evidex::Design::other);
    CHECK(rule_of(empty, "design") == "no-design-cue");
}

TEST_CASE("load_design_rules reports a bad line of either file as file:line") {
    const std::string good_types = "rule\tmatch\tvalue\tdesign\npt-x\tpublication_type\tReview\tnarrative-review\n";
    const std::string cue_header = "rule\twhere\tfield\tvalue\trank\tpattern\n";
    struct Row {
        std::string types;
        std::string cues;
        const char* message;
    };
    const Row rows[] = {
        {"# comment\n" + good_types + "pt-y\tpublication_type\tTrial\tbanana\n", cue_header,
         "design-rules.tsv:4: unknown design 'banana'"},
        {good_types + "pt-z\tpublication_type\tTrial\trct\tcohort,banana\n", cue_header,
         "design-rules.tsv:3: expected 4 tab-separated fields, found 5"},
        {good_types, cue_header + "c1\ttext\tcolour\tyes\t-\tplacebo\n", "design-cues.tsv:2: unknown field 'colour'"},
        {good_types, cue_header + "c1\ttext\tdesign\trct\thigh\trandomized\n",
         "design-cues.tsv:2: rank 'high' is not an integer"},
        {good_types, cue_header + "c1\ttext\tdesign\trct\t5\t... randomized\n",
         "design-cues.tsv:2: '...' must stand between words"},
        {good_types, cue_header + "c1\ttext\tplacebo\tyes\t-\tplacebo\nc1\ttext\tpilot\tyes\t-\tpilot\n",
         "design-cues.tsv:3: duplicate rule id 'c1'"},
        {good_types, cue_header + "n1\ttext\tnegation\t-\t-\tnot at all\n", "design-cues.tsv:2: negation 'not at all' must be one plain word"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.message));
        evidex::test::TempDir dir;
        std::ofstream(dir / "design-rules.tsv") << row.types;
        std::ofstream(dir / "design-cues.tsv") << row.cues;
        try {
            evidex::load_design_rules(dir.path());
            FAIL("a bad line was accepted");
        } catch (const evidex::FatalError& e) {
            CHECK(std::string(e.what()).find(row.message) != std::string::npos);
        }
    }
}
