#include "query/claim_store.h"

#include <cstdint>
#include <cstdio>

#include <xapian.h>

#include "core/index_schema.h"
#include "core/text.h"
#include "query/audit_report.h"

namespace evidex {

namespace prefix = schema::prefix;

std::string page_id(const std::string& source) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%08llx", static_cast<unsigned long long>(fnv1a(source) & 0xffffffffull));
    return "page-" + std::string(buffer);
}

std::size_t save_claims(const Audit& audit, IndexWriter& writer) {
    const std::string page = page_id(audit.source);
    // What an earlier audit of this page saved goes first.
    writer.delete_documents(schema::make_term(prefix::page, page));
    writer.remove_terms_with_prefix(std::string(prefix::claim) + page + ":");

    const nlohmann::json report = audit_to_json(audit);
    std::size_t saved = 0;
    for (std::size_t i = 0; i < audit.claims.size(); ++i) {
        const AuditClaim& claim = audit.claims[i];
        const std::string id = page + ":" + claim.claim.id;
        Xapian::Document doc;
        Xapian::TermGenerator terms;
        terms.set_stemmer(Xapian::Stem("english"));
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        terms.set_document(doc);
        terms.index_text(claim.claim.text, 1, std::string(prefix::claim_text));
        terms.index_text(claim.claim.text);
        doc.add_boolean_term(schema::make_term(prefix::unique_id, "claim:" + id));
        doc.add_boolean_term(schema::make_term(prefix::doc_type, "claim"));
        doc.add_boolean_term(schema::make_term(prefix::page, page));
        doc.add_boolean_term(schema::make_term(prefix::verdict, to_string(claim.verdict)));
        doc.add_boolean_term(schema::make_term(prefix::strength, to_string(claim.claim.strength)));
        if (!claim.claim.condition.empty()) doc.add_boolean_term(schema::make_term(prefix::condition, claim.claim.condition));
        if (claim.level) doc.add_value(schema::slot::level, Xapian::sortable_serialise(*claim.level));
        for (const auto& citation : claim.citations) {
            const Study* study = cited_study(audit, citation);
            if (!study) continue;
            doc.add_boolean_term(schema::make_term(prefix::cites, study->key()));
            writer.add_term(schema::unique_term_for_key(study->key()), schema::make_term(prefix::claim, id));
        }
        nlohmann::json data = report["claims"][i];
        data["page"] = {{"id", page}, {"source", audit.source}, {"title", audit.title}};
        doc.set_data(data.dump());
        writer.replace_document(schema::make_term(prefix::unique_id, "claim:" + id), doc);
        ++saved;
    }
    return saved;
}

}  // namespace evidex
