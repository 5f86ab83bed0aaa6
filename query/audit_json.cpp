#include <cmath>

#include "query/audit_report.h"

namespace evidex {

using nlohmann::json;

namespace {

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json or_null(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
// Scores to two decimals, so the report does not print binary noise.
json score(const std::optional<double>& v) { return v ? json(std::round(*v * 100) / 100) : json(nullptr); }

json reference_json(const AuditReference& r) {
    const Study* s = r.study ? &*r.study : nullptr;
    return {{"label", r.label},
            {"raw", r.raw},
            {"pmid", s ? or_null(s->pmid) : or_null(r.pmid)},
            {"doi", s ? or_null(s->doi) : or_null(r.doi)},
            {"resolved", s != nullptr},
            {"method", or_null(r.method)},
            {"score", score(r.score)},
            {"title", s ? or_null(s->title) : or_null(r.title)},
            {"journal", s ? or_null(s->journal) : or_null(r.journal)},
            {"year", s ? or_null(s->year) : or_null(r.year)},
            {"design", s ? json(std::string(to_string(s->design))) : json(nullptr)},
            {"level", s ? json(s->level()) : json(nullptr)},
            {"n", s ? or_null(s->n) : json(nullptr)},
            {"duplicate_of", or_null(r.duplicate_of)},
            {"flags", r.flags},
            {"note", or_null(r.note)}};
}

json citation_json(const Citation& c, const Audit& audit) {
    const Study* s = cited_study(audit, c);
    return {{"label", c.label},
            {"support", std::string(to_string(c.support))},
            {"study", s ? json(s->key()) : json(nullptr)},
            {"design", s ? json(std::string(to_string(s->design))) : json(nullptr)},
            {"level", s ? json(s->level()) : json(nullptr)},
            {"n", s ? or_null(s->n) : json(nullptr)},
            {"flags", c.flags},
            {"reason", c.reason},
            {"link_score", score(c.link_score)},
            {"link_reason", or_null(c.link_reason)}};
}

}  // namespace

json claim_to_json(const AuditClaim& c, const Audit& audit) {
    json citations = json::array();
    for (const auto& citation : c.citations) citations.push_back(citation_json(citation, audit));
    json numbers = json::array();
    for (const auto& n : c.claim.numbers) numbers.push_back(n.text);
    return {{"id", c.claim.id},
            {"text", c.claim.text},
            {"heading", or_null(c.claim.heading)},
            {"condition", or_null(c.claim.condition)},
            {"strength", std::string(to_string(c.claim.strength))},
            {"strength_cue", or_null(c.claim.strength_cue)},
            {"needed_level", c.needed_level},
            {"population", c.claim.population},
            {"form", or_null(c.claim.form)},
            {"dose_mg", c.claim.dose_mg ? json(*c.claim.dose_mg) : json(nullptr)},
            {"numbers", numbers},
            {"citations", citations},
            {"link", std::string(to_string(c.link))},
            {"verdict", std::string(to_string(c.verdict))},
            {"rule", c.rule},
            {"level", or_null(c.level)},
            {"flags", c.flags},
            {"rationale", c.rationale},
            {"notes", c.notes}};
}

AuditSummary summarize(const Audit& audit) {
    AuditSummary s;
    s.claims = audit.claims.size();
    s.references = audit.references.size();
    for (const auto& r : audit.references) {
        if (r.study) ++s.resolved;
        else ++s.unresolved;
        if (!r.duplicate_of.empty()) ++s.duplicates;
        if (!r.study && !r.flags.empty()) ++s.flagged;
    }
    const auto& verdicts = all_verdicts();
    for (const auto& c : audit.claims) {
        for (std::size_t i = 0; i < verdicts.size(); ++i)
            if (verdicts[i] == c.verdict) ++s.by_verdict[i];
        ++s.by_link[static_cast<int>(c.link)];
    }
    return s;
}

json audit_to_json(const Audit& audit) {
    json references = json::array();
    for (const auto& r : audit.references) references.push_back(reference_json(r));
    json allusions = json::array();
    for (const auto& a : audit.allusions)
        allusions.push_back({{"text", a.text},
                             {"study", a.study ? json(a.study->key()) : json(nullptr)},
                             {"title", a.study ? json(a.study->title) : json(nullptr)},
                             {"score", score(a.score)}});
    json claims = json::array();
    for (const auto& c : audit.claims) claims.push_back(claim_to_json(c, audit));
    json uncited = json::array();
    for (const auto& u : audit.uncited)
        uncited.push_back({{"claim", u.claim_id},
                           {"study", u.study.key()},
                           {"title", u.study.title},
                           {"design", std::string(to_string(u.study.design))},
                           {"level", u.study.level()},
                           {"year", or_null(u.study.year)},
                           {"result_direction", std::string(to_string(u.study.result_direction))},
                           {"why", u.why}});
    const AuditSummary s = summarize(audit);
    json by_verdict = json::object();
    for (std::size_t i = 0; i < all_verdicts().size(); ++i) by_verdict[std::string(to_string(all_verdicts()[i]))] = s.by_verdict[i];
    json by_link = json::object();
    for (int i = 0; i < 4; ++i) by_link[std::string(to_string(static_cast<LinkKind>(i)))] = s.by_link[i];
    return {{"document", {{"source", audit.source}, {"title", audit.title}}},
            {"references", references},
            {"allusions", allusions},
            {"claims", claims},
            {"uncited", uncited},
            {"summary",
             {{"claims", s.claims},
              {"references", s.references},
              {"resolved", s.resolved},
              {"duplicates", s.duplicates},
              {"unresolved", s.unresolved},
              {"flagged", s.flagged},
              {"claims_skipped", audit.claims_skipped},
              {"by_verdict", by_verdict},
              {"by_link", by_link}}}};
}

std::string write_audit_json(const Audit& audit) { return audit_to_json(audit).dump(2) + "\n"; }

}  // namespace evidex
