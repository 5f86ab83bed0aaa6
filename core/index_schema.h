// The index schema: document types, term prefixes, value slots and metadata keys.
// schemas/INDEX.md documents every entry here; tests/unit/test_index_schema.cpp keeps the two
// in step. Value slots are numbered once and never reused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "core/study.h"

namespace evidex::schema {

inline constexpr int version = 5;
// The oldest version a writer brings up to `version` in place (IndexWriter::upgrade).
inline constexpr int oldest_upgradable_version = 1;
// The oldest version read as it is. Version 5 stores a record's authors and reasons as lists of
// values (schemas/INDEX.md); its terms and values are version 4's, and a version 4 record reads
// the same. So a reader opens a version 4 index, and a writer stamps it 5 as it opens it, with
// nothing to rewrite; only tools of version 4, which would misread the lists, refuse it then.
inline constexpr int oldest_readable_version = 4;
// Whether this Evidex reads an index of version `v` as it is.
constexpr bool read_as_is(int v) { return v >= oldest_readable_version && v <= version; }
// The version an index's metadata names (`version_key`): 0 when it names none, or names it in
// any form but plain digits.
int stored_version(const std::string& stored);
inline constexpr const char* version_key = "evidex:schema-version";
// Block size of a new index's tables, and of an index merged from shards: Xapian's largest.
// A search reads long posting lists block by block, one pread each; with 64 KiB blocks a
// filtered query at a million studies makes a sixth of the reads it makes with the default
// 8 KiB, for about a sixth less time. An index that is not compacted takes about a sixth more
// room. An existing index keeps the size it was made with.
inline constexpr unsigned block_size = 65536;

// Term prefixes.
namespace prefix {
inline constexpr std::string_view unique_id = "Q";          // Qpmid:9703590, Qdoi:10.1000/x, Qtitle:<hash>
inline constexpr std::string_view doc_type = "XTYPE";       // XTYPEstudy
inline constexpr std::string_view pmid = "XPMID";
inline constexpr std::string_view doi = "XDOI";
inline constexpr std::string_view pmcid = "XPMC";
inline constexpr std::string_view title = "S";              // title words (free text)
inline constexpr std::string_view abstract = "XA";          // abstract words (free text)
inline constexpr std::string_view author = "A";             // author family names, lower-case
inline constexpr std::string_view journal = "XJ";           // journal words (free text)
inline constexpr std::string_view year = "Y";
inline constexpr std::string_view language = "L";
inline constexpr std::string_view mesh = "XM";              // MeSH descriptor, lower-case
inline constexpr std::string_view publication_type = "XPT"; // lower-case NLM/Crossref type
inline constexpr std::string_view keyword = "K";
inline constexpr std::string_view source = "XSRC";
inline constexpr std::string_view design = "XDESIGN";
inline constexpr std::string_view level = "XLEVEL";
inline constexpr std::string_view blinding = "XBLIND";
inline constexpr std::string_view condition = "XC";
inline constexpr std::string_view population = "XPOP";
inline constexpr std::string_view intervention = "XI";
inline constexpr std::string_view direction = "XDIR";
inline constexpr std::string_view flag = "XFLAG";
inline constexpr std::string_view status = "XSTATUS";       // retracted, notice, book
inline constexpr std::string_view claim = "XCLAIM";         // ids of claims that cite the study
// Claim documents (saved by `evidex-query audit --save`).
inline constexpr std::string_view claim_text = "XCT";       // words of the claim (free text)
inline constexpr std::string_view verdict = "XVERDICT";     // the claim's verdict
inline constexpr std::string_view strength = "XSTRENGTH";   // definite, hedged, superlative
inline constexpr std::string_view page = "XPAGE";           // the page id ("page-" and 8 hex digits)
inline constexpr std::string_view cites = "XCITES";         // key of a study the claim cites
}  // namespace prefix

// Value slots.
namespace slot {
inline constexpr Xapian::valueno year = 0;    // sortable_serialise(year)
inline constexpr Xapian::valueno level = 1;   // sortable_serialise(level)
inline constexpr Xapian::valueno n = 2;       // sortable_serialise(participants)
// Slots 3, 4 and 5 (design, direction, conditions) held facet fields one slot each in versions
// 1 and 2; version 3 keeps them all in slot 7, read in one pass. The numbers stay retired.
inline constexpr Xapian::valueno level_year = 6; // level_year_key(): strongest first, then newest
inline constexpr Xapian::valueno facets = 7;     // facets_value(): every faceted field in one value
}  // namespace slot

// The tables INDEX.md documents, for the consistency test and for `evidex-query schema`.
struct PrefixEntry {
    std::string_view name;
    std::string_view prefix;
};
struct SlotEntry {
    std::string_view name;
    Xapian::valueno slot;
};
const std::vector<PrefixEntry>& prefixes();
const std::vector<SlotEntry>& slots();

// Free text (title, abstract, journal) is indexed stemmed, in English, and only stemmed
// (Xapian's STEM_ALL): each word is one term, its stem under the field's prefix, with its
// position, so phrases match on stems ("restless legs" finds "restless leg"). Versions 1 to 3
// kept every word twice, as written with its position and stemmed with a Z before the prefix
// (STEM_SOME), which doubled the text terms a document adds to the index. The indexer and the
// query parser are set up by these two, so that the terms they make always agree.
void set_text_stemming(Xapian::TermGenerator& terms);
void set_text_stemming(Xapian::QueryParser& parser);
// The term one word of free text makes under `prefix`, as the indexer makes it: the word
// lower-cased and stemmed ("Legs" under "S" is "Sleg").
std::string text_term(std::string_view prefix, std::string_view word);

// Xapian terms are at most 245 bytes. A longer term keeps its first bytes and ends in a hash of
// the whole value, so distinct long ids stay distinct and the same id always maps to one term.
std::string make_term(std::string_view prefix, std::string_view value);

// "Qpmid:9703590", "Qdoi:10.1000/x" or "Qtitle:" and 16 hex digits (Study::key()).
std::string unique_term(const Study& study);
std::string unique_term_for_key(std::string_view key);

// The faceted fields of a study, as slot::facets holds them.
struct FacetFields {
    std::string design;
    int level = 0;
    std::optional<int> year;
    std::string direction;
    std::vector<std::string> conditions;  // sorted, each once
};

// The value of slot::facets: "design|level|year|direction|conditions", the year empty when
// unknown and the condition ids sorted and joined by spaces ("rct|2|2019|positive|insomnia
// migraine"). Counting this one slot over a match set (a ValueCountMatchSpy, which Xapian's
// remote servers run too, or one pass along its value stream) and splitting each distinct value
// gives every facet's exact counts.
std::string facets_value(const Study& study);
// Null for a value that is not in that form.
std::optional<FacetFields> parse_facets_value(std::string_view value);

// One string that sorts by level (1 first), then by year (newest first, unknown last). Xapian's
// remote backend sorts by one value slot only, so `--sort level` needs both in one.
std::string level_year_key(int level, std::optional<int> year);

}  // namespace evidex::schema
