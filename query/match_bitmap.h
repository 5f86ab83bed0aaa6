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
    // Room for the ids 1..last.
    explicit DocBitmap(Xapian::docid last);

    void set(Xapian::docid id) { words_[id >> 6] |= std::uint64_t{1} << (id & 63); }
    bool test(Xapian::docid id) const {
        return (id >> 6) < words_.size() && (words_[id >> 6] >> (id & 63) & 1) != 0;
    }
    void intersect(const DocBitmap& other);
    void unite(const DocBitmap& other);
    void subtract(const DocBitmap& other);
    void exclusive_or(const DocBitmap& other);
    std::size_t count() const;
    // The ids that are set, ascending.
    std::vector<Xapian::docid> ids() const;

private:
    std::vector<std::uint64_t> words_;
};

enum class BitmapPolicy {
    when_cheaper,  // only when reading the lists whole costs at most a few times the matches expected
    always,        // whenever every part of the query can be read from posting lists (for tests)
};

// The matches of query in db (one local database), or nothing when the query has a part that
// is not a term or a boolean operator over terms (a phrase, a value range, a wildcard, an
// elite set, a posting source), or when the policy finds the matcher cheaper.
std::optional<DocBitmap> match_bitmap(const Xapian::Database& db, const Xapian::Query& query,
                                      BitmapPolicy policy = BitmapPolicy::when_cheaper);

}  // namespace evidex
