// Reading a daily dose and a duration from a study's text, with the units, frequencies and
// supplement names of the intervention vocabulary.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/interventions.h"

namespace evidex {

struct DailyDose {
    double mg = 0;                      // per day; elemental when a salt weight was converted
    std::string span;                   // the text as written: "2.5 g of magnesium chloride daily"
    std::string working;                // how the figure was reached: "2500 mg salt x 0.12 = 300 mg/day"
    bool converted_from_salt = false;
    const SupplementForm* form = nullptr;  // the row the amount was attributed to
};

// The study's daily dose of `substance`: the first amount in a sentence that says the dose was
// given (else the first amount anywhere) that is attributed to the substance, carries a unit the
// vocabulary knows for it, and has a frequency. Ranges ("125-300 mg"), concentrations ("mmol/L",
// "mg/kg"), thresholds ("< 0.7 mmol") and results outside (0, 100 g] per day are never taken.
// `unconverted` receives the span of a salt weight whose elemental fraction is unknown.
std::optional<DailyDose> find_daily_dose(std::string_view text, std::string_view substance,
                                         const InterventionVocabulary& vocab, std::string* unconverted = nullptr);
// The same, given the substance names found in `text` (vocab.names().find_all(text)), which
// the intervention classifier has already looked for.
std::optional<DailyDose> find_daily_dose(std::string_view text, std::string_view substance,
                                         const InterventionVocabulary& vocab, const std::vector<PhraseHit>& names,
                                         std::string* unconverted = nullptr);

struct StatedDuration {
    std::string value;  // "8 weeks", "4 to 6 weeks"; "6-week" is given as "6 weeks"
    std::string span;   // the text that stated it: "for 8 weeks", "6-week"
};

// How long the study ran: "for 8 weeks", "over 12 months", "for 4 to 6 weeks" first, then an
// adjective such as "a 6-week trial", then "eight weeks of supplementation". Ages ("aged 60
// years", "5 years old") and times ago are not durations.
std::optional<StatedDuration> find_duration(std::string_view text);

// "301.4", "500", "0.05": a figure for a person to read.
std::string format_amount(double value);

}  // namespace evidex
