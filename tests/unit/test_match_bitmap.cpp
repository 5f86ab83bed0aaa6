#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/match_bitmap.h"

using evidex::BitmapPolicy;
using evidex::match_bitmap;

namespace {

// 400 documents, each holding each of the terms a..f with its own chance, and every 7th deleted:
// the bitmap must agree with the matcher on holes in the id range too.
Xapian::WritableDatabase random_database(std::mt19937& rng) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const double chance[] = {0.9, 0.6, 0.5, 0.3, 0.1, 0.02};
    std::uniform_real_distribution<double> unit(0, 1);
    for (int i = 0; i < 400; ++i) {
        Xapian::Document doc;
        for (int t = 0; t < 6; ++t)
            if (unit(rng) < chance[t]) doc.add_term(std::string(1, static_cast<char>('a' + t)));
        doc.add_term("all");
        doc.add_value(0, std::to_string(i));
        db.add_document(doc);
    }
    for (Xapian::docid id = 7; id <= 400; id += 7) db.delete_document(id);
    db.commit();
    return db;
}

Xapian::Query random_query(std::mt19937& rng, int depth) {
    std::uniform_int_distribution<int> pick(0, 99);
    const int roll = pick(rng);
    if (depth == 0 || roll < 25) {
        if (roll % 11 == 0) return Xapian::Query::MatchAll;
        if (roll % 13 == 0) return Xapian::Query("absent");
        return Xapian::Query(std::string(1, static_cast<char>('a' + roll % 6)));
    }
    static const Xapian::Query::op ops[] = {
        Xapian::Query::OP_AND,     Xapian::Query::OP_OR,       Xapian::Query::OP_AND_NOT,
        Xapian::Query::OP_XOR,     Xapian::Query::OP_FILTER,   Xapian::Query::OP_AND_MAYBE,
        Xapian::Query::OP_SYNONYM, Xapian::Query::OP_MAX,
    };
    const auto op = ops[roll % 8];
    if (roll > 90) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, random_query(rng, depth - 1), 0.5);
    std::vector<Xapian::Query> parts;
    const int count = 2 + pick(rng) % 3;
    for (int i = 0; i < count; ++i) parts.push_back(random_query(rng, depth - 1));
    return Xapian::Query(op, parts.begin(), parts.end());
}

// Whether one document, with these terms, matches the query: the boolean meaning of each
// operator, document by document. The oracle for the bitmap, independent of Xapian's matcher
// (which, for some degenerate trees, answers differently when its memory starts out otherwise,
// as under AddressSanitizer).
bool matches(const Xapian::Query& query, const std::set<std::string>& terms) {
    const auto op = query.get_type();
    if (op == Xapian::Query::LEAF_TERM) return terms.count(*query.get_terms_begin()) > 0;
    if (op == Xapian::Query::LEAF_MATCH_ALL) return true;
    if (op == Xapian::Query::LEAF_MATCH_NOTHING) return false;
    const std::size_t parts = query.get_num_subqueries();
    std::size_t hits = 0;
    for (std::size_t i = 0; i < parts; ++i) hits += matches(query.get_subquery(i), terms) ? 1 : 0;
    const bool first = parts > 0 && matches(query.get_subquery(0), terms);
    switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: return hits == parts;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: return hits > 0;
    case Xapian::Query::OP_XOR: return hits % 2 == 1;
    case Xapian::Query::OP_AND_NOT: return first && hits == 1;
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT: return first;
    default: FAIL("an operator the generator does not make"); return false;
    }
}

std::vector<Xapian::docid> oracle_ids(const Xapian::Database& db, const Xapian::Query& query) {
    std::vector<Xapian::docid> ids;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        std::set<std::string> terms;
        for (auto t = db.termlist_begin(*doc); t != db.termlist_end(*doc); ++t) terms.insert(*t);
        if (matches(query, terms)) ids.push_back(*doc);
    }
    return ids;
}

std::vector<Xapian::docid> matcher_ids(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> ids;
    const auto mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("match_bitmap finds the matches of boolean queries over terms") {
    std::mt19937 rng(20261124);
    const auto db = random_database(rng);
    for (int round = 0; round < 300; ++round) {
        const auto query = random_query(rng, 3);
        CAPTURE(query.get_description());
        const auto bitmap = match_bitmap(db, query, BitmapPolicy::always);
        REQUIRE(bitmap.has_value());
        const auto expected = oracle_ids(db, query);
        CHECK(bitmap->ids() == expected);
        CHECK(bitmap->count() == expected.size());
        // Any range of ids: the matches that fall in it, whatever its alignment.
        const Xapian::docid first = 1 + static_cast<Xapian::docid>(rng() % 400);
        const Xapian::docid last = first + static_cast<Xapian::docid>(rng() % 200);
        std::vector<Xapian::docid> in_range;
        for (const auto id : expected)
            if (id >= first && id <= last) in_range.push_back(id);
        CHECK(evidex::match_range(db, query, first, last).ids() == in_range);
    }
}

TEST_CASE("match_bitmap leaves phrases, ranges, wildcards and selective queries to the matcher") {
    std::mt19937 rng(7);
    const auto db = random_database(rng);
    CHECK_FALSE(match_bitmap(db, Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("a"), Xapian::Query("b")),
                             BitmapPolicy::always));
    CHECK_FALSE(match_bitmap(db, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, "1", "3"), BitmapPolicy::always));
    CHECK_FALSE(match_bitmap(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("a"),
                                               Xapian::Query(Xapian::Query::OP_WILDCARD, "b")),
                             BitmapPolicy::always));
    // A rare term ANDed with common ones: the matcher skips through the long lists.
    const std::vector<Xapian::Query> parts{Xapian::Query("f"), Xapian::Query("a"), Xapian::Query("all")};
    const Xapian::Query rare_and_common(Xapian::Query::OP_AND, parts.begin(), parts.end());
    CHECK_FALSE(match_bitmap(db, rare_and_common));
    CHECK(match_bitmap(db, rare_and_common, BitmapPolicy::always));
    // Common terms: most of what is read matches.
    const auto common = match_bitmap(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("a"), Xapian::Query("all")));
    REQUIRE(common);
    CHECK(common->ids() == matcher_ids(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("a"), Xapian::Query("all"))));
}
