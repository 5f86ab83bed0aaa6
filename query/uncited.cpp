#include "query/uncited.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/index_schema.h"
#include "core/study_json.h"

namespace evidex {

std::vector<Study> studies_on_condition(const Xapian::Database& db, const std::string& condition, std::size_t limit) {
    Xapian::Query query(Xapian::Query::OP_AND, Xapian::Query(schema::make_term(schema::prefix::condition, condition)),
                        Xapian::Query(schema::make_term(schema::prefix::doc_type, "study")));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MultiValueKeyMaker order;
    order.add_value(schema::slot::level);         // ascending: level 1 first
    order.add_value(schema::slot::year, true);    // newest first
    enquire.set_sort_by_key(&order, false);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Study> studies;
    const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
    for (auto it = matches.begin(); it != matches.end() && studies.size() < limit; ++it) {
        try {
            Study study = study_from_json(nlohmann::json::parse(it.get_document().get_data()));
            if (!study.is_notice) studies.push_back(std::move(study));
        } catch (const std::exception&) {
            // A document whose data cannot be read is left out; the index check reports it.
        }
    }
    return studies;
}

void find_uncited_evidence(Audit& audit, const Xapian::Database& db, const GradingRules& rules) {
    std::set<std::string> cited;
    for (const auto& reference : audit.references)
        if (reference.study) cited.insert(reference.study->key());
    for (const auto& allusion : audit.allusions)
        if (allusion.study) cited.insert(allusion.study->key());

    std::map<std::string, std::vector<Study>> by_condition;
    audit.uncited.clear();
    for (const auto& claim : audit.claims) {
        const std::string& condition = claim.claim.condition;
        if (condition.empty() || rules.uncited_max == 0) continue;
        auto it = by_condition.find(condition);
        if (it == by_condition.end()) it = by_condition.emplace(condition, studies_on_condition(db, condition, 200)).first;
        const int cited_level = claim.level.value_or(6);
        const bool page_supports = claim.verdict == Verdict::supported || claim.verdict == Verdict::overstated;
        std::size_t taken = 0;
        for (const auto& study : it->second) {
            if (taken == rules.uncited_max) break;
            if (cited.count(study.key()) || study.is_notice || study.retracted) continue;
            const bool contrary = page_supports && study.level() <= 3 &&
                                  (study.result_direction == ResultDirection::null ||
                                   study.result_direction == ResultDirection::negative);
            const bool stronger = study.level() <= 2 && study.level() < cited_level;
            if (!contrary && !stronger) continue;
            UncitedEvidence evidence;
            evidence.claim_id = claim.claim.id;
            evidence.study = study;
            const std::string what = "a level-" + std::to_string(study.level()) + " " + std::string(to_string(study.design));
            if (contrary)
                evidence.why = what + (study.result_direction == ResultDirection::null ? " that found no effect"
                                                                                        : " that found the opposite effect");
            else
                evidence.why = what + (claim.level ? ", stronger than the level-" + std::to_string(*claim.level) + " evidence cited"
                                                   : "; nothing the page cites addresses the claim");
            audit.uncited.push_back(std::move(evidence));
            ++taken;
        }
    }
}

}  // namespace evidex
