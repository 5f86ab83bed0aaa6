#include "query/search.h"

#include "query/match_bitmap.h"
#include "query/split_rank.h"
#include "query/value_tally.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <future>
#include <iterator>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/ids.h"
#include "core/index_reader.h"
#include "core/index_schema.h"
#include "core/study_json.h"
#include "core/text.h"

namespace evidex {

namespace prefix = schema::prefix;
namespace slot = schema::slot;

namespace {

// How a boolean field's value becomes a term: the index holds lower-case values, DOIs and
// PMIDs in their normalised form, and conditions by id ("condition:rls" finds the id).
enum class FieldValue { lower, pmid, doi, condition, intervention };

class BooleanField : public Xapian::FieldProcessor {
public:
    BooleanField(std::string_view term_prefix, FieldValue kind, const ConditionVocabulary* conditions,
                 const InterventionVocabulary* interventions = nullptr)
        : prefix_(term_prefix), kind_(kind), conditions_(conditions), interventions_(interventions) {}

    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::make_term(prefix_, term_value(value)));
    }

private:
    std::string term_value(const std::string& value) const {
        switch (kind_) {
        case FieldValue::pmid:
            if (auto pmid = normalize_pmid(value)) return *pmid;
            break;
        case FieldValue::doi:
            if (auto doi = normalize_doi(value)) return *doi;
            break;
        case FieldValue::condition:
            if (conditions_)
                if (const Condition* found = conditions_->find(value)) return found->id;
            break;
        case FieldValue::intervention:
            if (interventions_)
                if (auto term = find_intervention_term(*interventions_, value)) return *term;
            break;
        case FieldValue::lower:
            break;
        }
        return ascii_lower(value);
    }

    std::string prefix_;
    FieldValue kind_;
    const ConditionVocabulary* conditions_;
    const InterventionVocabulary* interventions_;
};

// A range of a numeric slot ("year:2010..2020") that refuses ends that are not numbers, where
// Xapian would quietly search "year:abc..def" as a boolean term instead.
class CheckedNumberRange : public Xapian::NumberRangeProcessor {
public:
    CheckedNumberRange(Xapian::valueno value_slot, const std::string& field)
        : Xapian::NumberRangeProcessor(value_slot, field), field_(field) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        // The parser calls a processor for its own field only, with the field taken off.
        if (!is_number(begin) || !is_number(end))
            throw Xapian::QueryParserError(field_ + begin + ".." + end + " is not a range of numbers");
        return Xapian::NumberRangeProcessor::operator()(begin, end);
    }

private:
    // An open end, or a decimal number.
    static bool is_number(std::string_view text) {
        if (text.empty()) return true;
        double value = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        return ec == std::errc() && ptr == text.data() + text.size();
    }

    std::string field_;
};

Xapian::Query boolean_query(std::string_view term_prefix, std::string_view value) {
    return Xapian::Query(schema::make_term(term_prefix, value));
}

// The fields of free text a query may name, and their term prefixes; plain words search the
// title and the abstract.
struct TextField {
    std::string_view name;
    std::string_view term_prefix;
};
constexpr TextField text_fields[] = {
    {"title", prefix::title}, {"abstract", prefix::abstract}, {"journal", prefix::journal}};

const TextField* find_text_field(std::string_view name) {
    for (const auto& field : text_fields)
        if (field.name == name) return &field;
    return nullptr;
}

}  // namespace

std::string widen_stemmed_wildcards(std::string_view query, const WildcardReach& reaches) {
    std::string out;
    out.reserve(query.size());
    bool quoted = false;
    std::string_view field;  // the free-text field named just before, or empty
    std::size_t i = 0;
    while (i < query.size()) {
        const char c = query[i];
        if (c == '"') quoted = !quoted;
        if (quoted || !is_alnum_or_utf8(c)) {
            out += c;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < query.size() && is_alnum_or_utf8(query[end])) ++end;
        const std::string_view word = query.substr(i, end - i);
        // A word starts a token after a space or a bracket, after `+` or `-` that stand alone
        // ("-study*", not "well-studied*"), or after a free-text field's colon.
        const auto opens = [&](std::size_t at) { return at == 0 || is_space(query[at - 1]) || query[at - 1] == '('; };
        const char before = i == 0 ? ' ' : query[i - 1];
        const bool after_field = before == ':' && !field.empty();
        const bool starts_token = opens(i) || ((before == '+' || before == '-') && opens(i - 1)) || after_field;
        const std::string_view word_field = after_field ? field : std::string_view();
        field = end < query.size() && query[end] == ':' && find_text_field(word) ? word : std::string_view();
        const bool wildcard = end < query.size() && query[end] == '*' &&
                              (end + 1 == query.size() || is_space(query[end + 1]) || query[end + 1] == ')');
        if (starts_token && wildcard) {
            const std::string lower = Xapian::Unicode::tolower(std::string(word));
            const std::string stem = schema::text_term("", word);
            if (stem != lower && !reaches(word_field, lower)) {
                out += '(';
                out += word;
                out += "* OR ";
                out += stem;
                out += "*)";
                i = end + 1;
                continue;
            }
        }
        out += word;
        i = end;
    }
    return out;
}

namespace {

Xapian::Query parse_text(const Xapian::Database& db, const std::string& text, const ConditionVocabulary* conditions,
                         const InterventionVocabulary* interventions) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    schema::set_text_stemming(parser);
    parser.set_default_op(Xapian::Query::OP_AND);
    // Plain words and phrases search the title and the abstract.
    parser.add_prefix("", std::string(prefix::title));
    parser.add_prefix("", std::string(prefix::abstract));
    for (const auto& field : text_fields) parser.add_prefix(std::string(field.name), std::string(field.term_prefix));
    const std::pair<const char*, std::string_view> lower_fields[] = {
        {"author", prefix::author},     {"mesh", prefix::mesh},         {"design", prefix::design},
        {"level", prefix::level},       {"population", prefix::population},
        {"year", prefix::year},         {"claim", prefix::claim},
    };
    for (const auto& [field, term_prefix] : lower_fields)
        parser.add_boolean_prefix(field, (new BooleanField(term_prefix, FieldValue::lower, nullptr))->release());
    parser.add_boolean_prefix("intervention", (new BooleanField(prefix::intervention, FieldValue::intervention, nullptr,
                                                                interventions))->release());
    parser.add_boolean_prefix("pmid", (new BooleanField(prefix::pmid, FieldValue::pmid, nullptr))->release());
    parser.add_boolean_prefix("doi", (new BooleanField(prefix::doi, FieldValue::doi, nullptr))->release());
    parser.add_boolean_prefix("condition",
                              (new BooleanField(prefix::condition, FieldValue::condition, conditions))->release());
    parser.add_rangeprocessor((new CheckedNumberRange(slot::year, "year:"))->release());
    parser.add_rangeprocessor((new CheckedNumberRange(slot::n, "n:"))->release());
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    try {
        const auto reaches = [&db](std::string_view field, std::string_view word) {
            const auto has_term_from = [&db, word](std::string_view term_prefix) {
                const std::string start = std::string(term_prefix) + std::string(word);
                return db.allterms_begin(start) != db.allterms_end(start);
            };
            if (const TextField* named = find_text_field(field)) return has_term_from(named->term_prefix);
            return has_term_from(prefix::title) || has_term_from(prefix::abstract);
        };
        return parser.parse_query(widen_stemmed_wildcards(text, reaches), flags);
    } catch (const Xapian::QueryParserError& e) {
        const std::string hint = e.get_msg() == "Unknown range operation" ? " (ranges are year:FROM..TO and n:FROM..TO)" : "";
        throw FatalError(ExitCode::usage, "search: cannot parse the query '" + text + "': " + e.get_msg() + hint);
    }
}

// A year range as the year terms (Y2015) of the index that fall in it. Xapian skips through
// their posting lists with the other filters, where a value range reads the year of every
// candidate. An empty OR (no year of the index in the range) matches nothing. The `year:`
// range of the query text stays a value range: it takes any number, not only whole years.
Xapian::Query year_filter(const Xapian::Database& db, const YearRange& years) {
    const std::string start(prefix::year);
    std::vector<Xapian::Query> terms;
    for (auto term = db.allterms_begin(start); term != db.allterms_end(start); ++term) {
        const std::string name = *term;
        const auto year = parse_int(std::string_view(name).substr(start.size()));
        if (year && (!years.from || *year >= *years.from) && (!years.to || *year <= *years.to))
            terms.emplace_back(name);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The distinct values of slot::facets over the match set, with how many matches hold each.
using RawCounts = ValueTally;

RawCounts spy_counts(const Xapian::ValueCountMatchSpy& spy) {
    RawCounts raw;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) raw.add(*it, it.get_termfreq());
    return raw;
}

// Collects the id of every match, for counting facets along the value stream.
class MatchedDocuments : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double) override { ids.push_back(doc.get_docid()); }
    std::vector<Xapian::docid> ids;
};

// Every match of a query in one local index, ids ascending: from the posting lists read whole
// when that is cheaper (match_bitmap), else found as a boolean query (with the query's weight
// scaled to nothing Xapian skips all the scoring) and its id gathered.
std::vector<Xapian::docid> match_ids(const Xapian::Database& db, const Xapian::Query& query) {
    if (const auto bitmap = match_bitmap(db, query)) return bitmap->ids();
    Xapian::Enquire counting(db);
    counting.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0));
    counting.set_docid_order(Xapian::Enquire::ASCENDING);
    MatchedDocuments matched;
    counting.add_matchspy(&matched);
    counting.get_mset(0, 0, db.get_doccount());
    auto& ids = matched.ids;
    if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
    return std::move(ids);
}

// The values of slot::facets over a match set (ids ascending), read along the slot's value
// stream: cheaper than a ValueCountMatchSpy, which fetches each match's value on its own, but
// for one local database only (the ids a spy sees are its database's own). The ids are taken in
// chunks, so that several threads, each with its own handle on the index, can share the work:
// each calls count_some and the tallies are merged.
class SharedValueCount {
public:
    explicit SharedValueCount(const std::vector<Xapian::docid>& ids) : ids_(ids) {}

    RawCounts count_some(const Xapian::Database& db) {
        RawCounts seen;
        auto value = db.valuestream_begin(slot::facets);
        const auto end = db.valuestream_end(slot::facets);
        // The chunks a thread takes come in ascending order, so its stream only moves forward.
        for (std::size_t from = next_.fetch_add(chunk); from < ids_.size(); from = next_.fetch_add(chunk)) {
            const std::size_t to = std::min(ids_.size(), from + chunk);
            for (std::size_t i = from; i < to && value != end; ++i) {
                const Xapian::docid id = ids_[i];
                if (value.get_docid() < id) {
                    value.skip_to(id);
                    if (value == end) break;
                }
                if (value.get_docid() == id) seen.add(*value);
            }
        }
        return seen;
    }

private:
    static constexpr std::size_t chunk = 1 << 15;
    const std::vector<Xapian::docid>& ids_;
    std::atomic<std::size_t> next_{0};
};

// The total and the facet counts of one local index.
struct MatchCount {
    Xapian::doccount total = 0;
    RawCounts raw;
};

// The matches and their facet values for a query that match_bitmap suits, range of ids by range
// of ids: several threads, each with its own handle on the index and its own copy of the query,
// take the next range in turn, read the posting lists over it and count the values of what
// matched there. Each thread's counts are then merged.
class SharedRangeCount {
public:
    explicit SharedRangeCount(Xapian::docid last) : last_(last) {}

    MatchCount count_some(const Xapian::Database& db, const Xapian::Query& query) {
        MatchCount out;
        for (;;) {
            const std::uint64_t first = std::uint64_t{next_.fetch_add(1)} * span + 1;
            if (first > last_) break;
            const auto from = static_cast<Xapian::docid>(first);
            const auto to = static_cast<Xapian::docid>(std::min<std::uint64_t>(last_, first + span - 1));
            const auto ids = match_range(db, query, from, to).ids();
            out.total += static_cast<Xapian::doccount>(ids.size());
            SharedValueCount values(ids);
            out.raw.merge(values.count_some(db));
        }
        return out;
    }

private:
    static constexpr std::uint64_t span = 1 << 17;
    const Xapian::docid last_;
    std::atomic<std::uint32_t> next_{0};
};

MatchCount count_matches(const Xapian::Database& db, const Xapian::Query& query) {
    const auto ids = match_ids(db, query);
    SharedValueCount shared(ids);
    return {static_cast<Xapian::doccount>(ids.size()), shared.count_some(db)};
}

// Every facet's counts from the counts of whole slot::facets values: a study counted under
// "rct|2|2019|positive|insomnia migraine" counts once for its design, level, year and
// direction, and once for each of its conditions. A value not in that form is left out.
SearchFacets facets_from(const RawCounts& raw) {
    SearchFacets facets;
    for (const auto& [value, count] : raw.entries()) {
        const auto fields = schema::parse_facets_value(value);
        if (!fields) continue;
        if (!fields->design.empty()) facets.design[fields->design] += count;
        facets.level[std::to_string(fields->level)] += count;
        if (fields->year) facets.year[std::to_string(*fields->year)] += count;
        if (!fields->direction.empty()) facets.result_direction[fields->direction] += count;
        for (const auto& id : fields->conditions) facets.condition[id] += count;
    }
    return facets;
}

}  // namespace

std::optional<SearchSort> parse_search_sort(std::string_view text) {
    if (text == "relevance") return SearchSort::relevance;
    if (text == "level") return SearchSort::level;
    if (text == "year") return SearchSort::year;
    if (text == "n") return SearchSort::n;
    return std::nullopt;
}

YearRange parse_year_range(std::string_view text) {
    const std::string shown(text);
    const auto bad = [&](const std::string& why) {
        return FatalError(ExitCode::usage, "search: --year '" + shown + "': " + why);
    };
    const auto year = [&](std::string_view part) -> std::optional<int> {
        if (part.empty()) return std::nullopt;
        const auto value = parse_int(part);
        if (!value || *value < 0 || *value > 9999) throw bad("'" + std::string(part) + "' is not a year");
        return value;
    };
    YearRange range;
    const auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        range.from = range.to = year(text);
        if (!range.from) throw bad("give FROM..TO, FROM.., ..TO or a year");
        return range;
    }
    range.from = year(text.substr(0, dots));
    range.to = year(text.substr(dots + 2));
    if (!range.from && !range.to) throw bad("give at least one end of the range");
    if (range.from && range.to && *range.from > *range.to) throw bad("the range is the wrong way round");
    return range;
}

namespace {

// The documents of the other types (claims), when excluding them is the same as keeping the
// studies: every document carries exactly one type, which the type terms' frequencies adding up
// to the document count shows. Nearly every document is a study, so leaving out the few others
// is much cheaper than walking the study list beside every query. Null otherwise.
std::optional<Xapian::Query> other_types(const Xapian::Database& db) {
    const std::string start(prefix::doc_type);
    const std::string study = schema::make_term(prefix::doc_type, "study");
    Xapian::doccount typed = 0;
    std::vector<Xapian::Query> others;
    for (auto term = db.allterms_begin(start); term != db.allterms_end(start); ++term) {
        typed += term.get_termfreq();
        if (*term != study) others.emplace_back(*term);
    }
    if (typed != db.get_doccount()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
}

}  // namespace

Xapian::Query build_search_query(const Xapian::Database& db, const SearchRequest& request,
                                 const ConditionVocabulary* conditions, const InterventionVocabulary* interventions) {
    std::vector<Xapian::Query> filters;
    if (request.condition) filters.push_back(boolean_query(prefix::condition, *request.condition));
    if (request.intervention) filters.push_back(boolean_query(prefix::intervention, *request.intervention));
    if (request.design) filters.push_back(boolean_query(prefix::design, to_string(*request.design)));
    if (request.max_level) {
        std::vector<Xapian::Query> levels;
        for (int level = 1; level <= *request.max_level; ++level)
            levels.push_back(boolean_query(prefix::level, std::to_string(level)));
        filters.emplace_back(Xapian::Query::OP_OR, levels.begin(), levels.end());
    }
    if (request.years) filters.push_back(year_filter(db, *request.years));
    const bool has_filter = !filters.empty();
    Xapian::Query text = trim(request.query).empty() ? Xapian::Query() : parse_text(db, request.query, conditions, interventions);
    if (text.empty()) {
        if (!trim(request.query).empty())
            throw FatalError(ExitCode::usage, "search: the query '" + request.query + "' holds no searchable words");
        if (!has_filter) throw FatalError(ExitCode::usage, "search: give a query or a filter (see evidex-query search --help)");
        text = Xapian::Query::MatchAll;
    }
    const auto excluded = other_types(db);
    if (!excluded) filters.insert(filters.begin(), boolean_query(prefix::doc_type, "study"));
    Xapian::Query query = filters.empty() ? text
                                          : Xapian::Query(Xapian::Query::OP_FILTER, text,
                                                          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    if (excluded && !excluded->empty()) query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, *excluded);
    return query;
}

namespace {

// One value slot per order: Xapian's remote backend sorts by a value, not a KeyMaker.
void order_by(Xapian::Enquire& enquire, SearchSort sort) {
    switch (sort) {
    case SearchSort::relevance:
        break;
    case SearchSort::level:
        enquire.set_sort_by_value_then_relevance(slot::level_year, false);
        break;
    case SearchSort::year:
        enquire.set_sort_by_value_then_relevance(slot::year, true);
        break;
    case SearchSort::n:
        enquire.set_sort_by_value_then_relevance(slot::n, true);
        break;
    }
}

RankOrder rank_order(SearchSort sort) {
    switch (sort) {
    case SearchSort::relevance: return {};
    case SearchSort::level: return {true, false};
    case SearchSort::year:
    case SearchSort::n: return {true, true};
    }
    return {};
}

Study study_of(const Xapian::Document& document) {
    return study_from_json(nlohmann::json::parse(document.get_data()));
}

// One attempt at a search. Over one local index (IndexReader::single_local), a second handle on
// it lets a second thread count the facets, or rank half of a large match set. A
// DatabaseModifiedError (a writer committed meanwhile) goes up to search_studies, which
// reopens the index and tries again.
SearchResult search_once(const IndexReader& reader, const SearchRequest& request, const ConditionVocabulary* conditions,
                         const InterventionVocabulary* interventions) {
    const Xapian::Database& db = reader.database();
    const bool local = reader.single_local();
    try {
        Xapian::Enquire enquire(db);
        enquire.set_query(build_search_query(db, request, conditions, interventions));
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        order_by(enquire, request.sort);

        // Every match is counted for --exact-total and for facets; otherwise enough matches that
        // the total is exact up to exact_total_floor. Facets of one local index are counted in
        // a pass of their own (below), which gives the exact total too, so the page stops as
        // soon as it is full.
        const Xapian::doccount every = db.get_doccount();
        const bool counted_apart = request.facets && local;
        const bool page_counts_all = !counted_apart && (request.exact_total || request.facets);
        const std::size_t page_end = request.offset + request.limit;
        const Xapian::doccount check_at_least = static_cast<Xapian::doccount>(
            page_counts_all ? every : counted_apart ? page_end : std::max(page_end, exact_total_floor));
        const auto build_for = [&](const Xapian::Database& handle) {
            return build_search_query(handle, request, conditions, interventions);
        };
        // A large match set without facets: each thread ranks half of the ids.
        const bool split = request.split == SplitRanking::always
                               ? db.get_lastdocid() >= 2
                               : request.split == SplitRanking::when_large && worth_splitting(db, enquire.get_query());
        if (!request.facets && local && split) {
            if (const Xapian::Database* twin = reader.twin()) {
                const RankedPage page = rank_split(
                    db, enquire.get_query(), *twin, build_for,
                    [&request](Xapian::Enquire& e) { order_by(e, request.sort); }, rank_order(request.sort),
                    static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit),
                    check_at_least);
                SearchResult result;
                for (const auto& hit : page.hits) result.hits.push_back({study_of(hit.document), hit.weight});
                result.total = page.total;
                result.total_exact = page.exact;
                return result;
            }
        }
        // Facets of one local index are counted on a second thread beside the page.
        const Xapian::Database* twin = request.facets && local ? reader.twin() : nullptr;
        std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
        std::optional<MatchCount> counted;
        // Facets of one local index: a second thread, with its own handle and its own copy of
        // the query (Xapian objects are not shared between threads), finds the matches while
        // this one ranks the page; then both count the matches' facet values.
        std::vector<Xapian::docid> matched;
        std::promise<void> matched_found;
        std::future<void> found = matched_found.get_future();
        SharedValueCount shared(matched);
        std::future<RawCounts> counting_elsewhere;
        SharedRangeCount ranges(db.get_lastdocid());
        std::future<MatchCount> ranges_elsewhere;
        const bool by_ranges = counted_apart && twin && bitmap_suits(db, enquire.get_query());
        if (by_ranges) {
            // The posting lists read range by range on both threads: the other starts at once,
            // this one joins it when the page is ranked.
            ranges_elsewhere = std::async(std::launch::async, [twin, &request, conditions, interventions, &ranges] {
                return ranges.count_some(*twin, build_search_query(*twin, request, conditions, interventions));
            });
        } else if (counted_apart && twin) {
            counting_elsewhere = std::async(std::launch::async, [twin, &request, conditions, interventions, &matched,
                                                                 &matched_found, &shared] {
                try {
                    matched = match_ids(*twin, build_search_query(*twin, request, conditions, interventions));
                } catch (...) {
                    matched_found.set_exception(std::current_exception());
                    throw;
                }
                matched_found.set_value();
                return shared.count_some(*twin);
            });
        } else if (counted_apart) {
            counted = count_matches(db, enquire.get_query());
        } else if (request.facets) {
            spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot::facets);
            // A page sorted by value gets its facets from a pass of their own: over several
            // databases with a remote one, Xapian 1.4 lets a sorted match feed some documents
            // to the spies twice.
            Xapian::Enquire counting(db);
            const bool separate = request.sort != SearchSort::relevance;
            if (separate) counting.set_query(enquire.get_query());
            (separate ? counting : enquire).add_matchspy(spy.get());
            if (separate) counting.get_mset(0, 0, every);
        }
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                                   static_cast<Xapian::doccount>(request.limit), check_at_least);
        SearchResult result;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            result.hits.push_back({study_of(it.get_document()), it.get_weight()});
        if (ranges_elsewhere.valid()) {
            counted = ranges.count_some(db, enquire.get_query());
            MatchCount there = ranges_elsewhere.get();
            counted->total += there.total;
            counted->raw.merge(there.raw);
        } else if (counting_elsewhere.valid()) {
            found.get();  // the other thread's error, if it failed
            RawCounts counts = shared.count_some(db);
            counts.merge(counting_elsewhere.get());
            counted = MatchCount{static_cast<Xapian::doccount>(matched.size()), std::move(counts)};
        }
        result.total = counted ? counted->total : mset.get_matches_estimated();
        result.total_exact = counted || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        if (request.facets) result.facets = facets_from(counted ? counted->raw : spy_counts(*spy));
        return result;
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::DocNotFoundError&) {
        throw;  // search_studies tells a writer's commit from a lost document
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, "search: index error: " + e.get_description());
    } catch (const nlohmann::json::exception& e) {
        throw FatalError(ExitCode::failed, std::string("search: a stored record is not valid JSON: ") + e.what());
    }
}

}  // namespace

SearchResult search_studies(const IndexReader& reader, const SearchRequest& request,
                            const ConditionVocabulary* conditions, const InterventionVocabulary* interventions) {
    for (int attempt = 1;; ++attempt) {
        try {
            return search_once(reader, request, conditions, interventions);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == 5)
                throw FatalError(ExitCode::failed, "search: the index kept changing while it was read (" +
                                                       e.get_description() + "); try again");
            reader.reopen();
        } catch (const Xapian::DocNotFoundError& e) {
            // A writer's commits can take a matched document from under a reader that has not
            // yet seen DatabaseModifiedError; once the index has moved on, the search is tried
            // again. A document missing from an index that has not changed is an error.
            if (attempt == 5 || !reader.reopen())
                throw FatalError(ExitCode::failed, "search: index error: " + e.get_description());
        }
    }
}

std::vector<Study> search_all_studies(const IndexReader& reader, SearchRequest request,
                                      const ConditionVocabulary* conditions) {
    request.offset = 0;
    request.limit = reader.database().get_doccount();
    request.facets = false;
    request.exact_total = true;
    SearchResult result = search_studies(reader, request, conditions);
    std::vector<Study> studies;
    studies.reserve(result.hits.size());
    for (auto& hit : result.hits) studies.push_back(std::move(hit.study));
    return studies;
}

}  // namespace evidex
