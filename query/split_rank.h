// A page of a large match set ranked on two threads. Each thread has its own handle on the
// index and ranks the matches among one half of the document ids; the two pages are merged.
// Weights come from the statistics of the whole index, not of the half, so every match has the
// weight it has in a search of the whole, and the merged page is the page that search gives.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace evidex {

// Matches every document id in first..last. As the filter of a query (OP_FILTER) it keeps the
// query's matches among those ids and changes no weight.
class IdRangeSource : public Xapian::PostingSource {
public:
    IdRangeSource(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return estimate_; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return ended_; }
    Xapian::docid get_docid() const override { return current_; }
    IdRangeSource* clone() const override { return new IdRangeSource(first_, last_); }
    std::string name() const override { return "evidex.IdRangeSource"; }

private:
    Xapian::docid first_;
    Xapian::docid last_;
    Xapian::docid end_ = 0;      // last_, or the index's last id when that is lower
    Xapian::docid current_ = 0;  // 0 before the first next() or skip_to()
    bool ended_ = false;
    Xapian::doccount estimate_ = 0;
};

// How the page is ordered: by weight, or by a value (the sort key Xapian reports for each hit)
// and then by weight; ties go to the lower document id, as Enquire::ASCENDING does.
struct RankOrder {
    bool by_value = false;
    bool descending = false;  // for a value: the highest first
};

struct RankedHit {
    Xapian::Document document;
    double weight = 0;
};

struct RankedPage {
    std::vector<RankedHit> hits;
    Xapian::doccount total = 0;  // exact when `exact`, else Xapian's estimate
    bool exact = false;
};

// Whether ranking `query` reads enough postings for two threads to pay for themselves.
bool worth_splitting(const Xapian::Database& db, const Xapian::Query& query);

// Ranks the page [offset, offset + limit) of `query` on `db` (this thread) and on `twin`
// (another handle on the same revision of the same index, used on a second thread, with the
// copy of the query that `build` makes for it: Xapian objects are not shared between threads). `prepare` sets the order on an Enquire as `order` describes it; each half
// counts at least `check_at_least` matches. Errors of either thread (DatabaseModifiedError
// among them) reach the caller.
RankedPage rank_split(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Database& twin,
                      const std::function<Xapian::Query(const Xapian::Database&)>& build,
                      const std::function<void(Xapian::Enquire&)>& prepare, RankOrder order, Xapian::doccount offset,
                      Xapian::doccount limit, Xapian::doccount check_at_least);

}  // namespace evidex
