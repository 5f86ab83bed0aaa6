// Identifier normalisation: PMIDs, DOIs, PMCIDs as users and sources write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evidex {

// "doi:10.1000/ABC", "https://doi.org/10.1000/abc", "10.1000%2Fabc" -> "10.1000/abc".
// Strips the prefixes, percent-decodes once, trims, lower-cases (DOIs compare
// case-insensitively). Returns nullopt when the result is not a DOI ("10." prefix, a slash).
std::optional<std::string> normalize_doi(std::string_view text);

// "12345678", "12345678.2" (versioned), "pmid:123", "PMID: 123" -> "12345678".
// Returns nullopt unless the rest is 1..9 digits with no leading zero.
std::optional<std::string> normalize_pmid(std::string_view text);

// "PMC1234567", "pmc1234567", "1234567" -> "PMC1234567".
std::optional<std::string> normalize_pmcid(std::string_view text);

// "https://orcid.org/0000-0002-1825-0097", "0000000218250097" -> "0000-0002-1825-0097";
// an empty string when the text is not an ORCID iD.
std::string normalize_orcid(std::string_view text);

}  // namespace evidex
