// Tests a page describes itself: "A team of researchers recently performed several
// bioavailability tests ... red blood cells ... incubated for 24 hours". A claim with no marker
// or allusion of its own that follows such a description, on a condition the description
// names, rests on that test:
// it gets a citation of the page's own test, support does-not-address, flag
// self-conducted-test, and in-vitro when the method was a test-tube one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/conditions.h"
#include "core/page.h"
#include "core/text_cues.h"
#include "query/audit.h"
#include "query/grading_rules.h"

namespace evidex {

struct PageTestCue {
    std::string rule;
    bool in_vitro = false;  // kind in-vitro; else report
    CuePattern pattern;
};

struct PageTestRules {
    std::vector<PageTestCue> cues;
};

// Reads page-test-cues.tsv from `schemas_dir`. Throws FatalError ("file:line: what") on a bad line.
PageTestRules load_page_test_rules(const std::filesystem::path& schemas_dir);

// Adds the page's own test as a citation to every claim it backs (claims with no citation, or
// only inferred ones). Run after link_claims, before grading.
void link_page_tests(Audit& audit, const Page& page, const PageTestRules& rules, const ConditionVocabulary& conditions,
                     const GradingRules& grading);

}  // namespace evidex
