// Study design, blinding, placebo, pilot and crossover, from publication types and MeSH
// headings (schemas/design-rules.tsv) and from text cues in title, abstract, journal and MeSH
// names (schemas/design-cues.tsv). The decision logic is written down in design-cues.tsv.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/design_cues.h"
#include "core/study.h"

namespace evidex {

enum class DesignMatch { notice, book, publication_type, mesh, mesh_without_humans };

// A text-cue design that may replace a rule's design, when its cue ranks at least `min_rank`.
struct DesignRefinement {
    Design design = Design::other;
    int min_rank = 0;
};

struct DesignRule {
    std::string id;
    DesignMatch match = DesignMatch::publication_type;
    std::string value;  // lower-cased
    Design design = Design::other;
    std::vector<DesignRefinement> refine;  // text-cue designs that may replace this one
    bool unless_mesh_indexed = false;      // the rule does not apply to a record with MeSH headings
};

struct DesignRules {
    std::vector<DesignRule> by_type;  // design-rules.tsv, first match wins
    DesignCues text;                  // design-cues.tsv
};

// Reads design-rules.tsv and design-cues.tsv from `schemas_dir`. Throws FatalError
// ("file:line: what") on a bad line.
DesignRules load_design_rules(const std::filesystem::path& schemas_dir);

// Sets study.design, and for primary studies blinding, placebo, pilot and crossover, recording
// a Reason for each decision ("design", "blinding", "placebo", "pilot", "crossover", and
// "hypothesis" for a hypothesis paper whose design was decided otherwise). Fields no rule
// decides are left as they are; a design nothing decides gets the reason "no-design-cue".
void classify_design(Study& study, const DesignRules& rules);

}  // namespace evidex
