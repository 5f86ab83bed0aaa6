#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/claims.h"
#include "core/dose.h"
#include "support/paths.h"

namespace {

const std::vector<std::string>& units() {
    static const auto rules = evidex::load_claim_rules(evidex::test::source_dir() / "schemas");
    return rules.units;
}

struct Expected {
    double value;
    const char* unit;
    const char* text;
};

struct NumberCase {
    const char* sentence;
    std::vector<Expected> numbers;
};

}  // namespace

TEST_CASE("extract_claim_numbers reads the figures a claim states, with their units") {
    const std::vector<NumberCase> cases = {
        {"combined with vitamin B6 was 40% more helpful than alone", {{40, "%", "40%"}}},
        {"outperformed the magnesium compounds by a whopping 1600%.", {{1600, "%", "1600%"}}},
        // A number of people without a unit word right after it: "postmenopausal" is no unit.
        {"In a clinical trial involving 73,684 postmenopausal women", {{73684, "", "73,684"}}},
        {"500 mg of daily magnesium supplement improved sleep quality", {{500, "mg", "500 mg"}}},
        // The comparator belongs to the figure as written; the unit keeps the rules' spelling.
        {"the effect size is clinically small (<2 mmHg).", {{2, "mmHg", "<2 mmHg"}}},
        {"In a meta-analysis involving 32,198 people, those with more magnesium", {{32198, "people", "32,198 people"}}},
        {"improves exercise recovery (400 mg/day, taken at breakfast)", {{400, "mg/day", "400 mg/day"}}},
        // A range: the first number takes the second's unit.
        {"a daily dose of 400-600mg of elemental magnesium", {{400, "mg", "400"}, {600, "mg", "600mg"}}},
        {"it can take 3-5 days to ship it out", {{3, "days", "3"}, {5, "days", "5 days"}}},
        {"seven of the 10 patients evaluated during the 6-week study",
         {{10, "patients", "10 patients"}, {6, "week", "6-week"}}},
        // Digits glued to letters are names, not figures; ordinals are not figures either.
        {"Vitamin B6 and vitamin D3 help; the 3rd fastest growing company", {}},
        // Citation markers are not figures.
        {"Magnesium reduced blood pressure [3] in 34 trials [1,2].", {{34, "trials", "34 trials"}}},
        {"over 600 different biochemical reactions, 0.35 mg/night", {{600, "", "600"}, {0.35, "mg", "0.35 mg"}}},
        {"tested for 250+ substances", {{250, "", "250+"}}},
        {"Magnesium is a mineral found in leafy greens.", {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.sentence);
        const auto numbers = evidex::extract_claim_numbers(c.sentence, units());
        REQUIRE(numbers.size() == c.numbers.size());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            CAPTURE(i);
            CHECK(numbers[i].value == doctest::Approx(c.numbers[i].value));
            CHECK(numbers[i].unit == c.numbers[i].unit);
            CHECK(numbers[i].text == c.numbers[i].text);
        }
    }
}

TEST_CASE("extract_claim_numbers matches a unit only as a whole word") {
    const std::vector<std::string> only_g = {"g"};
    const auto numbers = evidex::extract_claim_numbers("2 great studies and 5 g daily", only_g);
    REQUIRE(numbers.size() == 2);
    CHECK(numbers[0].unit.empty());
    CHECK(numbers[1].unit == "g");
    CHECK(numbers[1].text == "5 g");
}

TEST_CASE("a number with more digits than a double holds is read, not thrown") {
    // A title of 500 nines once stopped a whole ingest run with "error: stod".
    const std::string nines(500, '9');
    const std::vector<std::string> units = {"mg"};
    CHECK_NOTHROW(evidex::extract_claim_numbers("Magnesium " + nines + " mg daily", units));
    CHECK_NOTHROW(evidex::find_duration("for " + nines + " weeks"));
}
