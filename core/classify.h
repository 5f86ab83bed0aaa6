// Classification of a study: every derived field, from the rules in schemas/. One entry point,
// so a merged record is always classified from scratch.
#pragma once

#include <filesystem>

#include "core/conditions.h"
#include "core/design_rules.h"
#include "core/interventions.h"
#include "core/populations.h"
#include "core/result_direction.h"
#include "core/study.h"

namespace evidex {

struct ClassificationRules {
    DesignRules design;
    ConditionVocabulary conditions;
    PopulationVocabulary populations;
    InterventionVocabulary interventions;
    ResultDirectionRules directions;
};

// Loads every rule table from `schemas`. Throws FatalError on a bad file.
ClassificationRules load_classification_rules(const std::filesystem::path& schemas);

// Clears the derived fields, then derives them again: design (with blinding, placebo, pilot,
// crossover), sample size, population, intervention and duration, conditions, result
// direction, and the flags that follow from them. Each decision records its reason.
void classify_study(Study& study, const ClassificationRules& rules);

}  // namespace evidex
