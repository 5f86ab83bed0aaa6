// The text cues of schemas/design-cues.tsv: phrases in a record's title, abstract, journal and
// MeSH names that say what kind of study it is (design) and how it was run (blinding, placebo,
// pilot, crossover), and whether it was published as a hypothesis.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/study.h"
#include "core/text_cues.h"

namespace evidex {

enum class CueField { design, blinding, placebo, pilot, crossover, hypothesis };
enum class CueWhere { text, title, abstract, journal, mesh };

struct DesignCue {
    std::string id;
    CueWhere where = CueWhere::text;
    CueField field = CueField::design;
    Design design = Design::other;         // field == design
    Blinding blinding = Blinding::unknown;  // field == blinding
    int rank = 0;                           // design and blinding: the highest wins
    CuePattern pattern;
};

struct DesignCues {
    std::vector<DesignCue> cues;  // in file order
    CueContext context;
    // Phrases whose words no cue may read ("Kirsten rat sarcoma" names a gene, not a rat).
    std::vector<CuePattern> masks;
};

// Throws FatalError ("file:line: what") on a bad line.
DesignCues load_design_cues(const std::filesystem::path& file);

// One cue that matched, with the text it matched in (a sentence, "journal: ...", "MeSH: ...").
struct CueHit {
    const DesignCue* cue = nullptr;
    std::string span;
};

// Every design cue that matched, and for each other field the best (blinding) or first match.
struct CueFindings {
    std::vector<CueHit> designs;  // file order, at most one hit per cue
    std::optional<CueHit> blinding;
    std::optional<CueHit> placebo;
    std::optional<CueHit> pilot;
    std::optional<CueHit> crossover;
    std::optional<CueHit> hypothesis;
};

CueFindings find_design_cues(const Study& study, const DesignCues& cues);

}  // namespace evidex
