// Result direction (positive, null, negative, mixed, unclear) from the conclusions of an
// abstract, by the cues of schemas/direction-cues.tsv. The decision logic is written down there.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/study.h"
#include "core/text_cues.h"

namespace evidex {

// What a cue says. `effect` cues state a direction (positive, null, negative or mixed); a
// `finding` cue only says that the study showed something ("these data demonstrate that"), and
// a `title` cue is a finding stated as a title ("X induces Y"): both read as positive, and only
// when no effect cue speaks.
enum class DirectionCueKind { effect, finding, title };

struct DirectionCue {
    std::string id;
    DirectionCueKind kind = DirectionCueKind::effect;
    ResultDirection direction = ResultDirection::unclear;  // for effect cues; positive otherwise
    CuePattern pattern;
};

struct ResultDirectionRules {
    std::vector<DirectionCue> cues;  // file order
    CueContext context;
};

// Reads direction-cues.tsv from `schemas_dir`. Throws FatalError ("file:line: what") on a bad line.
ResultDirectionRules load_direction_rules(const std::filesystem::path& schemas_dir);

// Sets study.result_direction and records Reason{"result_direction", rule id, the deciding
// sentence} for each kind of cue that contributed. Reads study.design and study.is_notice, so
// run it after classify_design.
void classify_result_direction(Study& study, const ResultDirectionRules& rules);

}  // namespace evidex
