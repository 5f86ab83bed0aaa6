// Reference files users bring from elsewhere — a list of PMIDs and DOIs, RIS (Zotero, EndNote,
// Mendeley), MEDLINE/nbib (PubMed's "Citation manager" export) — read into reference entries
// that the resolver then looks up by identifier, or by title when an entry has none.
#pragma once

#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/references.h"
#include "core/study.h"

namespace evidex {

struct ImportedReferences {
    std::vector<ReferenceEntry> entries;  // label: "FILE:LINE", the line the entry starts on
    std::vector<ItemError> errors;        // entries that cannot be used, with where and why
};

// One or more identifiers a line, separated by spaces, commas or semicolons: PMIDs ("9703590",
// "PMID: 9703590", "pmid:9703590") and DOIs ("10.1093/sleep/21.5.501", "doi:...",
// "https://doi.org/..."). Blank lines and lines starting with '#' are skipped.
ImportedReferences parse_id_list(std::string_view text, std::string_view where);

// RIS: "TY  - JOUR" ... "ER  -" records. Title from TI/T1, authors from AU/A1, year from PY/Y1/DA,
// journal from JO/JF/T2/JA/J2, DOI from DO (or a doi.org UR), PMID from AN when DB names
// PubMed/MEDLINE, or from a PubMed UR.
ImportedReferences parse_ris(std::string_view text, std::string_view where);

// MEDLINE (.nbib): records separated by blank lines, "PMID- 9703590", "TI  - ...", six-space
// continuation lines; DOI from AID/LID "... [doi]".
ImportedReferences parse_medline(std::string_view text, std::string_view where);

// A record read from a BibTeX or CSL-JSON file, as an entry to look up by its identifiers (or
// its title), as `evidex-index file` does unless --as-written or offline.
ReferenceEntry reference_entry_of(const Study& study, std::string label);

// Whether the text opens like these formats (for detection by content).
bool looks_like_ris(std::string_view head);
bool looks_like_medline(std::string_view head);
bool looks_like_id_list(std::string_view head);

}  // namespace evidex
