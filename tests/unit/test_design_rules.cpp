#include <doctest/doctest.h>

#include <fstream>

#include "core/classify.h"
#include "core/errors.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

evidex::Study with_types(std::vector<std::string> types, std::vector<std::string> mesh = {}) {
    evidex::Study s;
    s.publication_types = std::move(types);
    for (auto& m : mesh) s.mesh.push_back({m, "", false, {}});
    return s;
}

}  // namespace

TEST_CASE("classify_study sets the design from publication types and MeSH, with the rule as reason") {
    const auto rules = evidex::load_classification_rules(evidex::test::source_dir() / "schemas");
    struct Row {
        evidex::Study study;
        evidex::Design design;
        const char* rule;
    };
    const Row rows[] = {
        {with_types({"Journal Article", "Randomized Controlled Trial"}), evidex::Design::rct, "pt-rct"},
        {with_types({"Meta-Analysis", "Review", "Systematic Review"}), evidex::Design::meta_analysis,
         "pt-meta-analysis"},
        {with_types({"Review", "Systematic Review"}), evidex::Design::systematic_review, "pt-systematic-review"},
        {with_types({"Review"}), evidex::Design::narrative_review, "pt-review"},
        {with_types({"Case Reports", "Letter"}), evidex::Design::case_report, "pt-case-reports"},
        // A rat study: Animals without Humans beats any publication type.
        {with_types({"Journal Article"}, {"Animals", "Rats", "Magnesium"}), evidex::Design::animal,
         "mesh-animals-only"},
        // Animals and Humans together is not an animal study.
        {with_types({"Randomized Controlled Trial"}, {"Animals", "Humans"}), evidex::Design::rct, "pt-rct"},
        // A retraction notice is never graded as the study it retracts.
        {with_types({"Retraction of Publication", "Randomized Controlled Trial"}), evidex::Design::other,
         "pt-retraction-notice"},
        {with_types({"journal-article"}), evidex::Design::other, nullptr},
    };
    for (auto row : rows) {
        evidex::classify_study(row.study, rules);
        CAPTURE(row.rule);
        CHECK(row.study.design == row.design);
        if (row.rule) {
            REQUIRE(row.study.reasons.size() == 1);
            CHECK(row.study.reasons[0].rule == row.rule);
            CHECK(row.study.reasons[0].field == "design");
        } else {
            CHECK(row.study.reasons.empty());
        }
    }
}

TEST_CASE("classify_study starts from scratch: reasons do not pile up across runs") {
    const auto rules = evidex::load_classification_rules(evidex::test::source_dir() / "schemas");
    auto study = with_types({"Review"});
    evidex::classify_study(study, rules);
    evidex::classify_study(study, rules);
    CHECK(study.reasons.size() == 1);
}

TEST_CASE("a bad line in design-rules.tsv is reported as file:line") {
    evidex::test::TempDir dir;
    std::ofstream(dir / "design-rules.tsv") << "# comment\nrule\tmatch\tvalue\tdesign\n"
                                               "pt-x\tpublication_type\tReview\tnarrative-review\n"
                                               "pt-y\tpublication_type\tTrial\tbanana\n";
    try {
        evidex::load_design_rules(dir / "design-rules.tsv");
        FAIL("a bad design was accepted");
    } catch (const evidex::FatalError& e) {
        CHECK(std::string(e.what()).find("design-rules.tsv:4: unknown design 'banana'") != std::string::npos);
    }
}
