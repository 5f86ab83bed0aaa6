#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "core/conditions.h"
#include "core/errors.h"
#include "core/pubmed_parser.h"
#include "core/text.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace {

const evidex::ConditionVocabulary& vocab() {
    static const auto v = evidex::ConditionVocabulary::load(evidex::test::source_dir() / "schemas" / "conditions.tsv");
    return v;
}

evidex::Study corpus_study(const std::string& pmid) {
    std::string xml;
    REQUIRE(evidex::read_file((evidex::test::source_dir() / "corpus" / "pubmed" / (pmid + ".xml")).string(), xml));
    auto parsed = evidex::parse_pubmed_xml(xml, pmid);
    REQUIRE(parsed.studies.size() == 1);
    return parsed.studies.front();
}

// The message of the FatalError that loading `text` as a conditions file throws.
std::string load_error(const std::string& text) {
    evidex::test::TempDir dir;
    const auto path = dir / "conditions.tsv";
    std::ofstream(path) << text;
    try {
        evidex::ConditionVocabulary::load(path);
    } catch (const evidex::FatalError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("schemas/conditions.tsv loads, holds at least 40 conditions and every DESIGN.md condition id") {
    CHECK(vocab().all().size() >= 40);
    for (const char* id : {"migraine", "restless-legs-syndrome", "insomnia", "sleep-quality", "stress", "anxiety",
                           "depression", "blood-pressure", "type-2-diabetes", "insulin-sensitivity", "osteoporosis",
                           "bone-density", "inflammation", "exercise-performance", "muscle-cramps", "vitamin-d-status",
                           "cardiovascular", "premenstrual-syndrome", "bioavailability"}) {
        CAPTURE(id);
        const auto* c = vocab().find(id);
        REQUIRE(c != nullptr);
        CHECK(c->id == id);
        CHECK_FALSE(c->label.empty());
    }
    // Conditions the three seed pages touch, and common supplement-claim areas beyond them.
    for (const char* id : {"constipation", "arrhythmia", "metabolic-syndrome", "asthma", "pre-eclampsia",
                           "fibromyalgia", "adhd", "fatigue", "magnesium-deficiency", "headache", "cognition", "memory",
                           "joint-pain", "immunity", "skin-health", "body-weight", "testosterone", "digestion", "mood",
                           "hangover", "kidney-stones"}) {
        CAPTURE(id);
        CHECK(vocab().find(id) != nullptr);
    }
}

TEST_CASE("ConditionVocabulary::find takes an id, label, synonym or lay term, in any case, hyphens or spaces") {
    const struct {
        const char* name;
        const char* id;  // nullptr: not found
    } rows[] = {
        {"rls", "restless-legs-syndrome"},
        {"restless legs", "restless-legs-syndrome"},
        {"Restless-Legs-Syndrome", "restless-legs-syndrome"},
        {"Willis Ekbom disease", "restless-legs-syndrome"},  // hyphen in the file, space here
        {"jittery legs", "restless-legs-syndrome"},          // a lay term
        {"  Brain   Fog ", "cognition"},                      // spaces collapse and trim
        {"leg cramps", "muscle-cramps"},
        {"sleep faster", "sleep-quality"},
        {"Hypomagnesaemia", "magnesium-deficiency"},
        {"pre eclampsia", "pre-eclampsia"},
        {"ADHD", "adhd"},
        {"Heart arrhythmia", "arrhythmia"},  // the label
        {"high blood pressure", "hypertension"},
        {"restless", nullptr},  // part of a term is not a term
        {"unicorn fever", nullptr},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.name));
        const auto* c = vocab().find(row.name);
        if (!row.id) {
            CHECK(c == nullptr);
            continue;
        }
        REQUIRE(c != nullptr);
        CHECK(c->id == row.id);
    }
}

TEST_CASE("ConditionVocabulary::match finds terms on word boundaries, the longest first, each id once") {
    using Found = std::vector<std::pair<std::string, std::string>>;
    const struct {
        const char* text;
        evidex::ConditionTerms terms;
        Found expected;
    } rows[] = {
        {"Magnesium for restless legs syndrome (RLS) and RLS-related insomnia", evidex::ConditionTerms::all,
         {{"restless-legs-syndrome", "restless legs syndrome"}, {"insomnia", "insomnia"}}},
        // "oxidative stress" is its own condition, not psychological stress.
        {"Oxidative stress markers fell", evidex::ConditionTerms::all, {{"oxidative-stress", "Oxidative stress"}}},
        // The longest term wins: type 1, not the "diabetes" of type 2.
        {"children with type 1 diabetes", evidex::ConditionTerms::all, {{"type-1-diabetes", "type 1 diabetes"}}},
        // A negated term does not count.
        {"non-diabetic subjects with insulin resistance", evidex::ConditionTerms::clinical,
         {{"insulin-sensitivity", "insulin resistance"}}},
        // Word boundaries: "distressing" holds "stress" but is not the word.
        {"distressing symptoms", evidex::ConditionTerms::all, {}},
        // The migraine mechanism is not depression the mood disorder.
        {"cortical spreading depression in migraine", evidex::ConditionTerms::clinical,
         {{"migraine", "cortical spreading depression"}}},
        // Lay terms count on pages, not in abstracts.
        {"Sleep faster and deeper", evidex::ConditionTerms::all, {{"sleep-quality", "Sleep faster"}}},
        {"Sleep faster and deeper", evidex::ConditionTerms::clinical, {}},
        {"Promotes a balanced stress response and supports brain function", evidex::ConditionTerms::all,
         {{"stress", "balanced stress response"}, {"cognition", "brain function"}}},
        {"leg cramps, including pregnant women", evidex::ConditionTerms::all, {{"muscle-cramps", "leg cramps"}}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(vocab().match(row.text, row.terms) == row.expected);
    }
}

TEST_CASE("classify_conditions tags from MeSH and clinical text, one reason per id, MeSH preferred") {
    evidex::Study s;
    s.title = "Magnesium for RLS";
    s.abstract = {{"", "", "Ten patients with insomnia took magnesium to sleep faster."}};
    s.mesh = {{"Restless Legs Syndrome", "D012148", true, {}}, {"Humans", "", false, {}}};
    evidex::classify_conditions(s, vocab());
    CHECK(s.conditions == std::vector<std::string>{"insomnia", "restless-legs-syndrome"});
    REQUIRE(s.reasons.size() == 2);
    CHECK(s.reasons[0].field == "conditions");
    CHECK(s.reasons[0].rule == "condition-mesh:restless-legs-syndrome");
    CHECK(s.reasons[0].span == "MeSH: Restless Legs Syndrome");
    CHECK(s.reasons[1].rule == "condition-text:insomnia");
    CHECK(s.reasons[1].span == "insomnia");
}

TEST_CASE("classify_conditions reads the bundled PubMed records") {
    const struct {
        const char* pmid;
        std::vector<std::string> expected;  // a subset of what is found
        std::vector<std::string> absent;
    } rows[] = {
        // Hornyak 1998: RLS and limb-movement insomnia, with sleep efficiency as outcome.
        {"9703590", {"restless-legs-syndrome", "insomnia", "periodic-limb-movements", "sleep-quality"}, {"depression"}},
        // Abbasi 2012: primary insomnia in the elderly.
        {"23853635", {"insomnia", "sleep-quality"}, {"restless-legs-syndrome"}},
        // Zhang 2016: blood pressure meta-analysis, MeSH Hypertension.
        {"27402922", {"blood-pressure", "hypertension"}, {}},
        // Sartori 2012, mice: anxiety and magnesium deficiency.
        {"21835188", {"anxiety", "magnesium-deficiency"}, {"depression"}},
        // Rodriguez-Moran 2003: type 2 diabetes, insulin sensitivity, glycaemic control.
        {"12663588", {"type-2-diabetes", "insulin-sensitivity", "blood-glucose"}, {"type-1-diabetes"}},
        // Guerrero-Romero 2004 is in NON-diabetic subjects.
        {"15223977", {"insulin-sensitivity"}, {"type-2-diabetes"}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.pmid));
        auto s = corpus_study(row.pmid);
        evidex::classify_conditions(s, vocab());
        const std::set<std::string> found(s.conditions.begin(), s.conditions.end());
        for (const auto& id : row.expected) CHECK_MESSAGE(found.count(id) == 1, id);
        for (const auto& id : row.absent) CHECK_MESSAGE(found.count(id) == 0, id);
        CHECK(std::is_sorted(s.conditions.begin(), s.conditions.end()));
    }
}

TEST_CASE("a bad line of a conditions file is reported as file:line: what") {
    const std::string head = "# comment\nid\tlabel\tmesh\tsynonyms\tlay_terms\nmigraine\tMigraine\tMigraine Disorders\tmigraines\t\n";
    const struct {
        std::string line;
        std::string message;
    } rows[] = {
        {"Sleep Apnea\tSleep apnea\t\t\t\n", ":4: condition id 'Sleep Apnea' is not kebab-case"},
        {"headache\t\tHeadache\t\t\n", ":4: condition 'headache' has no label"},
        {"migraine\tMigraine again\t\t\t\n", ":4: condition id 'migraine' is repeated"},
        // A term may name one condition only.
        {"headache\tHeadache\tHeadache\tmigraines\t\n", ":4: term 'migraines' already names condition 'migraine'"},
        {"headache\tHeadache\tHeadache\ta||b\t\n", ":4: empty term in a '|' list"},
        {"headache\tHeadache\n", ":4: expected 5 tab-separated fields, found 2"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.line);
        const std::string error = load_error(head + row.line);
        CHECK(error.find("conditions.tsv" + row.message) != std::string::npos);
    }
}
