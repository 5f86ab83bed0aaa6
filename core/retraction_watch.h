// The Retraction Watch database as a user downloads it (CSV, one row per notice): the rows read
// into typed records, each with the line it starts on. Pure: matching against the index is the
// indexer's job (indexer/retractions.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/text.h"  // normalise_title

namespace evidex {

struct RetractionNotice {
    std::size_t line = 0;         // where the row starts in the file (rows may span lines)
    std::string title;            // Title: the original paper's
    std::string journal;          // Journal
    std::string doi;              // OriginalPaperDOI, normalised; empty when none
    std::string pmid;             // OriginalPaperPubMedID; empty when none (the file writes 0)
    std::string nature;           // RetractionNature: "Retraction", "Correction", "Expression of concern", ...
    std::string date;             // RetractionDate as written ("3/4/2020 0:00")
    std::string notice_doi;       // RetractionDOI
    std::string notice_pmid;      // RetractionPubMedID

    // Whether the notice retracts the paper (and does not, say, correct or reinstate it).
    [[nodiscard]] bool retracts() const;
};

struct RetractionWatchFile {
    std::vector<RetractionNotice> notices;
    std::vector<ItemError> errors;  // rows with nothing to match by, a malformed file, ...
};

// Reads the CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; a UTF-8
// byte-order mark; CRLF or LF). The header names the columns; the file needs at least one of
// OriginalPaperDOI, OriginalPaperPubMedID and Title, and RetractionNature.
RetractionWatchFile parse_retraction_watch_csv(std::string_view text, std::string_view where);

}  // namespace evidex
