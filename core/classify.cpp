#include "core/classify.h"

#include "core/sample_size.h"
#include "core/study_flags.h"

namespace evidex {

ClassificationRules load_classification_rules(const std::filesystem::path& schemas) {
    return ClassificationRules{
        load_design_rules(schemas),
        ConditionVocabulary::load(schemas / "conditions.tsv"),
        PopulationVocabulary::load(schemas / "populations.tsv"),
        InterventionVocabulary::load(schemas),
        load_direction_rules(schemas),
    };
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
    classify_sample_size(study);
    // Populations and conditions read the same text: it is normalised once for both.
    const std::string text = study.text_with_keywords();
    const MatchText norm = match_text(text);
    classify_population(study, rules.populations, text, norm);
    classify_intervention(study, rules.interventions);
    classify_conditions(study, rules.conditions, text, norm);
    classify_result_direction(study, rules.directions);
    classify_flags(study);
}

}  // namespace evidex
