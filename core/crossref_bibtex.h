// Private to the BibTeX parser: what a read entry means. bibtex_parser.cpp reads the syntax
// (delimiters, macros, concatenation); this turns the fields of one entry into a Study.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/study.h"

namespace evidex {

struct BibField {
    std::string name;   // lower-cased
    std::string value;  // as written between the delimiters (inner braces kept), macros expanded
};

struct BibEntry {
    std::string type;  // lower-cased: "article", "inproceedings"
    std::string key;   // "Frank_1970"
    std::vector<BibField> fields;

    // The value of a field, "" when absent.
    [[nodiscard]] std::string field(std::string_view name) const;
};

// An author (or editor) field: names split on " and " outside braces; "Last, First",
// "Last, Jr, First" and "First von Last" forms; a name wholly in braces is a collective
// ("{World Health Organization}"); "others" is dropped.
std::vector<Author> read_bibtex_authors(std::string_view names);

// One entry as a study (source doi.org). On failure returns nullopt and says why ("no title").
std::optional<Study> build_bibtex_study(const BibEntry& entry, std::string& problem);

}  // namespace evidex
