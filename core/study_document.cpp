#include "core/study_document.h"

#include "core/index_schema.h"
#include "core/study_json.h"
#include "core/text.h"

namespace evidex {

namespace prefix = schema::prefix;
namespace slot = schema::slot;

namespace {

void add_boolean(Xapian::Document& doc, std::string_view p, std::string_view value) {
    if (!value.empty()) doc.add_boolean_term(schema::make_term(p, value));
}

}  // namespace

Xapian::Document build_study_document(const Study& study) {
    Xapian::Document doc;
    Xapian::TermGenerator terms;
    schema::set_text_stemming(terms);
    terms.set_document(doc);

    // Free text: title and abstract, each once and stemmed only, under its prefix; a query's
    // plain words search both prefixes (the query parser maps the default field to the two).
    terms.index_text(study.title, 1, std::string(prefix::title));
    terms.increase_termpos();
    terms.index_text(study.abstract_text(), 1, std::string(prefix::abstract));
    terms.increase_termpos();
    terms.index_text(study.journal, 1, std::string(prefix::journal));
    if (!study.journal_abbrev.empty()) terms.index_text(study.journal_abbrev, 1, std::string(prefix::journal));

    add_boolean(doc, prefix::unique_id, study.key());
    add_boolean(doc, prefix::doc_type, "study");
    add_boolean(doc, prefix::pmid, study.pmid);
    add_boolean(doc, prefix::doi, study.doi);
    add_boolean(doc, prefix::pmcid, ascii_lower(study.pmcid));
    for (const auto& author : study.authors)
        add_boolean(doc, prefix::author, ascii_lower(author.collective.empty() ? author.family : author.collective));
    if (study.year) add_boolean(doc, prefix::year, std::to_string(*study.year));
    add_boolean(doc, prefix::language, ascii_lower(study.language));
    for (const auto& heading : study.mesh) add_boolean(doc, prefix::mesh, ascii_lower(heading.descriptor));
    for (const auto& type : study.publication_types) add_boolean(doc, prefix::publication_type, ascii_lower(type));
    for (const auto& keyword : study.keywords) add_boolean(doc, prefix::keyword, ascii_lower(keyword));
    add_boolean(doc, prefix::source, to_string(study.source));
    add_boolean(doc, prefix::design, to_string(study.design));
    add_boolean(doc, prefix::level, std::to_string(study.level()));
    add_boolean(doc, prefix::blinding, to_string(study.blinding));
    for (const auto& condition : study.conditions) add_boolean(doc, prefix::condition, condition);
    for (const auto& population : study.population) add_boolean(doc, prefix::population, population);
    add_boolean(doc, prefix::intervention, study.intervention.substance);
    if (!study.intervention.form.empty())
        add_boolean(doc, prefix::intervention, study.intervention.substance + ":" + study.intervention.form);
    add_boolean(doc, prefix::direction, to_string(study.result_direction));
    for (const auto& flag : study.flags) add_boolean(doc, prefix::flag, flag);
    if (study.retracted) add_boolean(doc, prefix::status, "retracted");
    if (study.is_notice) add_boolean(doc, prefix::status, "notice");
    if (study.book) add_boolean(doc, prefix::status, "book");

    if (study.year) doc.add_value(slot::year, Xapian::sortable_serialise(*study.year));
    doc.add_value(slot::level, Xapian::sortable_serialise(study.level()));
    doc.add_value(slot::level_year, schema::level_year_key(study.level(), study.year));
    if (study.n) doc.add_value(slot::n, Xapian::sortable_serialise(*study.n));
    doc.add_value(slot::facets, schema::facets_value(study));

    doc.set_data(write_study_json(study, RecordForm::compact));
    return doc;
}

}  // namespace evidex
