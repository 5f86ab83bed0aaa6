// The PubMed parser against real recorded responses in ../shared/fixtures/pubmed: structural
// checks on every file, then a table of records whose expected values were read from the XML
// by hand (entities decoded by eye), never copied from the parser's output.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>
#include <zlib.h>

#include "core/pubmed_parser.h"
#include "core/text.h"
#include "support/paths.h"

namespace fs = std::filesystem;
using evidex::parse_pubmed_xml;
using evidex::Study;

namespace {

fs::path pubmed_fixtures() { return evidex::test::shared_dir() / "fixtures" / "pubmed"; }

bool has_prefix(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The whole file, gunzipped when it is a .gz.
std::string read_fixture(const fs::path& path) {
    std::string text;
    gzFile file = gzopen(path.string().c_str(), "rb");
    REQUIRE(file != nullptr);
    char chunk[65536];
    int got = 0;
    while ((got = gzread(file, chunk, sizeof chunk)) > 0) text.append(chunk, static_cast<std::size_t>(got));
    REQUIRE(got == 0);
    gzclose(file);
    return text;
}

// The PMIDs of the records a file holds, found by an XPath over a DOM instead of by the parser.
std::vector<std::string> pmids_by_xpath(const std::string& xml, const char* xpath) {
    pugi::xml_document document;
    REQUIRE(document.load_buffer(xml.data(), xml.size()));
    auto nodes = document.select_nodes(xpath);
    nodes.sort();
    std::vector<std::string> pmids;
    for (const auto& node : nodes) pmids.emplace_back(evidex::trim(node.node().text().get()));
    return pmids;
}

const char* const record_pmids = "/PubmedArticleSet/PubmedArticle/MedlineCitation/PMID | "
                                 "/PubmedArticleSet/PubmedBookArticle/BookDocument/PMID";

std::vector<std::string> pmids_of(const std::vector<Study>& studies) {
    std::vector<std::string> pmids;
    for (const auto& study : studies) pmids.push_back(study.pmid);
    return pmids;
}

struct Streamed {
    std::vector<Study> studies;
    std::vector<std::string> deleted;
    std::vector<evidex::ItemError> errors;
};

Streamed stream(const fs::path& path) {
    Streamed out;
    evidex::PubmedSink sink;
    sink.study = [&](Study&& study) { out.studies.push_back(std::move(study)); };
    sink.deleted = [&](const std::string& pmid) { out.deleted.push_back(pmid); };
    sink.error = [&](evidex::ItemError&& error) { out.errors.push_back(std::move(error)); };
    REQUIRE(evidex::read_pubmed_file(path, sink));
    return out;
}

// Every study of one fixture file, by PMID (the baseline file through the streaming reader).
const Study& study_in(const std::string& file, const std::string& pmid) {
    static std::map<std::string, std::vector<Study>> cache;
    auto found = cache.find(file);
    if (found == cache.end()) {
        const auto path = pubmed_fixtures() / file;
        auto studies = path.extension() == ".gz" ? stream(path).studies
                                                 : parse_pubmed_xml(read_fixture(path), file).studies;
        found = cache.emplace(file, std::move(studies)).first;
    }
    const auto& studies = found->second;
    const auto it = std::find_if(studies.begin(), studies.end(), [&](const Study& s) { return s.pmid == pmid; });
    REQUIRE_MESSAGE(it != studies.end(), file << " has no study " << pmid);
    return *it;
}

}  // namespace

TEST_CASE("every PubMed article file in the shared fixtures yields one titled study per PMID it holds") {
    EVIDEX_REQUIRE_SHARED();
    int files = 0;
    for (const auto& entry : fs::directory_iterator(pubmed_fixtures())) {
        const auto name = entry.path().filename().string();
        if (!has_prefix(name, "efetch_") && !has_prefix(name, "baseline_")) continue;
        CAPTURE(name);
        ++files;
        const auto xml = read_fixture(entry.path());
        const auto expected = pmids_by_xpath(xml, record_pmids);
        const auto parsed = parse_pubmed_xml(xml, name);
        CHECK(parsed.errors.empty());
        CHECK(pmids_of(parsed.studies) == expected);
        for (const auto& study : parsed.studies) {
            CAPTURE(study.pmid);
            CHECK_FALSE(study.title.empty());
            CHECK(study.source == evidex::Source::pubmed);
        }
    }
    CHECK(files >= 30);
}

TEST_CASE("the PubMed baseline sample streams every article in order and reports its seven deletions") {
    EVIDEX_REQUIRE_SHARED();
    const auto path = pubmed_fixtures() / "baseline_nlm_pubmedsample_2019.xml.gz";
    const auto xml = read_fixture(path);
    const auto streamed = stream(path);
    CHECK(streamed.errors.empty());
    const auto expected = pmids_by_xpath(xml, record_pmids);
    CHECK(expected.size() == 176);
    CHECK(pmids_of(streamed.studies) == expected);
    // Read by hand from the DeleteCitation block at the end of the file.
    const std::vector<std::string> deleted{"23203860", "23203861", "23203892", "23203893",
                                           "23203894", "23203895", "23203896"};
    CHECK(streamed.deleted == deleted);
    CHECK(pmids_by_xpath(xml, "/PubmedArticleSet/DeleteCitation/PMID") == deleted);
    CHECK(parse_pubmed_xml(xml, "baseline").deleted_pmids == deleted);
}

TEST_CASE("E-utilities bodies that are not PubMed article sets (esearch, esummary, ID converter JSON) are one error each") {
    EVIDEX_REQUIRE_SHARED();
    int files = 0;
    for (const auto& entry : fs::directory_iterator(pubmed_fixtures())) {
        const auto name = entry.path().filename().string();
        if (has_prefix(name, "efetch_") || has_prefix(name, "baseline_")) continue;
        CAPTURE(name);
        ++files;
        const bool known = has_prefix(name, "esearch_") || has_prefix(name, "esummary_") || has_prefix(name, "idconv_");
        CHECK_MESSAGE(known, "a fixture this test does not know what to expect of");
        const auto parsed = parse_pubmed_xml(read_fixture(entry.path()), name);
        CHECK(parsed.studies.empty());
        REQUIRE(parsed.errors.size() == 1);
        CHECK(parsed.errors[0].where == name);
        CHECK((has_prefix(parsed.errors[0].message, "not PubMed XML: ") ||
               has_prefix(parsed.errors[0].message, "PubMed error: ")));
    }
    CHECK(files >= 12);
    const auto error_body = parse_pubmed_xml(read_fixture(pubmed_fixtures() / "esummary_bp_esummary8_error.xml"), "x");
    CHECK(error_body.errors.at(0).message == "PubMed error: Neither query_key nor id specified");
}

TEST_CASE("hand-checked PubMed records read as a person reads the XML") {
    EVIDEX_REQUIRE_SHARED();
    using V = std::vector<std::string>;
    struct Record {
        const char* file;
        const char* pmid;
        const char* title;
        std::optional<int> year;
        const char* doi;
        const char* pmcid;
        V publication_types;
        V first_mesh;              // the first two descriptors, or none
        const char* first_author;  // Author::display(), empty when there is no author
        const char* collective;    // the first CollectiveName among the authors, or empty
        V labels;                  // abstract section labels in order; "" for an unlabelled section
        const char* flags;         // "book", "retracted", "notice" or empty
    };
    const char* const base = "baseline_nlm_pubmedsample_2019.xml.gz";
    const Record records[] = {
        // Book chapter: chapter authors over the book's editors; labels without NlmCategory.
        {"efetch_agr_20301347_bookarticle_genereviews.xml", "20301347", "Congenital Myasthenic Syndromes", 1993, "", "",
         {"Review"}, {}, "Abicht A", "",
         {"CLINICAL CHARACTERISTICS", "DIAGNOSIS/TESTING", "MANAGEMENT", "GENETIC COUNSELING"}, "book"},
        // Book without ArticleTitle: the BookTitle is the title; raw UTF-8 apostrophes; no authors.
        {"efetch_agr_33054145_bookarticle_doi.xml", "33054145",
         "FAQ: If the Yeast Ain\u2019t Happy, Ain\u2019t Nobody Happy: The Microbiology of Beer", 2012,
         "10.1128/aamcol.2-2012", "", {"Review"}, {}, "", "", {""}, "book"},
        // Whole book by six collective authors, the first name broken over two lines.
        {"efetch_hawc_26468569_whole_book_collective.xml", "26468569",
         "Application of Modern Toxicology Approaches for Predicting Acute Toxicity for Chemical Defense", 2015,
         "10.17226/21775", "", {"Review"}, {},
         "Committee on Predictive-Toxicology Approaches for Military Assessments of Acute Exposures",
         "Committee on Predictive-Toxicology Approaches for Military Assessments of Acute Exposures", {""}, "book"},
        // Book chapter whose BookDocument holds a ReferenceList of cited PMC ids; <i> in the title.
        {"efetch_mp_20301577_bookarticle_2025.xml", "20301577", "CACNA1C-Related Disorders", 1993, "", "", {"Review"},
         {}, "Napolitano C", "",
         {"CLINICAL CHARACTERISTICS", "DIAGNOSIS/TESTING", "MANAGEMENT", "GENETIC COUNSELING"}, "book"},
        // CollectiveName with a long run of spaces inside; pmc id; ReferenceList.
        {"efetch_agr_27899353_collectivename_whitespace.xml", "27899353",
         "ANOS1: a unified nomenclature for Kallmann syndrome 1 gene (KAL1) and anosmin-1.", 2017,
         "10.1093/bfgp/elw037", "PMC5860151", {"Journal Article"}, {"Animals", "Extracellular Matrix Proteins"},
         "de Castro F", "Group of HGNC consultants for KAL1 nomenclature", {""}, ""},
        // NlmCategory="UNASSIGNED" labels; a collective author after eight personal ones.
        {"efetch_mp_38534005_collective_only_unassigned_labels.xml", "38534005",
         "The EFLM European Urinalysis Guideline 2023.", 2024, "10.1515/cclm-2024-0070", "", {"Journal Article"},
         {"Humans", "Urinalysis"}, "Kouri TT",
         "Task and Finish Group for Urinalysis (TFG-U), European Federation of Clinical Chemistry and Laboratory "
         "Medicine (EFLM)",
         {"BACKGROUND", "RECOMMENDATIONS", "MEDICAL NEEDS AND TEST REQUISITION", "SPECIMEN COLLECTION", "CHEMISTRY",
          "PARTICLES", "BACTERIOLOGY"}, ""},
        // Randomized controlled trial with a study group among the authors; Label + NlmCategory.
        {"efetch_mp_23435529_rct_collective.xml", "23435529",
         "Randomized phase III trial of docetaxel versus vinorelbine, both combined with cisplatin, as first-line "
         "therapy for advanced non-small-cell lung cancer: the TAX 325 study group.", 2013,
         "10.1200/jco.2012.44.6112", "", {"Journal Article", "Randomized Controlled Trial", "Research Support, Non-U.S. Gov't"},
         {"Adult", "Aged"}, "Fossella F", "TAX 325 Study Group",
         {"PURPOSE", "PATIENTS AND METHODS", "RESULTS", "CONCLUSION"}, ""},
        // RCT; labels without NlmCategory; <sub> in the title.
        {"efetch_mp_28731372_rct_structured_pmc.xml", "28731372",
         "Exploring the effect of vitamin D3 supplementation on the anti-EBV antibody response in "
         "relapsing-remitting multiple sclerosis.", 2018, "10.1177/1352458517722646", "PMC6108041",
         {"Journal Article", "Randomized Controlled Trial", "Research Support, Non-U.S. Gov't"},
         {"Adult", "Antibodies, Viral"}, "Rolf L", "", {"BACKGROUND", "OBJECTIVES", "METHODS", "RESULTS", "CONCLUSION"}, ""},
        // Meta-analysis + review; Year with Season "Apr-Jun"; Label CONCLUSION, NlmCategory CONCLUSIONS.
        {"efetch_mp_35830032_metaanalysis_review_season_range.xml", "35830032",
         "SAFETY OF LONG-TERM PROTON PUMP INHIBITORS: FACTS AND MYTHS.", 2022, "10.1590/s0004-2803.202202000-40", "",
         {"Journal Article", "Meta-Analysis", "Review"}, {"Aged", "Dementia"}, "Chinzon D", "",
         {"BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"}, ""},
        // Meta-analysis listed first; ReferenceList full of cited pubmed/pmc ids; pii ELocationID first.
        {"efetch_mp_37729413_metaanalysis_referencelist.xml", "37729413",
         "Association between frailty and depression: A bidirectional Mendelian randomization study.", 2023,
         "10.1126/sciadv.adi3902", "PMC10511184", {"Meta-Analysis", "Journal Article"}, {"Humans", "Depression"},
         "Deng MG", "", {""}, ""},
        // Case report of 1979; the DOI only in PubmedData/ArticleIdList.
        {"efetch_mp_219391_case_report_1979.xml", "219391",
         "The fine structure of blood cells in ceroid-lipofuscinosis (Spielmeyer-Vogt's disease).", 1979,
         "10.1055/s-0028-1085314", "", {"Case Reports", "Journal Article"}, {"Adolescent", "Adult"}, "Nakano T", "",
         {""}, ""},
        // Case report + letter with no Abstract element.
        {"efetch_mp_38762411_case_report_letter_noabstract.xml", "38762411",
         "Giant intrathoracic schwannoma: A case report.", 2024, "10.1016/j.asjsur.2024.05.017", "",
         {"Case Reports", "Letter"}, {"Humans", "Neurilemmoma"}, "Liu H", "", {}, ""},
        // Editorial without abstract; Year with Season "Jan-Mar".
        {"efetch_mp_32294727_editorial_noabstract_season.xml", "32294727",
         "LIVER TRANSPLANTATION IN BRAZIL: THE URGENT NEED OF A NEW ALLOCATION SYSTEM FOR THE EXCEPTIONS IN MELD "
         "SCORE.", 2020, "10.1590/s0004-2803.202000000-01", "", {"Editorial"}, {"Brazil", "End Stage Liver Disease"},
         "Andraus W", "", {}, ""},
        // A genuine season ("Spring"); review; no abstract, no DOI.
        {"efetch_bp_pubmed1_season_review_kie.xml", "12091962",
         "The treatment of AIDS behind the walls of correctional facilities.", 1990, "", "",
         {"Journal Article", "Review"}, {"AIDS Serodiagnosis", "Acquired Immunodeficiency Syndrome"}, "Olivero JM",
         "", {}, ""},
        // Numeric character references in the author's names; labels with NlmCategory.
        {"efetch_hawc_utf8_two_records_charrefs.xml", "16080930",
         "Effects of prenatal vitamins A, E, and C on the hypoplastic hearts of fetal rats with diaphragmatic hernia.",
         2005, "10.1016/j.jpedsurg.2005.05.009", "", {"Journal Article", "Research Support, Non-U.S. Gov't"},
         {"Animals", "Apoptosis"}, "Gonz\u00e1lez-Reyes S", "",
         {"BACKGROUND/AIM", "MATERIAL AND METHODS", "RESULTS", "CONCLUSIONS"}, ""},
        // Title markup: <i> and <sub>.
        {"efetch_hawc_27933116_title_markup.xml", "27933116",
         "Phoenix dactylifera mediated green synthesis of Cu2O particles for arsenite uptake from water.", 2016,
         "10.1080/14686996.2016.1244472", "PMC5127256", {"Journal Article"}, {}, "Amrani MA", "", {""}, ""},
        // Inline markup around a character reference: (<i>&#x3bc;</i>-XRF).
        {"efetch_mp_37167981_title_markup_charref.xml", "37167981",
         "Monte Carlo simulation of micro-x-ray fluorescence (\u03bc-XRF) based detection of immunomagnetically "
         "labeled tumor cells.", 2023, "10.1088/1361-6560/acd48e", "", {"Journal Article"}, {"Humans", "X-Rays"},
         "Zambianchi P", "", {""}, ""},
        // Retracted Publication with a RetractionIn link.
        {"efetch_agr_21976771_retracted_retractionin.xml", "21976771",
         "The roles of the cation transporters CHX21 and CHX23 in the development of Arabidopsis thaliana.", 2012,
         "10.1093/jxb/err271", "PMC3245465", {"Journal Article", "Retracted Publication"}, {"Alleles", "Antiporters"},
         "Evans AR", "", {""}, "retracted"},
        // 2018 DTD, Label + NlmCategory, no MeSH yet (In-Data-Review).
        {"efetch_bp_pubmed5_structured_nlmcategory_2018.xml", "28775130",
         "Occupational pesticide exposure and subclinical hypothyroidism among male pesticide applicators.", 2018,
         "10.1136/oemed-2017-104431", "PMC5771820", {"Journal Article"}, {}, "Lerro CC", "",
         {"OBJECTIVES", "METHODS", "RESULTS", "CONCLUSIONS"}, ""},
        // Empty <ArticleTitle/>: the VernacularTitle, raw UTF-8 (the missing space is in the record).
        {"efetch_agr_28304499_vernaculartitle_utf8.xml", "28304499",
         "Embryonale Entwicklungsst\u00f6rungen bei Defizienz und Tetraploidie des 2. Chromosoms vonDrosophila "
         "melanogaster.", 1967, "10.1007/bf00573799", "", {"Journal Article"}, {}, "Scriba ME", "", {}, ""},
        // Published Erratum (ErratumFor): a notice, not a study; one-digit PMID.
        {"efetch_agr_8_erratumfor_published_erratum.xml", "8",
         "Comparison between procaine and isocarboxazid metabolism in vitro by a liver microsomal amidase-esterase.",
         1975, "10.1016/0006-2952(75)90029-5", "", {"Comparative Study", "Journal Article", "Published Erratum"},
         {"Amidohydrolases", "Animals"}, "Moroi K", "", {}, "notice"},
        // MedlineDate "1998 Dec-1999 Jan".
        {base, "10188493", "Women's health osteopathy: an alternative view.", 1998, "", "", {"Journal Article"},
         {"Female", "Humans"}, "Hyne J", "", {}, ""},
        // MedlineDate "1944-1945".
        {base, "21007460", "Social psychiatry in the post-war world.", 1944, "", "", {"Journal Article"},
         {"Community Psychiatry", "Humans"}, "REES JR", "", {}, ""},
        // MedlineDate "2018 May - Jun"; case report; pii ELocationID before the doi one.
        {base, "29635139",
         "Bilateral absence of the cruciate ligaments with meniscal dysplasia: Unexpected diagnosis in a child with "
         "juvenile idiopathic arthritis.", 2018, "10.1016/j.clinimag.2018.03.015", "", {"Case Reports", "Journal Article"},
         {"Anterior Cruciate Ligament", "Arthritis, Juvenile"}, "Degnan AJ", "", {""}, ""},
        // Retraction notice: "Retraction of Publication" + RetractionOf.
        {base, "9634358",
         "Retraction: A rabbit model for human cytomeglovirus--induced chorioretinal disease (J Infect Dis "
         "1993;168:336-44).", 1998, "", "", {"Retraction of Publication"}, {}, "Dunkel EC", "", {}, "notice"},
        // Retracted; bracketed English title wins over the (non-empty) VernacularTitle.
        {base, "8655018", "[Effect of fetal and neonatal growth on the occurrence of some diseases in adults].", 1996,
         "", "", {"English Abstract", "Journal Article", "Retracted Publication", "Review"},
         {"Adult", "Cardiovascular Diseases"}, "Jendryczko A", "", {""}, "retracted"},
        // Meta-analysis with a structured abstract, in a pretty-printed baseline file.
        {base, "9110943", "Conservative management of mechanical neck disorders. A systematic overview and meta-analysis.",
         1996, "", "", {"Journal Article", "Meta-Analysis", "Research Support, Non-U.S. Gov't"},
         {"Acupuncture Therapy", "Adult"}, "Gross AR", "", {"OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"}, ""},
    };
    for (const auto& record : records) {
        CAPTURE(record.file);
        CAPTURE(record.pmid);
        const auto& study = study_in(record.file, record.pmid);
        CHECK(study.title == record.title);
        CHECK(study.year == record.year);
        CHECK(study.doi == record.doi);
        CHECK(study.pmcid == record.pmcid);
        CHECK(study.publication_types == record.publication_types);
        V mesh;
        for (std::size_t i = 0; i < std::min<std::size_t>(2, study.mesh.size()); ++i) mesh.push_back(study.mesh[i].descriptor);
        CHECK(mesh == record.first_mesh);
        CHECK((study.authors.empty() ? std::string() : study.authors.front().display()) == record.first_author);
        const auto group = std::find_if(study.authors.begin(), study.authors.end(),
                                        [](const evidex::Author& a) { return !a.collective.empty(); });
        CHECK((group == study.authors.end() ? std::string() : group->collective) == record.collective);
        V labels;
        for (const auto& section : study.abstract) labels.push_back(section.label);
        CHECK(labels == record.labels);
        const std::string flags = record.flags;
        CHECK(study.book == (flags == "book"));
        CHECK(study.retracted == (flags == "retracted"));
        CHECK(study.is_notice == (flags == "notice"));
    }
}

TEST_CASE("hand-checked PubMed details: book titles as journal, ORCIDs in URL and bare form, notices") {
    EVIDEX_REQUIRE_SHARED();
    CHECK(study_in("efetch_hawc_20301382_book_chapter.xml", "20301382").journal == "GeneReviews\u00ae");
    CHECK(study_in("efetch_hawc_20301382_book_chapter.xml", "20301382").authors.front().display() == "Goldstein A");
    const auto& whole_book = study_in("efetch_hawc_26468569_whole_book_collective.xml", "26468569");
    CHECK(whole_book.journal == whole_book.title);
    CHECK(whole_book.authors.size() == 6);

    const auto& url_form = study_in("efetch_agr_30979869_collective_orcid.xml", "30979869");
    const auto author = std::find_if(url_form.authors.begin(), url_form.authors.end(),
                                     [](const evidex::Author& a) { return a.family == "Cacciottolo"; });
    REQUIRE(author != url_form.authors.end());
    CHECK(author->orcid == "0000-0002-6646-5498");  // written http://orcid.org/0000-0002-6646-5498
    CHECK(study_in("efetch_agr_30003105_orcid_bare.xml", "30003105").authors.front().orcid == "0000-0002-1756-0560");

    const auto& retracted = study_in("efetch_agr_21976771_retracted_retractionin.xml", "21976771");
    const auto link = std::find_if(retracted.notices.begin(), retracted.notices.end(),
                                   [](const evidex::RelatedNotice& n) { return n.kind == "RetractionIn"; });
    REQUIRE(link != retracted.notices.end());
    CHECK(link->pmid == "33428752");
    CHECK(link->note == "J Exp Bot. 2021 Feb 2;72(2):775");
}
