// classify_sample_size: participants, never studies; the total, never a subgroup; and none of the
// numbers abstracts are full of (ages, ranges, doses, percentages, p-values, scale names).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "core/sample_size.h"

namespace {

std::string rule_of(const evidex::Study& s, const char* field) {
    for (const auto& r : s.reasons)
        if (r.field == field) return r.rule;
    return {};
}

}  // namespace

TEST_CASE("classify_sample_size reads participants and studies from title and abstract") {
    struct Row {
        const char* title;
        const char* abstract;
        std::optional<int> n;
        std::optional<int> n_studies;
        evidex::Design design = evidex::Design::rct;
    };
    using evidex::Design;
    // clang-format off
    const Row rows[] = {
        // A meta-analysis: 34 is the number of trials, 2,028 the participants.
        {"", "Thirty-four trials with 2,028 participants were included.", 2028, 34, Design::meta_analysis},
        {"", "Prospective analysis of 73,684 postmenopausal women in the Women's Health Initiative.", 73684, {}, Design::cohort},
        // "mean age 57 years" is not a count.
        {"", "10 patients (mean age 57 years) took magnesium each evening.", 10, {}},
        // A number in words, with an age range that must not count.
        {"", "Forty-six elderly subjects aged 60-75 years with primary insomnia took part.", 46, {}},
        {"", "Participants (n = 264) were assigned to two arms.", 264, {}},
        {"", "Adults with mild depression (N=126) took part.", 126, {}},
        // The subgroup "(n=162)" does not override the randomized total.
        {"", "In this randomized trial, 264 healthy adults were assigned to two arms. In the subgroup with severe "
             "stress (n=162), the combination did better.", 264, {}},
        // The total randomized beats a larger number screened.
        {"", "Of 500 patients screened, 120 patients were randomized.", 120, {}},
        // "a subset of 4778 women" is part of the 73,684.
        {"", "Prospective analysis of 73684 women. Bone density was measured in a subset of 4778 women.", 73684, {}, Design::cohort},
        // Animals count too.
        {"", "Forty male rats were fed a magnesium-deficient diet.", 40, {}, Design::animal},
        {"", "The effect was studied in sixteen cats.", 16, {}, Design::animal},
        // Modifiers between the number and its noun.
        {"", "74 healthy overweight middle-aged women received 250 mg of magnesium per day.", 74, {}},
        {"", "18 male professional cyclists from two teams were followed during the race.", 18, {}, Design::non_randomized_trial},
        // Cases and controls add up.
        {"", "We measured telomere length in 386 cases and 896 matched controls.", 1282, {}, Design::case_control},
        // "type 2" and "PHQ-9" are names, "12.4 mmol" a dose, "75%" a percentage, "p = 0.04" a p-value.
        {"Magnesium in type 2 diabetic subjects", "Doses of 12.4 mmol raised efficiency to 75% (p = 0.04); PHQ-9 fell.", {}, {}},
        // A year before a count is not a count, the count after it is.
        {"", "Between 1963 and 1995, 36 patients were treated with radiotherapy alone.", 36, {}, Design::cohort},
        // A year after "In" is a date even when a noun follows it.
        {"", "In 2019, patients with migraine were recruited from 3 clinics.", {}, {}},
        // "COVID-19 patients": 19 is part of a name.
        {"", "COVID-19 patients were given magnesium sulfate.", {}, {}},
        // Study counts: the included ones, not those merely mentioned.
        {"", "Eighteen intervention studies were included. A benefit was reported in 4 of 8 studies in anxious samples.", {}, 18,
         Design::systematic_review},
        {"", "Eight studies were included: 1 randomized controlled trial, 3 case series and 4 case reports.", {}, 8,
         Design::systematic_review},
        // The participants of a review that pooled them.
        {"", "The analysis covered 32918 participants. Seven cross-sectional studies were pooled.", 32918, 7,
         Design::meta_analysis},
        // A narrative review has no sample of its own.
        {"", "One trial in 40 patients found a benefit.", {}, {}, Design::narrative_review},
        // A case report with no count: one patient.
        {"", "A 45-year-old woman presented with muscle cramps.", 1, {}, Design::case_report},
    };
    // clang-format on
    for (const auto& row : rows) {
        CAPTURE(std::string(row.abstract));
        evidex::Study study;
        study.title = row.title;
        study.design = row.design;
        if (*row.abstract) study.abstract.push_back({"", "", row.abstract});
        evidex::classify_sample_size(study);
        CHECK(study.n.value_or(-1) == row.n.value_or(-1));
        CHECK(study.n_studies.value_or(-1) == row.n_studies.value_or(-1));
        if (row.n) CHECK(!rule_of(study, "n").empty());
        if (row.n_studies) CHECK(rule_of(study, "n_studies") == "n-studies");
    }
}

TEST_CASE("classify_sample_size skips background sections and keeps the sentence as the reason") {
    evidex::Study study;
    study.design = evidex::Design::rct;
    study.abstract = {{"BACKGROUND", "BACKGROUND", "Insomnia affects 3000 adults in our region every year."},
                      {"METHODS", "METHODS", "We randomized 46 elderly subjects to magnesium or placebo."}};
    evidex::classify_sample_size(study);
    CHECK(study.n == 46);
    REQUIRE(study.reasons.size() == 1);
    CHECK(study.reasons[0].field == "n");
    CHECK(study.reasons[0].rule == "n-participants");
    CHECK(study.reasons[0].span == "We randomized 46 elderly subjects to magnesium or placebo.");
}

TEST_CASE("classify_sample_size refuses absurd counts with a reason") {
    const char* absurd[] = {
        "n = 0",                                       // nobody
        "We enrolled 10,000,000 patients.",           // a population, not a sample
        "Insomnia affects 50 million adults.",         // a multiplier word makes it absurd too
    };
    for (const char* text : absurd) {
        CAPTURE(std::string(text));
        evidex::Study study;
        study.abstract.push_back({"", "", text});
        evidex::classify_sample_size(study);
        CHECK_FALSE(study.n.has_value());
        CHECK(rule_of(study, "n") == "n-absurd");
    }
    // A plausible count in the same abstract wins over the absurd one.
    evidex::Study study;
    study.abstract.push_back({"", "", "Insomnia affects 50 million adults. We studied 30 patients."});
    evidex::classify_sample_size(study);
    CHECK(study.n == 30);
}

TEST_CASE("classify_sample_size never sets n for a notice") {
    evidex::Study study;
    study.is_notice = true;
    study.abstract.push_back({"", "", "This retracts a trial in 120 patients."});
    evidex::classify_sample_size(study);
    CHECK_FALSE(study.n.has_value());
}
