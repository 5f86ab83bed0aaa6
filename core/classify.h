// Classification of a study: every derived field, from the rules in schemas/. One entry point,
// so a merged record is always classified from scratch.
#pragma once

#include <filesystem>

#include "core/design_rules.h"
#include "core/study.h"

namespace evidex {

struct ClassificationRules {
    DesignRules design;
};

// Loads every rule table from `schemas`. Throws FatalError on a bad file.
ClassificationRules load_classification_rules(const std::filesystem::path& schemas);

// Clears the derived fields, then derives them again.
void classify_study(Study& study, const ClassificationRules& rules);

}  // namespace evidex
