// Conformance of the study classifier on the bundled corpus: every record in corpus/pubmed and
// corpus/crossref, parsed on its own (so the Crossref twins of PubMed records are classified from
// title and abstract alone), against the design and n of ../shared/reference-facts.tsv, which
// people read from the papers. Placebo, pilot, crossover and the studies a review pooled are not
// in that file; the few below were read by hand from the corpus records.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/crossref_parser.h"
#include "core/design_rules.h"
#include "core/ids.h"
#include "core/pubmed_parser.h"
#include "core/result_direction.h"
#include "core/sample_size.h"
#include "core/study_flags.h"
#include "core/text.h"
#include "core/tsv.h"
#include "support/paths.h"

namespace fs = std::filesystem;

namespace {

struct Expected {
    evidex::Design design = evidex::Design::other;
    std::optional<evidex::Blinding> blinding;  // only where the reference states it
    bool pilot = false;
    std::optional<int> n;
};

// The reference file's design column: DESIGN.md ids, or an id with its blinding.
Expected expected_from(const evidex::TsvTable& table, const evidex::TsvRow& row) {
    using evidex::Blinding;
    using evidex::Design;
    Expected e;
    const std::string& design = row.at("design");
    if (design == "rct-double-blind") e.design = Design::rct, e.blinding = Blinding::double_blind;
    else if (design == "rct-single-blind") e.design = Design::rct, e.blinding = Blinding::single_blind;
    else if (design == "rct-open") e.design = Design::rct, e.blinding = Blinding::open;
    else if (design == "open-label-uncontrolled/pilot")
        e.design = Design::uncontrolled_trial, e.blinding = Blinding::open, e.pilot = true;
    else if (design == "non-randomized-controlled") e.design = Design::non_randomized_trial;
    else if (design == "guideline/fact-sheet") e.design = Design::guideline;
    else if (const auto parsed = evidex::parse_design(design)) e.design = *parsed;
    else table.fail(row.line, "unknown design '" + design + "'");
    if (!row.at("n").empty()) e.n = std::stoi(row.at("n"));
    return e;
}

// Read by hand from the corpus records: placebo-controlled trials, the one crossover, and the
// number of trials the blood-pressure meta-analysis pooled.
const std::set<std::string> placebo_controlled = {"pmid:12663588", "pmid:15223977", "pmid:23798918",
                                                  "pmid:23853635", "pmid:26016859",
                                                  "doi:10.1016/s1262-3636(07)70116-7"};
const std::set<std::string> crossover = {"pmid:28654669", "doi:10.1371/journal.pone.0180067"};
const std::map<std::string, int> studies_pooled = {{"pmid:27402922", 34},
                                                   {"doi:10.1161/hypertensionaha.116.07664", 34}};

std::vector<evidex::Study> read_corpus() {
    std::vector<evidex::Study> studies;
    const fs::path corpus = evidex::test::source_dir() / "corpus";
    std::vector<fs::path> files;
    for (const char* sub : {"pubmed", "crossref"})
        for (const auto& entry : fs::directory_iterator(corpus / sub)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        if (file.extension() == ".xml") {
            evidex::PubmedSink sink;
            sink.study = [&](evidex::Study&& s) { studies.push_back(std::move(s)); };
            sink.deleted = [](const std::string&) {};
            sink.error = [&](evidex::ItemError&&) { FAIL("cannot parse " << file); };
            REQUIRE(evidex::read_pubmed_file(file, sink));
        } else if (file.extension() == ".json") {
            std::string body;
            REQUIRE(evidex::read_file(file.string(), body));
            auto parsed = evidex::parse_crossref_json(body, file.string());
            REQUIRE(parsed.errors.empty());
            for (auto& s : parsed.studies) studies.push_back(std::move(s));
        }
    }
    return studies;
}

}  // namespace

TEST_CASE("classify_design and classify_sample_size agree with reference-facts.tsv on every corpus record") {
    EVIDEX_REQUIRE_SHARED();
    const auto table = evidex::load_tsv(evidex::test::shared_dir() / "reference-facts.tsv", {"pmid", "doi", "design", "n"});
    std::map<std::string, Expected> by_key;
    for (const auto& row : table.rows) {
        const Expected e = expected_from(table, row);
        if (!row.at("pmid").empty()) by_key["pmid:" + row.at("pmid")] = e;
        if (const auto doi = evidex::normalize_doi(row.at("doi"))) by_key["doi:" + *doi] = e;
    }
    const auto rules = evidex::load_design_rules(evidex::test::source_dir() / "schemas");
    const auto studies = read_corpus();
    CHECK(studies.size() == 53);
    for (auto study : studies) {
        const std::string pmid_key = "pmid:" + study.pmid;
        const std::string doi_key = "doi:" + study.doi;
        const std::string key = by_key.count(pmid_key) ? pmid_key : doi_key;
        CAPTURE(key);
        REQUIRE(by_key.count(key) == 1);
        const Expected& e = by_key.at(key);
        evidex::classify_design(study, rules);
        evidex::classify_sample_size(study);
        CHECK(study.design == e.design);
        if (e.blinding) CHECK(study.blinding == *e.blinding);
        CHECK(study.pilot == e.pilot);
        CHECK(study.n.value_or(-1) == e.n.value_or(-1));
        const bool placebo = placebo_controlled.count(pmid_key) || placebo_controlled.count(doi_key);
        CHECK(study.placebo == placebo);
        CHECK(study.crossover == (crossover.count(pmid_key) || crossover.count(doi_key)));
        const auto pooled = studies_pooled.find(key);
        if (pooled != studies_pooled.end()) CHECK(study.n_studies.value_or(-1) == pooled->second);
    }
}

TEST_CASE("classify_design, classify_sample_size and classify_result_direction survive odd input") {
    const auto rules = evidex::load_design_rules(evidex::test::source_dir() / "schemas");
    const auto direction = evidex::load_direction_rules(evidex::test::source_dir() / "schemas");
    std::vector<std::string> texts = {
        "",
        " ;;;. . ,,, -- (((",
        "n = ",
        "n = 99999999999999999999999999 patients",
        "99999999999999999999999999 patients were randomized.",
        "forty- patients; hundred hundred patients; ninety-nine hundred",
        "\xC3\xA9\xE2\x80\x93\xFF\xFE" " double\xE2\x80\x99" "blind \xC2\xA0 placebo",
        std::string(5000, 'a') + " " + std::string(3000, '9'),
    };
    std::mt19937 random(20240501);  // fixed seed: the same bytes every run
    for (int i = 0; i < 50; ++i) {
        std::string bytes(200, '\0');
        for (auto& c : bytes) c = static_cast<char>(random() % 256);
        texts.push_back(bytes);
    }
    for (const auto& text : texts) {
        evidex::Study study;
        study.title = text;
        study.journal = text;
        study.abstract = {{text, text, text}, {"CONCLUSIONS", "CONCLUSIONS", text}};
        study.mesh.push_back({text, "", false, {}});
        evidex::classify_design(study, rules);
        evidex::classify_sample_size(study);
        evidex::classify_result_direction(study, direction);
        evidex::classify_flags(study);
        if (study.n) CHECK((*study.n >= 1 && *study.n <= evidex::max_plausible_n));
    }
    // A record with nothing to read is `other`, unknown, with no size and a reason that says so.
    evidex::Study empty;
    evidex::classify_design(empty, rules);
    evidex::classify_sample_size(empty);
    evidex::classify_result_direction(empty, direction);
    CHECK(empty.design == evidex::Design::other);
    CHECK(empty.blinding == evidex::Blinding::unknown);
    CHECK_FALSE(empty.n);
    CHECK(empty.result_direction == evidex::ResultDirection::unclear);
    const bool explained = std::any_of(empty.reasons.begin(), empty.reasons.end(),
                                       [](const evidex::Reason& r) { return r.field == "design" && !r.rule.empty(); });
    CHECK(explained);
}
