// Searching the index for studies: the request a user gives (free text with field prefixes,
// and filters), the Xapian query built from it, and the ranked, counted result.
#pragma once

#include <cstddef>
#include <map>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "core/conditions.h"
#include "core/interventions.h"
#include "core/study.h"
#include "core/vocabulary.h"

namespace evidex {

class IndexReader;

enum class SearchSort { relevance, level, year, n };

// Null when the text is not relevance, level, year or n.
std::optional<SearchSort> parse_search_sort(std::string_view text);

// A year range from "2010..2020", "2010..", "..2020" or a single "2015"; either end may be open.
struct YearRange {
    std::optional<int> from;
    std::optional<int> to;
};

// Throws FatalError (`usage`) on text that is not a range of years, or one the wrong way round.
YearRange parse_year_range(std::string_view text);

// Whether a page of one local index is ranked on two threads, each over half of the ids.
enum class SplitRanking {
    when_large,  // when the query reads many postings (see worth_splitting)
    never,
    always,      // whenever there are two ids to split (for tests)
};

struct SearchRequest {
    std::string query;                    // free text, may be empty when a filter is given
    std::optional<std::string> condition; // a condition id of the vocabulary
    std::optional<std::string> intervention;  // an intervention term value: "magnesium", "magnesium:oxide"
    std::optional<Design> design;
    std::optional<int> max_level;         // 1..5: keeps levels 1..max_level
    std::optional<YearRange> years;
    SearchSort sort = SearchSort::relevance;
    std::size_t limit = 20;
    std::size_t offset = 0;
    bool facets = false;
    // Count every match even when there are many. Without it (and without facets, which count
    // every match anyway) the total is exact up to exact_total_floor matches and an estimate
    // beyond, which lets Xapian skip documents that cannot reach the page.
    bool exact_total = false;
    // The page (not facets, which are counted on two threads their own way) is the same either way.
    SplitRanking split = SplitRanking::when_large;
};

inline constexpr std::size_t exact_total_floor = 10000;

// Counts of the whole match set, by the id each facet shows (design id, level "1".."5",
// condition id, year, result direction).
struct SearchFacets {
    std::map<std::string, std::size_t> design;
    std::map<std::string, std::size_t> level;
    std::map<std::string, std::size_t> condition;
    std::map<std::string, std::size_t> year;
    std::map<std::string, std::size_t> result_direction;
};

struct SearchHit {
    Study study;
    double weight = 0;
};

struct SearchResult {
    std::size_t total = 0;         // every study that matches: exact, or Xapian's estimate
    bool total_exact = true;
    std::vector<SearchHit> hits;   // the page asked for, in sort order
    std::optional<SearchFacets> facets;
};

// The index holds the stems of words, so a wildcard reaches the words whose stem begins with
// its letters: `random*` finds randomized (stem "random"), but `study*` would find nothing, the
// stem of study and studies being "studi". A wildcard word of free text (plain or after title:,
// abstract: or journal:, outside quotes) that reaches no stem as written, and whose own stem
// differs, is widened to both: `study*` becomes `(study* OR studi*)`, `title:happy*` becomes
// `title:(happy* OR happi*)`. `reaches(field, word)` says whether some stem of the field (""
// for plain words) begins with the lower-cased word; a word that reaches one is left alone,
// since the stem of a fragment is no guide (`magnes*` reaches magnesium; its "stem" magn would
// also find magnet). Everything else is returned as written.
using WildcardReach = std::function<bool(std::string_view field, std::string_view word)>;
std::string widen_stemmed_wildcards(std::string_view query, const WildcardReach& reaches);

// The Xapian query for a request: the parsed text (English stemming, AND by default, phrases,
// boolean operators, field prefixes, year:/n: ranges) filtered to studies and by each filter.
// `conditions` resolves `condition:` values ("rls") to ids, `interventions` `intervention:` values
// ("magnesium oxide", "mgo") to the indexed terms; either may be null.
// Throws FatalError (`usage`) on a query the parser rejects, and on a request with neither
// text nor a filter.
Xapian::Query build_search_query(const Xapian::Database& db, const SearchRequest& request,
                                 const ConditionVocabulary* conditions,
                                 const InterventionVocabulary* interventions = nullptr);

// Runs the request. Throws FatalError (`usage`) on a bad query, (`failed`) when the index fails.
SearchResult search_studies(const IndexReader& reader, const SearchRequest& request,
                            const ConditionVocabulary* conditions,
                            const InterventionVocabulary* interventions = nullptr);

// Every study the request matches, in its sort order; limit, offset and facets are ignored.
// Throws as search_studies.
std::vector<Study> search_all_studies(const IndexReader& reader, SearchRequest request,
                                      const ConditionVocabulary* conditions);

}  // namespace evidex
