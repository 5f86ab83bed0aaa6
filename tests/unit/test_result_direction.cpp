// classify_result_direction: which text decides, what each cue of schemas/direction-cues.tsv
// reads as, and the traps (negations, hedges, subgroups, reviews with nothing to conclude).
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <string>

#include "core/errors.h"
#include "core/result_direction.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

using evidex::ResultDirection;

const evidex::ResultDirectionRules& rules() {
    static const auto loaded = evidex::load_direction_rules(evidex::test::source_dir() / "schemas");
    return loaded;
}

// A study whose labelled CONCLUSIONS section is `conclusion`.
evidex::Study concluding(const std::string& conclusion, evidex::Design design = evidex::Design::rct) {
    evidex::Study s;
    s.design = design;
    s.abstract = {{"METHODS", "METHODS", "Adults took magnesium or placebo for 8 weeks."},
                  {"CONCLUSIONS", "CONCLUSIONS", conclusion}};
    return s;
}

bool has_rule(const evidex::Study& s, const std::string& rule) {
    for (const auto& r : s.reasons)
        if (r.field == "result_direction" && r.rule == rule) return true;
    return false;
}

struct CueRow {
    const char* rule;
    const char* conclusion;
    ResultDirection direction;
};

// clang-format off
const CueRow cue_rows[] = {
    {"improved", "Magnesium improved sleep efficiency.", ResultDirection::positive},
    {"reduced", "Magnesium lowered systolic blood pressure.", ResultDirection::positive},
    {"was-effective", "Oral magnesium was effective in preventing migraine.", ResultDirection::positive},
    {"beneficial", "Magnesium had a beneficial effect on cramps.", ResultDirection::positive},
    {"inversely-associated", "Magnesium intake was inversely associated with depression scores.", ResultDirection::positive},
    {"associated-with-less", "Higher intake was associated with a lower incidence of diabetes.", ResultDirection::positive},
    {"better", "Patients slept better with magnesium.", ResultDirection::positive},
    {"fewer", "Magnesium was followed by fewer night cramps.", ResultDirection::positive},
    {"relieved", "Magnesium relieved leg cramps in pregnancy.", ResultDirection::positive},
    {"prevented", "Magnesium prevented eclamptic seizures.", ResultDirection::positive},
    {"superior", "Magnesium citrate was superior to oxide.", ResultDirection::positive},
    {"protected", "Magnesium protected against noise-induced hearing loss.", ResultDirection::positive},
    {"more-effective", "Magnesium citrate was more effective than placebo for cramps.", ResultDirection::positive},
    {"effective-treatment", "Magnesium is an effective treatment for eclampsia.", ResultDirection::positive},
    {"shows-efficacy", "This trial confirms the efficacy of magnesium for migraine prophylaxis.", ResultDirection::positive},
    {"supports-use", "The evidence supports the use of magnesium in pre-eclampsia.", ResultDirection::positive},
    {"no-significant", "There was no significant change in HbA1c.", ResultDirection::null},
    {"not-significant", "The difference was not statistically significant.", ResultDirection::null},
    {"did-not-differ", "Sleep scores did not differ between groups.", ResultDirection::null},
    {"no-difference", "There was no difference in cramp frequency.", ResultDirection::null},
    {"not-associated", "Magnesium intake was not associated with fracture risk.", ResultDirection::null},
    // "did not improve" is null: the positive cue "improv*" is negated.
    {"not-changed", "Magnesium did not improve sleep quality.", ResultDirection::null},
    {"failed-to", "Magnesium failed to prevent migraine attacks.", ResultDirection::null},
    {"unchanged", "Serum magnesium remained unchanged.", ResultDirection::null},
    {"not-effective", "Magnesium oxide was not effective for leg cramps.", ResultDirection::null},
    {"ineffective", "Magnesium was ineffective.", ResultDirection::null},
    // "relieves" is negated by "not" four words before it.
    {"not-conclude", "We could not conclude that magnesium relieves restless legs.", ResultDirection::null},
    // "insufficient" negates "benefit": no positive cue, one null.
    {"no-evidence", "There was insufficient evidence of benefit.", ResultDirection::null},
    {"not-significant-after", "Neither dose significantly changed blood pressure.", ResultDirection::null},
    {"not-found", "We did not find an effect of magnesium on sleep.", ResultDirection::null},
    {"similar-between-groups", "Pain scores were similar between the two groups.", ResultDirection::null},
    {"similar-in-groups", "Sleep quality was similar in both groups.", ResultDirection::null},
    {"little-effect", "Magnesium had little effect on sleep latency.", ResultDirection::null},
    {"against-use", "The evidence argues against the use of magnesium for cramps.", ResultDirection::null},
    {"worsened", "Symptoms worsened in the magnesium group.", ResultDirection::negative},
    {"increased-risk", "High-dose magnesium was linked to an increased risk of falls.", ResultDirection::negative},
    {"increased-the-risk", "Magnesium increased the risk of diarrhoea.", ResultDirection::negative},
    {"harm", "Magnesium excess was harmful to bone.", ResultDirection::negative},
    {"increased-mortality", "Intravenous magnesium was followed by increased mortality.", ResultDirection::negative},
    {"more-adverse", "Magnesium caused more adverse events than placebo.", ResultDirection::negative},
    {"only-in-subgroup", "Magnesium plus B6 helped only in the subgroup with severe stress.", ResultDirection::mixed},
    {"but-not-in", "Magnesium helped in women but not in men.", ResultDirection::mixed},
    {"some-but-not", "Magnesium improved some but not all outcomes.", ResultDirection::mixed},
    {"inconsistent", "Trials gave inconsistent results.", ResultDirection::mixed},
    // Finding cues: the trial showed something and no effect cue says which way.
    {"f-shows-that", "These data show that magnesium crosses the placenta.", ResultDirection::positive},
    {"f-suggests-that", "We suggest that magnesium acts on NMDA receptors.", ResultDirection::positive},
    {"f-pointing-to", "Serum magnesium rose after dosing, indicating absorption.", ResultDirection::positive},
    {"f-results-show", "These results identify a magnesium transporter in the gut.", ResultDirection::positive},
    {"f-we-found", "We identified three magnesium transporters in the kidney.", ResultDirection::positive},
    {"f-evidence-for", "This is evidence for magnesium uptake by the placenta.", ResultDirection::positive},
    {"f-demonstration", "This is the first demonstration of magnesium transport in the placenta.", ResultDirection::positive},
    {"f-role", "Magnesium plays a central role in muscle relaxation.", ResultDirection::positive},
    {"f-key-role", "Magnesium has an essential role in muscle relaxation.", ResultDirection::positive},
    {"f-significant", "Serum magnesium rose significantly after dosing.", ResultDirection::positive},
    {"f-associated", "Serum magnesium was associated with bone density.", ResultDirection::positive},
    {"f-acts-on", "Magnesium induced muscle relaxation in the test.", ResultDirection::positive},
    {"f-leads-to", "Magnesium loading resulted in higher serum levels.", ResultDirection::positive},
    {"f-required-for", "Magnesium was essential for vitamin D activation.", ResultDirection::positive},
    {"f-capable-of", "The kidney is capable of conserving magnesium.", ResultDirection::positive},
    {"f-differs", "Magnesium salts differed in absorption.", ResultDirection::positive},
    {"f-susceptible", "Deficient rats were more susceptible to seizures.", ResultDirection::positive},
    {"f-useful", "Serum magnesium is a reliable marker of intake.", ResultDirection::positive},
    {"f-acts-as", "Magnesium acts as a calcium antagonist.", ResultDirection::positive},
};

// Title cues, read in the title of an animal study that has no abstract.
const CueRow title_rows[] = {
    {"t-verb", "Magnesium deficiency induces anxiety in mice", ResultDirection::positive},
    {"t-plural-verb", "Magnesium salts improve sleep in aged rats", ResultDirection::positive},
    {"t-associated", "Low magnesium is associated with anxiety in rats", ResultDirection::positive},
};
// clang-format on

evidex::Study titled(const std::string& title, evidex::Design design = evidex::Design::animal) {
    evidex::Study s;
    s.design = design;
    s.title = title;
    return s;
}

}  // namespace

TEST_CASE("classify_result_direction: each direction cue decides on a conclusion written for it") {
    for (const auto& row : cue_rows) {
        CAPTURE(std::string(row.rule));
        auto study = concluding(row.conclusion);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == row.direction);
        CHECK(has_rule(study, row.rule));
        for (const auto& r : study.reasons) CHECK(r.span == row.conclusion);
    }
}

TEST_CASE("classify_result_direction: each title cue decides for a record with no abstract") {
    for (const auto& row : title_rows) {
        CAPTURE(std::string(row.rule));
        auto study = titled(row.conclusion);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == row.direction);
        CHECK(has_rule(study, row.rule));
    }
}

TEST_CASE("direction-cues.tsv: every cue has a row in the direction cue table") {
    std::set<std::string> tested;
    for (const auto& row : cue_rows) tested.insert(row.rule);
    for (const auto& row : title_rows) tested.insert(row.rule);
    for (const auto& cue : rules().cues) {
        CAPTURE(cue.id);
        CHECK(tested.count(cue.id) == 1);
    }
    CHECK(tested.size() == rules().cues.size());
}

TEST_CASE("classify_result_direction: negations, hedges and mixed findings") {
    struct Row {
        const char* conclusion;
        ResultDirection direction;
    };
    // clang-format off
    const Row rows[] = {
        // A reduction in one measure and no change in the others: mixed.
        {"Magnesium produced a small reduction in body mass index but did not significantly change other obesity "
         "measures.", ResultDirection::mixed},
        // The first "reduction" is negated, the one after "but" is not: mixed.
        {"Adding vitamin B6 did not change the overall reduction in stress, but gave a larger reduction in adults with "
         "severe stress.", ResultDirection::mixed},
        // A hedge sentence does not count: positive from the first sentence only.
        {"Magnesium improved sleep. Larger trials are needed to confirm that magnesium improves sleep.",
         ResultDirection::positive},
        // The sample at baseline is no result: positive from the second sentence only.
        {"Baseline characteristics were similar between groups. Magnesium reduced pain.", ResultDirection::positive},
        // Nothing but future work: unclear.
        {"Trials are needed to test whether magnesium improves sleep.", ResultDirection::unclear},
        // No change, and a harm: negative.
        {"Magnesium did not change bone density and increased the risk of falls.", ResultDirection::negative},
        // "and" ends the scope of "not": the second outcome improved.
        {"Magnesium did not change fasting glucose and improved insulin sensitivity.", ResultDirection::mixed},
    };
    // clang-format on
    for (const auto& row : rows) {
        CAPTURE(std::string(row.conclusion));
        auto study = concluding(row.conclusion);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == row.direction);
    }
}

TEST_CASE("classify_result_direction: conclusions decide, else results, else the last two sentences") {
    evidex::Study both;
    both.abstract = {{"RESULTS", "RESULTS", "Sleep scores did not differ at 4 weeks."},
                     {"Conclusion", "", "Magnesium improved sleep at 8 weeks."}};  // a Crossref-style label
    evidex::classify_result_direction(both, rules());
    CHECK(both.result_direction == ResultDirection::positive);

    evidex::Study results_only;
    results_only.abstract = {{"Methods", "", "Magnesium improved sleep in an earlier trial."},
                             {"Results", "", "Sleep scores did not differ between groups."}};
    evidex::classify_result_direction(results_only, rules());
    CHECK(results_only.result_direction == ResultDirection::null);

    evidex::Study interpretation;
    interpretation.abstract = {{"INTERPRETATION", "", "Magnesium reduced the number of attacks."}};
    evidex::classify_result_direction(interpretation, rules());
    CHECK(interpretation.result_direction == ResultDirection::positive);

    // Unstructured: the positive first sentence is not among the last two.
    evidex::Study unstructured;
    unstructured.abstract = {{"", "", "Early work suggested magnesium improved sleep. We repeated the trial in 200 "
                                      "adults. Sleep did not differ between groups."}};
    evidex::classify_result_direction(unstructured, rules());
    CHECK(unstructured.result_direction == ResultDirection::null);
    CHECK(has_rule(unstructured, "did-not-differ"));
}

TEST_CASE("classify_result_direction: reviews without a conclusion, notices and empty records are unclear") {
    evidex::Study review;
    review.design = evidex::Design::narrative_review;
    review.abstract = {{"", "", "This review discusses magnesium. Magnesium improved sleep in one small trial."}};
    evidex::classify_result_direction(review, rules());
    CHECK(review.result_direction == ResultDirection::unclear);
    CHECK(has_rule(review, "review-without-conclusion"));

    // A review with a labelled conclusion is read like any other record.
    auto concluded = concluding("Magnesium improved sleep.", evidex::Design::narrative_review);
    evidex::classify_result_direction(concluded, rules());
    CHECK(concluded.result_direction == ResultDirection::positive);

    auto notice = concluding("Magnesium improved sleep.");
    notice.is_notice = true;
    evidex::classify_result_direction(notice, rules());
    CHECK(notice.result_direction == ResultDirection::unclear);
    CHECK(has_rule(notice, "notice"));

    evidex::Study empty;
    evidex::classify_result_direction(empty, rules());
    CHECK(empty.result_direction == ResultDirection::unclear);
    CHECK(has_rule(empty, "no-direction-cue"));
}

TEST_CASE("classify_result_direction: a finding cue yields to any effect cue") {
    struct Row {
        const char* conclusion;
        ResultDirection direction;
    };
    // clang-format off
    const Row rows[] = {
        {"Magnesium did not significantly reduce pain.", ResultDirection::null},
        // "suggest that" frames the finding; what it says decides.
        {"These results suggest that magnesium did not significantly reduce pain.", ResultDirection::null},
        {"We show that magnesium had no significant effect on sleep.", ResultDirection::null},
        {"These results suggest that magnesium reduces pain.", ResultDirection::positive},
        {"These data indicate that magnesium reduced pain, but not in smokers.", ResultDirection::mixed},
        // A finding and nothing else: positive.
        {"These data demonstrate that magnesium crosses the placenta.", ResultDirection::positive},
        // A negated finding verb is a null result.
        {"Magnesium did not induce relaxation.", ResultDirection::null},
        // A negated finding frame is no finding, and "not show" says nothing was found.
        {"These data do not show that magnesium crosses the placenta.", ResultDirection::null},
        {"Whether magnesium crosses the placenta was not examined.", ResultDirection::unclear},
    };
    // clang-format on
    for (const auto& row : rows) {
        CAPTURE(std::string(row.conclusion));
        auto study = concluding(row.conclusion);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == row.direction);
    }
}

TEST_CASE("classify_result_direction: findings count only for designs whose findings are results") {
    const std::string finding = "These data show that magnesium crosses the placenta.";
    for (const auto design : {evidex::Design::other, evidex::Design::case_report, evidex::Design::narrative_review,
                              evidex::Design::guideline, evidex::Design::unpublished}) {
        CAPTURE(std::string(evidex::to_string(design)));
        auto study = concluding(finding, design);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == ResultDirection::unclear);
    }
    for (const auto design : {evidex::Design::rct, evidex::Design::cohort, evidex::Design::animal,
                              evidex::Design::in_vitro, evidex::Design::meta_analysis}) {
        CAPTURE(std::string(evidex::to_string(design)));
        auto study = concluding(finding, design);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == ResultDirection::positive);
    }
    // An effect cue speaks whatever the design.
    auto other = concluding("Magnesium improved sleep.", evidex::Design::other);
    evidex::classify_result_direction(other, rules());
    CHECK(other.result_direction == ResultDirection::positive);
}

TEST_CASE("classify_result_direction: a harm found by an exposure study is its positive finding") {
    const std::string harm = "Low magnesium intake was associated with an increased risk of fractures.";
    for (const auto design : {evidex::Design::cohort, evidex::Design::case_control, evidex::Design::cross_sectional,
                              evidex::Design::animal, evidex::Design::in_vitro}) {
        CAPTURE(std::string(evidex::to_string(design)));
        auto study = concluding(harm, design);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == ResultDirection::positive);
        CHECK(has_rule(study, "harm-as-finding"));
        CHECK(has_rule(study, "increased-risk"));
    }
    // A treatment that raises a risk did worse.
    auto trial = concluding("Magnesium was associated with an increased risk of diarrhoea.");
    evidex::classify_result_direction(trial, rules());
    CHECK(trial.result_direction == ResultDirection::negative);
    CHECK_FALSE(has_rule(trial, "harm-as-finding"));
    // A population "at increased risk" is no finding at all.
    auto at_risk = concluding("Magnesium should be offered to children at increased risk of seizures.");
    evidex::classify_result_direction(at_risk, rules());
    CHECK(at_risk.result_direction == ResultDirection::unclear);
}

TEST_CASE("classify_result_direction: a p value at or below 0.05 is a finding") {
    struct Row {
        const char* conclusion;
        ResultDirection direction;
    };
    // clang-format off
    const Row rows[] = {
        {"Cell growth was greater with magnesium (P<.001).", ResultDirection::positive},
        {"Cell growth was greater with magnesium (p < 0.05).", ResultDirection::positive},
        {"Cell growth was greater with magnesium (p \xE2\x89\xA4 0.01).", ResultDirection::positive},
        {"Cell growth was greater with magnesium (p = 0.32).", ResultDirection::unclear},
        {"Cell growth was greater with magnesium (p < 0.10).", ResultDirection::unclear},
        {"Cell growth was greater with magnesium (up < 0.01).", ResultDirection::unclear},
        // An effect cue decides before any p value.
        {"Magnesium did not change cell growth (p < 0.01 for the control).", ResultDirection::null},
    };
    // clang-format on
    for (const auto& row : rows) {
        CAPTURE(std::string(row.conclusion));
        auto study = concluding(row.conclusion, evidex::Design::in_vitro);
        evidex::classify_result_direction(study, rules());
        CHECK(study.result_direction == row.direction);
        if (row.direction == ResultDirection::positive) CHECK(has_rule(study, "p-below-0.05"));
    }
}

TEST_CASE("classify_result_direction: the title decides only when the abstract says nothing") {
    auto study = titled("Magnesium deficiency induces anxiety in mice");
    study.abstract = {{"", "", "Mice were fed a magnesium-deficient diet. Anxiety did not differ from controls."}};
    evidex::classify_result_direction(study, rules());
    CHECK(study.result_direction == ResultDirection::null);

    auto question = titled("Does magnesium deficiency induce anxiety in mice?");
    evidex::classify_result_direction(question, rules());
    CHECK(question.result_direction == ResultDirection::unclear);

    auto aim = titled("Strategies to improve sleep in aged rats");
    evidex::classify_result_direction(aim, rules());
    CHECK(aim.result_direction == ResultDirection::unclear);

    auto negated = titled("Magnesium does not improve sleep in aged rats");
    evidex::classify_result_direction(negated, rules());
    CHECK(negated.result_direction == ResultDirection::unclear);

    auto not_a_study = titled("Magnesium deficiency induces anxiety in mice", evidex::Design::other);
    evidex::classify_result_direction(not_a_study, rules());
    CHECK(not_a_study.result_direction == ResultDirection::unclear);

    auto statement = titled("Why magnesium deficiency induces anxiety? A mouse study. Magnesium restores calm");
    evidex::classify_result_direction(statement, rules());
    CHECK(statement.result_direction == ResultDirection::positive);
}

TEST_CASE("load_direction_rules reports a bad line as file:line") {
    struct Row {
        const char* body;
        const char* message;
    };
    const Row rows[] = {
        {"rule\tkind\tpattern\nr1\tgood\timproved\n", "direction-cues.tsv:2: unknown kind 'good'"},
        {"# c\nrule\tkind\tpattern\nr1\tpositive\t^\n", "direction-cues.tsv:3: empty pattern"},
        {"rule\tkind\tpattern\nr1\tpositive\tbetter\nr1\tnull\tworse\n", "direction-cues.tsv:3: duplicate rule id 'r1'"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.message));
        evidex::test::TempDir dir;
        std::ofstream(dir / "direction-cues.tsv") << row.body;
        try {
            evidex::load_direction_rules(dir.path());
            FAIL("a bad line was accepted");
        } catch (const evidex::FatalError& e) {
            CHECK(std::string(e.what()).find(row.message) != std::string::npos);
        }
    }
}
