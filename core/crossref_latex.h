// Private to the BibTeX parser (doi.org serves BibTeX through Crossref's transform endpoint):
// the LaTeX found in BibTeX field values, reduced to plain UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace evidex {

// Drops grouping braces and math dollars, turns accent commands into letters ({\'e} and \'{e} ->
// é, \c{c} -> ç, \ss -> ß), escapes into characters (\& -> &), "--" and "---" into en and em
// dashes, "~" into a space, keeps the argument of other commands (\emph{x} -> x), and
// collapses white space.
std::string latex_to_text(std::string_view latex);

// For identifiers and numbers (doi, url, volume, pages): braces dropped and escapes (\_ \& \%)
// undone, nothing else touched, so "10.1890/...(1999)069[0569:edilsa]2.0.co;2" survives intact.
std::string latex_to_identifier(std::string_view latex);

}  // namespace evidex
