#include "query/match_bitmap.h"

#include <algorithm>
#include <bit>
#include <string>

namespace evidex {

DocBitmap::DocBitmap(Xapian::docid first, Xapian::docid last)
    : base_(first & ~Xapian::docid{63}),
      words_(last < first ? 0 : static_cast<std::size_t>(last - (first & ~Xapian::docid{63})) / 64 + 1, 0) {}

void DocBitmap::intersect(const DocBitmap& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
}

void DocBitmap::unite(const DocBitmap& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
}

void DocBitmap::subtract(const DocBitmap& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
}

void DocBitmap::exclusive_or(const DocBitmap& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] ^= other.words_[i];
}

std::size_t DocBitmap::count() const {
    std::size_t total = 0;
    for (const std::uint64_t word : words_) total += static_cast<std::size_t>(std::popcount(word));
    return total;
}

std::vector<Xapian::docid> DocBitmap::ids() const {
    std::vector<Xapian::docid> out;
    out.reserve(count());
    for (std::size_t i = 0; i < words_.size(); ++i) {
        for (std::uint64_t word = words_[i]; word != 0; word &= word - 1)
            out.push_back(base_ + static_cast<Xapian::docid>(i * 64 + static_cast<std::size_t>(std::countr_zero(word))));
    }
    return out;
}

namespace {

// What reading a query's lists costs (postings decoded) and how many matches to expect.
struct Estimate {
    double postings = 0;
    double matches = 0;
};

bool is_union(Xapian::Query::op op) {
    return op == Xapian::Query::OP_OR || op == Xapian::Query::OP_SYNONYM || op == Xapian::Query::OP_MAX;
}

std::string leaf_term(const Xapian::Query& query) { return *query.get_terms_begin(); }

// Nothing when a part of the query cannot be read from posting lists.
std::optional<Estimate> estimate(const Xapian::Database& db, const Xapian::Query& query) {
    const auto op = query.get_type();
    const double every = db.get_doccount();
    switch (op) {
    case Xapian::Query::LEAF_TERM: {
        const double frequency = db.get_termfreq(leaf_term(query));
        return Estimate{frequency, frequency};
    }
    case Xapian::Query::LEAF_MATCH_ALL: return Estimate{every, every};
    case Xapian::Query::LEAF_MATCH_NOTHING: return Estimate{};
    default: break;
    }
    const std::size_t parts = query.get_num_subqueries();
    if (op == Xapian::Query::OP_SCALE_WEIGHT || op == Xapian::Query::OP_AND_MAYBE) {
        // Only the first part decides what matches: the others only add weight.
        return parts == 0 ? std::optional<Estimate>(Estimate{}) : estimate(db, query.get_subquery(0));
    }
    const bool conjunction = op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER;
    if (!conjunction && !is_union(op) && op != Xapian::Query::OP_AND_NOT && op != Xapian::Query::OP_XOR)
        return std::nullopt;
    Estimate total;
    for (std::size_t i = 0; i < parts; ++i) {
        const auto part = estimate(db, query.get_subquery(i));
        if (!part) return std::nullopt;
        total.postings += part->postings;
        if (i == 0)
            total.matches = part->matches;
        else if (conjunction)
            total.matches = std::min(total.matches, part->matches);
        else if (op != Xapian::Query::OP_AND_NOT)
            total.matches = std::min(every, total.matches + part->matches);
    }
    return total;
}

// The ids first..last of a term's posting list (every document for the empty term).
void add_postings(DocBitmap& bitmap, const Xapian::Database& db, const std::string& term, Xapian::docid first,
                  Xapian::docid last) {
    auto posting = db.postlist_begin(term);
    const auto end = db.postlist_end(term);
    if (first > 1) posting.skip_to(first);
    for (; posting != end && *posting <= last; ++posting) bitmap.set(*posting);
}

DocBitmap evaluate(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first, Xapian::docid last) {
    DocBitmap out(first, last);
    const auto op = query.get_type();
    switch (op) {
    case Xapian::Query::LEAF_TERM: add_postings(out, db, leaf_term(query), first, last); return out;
    case Xapian::Query::LEAF_MATCH_ALL: add_postings(out, db, std::string(), first, last); return out;
    case Xapian::Query::LEAF_MATCH_NOTHING: return out;
    default: break;
    }
    const std::size_t parts = query.get_num_subqueries();
    if (parts == 0) return out;
    if (op == Xapian::Query::OP_SCALE_WEIGHT || op == Xapian::Query::OP_AND_MAYBE)
        return evaluate(db, query.get_subquery(0), first, last);
    if (is_union(op)) {
        // Terms straight into the one bitmap: a year range is an OR of dozens of them.
        for (std::size_t i = 0; i < parts; ++i) {
            const auto part = query.get_subquery(i);
            if (part.get_type() == Xapian::Query::LEAF_TERM)
                add_postings(out, db, leaf_term(part), first, last);
            else
                out.unite(evaluate(db, part, first, last));
        }
        return out;
    }
    out = evaluate(db, query.get_subquery(0), first, last);
    for (std::size_t i = 1; i < parts; ++i) {
        const DocBitmap part = evaluate(db, query.get_subquery(i), first, last);
        if (op == Xapian::Query::OP_AND_NOT)
            out.subtract(part);
        else if (op == Xapian::Query::OP_XOR)
            out.exclusive_or(part);
        else
            out.intersect(part);
    }
    return out;
}

}  // namespace

bool bitmap_suits(const Xapian::Database& db, const Xapian::Query& query, BitmapPolicy policy) {
    const auto cost = estimate(db, query);
    if (!cost) return false;
    // A match found by the matcher costs about what decoding a few postings does; reading lists
    // whole pays when the matches are at least a quarter of the postings read.
    return policy == BitmapPolicy::always || cost->matches * 4 >= cost->postings;
}

DocBitmap match_range(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first,
                      Xapian::docid last) {
    return evaluate(db, query, first, last);
}

std::optional<DocBitmap> match_bitmap(const Xapian::Database& db, const Xapian::Query& query, BitmapPolicy policy) {
    if (!bitmap_suits(db, query, policy)) return std::nullopt;
    return evaluate(db, query, 1, db.get_lastdocid());
}

}  // namespace evidex
