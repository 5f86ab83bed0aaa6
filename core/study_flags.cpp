#include "core/study_flags.h"

#include <algorithm>
#include <string>

namespace evidex {

namespace {

// The span of the first reason recorded for `field`, or `fallback`.
std::string span_of(const Study& study, std::string_view field, std::string fallback) {
    for (const auto& reason : study.reasons)
        if (reason.field == field && !reason.span.empty()) return reason.span;
    return fallback;
}

bool has_reason(const Study& study, std::string_view field) {
    return std::any_of(study.reasons.begin(), study.reasons.end(), [&](const Reason& r) { return r.field == field; });
}

void add_flag(Study& study, const std::string& id, std::string span) {
    if (std::find(study.flags.begin(), study.flags.end(), id) != study.flags.end()) return;
    study.flags.push_back(id);
    study.reasons.push_back({"flags", "flag:" + id, std::move(span)});
}

bool is_trial_or_observational(Design d) {
    switch (d) {
        case Design::rct:
        case Design::non_randomized_trial:
        case Design::uncontrolled_trial:
        case Design::cohort:
        case Design::case_control:
        case Design::cross_sectional:
            return true;
        default:
            return false;
    }
}

bool is_observational(Design d) {
    return d == Design::cohort || d == Design::case_control || d == Design::cross_sectional;
}

bool has_no_control_design(Design d) {
    return d == Design::uncontrolled_trial || d == Design::case_series || d == Design::case_report;
}

bool lacks_control(const Study& study) {
    const Design d = study.design;
    if (has_no_control_design(d)) return true;
    // A pilot that no control cue (randomization, a control arm, a placebo) describes.
    return study.pilot && !study.placebo && (d == Design::other || d == Design::unpublished);
}

}  // namespace

void classify_flags(Study& study) {
    // The sentence (or publication type) that decided the design, else the design id.
    const std::string design = span_of(study, "design", std::string(to_string(study.design)));
    if (study.n && *study.n < small_n_threshold && is_trial_or_observational(study.design))
        add_flag(study, "small-n", span_of(study, "n", "n = " + std::to_string(*study.n)));
    if (study.blinding == Blinding::open) add_flag(study, "open-label", span_of(study, "blinding", design));
    if (lacks_control(study)) add_flag(study, "no-control", has_no_control_design(study.design) ? design
                                                                                              : span_of(study, "pilot", design));
    if (study.design == Design::in_vitro) add_flag(study, "in-vitro", design);
    if (study.design == Design::animal) add_flag(study, "animal", design);
    if (study.design == Design::hypothesis || has_reason(study, "hypothesis"))
        add_flag(study, "hypothesis-paper", span_of(study, "hypothesis", design));
    if (is_observational(study.design)) add_flag(study, "observational-only", design);
    if (study.design == Design::unpublished) add_flag(study, "unpublished", design);
    if (study.retracted) add_flag(study, "retracted", "the record is marked retracted");
}

}  // namespace evidex
