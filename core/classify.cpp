#include "core/classify.h"

namespace evidex {

ClassificationRules load_classification_rules(const std::filesystem::path& schemas) {
    ClassificationRules rules;
    rules.design = load_design_rules(schemas / "design-rules.tsv");
    return rules;
}

void classify_study(Study& study, const ClassificationRules& rules) {
    study.design = Design::other;
    study.blinding = Blinding::unknown;
    study.placebo = false;
    study.pilot = false;
    study.crossover = false;
    study.n.reset();
    study.n_studies.reset();
    study.duration.clear();
    study.population.clear();
    study.intervention = Intervention{};
    study.conditions.clear();
    study.result_direction = ResultDirection::unclear;
    study.flags.clear();
    study.reasons.clear();

    classify_design(study, rules.design);
    if (study.retracted) study.flags.emplace_back("retracted");
}

}  // namespace evidex
