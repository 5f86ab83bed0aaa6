#include <cctype>
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/index_schema.h"
#include "core/study_document.h"
#include "core/study_json.h"

namespace {

std::set<std::string> boolean_terms(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        // Free-text terms have positions or wdf > 0; boolean terms have wdf 0.
        if (it.get_wdf() == 0) out.insert(term);
    }
    return out;
}

evidex::Study sample_study() {
    evidex::Study s;
    s.pmid = "9703590";
    s.doi = "10.1000/example";
    s.title = "Magnesium therapy for periodic leg movements";
    s.abstract = {{"", "", "Ten patients took magnesium for four to six weeks."}};
    s.authors = {{"Hornyak", "Magdolna", "M", "", "", ""}};
    s.journal = "Sleep";
    s.year = 1998;
    s.publication_types = {"Clinical Trial", "Journal Article"};
    s.mesh = {{"Restless Legs Syndrome", "D012148", true, {}}};
    s.language = "eng";
    s.design = evidex::Design::uncontrolled_trial;
    s.n = 10;
    s.conditions = {"restless-legs-syndrome"};
    return s;
}

}  // namespace

TEST_CASE("build_study_document writes the boolean terms INDEX.md lists for a study") {
    const auto doc = evidex::build_study_document(sample_study());
    const std::set<std::string> expected{
        "Qpmid:9703590",
        "XTYPEstudy",
        "XPMID9703590",
        "XDOI10.1000/example",
        "Ahornyak",
        "Y1998",
        "Leng",
        "XMrestless legs syndrome",
        "XPTclinical trial",
        "XPTjournal article",
        "XSRCpubmed",
        "XDESIGNuncontrolled-trial",
        "XLEVEL4",
        "XBLINDunknown",
        "XCrestless-legs-syndrome",
        "XDIRunclear",
    };
    CHECK(boolean_terms(doc) == expected);
}

TEST_CASE("build_study_document indexes title words under S and abstract words under XA, each once and stemmed") {
    const auto doc = evidex::build_study_document(sample_study());
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
    CHECK(terms.count("Smagnesium"));
    CHECK(terms.count("XApatient"));   // "patients", stemmed
    CHECK(terms.count("XJsleep"));
    CHECK(terms.count("Smovement"));
    // Only the stem: neither the word as written nor a Z-prefixed copy.
    CHECK_FALSE(terms.count("XApatients"));
    for (const auto& term : terms) CHECK_MESSAGE(term[0] != 'Z', term);
    // No unprefixed copy of the text: plain query words search S and XA.
    for (const auto& term : terms) CHECK_MESSAGE(std::isupper(static_cast<unsigned char>(term[0])), term);
    CHECK_FALSE(terms.count("magnesium"));
    // The terms a title search builds are the ones the indexer made.
    CHECK(terms.count(evidex::schema::text_term(evidex::schema::prefix::title, "Movements")));
    CHECK(terms.count(evidex::schema::text_term(evidex::schema::prefix::abstract, "PATIENTS")));
}

TEST_CASE("build_study_document stores sortable values and the record as JSON") {
    const auto study = sample_study();
    const auto doc = evidex::build_study_document(study);
    namespace slot = evidex::schema::slot;
    CHECK(Xapian::sortable_unserialise(doc.get_value(slot::year)) == 1998);
    CHECK(Xapian::sortable_unserialise(doc.get_value(slot::level)) == 4);
    CHECK(Xapian::sortable_unserialise(doc.get_value(slot::n)) == 10);
    CHECK(doc.get_value(slot::facets).starts_with("uncontrolled-trial|4|1998|"));
    const auto stored = evidex::study_from_json(nlohmann::json::parse(doc.get_data()));
    CHECK(stored.title == study.title);
    CHECK(stored.n == 10);
    // The compact form: what show prints, less the null, false and empty values.
    CHECK(doc.get_data() == evidex::write_study_json(study, evidex::RecordForm::compact));
    CHECK(doc.get_data().find("null") == std::string::npos);
}

TEST_CASE("a study without n or year leaves those value slots empty") {
    evidex::Study s;
    s.doi = "10.1000/bare";
    s.title = "Bare";
    const auto doc = evidex::build_study_document(s);
    CHECK(doc.get_value(evidex::schema::slot::n).empty());
    CHECK(doc.get_value(evidex::schema::slot::year).empty());
    CHECK(boolean_terms(doc).count("Qdoi:10.1000/bare"));
}
