// The supplement vocabulary (schemas/interventions.tsv, units.tsv, dose-cues.tsv, routes.tsv)
// and the classifier that reads what a study gave: substance, form, route, daily dose, duration.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/study.h"
#include "core/terms.h"

namespace evidex {

// One row of interventions.tsv.
struct SupplementForm {
    std::string substance;  // "magnesium"
    std::string form;       // "oxide"; empty on the substance's own rows; "elemental" is special
    std::string route;      // set when the cue itself implies the route
    std::optional<double> elemental_fraction;  // share of the form's weight that is the substance
    std::vector<std::string> cues;

    // A row that only says how the substance was given ("iv magnesium"), not what it is.
    [[nodiscard]] bool route_only() const { return form.empty() && !route.empty(); }
    [[nodiscard]] bool elemental() const { return form == "elemental"; }
};

// One row of units.tsv. An empty substance marks a unit of weight, valid for any substance.
struct DoseUnit {
    std::string unit;
    std::string substance;
    double mg = 0;
};

// A generic or substance-specific route cue; an empty route marks an exception phrase
// ("oral glucose tolerance") that hides the cue inside it.
struct RouteCue {
    std::string route;
    std::string substance;  // empty for the generic words of routes.tsv
};

class InterventionVocabulary {
public:
    // Reads interventions.tsv, units.tsv, dose-cues.tsv and routes.tsv from `schemas_dir`.
    // Throws FatalError ("file:line: what") on a bad line.
    static InterventionVocabulary load(const std::filesystem::path& schemas_dir);

    [[nodiscard]] const std::vector<SupplementForm>& forms() const { return forms_; }
    [[nodiscard]] const std::vector<RouteCue>& route_cues() const { return route_cues_; }
    [[nodiscard]] const std::vector<double>& frequencies() const { return per_day_; }

    // Substance and form names; hit.value indexes forms(). Route-only rows are not names.
    [[nodiscard]] const PhraseMatcher& names() const { return names_; }
    // Route words; hit.value indexes route_cues().
    [[nodiscard]] const PhraseMatcher& routes() const { return routes_; }
    // Unit words; hit.value indexes unit_ids().
    [[nodiscard]] const PhraseMatcher& units() const { return units_; }
    [[nodiscard]] const std::vector<std::string>& unit_ids() const { return unit_ids_; }
    // Frequency words; hit.value indexes frequencies().
    [[nodiscard]] const PhraseMatcher& frequency_words() const { return frequency_words_; }
    // Words that say a dose was given in the study.
    [[nodiscard]] const PhraseMatcher& given_words() const { return given_words_; }

    // The row a whole term names ("Magnesium Oxide" as a MeSH descriptor), or null.
    [[nodiscard]] const SupplementForm* find_name(std::string_view term) const;
    // The row saying how many mg one `unit` of `substance` is; null when the unit does not apply
    // to it. A row with a substance counts the substance itself (mmol, mEq, IU), never a salt.
    [[nodiscard]] const DoseUnit* unit_for(std::string_view unit, std::string_view substance) const;

private:
    std::vector<SupplementForm> forms_;
    std::vector<DoseUnit> dose_units_;
    std::vector<std::string> unit_ids_;
    std::vector<double> per_day_;
    std::vector<RouteCue> route_cues_;
    std::map<std::string, std::size_t> name_index_;  // normalised cue -> forms_ index
    PhraseMatcher names_, routes_, units_, frequency_words_, given_words_;
};

// The value an intervention is indexed under (the `XI` terms): "magnesium" for a substance,
// "magnesium:oxide" for a form. `name` is a substance id, "substance:form", or any cue of
// interventions.tsv ("mgo", "Magnesium Citrate"), in any case. Null when it names none.
std::optional<std::string> find_intervention_term(const InterventionVocabulary& vocab, std::string_view name);

// As find_intervention_term, or a FatalError (usage) naming it and where the vocabulary lives:
// "<command>: unknown intervention 'x' (schemas/interventions.tsv lists them)".
std::string require_intervention(const InterventionVocabulary& vocab, const std::string& name, std::string_view command);

// Sets study.intervention from title, abstract, keywords and MeSH: the substance named most
// often, its most specific form, the route, and the daily dose in mg (elemental for a mineral
// salt with a known fraction); sets study.duration. Records reasons "intervention-substance:<id>",
// "intervention-form:<form>", "intervention-route:<route>", "intervention-dose" and "duration".
// Nothing is guessed: an amount that is not clearly daily, or absurd, is left out.
void classify_intervention(Study& study, const InterventionVocabulary& vocab);

}  // namespace evidex
