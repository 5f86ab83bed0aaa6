#include "indexer/retractions.h"

#include <algorithm>

#include <xapian.h>

#include "core/index_schema.h"
#include "core/reference_match.h"
#include "core/study_json.h"

namespace evidex {

namespace {

constexpr std::string_view notice_kind = "RetractionWatch";

struct TitleMatch {
    std::optional<Study> study;
    bool ambiguous = false;
};

// The studies whose title has every word of `title`, kept when their normalised title is the same.
TitleMatch find_by_title(const Xapian::Database& db, const std::string& title) {
    TitleMatch out;
    const std::string wanted = normalise_title(title);
    const auto words = title_words(title);
    if (wanted.empty() || words.empty()) return out;
    std::vector<Xapian::Query> terms;
    for (const auto& w : words) terms.emplace_back(schema::text_term(schema::prefix::title, w));
    Xapian::Query query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(schema::make_term(schema::prefix::doc_type, "study")));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const auto matches = enquire.get_mset(0, 50);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        Study s = study_from_json(nlohmann::json::parse(it.get_document().get_data()));
        if (normalise_title(s.title) != wanted) continue;
        if (out.study) {
            out.ambiguous = true;
            out.study.reset();
            return out;
        }
        out.study = std::move(s);
    }
    return out;
}

}  // namespace

RetractionSummary apply_retractions(const std::vector<RetractionNotice>& notices, IndexWriter& writer,
                                    const Classifier& classify) {
    RetractionSummary summary;
    for (const auto& notice : notices) {
        ++summary.rows;
        std::optional<Study> study;
        if (!notice.doi.empty() && (study = writer.find_doi(notice.doi))) ++summary.by_doi;
        else if (!notice.pmid.empty() && (study = writer.find_pmid(notice.pmid))) ++summary.by_pmid;
        else if (!notice.title.empty()) {
            // The writer's database sees what earlier rows changed, committed or not.
            auto match = find_by_title(writer.database(), notice.title);
            if (match.ambiguous) ++summary.ambiguous;
            if ((study = std::move(match.study))) ++summary.by_title;
        }
        if (!study) {
            ++summary.not_indexed;
            continue;
        }
        if (!study->is_notice && notice.retracts() && !study->retracted) ++summary.retracted;
        Study update = std::move(*study);
        if (!update.is_notice && notice.retracts()) update.retracted = true;
        // Loading the same file again (or a newer download of it) adds no notice twice.
        RelatedNotice related{std::string(notice_kind), notice.notice_pmid, notice.notice_doi,
                              notice.nature + (notice.date.empty() ? "" : ", " + notice.date)};
        const bool known = std::any_of(update.notices.begin(), update.notices.end(), [&](const RelatedNotice& n) {
            return n.kind == related.kind && n.pmid == related.pmid && n.doi == related.doi && n.note == related.note;
        });
        if (!known) update.notices.push_back(std::move(related));
        writer.upsert(std::move(update), classify);
    }
    return summary;
}

}  // namespace evidex
