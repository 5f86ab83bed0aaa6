// classify_flags: the downgrade flags of DESIGN.md, each from the field it rests on, each with
// Reason{"flags", "flag:<id>", span}.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/study_flags.h"

namespace {

using evidex::Blinding;
using evidex::Design;

struct Row {
    const char* what;
    Design design;
    Blinding blinding;
    bool pilot;
    bool placebo;
    std::optional<int> n;
    bool retracted;
    bool hypothesis_reason;  // classify_design recorded a "hypothesis" reason (e.g. the journal)
    std::vector<std::string> flags;
};

// clang-format off
const Row rows[] = {
    // Hornyak 1998: an open, uncontrolled pilot in 10 patients.
    {"open uncontrolled pilot", Design::uncontrolled_trial, Blinding::open, true, false, 10, false, false,
     {"small-n", "open-label", "no-control"}},
    // A double-blind RCT in 46: small, nothing else.
    {"small double-blind rct", Design::rct, Blinding::double_blind, false, true, 46, false, false, {"small-n"}},
    // Exactly at the threshold is not small.
    {"rct of 50", Design::rct, Blinding::double_blind, false, true, evidex::small_n_threshold, false, false, {}},
    // An open-label randomized crossover trial in 126.
    {"open rct", Design::rct, Blinding::open, false, false, 126, false, false, {"open-label"}},
    // Small n is for trials and observational studies, not for a case report or an animal study.
    {"case report", Design::case_report, Blinding::unknown, false, false, 1, false, false, {"no-control"}},
    {"rat study", Design::animal, Blinding::unknown, false, false, 40, false, false, {"animal"}},
    {"cell study", Design::in_vitro, Blinding::unknown, false, false, {}, false, false, {"in-vitro"}},
    // A case series in Medical Hypotheses: no control, and a hypothesis paper by its journal.
    {"hypothesis journal case series", Design::case_series, Blinding::unknown, false, false, {}, false, true,
     {"no-control", "hypothesis-paper"}},
    {"hypothesis paper", Design::hypothesis, Blinding::unknown, false, false, {}, false, false, {"hypothesis-paper"}},
    {"cohort", Design::cohort, Blinding::unknown, false, false, 4497, false, false, {"observational-only"}},
    {"small cohort", Design::cohort, Blinding::unknown, false, false, 30, false, false, {"small-n", "observational-only"}},
    {"case-control", Design::case_control, Blinding::unknown, false, false, 1282, false, false, {"observational-only"}},
    {"cross-sectional", Design::cross_sectional, Blinding::unknown, false, false, 5708, false, false, {"observational-only"}},
    {"unpublished", Design::unpublished, Blinding::unknown, false, false, {}, false, false, {"unpublished"}},
    // An unpublished pilot with no placebo: no control either.
    {"unpublished pilot", Design::unpublished, Blinding::unknown, true, false, {}, false, false, {"no-control", "unpublished"}},
    // A pilot RCT has a control arm.
    {"pilot rct", Design::rct, Blinding::double_blind, true, true, 60, false, false, {}},
    {"retracted rct", Design::rct, Blinding::double_blind, false, true, 200, true, false, {"retracted"}},
    {"meta-analysis", Design::meta_analysis, Blinding::unknown, false, false, 2028, false, false, {}},
};
// clang-format on

}  // namespace

TEST_CASE("classify_flags adds each flag that applies, in order, with a reason") {
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        evidex::Study study;
        study.design = row.design;
        study.blinding = row.blinding;
        study.pilot = row.pilot;
        study.placebo = row.placebo;
        study.n = row.n;
        study.retracted = row.retracted;
        if (row.hypothesis_reason) study.reasons.push_back({"hypothesis", "journal-hypothesis-paper", "journal: Med Hypotheses"});
        evidex::classify_flags(study);
        CHECK(study.flags == row.flags);
        std::vector<std::string> flag_reasons;
        for (const auto& r : study.reasons)
            if (r.field == "flags") {
                flag_reasons.push_back(r.rule);
                CHECK(!r.span.empty());
            }
        REQUIRE(flag_reasons.size() == row.flags.size());
        for (std::size_t i = 0; i < row.flags.size(); ++i) CHECK(flag_reasons[i] == "flag:" + row.flags[i]);
    }
}

TEST_CASE("classify_flags points each flag at the sentence that decided it") {
    evidex::Study study;
    study.design = Design::uncontrolled_trial;
    study.blinding = Blinding::open;
    study.n = 10;
    study.reasons = {{"design", "uncontrolled", "Open, uncontrolled pilot study in Germany."},
                     {"blinding", "open-design", "an open pilot study"},
                     {"n", "n-participants", "10 patients (mean age 57 years) took magnesium."}};
    evidex::classify_flags(study);
    auto span = [&](const std::string& rule) {
        for (const auto& r : study.reasons)
            if (r.rule == rule) return r.span;
        return std::string();
    };
    CHECK(span("flag:small-n") == "10 patients (mean age 57 years) took magnesium.");
    CHECK(span("flag:open-label") == "an open pilot study");
    CHECK(span("flag:no-control") == "Open, uncontrolled pilot study in Germany.");
}

TEST_CASE("classify_flags never adds a flag twice") {
    evidex::Study study;
    study.design = Design::animal;
    study.retracted = true;
    evidex::classify_flags(study);
    evidex::classify_flags(study);
    CHECK(study.flags == std::vector<std::string>{"animal", "retracted"});
}
