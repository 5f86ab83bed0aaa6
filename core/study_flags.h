// Downgrade flags of a study (DESIGN.md flag ids): what a reader must know before leaning on it.
// Derived from the design, blinding, pilot, placebo, n and retraction already classified.
#pragma once

#include "core/study.h"

namespace evidex {

// A trial or observational study with fewer participants than this is flagged `small-n`.
inline constexpr int small_n_threshold = 50;

// Adds the flags that apply, each once, in a fixed order: small-n, open-label, no-control,
// in-vitro, animal, hypothesis-paper, observational-only, unpublished, retracted. Each gets
// Reason{"flags", "flag:<id>", the span of the decision it rests on, or the design id}.
// Run after classify_design and classify_sample_size.
void classify_flags(Study& study);

}  // namespace evidex
