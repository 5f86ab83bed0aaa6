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

TEST_CASE("classify_design tells laboratory work on animal tissue from experiments on living animals") {
    using evidex::Design;
    struct Row {
        evidex::Study study;
        Design design;
        const char* design_rule;
    };
    auto with_mesh = [](evidex::Study s, std::vector<std::string> mesh) {
        for (auto& m : mesh) s.mesh.push_back({m, "", false, {}});
        return s;
    };
    // clang-format off
    const Row rows[] = {
        // MeSH Animals without Humans, but the rats' cells were cultured: in vitro.
        {with_mesh(record({"Journal Article"}, "", "The mitogenic effect of ATP was examined in cultured rat aortic "
                          "smooth muscle cells."), {"Animals", "Rats"}),
         Design::in_vitro, "cultured-animal-cells"},
        {with_mesh(record({"Journal Article"}, "", "We examined the effect of the drug on the permeability "
                          "transition in rat liver mitochondria."), {"Animals", "Rats"}),
         Design::in_vitro, "animal-organelles"},
        {with_mesh(record({"Journal Article"}, "", "The insect cytochrome was expressed in insect cell Sf9."), {"Animals"}),
         Design::in_vitro, "expressed-in-host"},
        // A knockout mouse is a living animal, even when its cells were also cultured.
        {with_mesh(record({"Journal Article"}, "", "Knockout mice and cultured mouse hepatocytes were studied."),
                   {"Animals", "Mice"}),
         Design::animal, "knockout-animals"},
        // A species word alone still makes an animal study.
        {with_mesh(record({"Journal Article"}, "", "Rats were given magnesium and the liver was weighed."), {"Animals"}),
         Design::animal, "animal-species"},
        // MeSH In Vitro Techniques says laboratory work even beside MeSH Animals.
        {with_mesh(record({"Journal Article"}, "Procaine metabolism in vitro by a liver amidase", ""),
                   {"Animals", "In Vitro Techniques", "Rats"}),
         Design::in_vitro, "mesh-in-vitro"},
        // "Kirsten rat sarcoma" names a gene (KRAS): no rat in this study.
        {record({"journal-article"}, "", "Kirsten rat sarcoma viral oncogene mutations were measured in plasma DNA."),
         Design::other, "no-design-cue"},
        // A tuberculin test and circulating tumour cells are not laboratory studies either.
        {record({"journal-article"}, "", "Purified protein derivative skin tests were read at 72 hours."),
         Design::other, "no-design-cue"},
        {record({"journal-article"}, "Circulating tumour cells in 40 women with breast cancer", ""),
         Design::other, "no-design-cue"},
    };
    // clang-format on
    for (auto row : rows) {
        CAPTURE(std::string(row.design_rule));
        evidex::classify_design(row.study, rules());
        CHECK(row.study.design == row.design);
        CHECK(rule_of(row.study, "design") == row.design_rule);
    }
}

TEST_CASE("classify_design: books, corrected articles, indexed errata and pooled reviews") {
    using evidex::Design;
    // A book chapter (GeneReviews) with the Review type is not a study ...
    auto chapter = record({"Review"}, "Congenital myasthenic syndromes", "The diagnosis is established by genetic testing.");
    chapter.book = true;
    evidex::classify_design(chapter, rules());
    CHECK(chapter.design == Design::other);
    CHECK(rule_of(chapter, "design") == "book");
    // ... unless it says it is a systematic review.
    auto report = record({"Review"}, "", "We conducted a systematic review of screening trials.");
    report.book = true;
    evidex::classify_design(report, rules());
    CHECK(report.design == Design::systematic_review);

    // "Erratum:" in the title of a corrected and republished article: the article is read.
    auto republished = record({"Corrected and Republished Article", "Journal Article"},
                              "Erratum: Detection of six novel FBN1 mutations in British patients with Marfan syndrome", "");
    evidex::classify_design(republished, rules());
    CHECK(republished.design == Design::case_series);
    CHECK(rule_of(republished, "design") == "novel-mutations-in-patients");

    // NLM never indexes a notice: a Published Erratum type on a MeSH-indexed record marks the
    // erratum printed with the article, not the record.
    auto indexed = record({"Journal Article", "Published Erratum"}, "Metabolism of procaine in vitro", "");
    indexed.is_notice = true;
    indexed.mesh.push_back({"Procaine", "", false, {}});
    evidex::classify_design(indexed, rules());
    CHECK(indexed.design == Design::in_vitro);
    auto erratum = record({"Published Erratum"}, "Metabolism of procaine in vitro", "");
    erratum.is_notice = true;
    evidex::classify_design(erratum, rules());
    CHECK(erratum.design == Design::other);
    CHECK(rule_of(erratum, "design") == "record-is-notice");

    // A Cochrane review is a meta-analysis only when its abstract says it pooled.
    auto cochrane = record({"Review"}, "", "Results were combined in a meta-analysis using a fixed-effect model.");
    cochrane.journal = "The Cochrane database of systematic reviews";
    evidex::classify_design(cochrane, rules());
    CHECK(cochrane.design == Design::meta_analysis);
    auto unpooled = record({"Review"}, "", "Two authors assessed trial quality.");
    unpooled.journal = "The Cochrane database of systematic reviews";
    evidex::classify_design(unpooled, rules());
    CHECK(unpooled.design == Design::systematic_review);

    // PT Meta-Analysis on a review that calls itself narrative; a bare "review" is not enough.
    auto narrative = record({"Meta-Analysis", "Review"}, "", "The purpose of this narrative review is to discuss safety.");
    evidex::classify_design(narrative, rules());
    CHECK(narrative.design == Design::narrative_review);
    auto pooled = record({"Meta-Analysis"}, "", "The review found that magnesium lowered blood pressure.");
    evidex::classify_design(pooled, rules());
    CHECK(pooled.design == Design::meta_analysis);
    CHECK(rule_of(pooled, "design") == "pt-meta-analysis");
}

TEST_CASE("classify_design: retrospective alone is a case series, a retrospective comparison a cohort") {
    auto series = record({"Journal Article"}, "", "Filter opening was evaluated in a retrospective study of 166 patients.");
    evidex::classify_design(series, rules());
    CHECK(series.design == evidex::Design::case_series);
    auto cohort = record({"Journal Article"}, "", "We retrospectively compared 80 patients treated with A versus B.");
    evidex::classify_design(cohort, rules());
    CHECK(cohort.design == evidex::Design::cohort);
    // A case report type with two patients stays a case report; three make a series.
    auto two = record({"Case Reports"}, "Bone grafts in the jaw. A report of two cases.", "");
    evidex::classify_design(two, rules());
    CHECK(two.design == evidex::Design::case_report);
    auto three = record({"Case Reports"}, "Bone grafts in the jaw: a report of three cases", "");
    evidex::classify_design(three, rules());
    CHECK(three.design == evidex::Design::case_series);
}

TEST_CASE("load_design_rules reads refine ranks and rejects a bad one") {
    evidex::test::TempDir dir;
    std::ofstream(dir / "design-cues.tsv") << "rule\twhere\tfield\tvalue\trank\tpattern\n";
    std::ofstream(dir / "design-rules.tsv")
        << "rule\tmatch\tvalue\tdesign\trefine\tunless\n"
        << "pt-ma\tpublication_type\tMeta-Analysis\tmeta-analysis\tnarrative-review>=65,rct\tmesh-indexed\n";
    const auto loaded = evidex::load_design_rules(dir.path());
    REQUIRE(loaded.by_type.size() == 1);
    REQUIRE(loaded.by_type[0].refine.size() == 2);
    CHECK(loaded.by_type[0].refine[0].design == evidex::Design::narrative_review);
    CHECK(loaded.by_type[0].refine[0].min_rank == 65);
    CHECK(loaded.by_type[0].refine[1].min_rank == 0);
    CHECK(loaded.by_type[0].unless_mesh_indexed);

    std::ofstream(dir / "design-rules.tsv")
        << "rule\tmatch\tvalue\tdesign\trefine\tunless\n"
        << "pt-ma\tpublication_type\tMeta-Analysis\tmeta-analysis\tnarrative-review>=high\t-\n";
    CHECK_THROWS_WITH_AS(evidex::load_design_rules(dir.path()),
                         doctest::Contains("design-rules.tsv:2: rank 'high' in refine is not an integer"),
                         evidex::FatalError);
}
