// Retraction Watch notices matched to the studies of the index — by the original paper's DOI,
// then its PMID, then its normalised title (only when exactly one study has it) — and stored:
// the study gets the notice and, for a retraction, is marked retracted (flag `retracted`).
#pragma once

#include <string>
#include <vector>

#include "core/classify.h"
#include "core/index_writer.h"
#include "core/retraction_watch.h"

namespace evidex {

struct RetractionSummary {
    std::size_t rows = 0;            // notices read
    std::size_t by_doi = 0, by_pmid = 0, by_title = 0;
    std::size_t retracted = 0;       // studies newly marked retracted
    std::size_t not_indexed = 0;     // notices about papers the index does not hold
    std::size_t ambiguous = 0;       // titles that more than one study carries (left alone)
};

// Applies the notices to the index `writer` holds; the caller commits.
RetractionSummary apply_retractions(const std::vector<RetractionNotice>& notices, IndexWriter& writer,
                                    const Classifier& classify);

}  // namespace evidex
