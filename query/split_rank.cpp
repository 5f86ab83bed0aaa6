#include "query/split_rank.h"

#include <algorithm>
#include <cstdint>
#include <future>

namespace evidex {

void IdRangeSource::init(const Xapian::Database& db) {
    current_ = 0;
    end_ = std::min(last_, db.get_lastdocid());
    ended_ = end_ < first_;
    // The documents of the range, assuming ids are used evenly: enough for Xapian to order the
    // parts of an AND and to estimate the matches of the half.
    const double span = ended_ ? 0.0 : double(end_ - first_) + 1.0;
    const double share = db.get_lastdocid() > 0 ? span / db.get_lastdocid() : 0.0;
    estimate_ = static_cast<Xapian::doccount>(share * db.get_doccount() + 0.5);
}

void IdRangeSource::next(double) {
    if (ended_) return;
    if (current_ == 0) current_ = first_;
    else if (current_ < end_) ++current_;
    else ended_ = true;
}

void IdRangeSource::skip_to(Xapian::docid did, double) {
    if (ended_) return;
    current_ = std::max({current_, did, first_});
    if (current_ > end_) ended_ = true;
}

namespace {

// Terms read by a query of more postings than this go to two threads.
constexpr Xapian::doccount split_postings = 100000;

Xapian::MSet rank_range(const Xapian::Database& db, const Xapian::Query& query,
                        const std::function<void(Xapian::Enquire&)>& prepare, Xapian::docid first,
                        Xapian::docid last, Xapian::doccount count, Xapian::doccount check_at_least) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query((new IdRangeSource(first, last))->release())));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    prepare(enquire);
    return enquire.get_mset(0, count, check_at_least);
}

}  // namespace

bool worth_splitting(const Xapian::Database& db, const Xapian::Query& query) {
    if (db.get_lastdocid() < 2) return false;
    std::uint64_t postings = 0;
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term)
        postings += db.get_termfreq(*term);
    return postings > split_postings;
}

RankedPage rank_split(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Database& twin,
                      const std::function<Xapian::Query(const Xapian::Database&)>& build,
                      const std::function<void(Xapian::Enquire&)>& prepare, RankOrder order, Xapian::doccount offset,
                      Xapian::doccount limit, Xapian::doccount check_at_least) {
    const Xapian::docid last = db.get_lastdocid();
    const Xapian::docid middle = last / 2;
    const Xapian::doccount count = offset + limit;
    auto upper = std::async(std::launch::async, [&] {
        return rank_range(twin, build(twin), prepare, middle + 1, last, count, check_at_least);
    });
    Xapian::MSet lower;
    try {
        lower = rank_range(db, query, prepare, 1, middle, count, check_at_least);
    } catch (...) {
        upper.wait();  // the other thread uses what this frame owns
        throw;
    }
    const Xapian::MSet higher = upper.get();

    // Merge the two pages: both are in the order the whole would have.
    const auto before = [&](const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) {
        if (order.by_value) {
            const std::string ka = a.get_sort_key(), kb = b.get_sort_key();
            if (ka != kb) return order.descending ? ka > kb : ka < kb;
        }
        if (a.get_weight() != b.get_weight()) return a.get_weight() > b.get_weight();
        return *a < *b;
    };
    RankedPage page;
    auto a = lower.begin(), b = higher.begin();
    for (Xapian::doccount rank = 0; rank < count && (a != lower.end() || b != higher.end()); ++rank) {
        const bool take_a = b == higher.end() || (a != lower.end() && before(a, b));
        auto& it = take_a ? a : b;
        if (rank >= offset) page.hits.push_back({it.get_document(), it.get_weight()});
        ++it;
    }
    page.total = lower.get_matches_estimated() + higher.get_matches_estimated();
    page.exact = lower.get_matches_lower_bound() == lower.get_matches_upper_bound() &&
                 higher.get_matches_lower_bound() == higher.get_matches_upper_bound();
    return page;
}

}  // namespace evidex
