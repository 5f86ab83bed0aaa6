// Which parser a file needs, decided by its content, not its name.
#pragma once

#include <filesystem>
#include <string_view>

namespace evidex {

enum class InputFormat { pubmed_xml, crossref_json, csl_json, bibtex, ris, medline, id_list, unknown };

std::string_view to_string(InputFormat format);

// Reads the first bytes (through zlib, so .gz files are looked into) and decides:
// '<' → PubMed XML; a JSON object with "message-type" → Crossref; other JSON → CSL-JSON;
// '@' → BibTeX (after any '%' comment lines); a first line "TY  - " → RIS; "PMID- " → MEDLINE (.nbib); a first line of PMIDs
// and DOIs only → a list of identifiers. Returns unknown for anything else, or when the file
// cannot be read.
InputFormat detect_input_format(const std::filesystem::path& path);

// The same decision over text already in memory.
InputFormat detect_input_format_of(std::string_view head);

}  // namespace evidex
