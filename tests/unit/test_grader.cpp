// The grader and the linker on hand-made claims and studies: what a reviewer would check.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "core/claims.h"
#include "core/errors.h"
#include "query/audit.h"
#include "query/grader.h"
#include "query/grading_rules.h"
#include "query/linker.h"
#include "query/page_tests.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

using namespace evidex;

const GradingRules& rules() {
    static const GradingRules loaded = load_grading_rules(test::source_dir() / "schemas");
    return loaded;
}

const std::vector<std::string>& units() {
    static const std::vector<std::string> u = load_claim_rules(test::source_dir() / "schemas").units;
    return u;
}

Study study(const std::string& pmid, Design design, ResultDirection direction, std::vector<std::string> conditions) {
    Study s;
    s.pmid = pmid;
    s.title = "A study " + pmid;
    s.year = 2012;
    s.authors.push_back(Author{"Smith", "J", "J", "", "", ""});
    s.design = design;
    s.result_direction = direction;
    s.conditions = std::move(conditions);
    return s;
}

Claim claim(const std::string& text, ClaimStrength strength, const std::string& condition) {
    Claim c;
    c.id = "c1";
    c.text = text;
    c.strength = strength;
    c.condition = condition;
    c.numbers = extract_claim_numbers(text, units());
    return c;
}

// An audit of one claim citing the given studies as references [1], [2], ...
Audit audit_of(const Claim& c, std::vector<Study> studies) {
    Audit audit;
    for (std::size_t i = 0; i < studies.size(); ++i) {
        AuditReference r;
        r.label = std::to_string(i + 1);
        r.study = std::move(studies[i]);
        audit.references.push_back(std::move(r));
    }
    AuditClaim ac;
    ac.claim = c;
    ac.link = LinkKind::marker;
    for (std::size_t i = 0; i < audit.references.size(); ++i) {
        Citation citation;
        citation.label = audit.references[i].label;
        citation.reference = i;
        ac.citations.push_back(citation);
    }
    audit.claims.push_back(std::move(ac));
    grade_claim(audit.claims.front(), audit, rules(), units());
    return audit;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("a definite claim on one open pilot study of 10 patients is overstated") {
    Study pilot = study("9703590", Design::uncontrolled_trial, ResultDirection::positive, {"restless-legs-syndrome"});
    pilot.n = 10;
    pilot.pilot = true;
    pilot.flags = {"small-n", "open-label", "no-control"};
    pilot.reasons.push_back({"flags", "flag:small-n", "10 patients"});
    const Audit audit = audit_of(claim("Magnesium CAN help restless legs.", ClaimStrength::definite, "restless-legs-syndrome"),
                                 {pilot});
    const AuditClaim& c = audit.claims.front();
    CHECK(c.verdict == Verdict::overstated);
    CHECK(c.rule == "too-weak");
    CHECK(c.level == 4);
    CHECK(has(c.flags, "small-n"));
    CHECK(has(c.flags, "no-control"));
    CHECK(c.citations.front().support == Support::supports);
    CHECK(c.rationale.find("Smith 2012") != std::string::npos);
    CHECK(c.rationale.find("pilot") != std::string::npos);
    CHECK(c.rationale.find("\"10 patients\"") != std::string::npos);
}

TEST_CASE("a hedged claim may rest on level-4 evidence, unless it carries serious flags") {
    Study series = study("1", Design::case_series, ResultDirection::positive, {"migraine"});
    Audit audit = audit_of(claim("Magnesium may help migraine.", ClaimStrength::hedged, "migraine"), {series});
    CHECK(audit.claims.front().verdict == Verdict::supported);
    series.flags = {"no-control"};
    audit = audit_of(claim("Magnesium may help migraine.", ClaimStrength::hedged, "migraine"), {series});
    CHECK(audit.claims.front().verdict == Verdict::overstated);
    CHECK(audit.claims.front().rule == "serious-flags");
}

TEST_CASE("a definite claim on a clean double-blind trial is supported") {
    Study trial = study("2", Design::rct, ResultDirection::positive, {"migraine"});
    trial.n = 120;
    trial.blinding = Blinding::double_blind;
    const Audit audit = audit_of(claim("Magnesium reduces migraine attacks.", ClaimStrength::definite, "migraine"), {trial});
    CHECK(audit.claims.front().verdict == Verdict::supported);
    CHECK(audit.claims.front().level == 2);
}

TEST_CASE("strong evidence of no effect contradicts the claim") {
    Study review = study("3", Design::systematic_review, ResultDirection::null, {"restless-legs-syndrome"});
    Study pilot = study("4", Design::uncontrolled_trial, ResultDirection::positive, {"restless-legs-syndrome"});
    const Audit audit = audit_of(claim("Magnesium helps RLS.", ClaimStrength::definite, "restless-legs-syndrome"),
                                 {review, pilot});
    CHECK(audit.claims.front().verdict == Verdict::contradicted);
    CHECK(audit.claims.front().citations[0].support == Support::contradicts);
    CHECK(audit.claims.front().citations[1].support == Support::supports);
    // The same null result in another population is shown, but does not contradict the claim.
    review.population = {"obese"};
    const Audit other = audit_of(claim("Magnesium helps RLS.", ClaimStrength::definite, "restless-legs-syndrome"),
                                 {review, pilot});
    CHECK(other.claims.front().citations[0].support == Support::contradicts);
    CHECK(other.claims.front().verdict == Verdict::overstated);
}

TEST_CASE("test-tube, animal and off-topic citations do not address a claim about people") {
    const Audit in_vitro = audit_of(claim("The most bioavailable magnesium.", ClaimStrength::superlative, "bioavailability"),
                                    {study("5", Design::in_vitro, ResultDirection::positive, {"bioavailability"})});
    CHECK(in_vitro.claims.front().verdict == Verdict::unsupported);
    CHECK(in_vitro.claims.front().citations.front().support == Support::does_not_address);
    CHECK(has(in_vitro.claims.front().flags, "in-vitro"));
    const Audit animal = audit_of(claim("Magnesium lowers anxiety.", ClaimStrength::definite, "anxiety"),
                                  {study("6", Design::animal, ResultDirection::positive, {"anxiety"})});
    CHECK(has(animal.claims.front().flags, "animal"));
    const Audit off_topic = audit_of(claim("Magnesium lowers anxiety.", ClaimStrength::definite, "anxiety"),
                                     {study("7", Design::rct, ResultDirection::positive, {"blood-pressure"})});
    CHECK(off_topic.claims.front().verdict == Verdict::unsupported);
    CHECK(has(off_topic.claims.front().flags, "citation-off-topic"));
}

TEST_CASE("a superlative needs a comparison") {
    Study trial = study("8", Design::rct, ResultDirection::positive, {"bioavailability"});
    trial.abstract.push_back({"", "", "Serum magnesium rose after a single dose."});
    Audit audit = audit_of(claim("The best absorbed form.", ClaimStrength::superlative, "bioavailability"), {trial});
    CHECK(audit.claims.front().verdict == Verdict::overstated);
    CHECK(audit.claims.front().rule == "superlative-untested");
    trial.abstract.front().text = "Citrate was absorbed better than oxide in a crossover comparison.";
    audit = audit_of(claim("The best absorbed form.", ClaimStrength::superlative, "bioavailability"), {trial});
    CHECK(audit.claims.front().verdict == Verdict::supported);
}

TEST_CASE("claims with no citation or only unresolved ones") {
    Audit audit;
    AuditClaim ac;
    ac.claim = claim("Magnesium boosts immunity.", ClaimStrength::definite, "immunity");
    audit.claims.push_back(ac);
    grade_claim(audit.claims.front(), audit, rules(), units());
    CHECK(audit.claims.front().verdict == Verdict::unsupported);
    CHECK(audit.claims.front().rule == "no-citation");

    AuditReference unresolved;
    unresolved.label = "1";
    unresolved.note = "not in the index (offline)";
    audit.references.push_back(unresolved);
    Citation citation;
    citation.label = "1";
    citation.reference = 0;
    audit.claims.front().citations.push_back(citation);
    audit.claims.front().link = LinkKind::marker;
    grade_claim(audit.claims.front(), audit, rules(), units());
    CHECK(audit.claims.front().verdict == Verdict::unverifiable);
    CHECK(has(audit.claims.front().flags, "unresolvable-citation"));
}

TEST_CASE("population, form and dose mismatches") {
    Study trial = study("9", Design::rct, ResultDirection::positive, {"insomnia"});
    trial.population = {"elderly"};
    trial.intervention = {"magnesium", "oxide", "oral", 500.0, "500 mg"};
    Claim c = claim("Magnesium glycinate at 100 mg fixes insomnia.", ClaimStrength::definite, "insomnia");
    c.form = "glycinate";
    c.dose_mg = 100;
    Audit audit = audit_of(c, {trial});
    const auto& flags = audit.claims.front().flags;
    CHECK(has(flags, "population-mismatch"));
    CHECK(has(flags, "form-mismatch"));
    CHECK(has(flags, "dose-mismatch"));
    CHECK(audit.claims.front().verdict == Verdict::overstated);
    // Naming the population the trial studied removes that flag.
    c.population = {"elderly"};
    audit = audit_of(c, {trial});
    CHECK_FALSE(has(audit.claims.front().flags, "population-mismatch"));
    // The study's dose above the supplemental upper limit is a note, not a verdict.
    bool noted = false;
    for (const auto& note : audit.claims.front().notes) noted = noted || note.find("350 mg/day") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("a number the claim attributes to its study that the study does not report") {
    Study trial = study("10", Design::rct, ResultDirection::positive, {"stress"});
    trial.abstract.push_back({"", "", "Stress fell 24% more with vitamin B6 than with magnesium alone."});
    const Audit audit = audit_of(claim("With B6 it was 40% more helpful.", ClaimStrength::definite, "stress"), {trial});
    CHECK(has(audit.claims.front().flags, "number-mismatch"));
    CHECK(audit.claims.front().rationale.find("the page says 40%") != std::string::npos);
    CHECK(audit.claims.front().rationale.find("24%") != std::string::npos);
    const Audit same = audit_of(claim("With B6 it was 24% more helpful.", ClaimStrength::definite, "stress"), {trial});
    CHECK_FALSE(has(same.claims.front().flags, "number-mismatch"));
}

TEST_CASE("inferred links score shared details") {
    Study trial = study("23853635", Design::rct, ResultDirection::positive, {"insomnia", "sleep-quality"});
    trial.n = 46;
    trial.journal = "Journal of Research in Medical Sciences";
    Claim c = claim("In a trial of 46 elderly subjects, magnesium improved sleep quality.", ClaimStrength::definite, "sleep-quality");
    c.numbers = extract_claim_numbers(c.text, units());
    const LinkScore score = score_link(c, trial, rules(), units());
    CHECK(score.total >= rules().link_threshold);
    CHECK(has(score.shared, "condition sleep-quality"));
    CHECK(has(score.shared, "number 46"));
    Claim unrelated = claim("Magnesium supports bones.", ClaimStrength::definite, "bone-density");
    CHECK(score_link(unrelated, trial, rules(), units()).total < rules().link_threshold);
}

TEST_CASE("the grading settings file reports its bad lines") {
    test::TempDir dir;
    const auto copy = [&](const std::string& name) {
        std::filesystem::copy_file(test::source_dir() / "schemas" / name, dir.path() / name);
    };
    copy("regulatory.tsv");
    {
        std::ofstream out(dir.path() / "grading.tsv");
        out << "setting\tvalue\ndefinite-max-level\ttwo\n";
    }
    try {
        load_grading_rules(dir.path());
        FAIL("a bad settings file was accepted");
    } catch (const FatalError& e) {
        CHECK(std::string(e.what()).find("grading.tsv:2") != std::string::npos);
    }
}

TEST_CASE("a test the page describes itself backs the uncited claims after it, on its topic only") {
    const auto schemas = test::source_dir() / "schemas";
    const PageTestRules test_rules = load_page_test_rules(schemas);
    const ConditionVocabulary conditions = ConditionVocabulary::load(schemas / "conditions.tsv");
    Page page;
    const auto add = [&](BlockKind kind, const std::string& text) {
        PageBlock block;
        block.kind = kind;
        block.text = text;
        page.blocks.push_back(block);
    };
    add(BlockKind::paragraph, "Our laboratory performed several bioavailability tests on five products.");
    add(BlockKind::paragraph, "Each supplement was added to red blood cells and incubated for a day.");
    add(BlockKind::paragraph, "Our blend had the best absorption of all.");
    add(BlockKind::paragraph, "Magnesium also lowers blood pressure.");
    Audit audit;
    for (const auto& [block, condition] : std::vector<std::pair<std::size_t, std::string>>{{2, "bioavailability"}, {3, "blood-pressure"}}) {
        AuditClaim c;
        c.claim = claim(page.blocks[block].text, ClaimStrength::superlative, condition);
        c.claim.block = block;
        audit.claims.push_back(c);
    }
    link_page_tests(audit, page, test_rules, conditions, rules());
    REQUIRE(audit.claims[0].citations.size() == 1);
    const Citation& own = audit.claims[0].citations.front();
    CHECK(own.page_test);
    CHECK(has(own.flags, "self-conducted-test"));
    CHECK(has(own.flags, "in-vitro"));
    CHECK(audit.claims[0].link == LinkKind::vague);
    CHECK(audit.claims[1].citations.empty());  // the test was about absorption, not blood pressure
    grade_claim(audit.claims[0], audit, rules(), units());
    CHECK(audit.claims[0].verdict == Verdict::unsupported);
    CHECK(audit.claims[0].rationale.find("The page's own test") != std::string::npos);
}
