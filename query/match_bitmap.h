// Every match of a query as one bit per document id, found by reading the posting lists of its
// terms whole and combining them word by word, without ranking. For counting a large match set
// (the facets of "treatment outcome" over a million studies) this is several times cheaper than
// letting Xapian's matcher visit each match; for a selective query the matcher, which skips
// through long lists, stays cheaper, and match_bitmap leaves it to the matcher.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <xapian.h>

namespace evidex {

class DocBitmap {
public:
    // Room for the ids first..last.
    DocBitmap(Xapian::docid first, Xapian::docid last);

    void set(Xapian::docid id) {
        const Xapian::docid at = id - base_;
        words_[at >> 6] |= std::uint64_t{1} << (at & 63);
    }
    bool test(Xapian::docid id) const {
        if (id < base_) return false;
        const Xapian::docid at = id - base_;
        return (at >> 6) < words_.size() && (words_[at >> 6] >> (at & 63) & 1) != 0;
    }
    void intersect(const DocBitmap& other);
    void unite(const DocBitmap& other);
    void subtract(const DocBitmap& other);
    void exclusive_or(const DocBitmap& other);
    std::size_t count() const;
    // The ids that are set, ascending.
    std::vector<Xapian::docid> ids() const;

private:
    Xapian::docid base_ = 0;  // the id of the first bit, a multiple of 64
    std::vector<std::uint64_t> words_;
};

enum class BitmapPolicy {
    when_cheaper,  // only when reading the lists whole costs at most a few times the matches expected
    always,        // whenever every part of the query can be read from posting lists (for tests)
};

// Whether match_range can find the matches of query: false when the query has a part that is
// not a term or a boolean operator over terms (a phrase, a value range, a wildcard, an elite
// set, a posting source), or when the policy finds the matcher cheaper.
bool bitmap_suits(const Xapian::Database& db, const Xapian::Query& query,
                  BitmapPolicy policy = BitmapPolicy::when_cheaper);

// The matches of query in db (one local database) among the ids first..last, for a query that
// bitmap_suits. Ranges of one query can be read on several threads at once, each with its own
// handle on the database and its own copy of the query.
DocBitmap match_range(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first,
                      Xapian::docid last);

// Every match of query, or nothing when the bitmap does not suit it.
std::optional<DocBitmap> match_bitmap(const Xapian::Database& db, const Xapian::Query& query,
                                      BitmapPolicy policy = BitmapPolicy::when_cheaper);

}  // namespace evidex
