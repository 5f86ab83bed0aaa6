// Every recorded Crossref / doi.org body in ../shared/fixtures/crossref through the parsers, and a
// hand-checked sample of records. Counts are taken by another route (nlohmann directly, or
// counting '@' lines) so that the parser is not checked against itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/crossref_parser.h"
#include "core/text.h"
#include "support/paths.h"

namespace fs = std::filesystem;
using evidex::parse_bibtex;
using evidex::parse_crossref_json;
using evidex::parse_csl_json;

namespace {

fs::path crossref_fixtures() { return evidex::test::shared_dir() / "fixtures" / "crossref"; }

std::string slurp(const fs::path& path) {
    std::string text;
    REQUIRE_MESSAGE(evidex::read_file(path.string(), text), path.string());
    return text;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// The fixtures whose file name starts with one of `prefixes`, sorted.
std::vector<fs::path> fixtures(std::initializer_list<std::string_view> prefixes) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(crossref_fixtures())) {
        const std::string name = entry.path().filename().string();
        if (std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return starts_with(name, p); }))
            found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

// Works in a Crossref body: 1 for "work", the length of message.items for "work-list".
std::size_t count_crossref_works(const std::string& body) {
    const auto doc = nlohmann::json::parse(body);
    if (doc.at("message-type") == "work") return 1;
    return doc.at("message").at("items").size();
}

// Items in a CSL-JSON body: an array, one item, or arrays keyed by DOI.
std::size_t count_csl_items(const std::string& body) {
    const auto doc = nlohmann::json::parse(body);
    if (doc.is_array()) return doc.size();
    if (doc.contains("title")) return 1;
    std::size_t n = 0;
    for (const auto& member : doc.items()) n += member.value().size();
    return n;
}

// BibTeX entries: lines whose first non-blank character is '@'.
std::size_t count_bibtex_entries(const std::string& text) {
    std::size_t n = 0;
    for (const auto line : evidex::split(text, '\n'))
        if (const auto t = evidex::trim(line); !t.empty() && t.front() == '@') ++n;
    return n;
}

void check_studies_are_whole(const evidex::ParsedRecords& parsed) {
    for (const auto& study : parsed.studies) {
        CAPTURE(study.doi);
        CHECK_FALSE(study.title.empty());
        CHECK(study.title == evidex::collapse_whitespace(study.title));
        CHECK(study.title.find('<') == std::string::npos);  // no markup left behind
    }
}

}  // namespace

TEST_CASE("every Crossref fixture falls under one of the conformance rules") {
    EVIDEX_REQUIRE_SHARED();
    const std::vector<std::string_view> known{"work_",     "works_",     "journal_works_",   "error_",
                                              "agency_",   "cn_csl_json_", "doiorg_csl_json_", "cn_bibtex_",
                                              "cn_doiorg_", "cn_text_bibliography_"};
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(crossref_fixtures())) {
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        ++files;
        CHECK(std::any_of(known.begin(), known.end(), [&](std::string_view p) { return starts_with(name, p); }));
    }
    CHECK(files > 0);
}

TEST_CASE("parse_crossref_json reads every recorded work and work-list into one study per item") {
    EVIDEX_REQUIRE_SHARED();
    const auto files = fixtures({"work_", "works_", "journal_works_"});
    CHECK(files.size() >= 20);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        const std::string body = slurp(path);
        const auto parsed = parse_crossref_json(body, path.filename().string());
        CHECK(parsed.errors.empty());
        for (const auto& error : parsed.errors) MESSAGE(error.to_string());
        CHECK(parsed.studies.size() == count_crossref_works(body));
        check_studies_are_whole(parsed);
        for (const auto& study : parsed.studies) {
            CHECK_FALSE(study.doi.empty());
            CHECK(study.source == evidex::Source::crossref);
            CHECK(study.pmid.empty());  // Crossref has no PMIDs
        }
    }
}

TEST_CASE("parse_crossref_json reports every recorded error body as exactly one error") {
    EVIDEX_REQUIRE_SHARED();
    const auto files = fixtures({"error_"});
    CHECK(files.size() == 4);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        const auto parsed = parse_crossref_json(slurp(path), path.filename().string());
        CHECK(parsed.studies.empty());
        REQUIRE(parsed.errors.size() == 1);
        CHECK(parsed.errors[0].where == path.filename().string());
        CHECK_FALSE(parsed.errors[0].message.empty());
    }
}

TEST_CASE("parse_crossref_json refuses registration-agency bodies as not works") {
    EVIDEX_REQUIRE_SHARED();
    const auto files = fixtures({"agency_"});
    CHECK(files.size() == 3);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        const auto parsed = parse_crossref_json(slurp(path), path.filename().string());
        CHECK(parsed.studies.empty());
        REQUIRE(parsed.errors.size() == 1);
        CHECK(parsed.errors[0].message == "not a Crossref work: message-type work-agency");
    }
}

TEST_CASE("parse_csl_json reads every recorded CSL-JSON body") {
    EVIDEX_REQUIRE_SHARED();
    const auto files = fixtures({"cn_csl_json_", "doiorg_csl_json_"});
    CHECK(files.size() == 2);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        const std::string body = slurp(path);
        const auto parsed = parse_csl_json(body, path.filename().string());
        CHECK(parsed.errors.empty());
        CHECK(parsed.studies.size() == count_csl_items(body));
        check_studies_are_whole(parsed);
    }
}

TEST_CASE("parse_bibtex reads every recorded BibTeX body") {
    EVIDEX_REQUIRE_SHARED();
    const auto files = fixtures({"cn_bibtex_"});
    CHECK(files.size() == 2);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        const std::string text = slurp(path);
        const auto parsed = parse_bibtex(text, path.filename().string());
        CHECK(parsed.errors.empty());
        CHECK(parsed.studies.size() == count_bibtex_entries(text));
        check_studies_are_whole(parsed);
    }
}

TEST_CASE("parse_crossref_json and parse_bibtex refuse doi.org HTML pages and formatted citations") {
    EVIDEX_REQUIRE_SHARED();
    const auto files = fixtures({"cn_doiorg_", "cn_text_bibliography_"});
    CHECK(files.size() == 5);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        const std::string body = slurp(path);
        const auto as_json = parse_crossref_json(body, path.filename().string());
        CHECK(as_json.studies.empty());
        CHECK(as_json.errors.size() == 1);
        const auto as_bibtex = parse_bibtex(body, path.filename().string());
        CHECK(as_bibtex.studies.empty());
        CHECK(as_bibtex.errors.size() == 1);
    }
}

TEST_CASE("Crossref, CSL-JSON and BibTeX records read as they read by hand in the recorded files") {
    EVIDEX_REQUIRE_SHARED();
    enum class Format { crossref, csl, bibtex };
    struct Row {
        const char* file;
        Format format;
        const char* doi;  // also picks the record out of a list
        const char* title;
        std::optional<int> year;
        const char* first_author;  // Author::display()
        std::vector<std::string> types;
        const char* journal;
        std::vector<std::string> abstract_labels;  // one per section; "" for an unlabelled one
    };
    const Row rows[] = {
        // JATS abstract opening with <jats:title>Abstract</jats:title>: no label; print year
        // 1997 wins over the 2005 online date.
        {"work_10.1002_jor.1100150407.json", Format::crossref, "10.1002/jor.1100150407",
         "Growth hormone secretagogue increases muscle strength during remobilization after canine hindlimb "
         "immobilization",
         1997, "Lieber Richard L.", {"journal-article"}, "Journal of Orthopaedic Research", {""}},
        // updated-by a Correction (not a retraction); no abstract; online date only.
        {"work_10.1371_journal.pone.0033693.json", Format::crossref, "10.1371/journal.pone.0033693",
         "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia "
         "of Mice",
         2012, "Sadasivan Shankar", {"journal-article"}, "PLoS ONE", {}},
        // \u2019 escape in the title; published-online only.
        {"work_10.1038_srep16696.json", Format::crossref, "10.1038/srep16696",
         "Single-molecule FRET studies on alpha-synuclein oligomerization of Parkinson\u2019s disease genetically "
         "related mutants",
         2015, "Tosatto Laura", {"journal-article"}, "Scientific Reports", {""}},
        // created 2010 but printed 2012; an apostrophe in the title.
        {"work_10.1016_j.neurobiolaging.2010.03.024.json", Format::crossref, "10.1016/j.neurobiolaging.2010.03.024",
         "Human umbilical cord blood-derived mesenchymal stem cells improve neuropathology and cognitive "
         "impairment in an Alzheimer's disease mouse model through modulation of neuroinflammation",
         2012, "Lee Hyun Ju", {"journal-article"}, "Neurobiology of Aging", {}},
        // <i> markup with line breaks in the title; five labelled JATS sections; print 2021 over online 2020.
        {"work_10.1136_jclinpath-2020-206745.json", Format::crossref, "10.1136/jclinpath-2020-206745",
         "Construction of a reference material panel for detecting KRAS / NRAS / EGFR / BRAF / MET mutations in "
         "plasma ctDNA",
         2021, "Xu Jun", {"journal-article"}, "Journal of Clinical Pathology",
         {"Background", "Objective", "Methods", "Results", "Conclusion"}},
        // A correction notice in a list: update-to, organisation author.
        {"journal_works_cursor_with_update_to_corrections.json", Format::crossref, "10.1371/journal.pone.0203153",
         "Correction: Pollination in a new climate: Assessing the potential influence of flower temperature "
         "variation on insect pollinator behaviour",
         2018, "The PLOS ONE Staff", {"journal-article"}, "PLOS ONE", {}},
        // citation-js: author suffix "Jr."; <sup>1</sup> in the title string.
        {"doiorg_csl_json_citationjs_4dois.json", Format::csl, "10.1021/ja01577a030",
         "Correlation of the Base Strengths of Amines1", 1957, "Hall H. K. Jr.", {"journal-article"},
         "Journal of the American Chemical Society", {}},
        // citation-js: medRxiv preprint, container-title [], JATS abstract with an "Abstract" heading.
        {"doiorg_csl_json_citationjs_4dois.json", Format::csl, "10.1101/2021.08.15.21262067",
         "Significant reduction in humoral immunity among healthcare workers and nursing home residents 6 months "
         "after COVID-19 BNT162b2 mRNA vaccination",
         2021, "Canaday David H.", {"posted-content", "preprint"}, "", {""}},
        // citation-js: DataCite/Zenodo, upper-case DOI, CSL type "article", plain-text abstract.
        {"doiorg_csl_json_citationjs_4dois.json", Format::csl, "10.5281/zenodo.8242099", "Shield bugs (nymphs)",
         2023, "Willighagen Lars", {"article"}, "", {""}},
        // citation-js: Front Matter blog post, posted-content subtype "other", <p> abstract without prefix.
        {"doiorg_csl_json_citationjs_4dois.json", Format::csl, "10.59350/hhtcn-zah03",
         "The Bioclipse Workshop is in progress", 2006, "Willighagen Egon", {"posted-content"}, "", {""}},
        // Crossref's CSL-JSON: string title (subtitle apart), Crossref type name.
        {"cn_csl_json_10.1126_science.169.3946.635.json", Format::csl, "10.1126/science.169.3946.635",
         "The Structure of Ordinary Water", 1970, "Frank Henry S.", {"journal-article"}, "Science", {""}},
        // The same work as BibTeX: the title carries the subtitle; one line with a leading space.
        {"cn_bibtex_10.1126_science.169.3946.635.bib", Format::bibtex, "10.1126/science.169.3946.635",
         "The Structure of Ordinary Water: New data and interpretations are yielding new insights into this "
         "fascinating substance.",
         1970, "Frank Henry S.", {"journal-article"}, "Science", {}},
        // SICI DOI with ( ) [ ] ; and a title braced word by word.
        {"cn_bibtex_sici_doi_10.1890.bib", Format::bibtex, "10.1890/0012-9615(1999)069[0569:edilsa]2.0.co;2",
         "EVOLUTIONARY DIVERGENCES IN LEAF STRUCTURE AND CHEMISTRY, COMPARING RAINFALL AND SOIL NUTRIENT GRADIENTS",
         1999, "Cunningham Saul A.", {"journal-article"}, "Ecological Monographs", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.file);
        CAPTURE(row.doi);
        const std::string body = slurp(crossref_fixtures() / row.file);
        const auto parsed = row.format == Format::crossref ? parse_crossref_json(body, row.file)
                            : row.format == Format::csl    ? parse_csl_json(body, row.file)
                                                           : parse_bibtex(body, row.file);
        CHECK(parsed.errors.empty());
        const auto found = std::find_if(parsed.studies.begin(), parsed.studies.end(),
                                        [&](const evidex::Study& s) { return s.doi == row.doi; });
        REQUIRE(found != parsed.studies.end());
        const evidex::Study& study = *found;
        CHECK(study.title == row.title);
        CHECK(study.year == row.year);
        REQUIRE_FALSE(study.authors.empty());
        CHECK(study.authors.front().display() == row.first_author);
        CHECK(study.publication_types == row.types);
        CHECK(study.journal == row.journal);
        std::vector<std::string> labels;
        for (const auto& section : study.abstract) labels.push_back(section.label);
        CHECK(labels == row.abstract_labels);
    }
}

TEST_CASE("parse_crossref_json marks the recorded correction notices and the corrected work") {
    EVIDEX_REQUIRE_SHARED();
    // PLOS ONE 10.1371/journal.pone.0033693 is updated by one correction, published as an annotation.
    const auto corrected = parse_crossref_json(slurp(crossref_fixtures() / "work_10.1371_journal.pone.0033693.json"), "w");
    REQUIRE(corrected.studies.size() == 1);
    const auto& work = corrected.studies[0];
    CHECK_FALSE(work.is_notice);
    CHECK_FALSE(work.retracted);
    REQUIRE(work.notices.size() == 1);
    CHECK(work.notices[0].kind == "correction");
    CHECK(work.notices[0].doi == "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda");

    // The PLOS ONE journal page lists 8 correction notices, each with "update-to" one work.
    const auto listed = parse_crossref_json(
        slurp(crossref_fixtures() / "journal_works_cursor_with_update_to_corrections.json"), "list");
    const auto notices = std::count_if(listed.studies.begin(), listed.studies.end(),
                                       [](const evidex::Study& s) { return s.is_notice; });
    CHECK(notices == 8);
    const auto notice = std::find_if(listed.studies.begin(), listed.studies.end(), [](const evidex::Study& s) {
        return s.doi == "10.1371/journal.pone.0203153";
    });
    REQUIRE(notice != listed.studies.end());
    CHECK(notice->is_notice);
    REQUIRE(notice->notices.size() == 1);
    CHECK(notice->notices[0].kind == "correction");
    CHECK(notice->notices[0].doi == "10.1371/journal.pone.0200549");
    REQUIRE(notice->authors.size() == 1);
    CHECK(notice->authors[0].collective == "The PLOS ONE Staff");
}

TEST_CASE("parse_crossref_json and parse_bibtex report truncated recorded bodies and never half-read them") {
    EVIDEX_REQUIRE_SHARED();
    for (const auto& path : fixtures({"work_", "works_query_ecology"})) {
        CAPTURE(path.filename().string());
        const std::string body = slurp(path);
        for (std::size_t cut = 1; cut < body.size(); cut += body.size() / 7 + 1) {
            CAPTURE(cut);
            const auto parsed = parse_crossref_json(std::string_view(body).substr(0, cut), "cut.json");
            CHECK(parsed.studies.empty());
            REQUIRE(parsed.errors.size() == 1);
            CHECK(parsed.errors[0].message.rfind("malformed JSON at byte ", 0) == 0);
        }
    }
    for (const auto& path : fixtures({"cn_bibtex_"})) {
        CAPTURE(path.filename().string());
        const std::string text = slurp(path);
        for (std::size_t cut = 0; cut + 1 < text.size(); ++cut) {
            CAPTURE(cut);
            // Every cut loses the closing brace: the entry is reported, never returned half-read.
            const auto parsed = parse_bibtex(std::string_view(text).substr(0, cut), "cut.bib");
            CHECK(parsed.studies.empty());
            CHECK(parsed.errors.size() == 1);
        }
    }
}
