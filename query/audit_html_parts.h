// Pieces of the HTML audit report (query/audit_html.cpp): escaping, links to a study's record,
// badges and chips, the evidence-level bar drawn in inline SVG, and the style sheet. Each returns
// markup as a string and depends on nothing but its arguments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/claims.h"
#include "core/study.h"

namespace evidex::html {

// Text or attribute value with & < > " ' escaped.
std::string escape(std::string_view text);

// A number as text without the locale: "0.89", "400".
std::string number(double value);

// "https://pubmed.ncbi.nlm.nih.gov/9703590/" or "https://doi.org/10.1000%2Fx%23y"; empty when the id
// is not one (a PMID that is not all digits, an empty DOI).
std::string pubmed_url(std::string_view pmid);
std::string doi_url(std::string_view doi);

// The study's key as a link to its record: its PMID on PubMed, else its DOI at doi.org.
std::string study_link(const Study& study);

// <span class="badge KIND-ID">ID</span>, for a verdict ("v"), a support label ("s") or a link ("l").
std::string badge(std::string_view kind, std::string_view id);

// The flags as a list of chips; `none` when there are none.
std::string chips(const std::vector<std::string>& flags, std::string_view none = "none");


// Levels 1 (strongest) to 5 as a scale, the levels the wording accepts shaded, and the best level
// among the studies that address the claim marked; `best` is empty when none does.
std::string level_bar(std::optional<int> best, int needs, std::string_view strength);

// The proportions of the verdicts as one stacked bar: (verdict id, claims) in the documented order.
std::string verdict_bar(const std::vector<std::pair<std::string, std::size_t>>& counts);

// The inline style sheet (no external resource).
std::string_view style_sheet();

}  // namespace evidex::html
