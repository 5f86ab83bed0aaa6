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
    {"worsened", "Symptoms worsened in the magnesium group.", ResultDirection::negative},
    {"increased-risk", "High-dose magnesium was linked to an increased risk of falls.", ResultDirection::negative},
    {"increased-the-risk", "Magnesium increased the risk of diarrhoea.", ResultDirection::negative},
    {"harm", "Magnesium excess was harmful to bone.", ResultDirection::negative},
    {"increased-mortality", "Intravenous magnesium was followed by increased mortality.", ResultDirection::negative},
    {"only-in-subgroup", "Magnesium plus B6 helped only in the subgroup with severe stress.", ResultDirection::mixed},
    {"but-not-in", "Magnesium helped in women but not in men.", ResultDirection::mixed},
    {"some-but-not", "Magnesium improved some but not all outcomes.", ResultDirection::mixed},
    {"inconsistent", "Trials gave inconsistent results.", ResultDirection::mixed},
};
// clang-format on

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

TEST_CASE("direction-cues.tsv: every cue has a row in the direction cue table") {
    std::set<std::string> tested;
    for (const auto& row : cue_rows) tested.insert(row.rule);
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
