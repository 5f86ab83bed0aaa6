#include <doctest/doctest.h>

#include <memory>

#include <nlohmann/json.hpp>

#include "core/conditions.h"
#include "core/index_reader.h"
#include "core/index_writer.h"
#include "query/evidence_map.h"
#include "query/map_output.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using evidex::Design;
using evidex::EvidenceMap;
using evidex::EvidenceMapRequest;
using evidex::ResultDirection;
using evidex::Study;

namespace {

struct Row {
    const char* pmid;
    Design design;
    int year;
    int n;  // 0: unknown
    const char* condition;
    ResultDirection direction;
    const char* substance;  // "" when none
    const char* form;
};

// Nine studies; eight on migraine. By the levels of schemas/designs.tsv (meta-analysis and
// systematic review 1, rct 2, uncontrolled trial 4, in vitro 5) and the order of the map (level,
// then n with unknown last, then newest), the migraine map is:
//   level 1: 1 (2020), 2 (2018), 3 (2015)         positive 1, 2; null 3
//   level 2: 4 (n 80, 2012), 6 (n 80, 2010), 5 (n 40)  positive 4; null 5; negative 6
//   level 4: 7                                       positive
//   level 5: 9                                       unclear
const Row rows[] = {
    {"1", Design::meta_analysis, 2020, 0, "migraine", ResultDirection::positive, "", ""},
    {"2", Design::systematic_review, 2018, 0, "migraine", ResultDirection::positive, "", ""},
    {"3", Design::meta_analysis, 2015, 0, "migraine", ResultDirection::null, "", ""},
    {"4", Design::rct, 2012, 80, "migraine", ResultDirection::positive, "magnesium", "oxide"},
    {"5", Design::rct, 2019, 40, "migraine", ResultDirection::null, "magnesium", ""},
    {"6", Design::rct, 2010, 80, "migraine", ResultDirection::negative, "", ""},
    {"7", Design::uncontrolled_trial, 1998, 10, "migraine", ResultDirection::positive, "", ""},
    {"8", Design::rct, 2016, 120, "insomnia", ResultDirection::positive, "magnesium", ""},
    {"9", Design::in_vitro, 2005, 0, "migraine", ResultDirection::unclear, "", ""},
};

Study study_of(const Row& row) {
    Study s;
    s.pmid = row.pmid;
    s.title = std::string("Study ") + row.pmid + " of magnesium";
    s.design = row.design;
    s.year = row.year;
    if (row.n) s.n = row.n;
    s.conditions = {row.condition};
    s.result_direction = row.direction;
    s.intervention.substance = row.substance;
    s.intervention.form = row.form;
    return s;
}

class MapFixture {
public:
    MapFixture() : conditions_(evidex::ConditionVocabulary::load(evidex::test::source_dir() / "schemas/conditions.tsv")) {
        evidex::IndexWriter writer(dir_.path());
        const evidex::Classifier keep = [](Study&) {};
        for (const auto& row : rows) writer.upsert(study_of(row), keep);
        writer.finish();
        reader_ = std::make_unique<evidex::IndexReader>(dir_.path());
    }

    EvidenceMap map(EvidenceMapRequest request) const {
        if (request.condition_label.empty())
            request.condition_label = conditions_.find(request.condition_id)->label;
        return evidex::build_evidence_map(*reader_, request, &conditions_);
    }

private:
    evidex::test::TempDir dir_;
    evidex::ConditionVocabulary conditions_;
    std::unique_ptr<evidex::IndexReader> reader_;
};

EvidenceMapRequest on(const std::string& condition) {
    EvidenceMapRequest r;
    r.condition_id = condition;
    return r;
}

using Pmids = std::vector<std::string>;

Pmids pmids_of(const EvidenceMap& map, int level, ResultDirection direction) {
    Pmids out;
    for (const auto index : map.levels[static_cast<std::size_t>(level - 1)].cells[evidex::direction_column(direction)])
        out.push_back(map.studies[index].pmid);
    return out;
}

Pmids all_pmids(const EvidenceMap& map) {
    Pmids out;
    for (const auto& s : map.studies) out.push_back(s.pmid);
    return out;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

}  // namespace

TEST_CASE("build_evidence_map groups a condition's studies by level and direction, strongest first") {
    const MapFixture index;
    const EvidenceMap map = index.map(on("migraine"));
    CHECK(all_pmids(map) == Pmids{"1", "2", "3", "4", "6", "5", "7", "9"});
    CHECK(pmids_of(map, 1, ResultDirection::positive) == Pmids{"1", "2"});
    CHECK(pmids_of(map, 1, ResultDirection::null) == Pmids{"3"});
    CHECK(pmids_of(map, 2, ResultDirection::positive) == Pmids{"4"});
    CHECK(pmids_of(map, 2, ResultDirection::null) == Pmids{"5"});
    CHECK(pmids_of(map, 2, ResultDirection::negative) == Pmids{"6"});
    CHECK(pmids_of(map, 3, ResultDirection::positive).empty());
    CHECK(pmids_of(map, 4, ResultDirection::positive) == Pmids{"7"});
    CHECK(pmids_of(map, 5, ResultDirection::unclear) == Pmids{"9"});

    CHECK(map.total() == 8);  // study 8 is on insomnia
    CHECK(map.count(ResultDirection::positive) == 4);
    CHECK(map.count(ResultDirection::null) == 2);
    CHECK(map.count(ResultDirection::negative) == 1);
    CHECK(map.count(ResultDirection::mixed) == 0);
    CHECK(map.count(ResultDirection::unclear) == 1);
    CHECK(map.levels[0].total() == 3);
    CHECK(map.levels[1].total() == 3);
    CHECK(map.levels[2].total() == 0);
    // Each row names every design of its level, found or not.
    CHECK(map.levels[0].designs == std::vector<Design>{Design::meta_analysis, Design::systematic_review});
    CHECK(map.levels[2].designs == std::vector<Design>{Design::non_randomized_trial, Design::cohort});
    CHECK(map.designs_present(1) == std::vector<std::pair<Design, std::size_t>>{{Design::meta_analysis, 2},
                                                                                {Design::systematic_review, 1}});
}

TEST_CASE("the evidence map narrows by intervention, substance or form, and by years") {
    const MapFixture index;
    EvidenceMapRequest r = on("migraine");
    r.intervention = "magnesium";
    CHECK(all_pmids(index.map(r)) == Pmids{"4", "5"});
    r.intervention = "magnesium:oxide";
    CHECK(all_pmids(index.map(r)) == Pmids{"4"});
    r = on("migraine");
    r.years = evidex::YearRange{2015, std::nullopt};
    CHECK(all_pmids(index.map(r)) == Pmids{"1", "2", "3", "5"});
}

TEST_CASE("the summary sentence counts each level's findings, and says so when nothing is indexed") {
    const MapFixture index;
    CHECK(evidex::summarize_evidence_map(index.map(on("migraine"))) ==
          "8 studies on Migraine. Level 1 (2 meta-analysis, 1 systematic-review): 2 found an effect, 1 found no effect. "
          "Level 2 (3 rct): 1 found an effect, 1 found no effect, 1 found the opposite effect. "
          "Level 4 (1 uncontrolled-trial): 1 found an effect. Level 5 (1 in-vitro): 1 stated no clear result.");
    const EvidenceMap empty = index.map(on("anxiety"));
    CHECK(empty.total() == 0);
    CHECK(evidex::summarize_evidence_map(empty) == "No studies indexed on Anxiety.");
    EvidenceMapRequest r = on("insomnia");
    r.intervention = "magnesium";
    CHECK(evidex::summarize_evidence_map(index.map(r)) ==
          "1 study on Insomnia, intervention magnesium. Level 2 (1 rct): 1 found an effect.");
}

TEST_CASE("stronger_study orders by level, then n (unknown last), then year (newest first), then key") {
    Study a, b;
    a.pmid = "1";
    b.pmid = "2";
    a.design = Design::rct;
    b.design = Design::cohort;
    CHECK(evidex::stronger_study(a, b));
    b.design = Design::rct;
    b.n = 5;  // a known n beats an unknown one
    CHECK(evidex::stronger_study(b, a));
    a.n = 5;
    a.year = 2001;
    CHECK(evidex::stronger_study(a, b));  // a known year beats an unknown one
    b.year = 2001;
    CHECK(evidex::stronger_study(a, b));  // all equal: by key
    CHECK_FALSE(evidex::stronger_study(b, a));
}

TEST_CASE("the map's JSON has one cell per level and direction, with counts that add up") {
    const MapFixture index;
    const auto json = nlohmann::json::parse(evidex::write_map_json(index.map(on("migraine"))));
    CHECK(json["condition"]["id"] == "migraine");
    CHECK(json["intervention"].is_null());
    CHECK(json["total"] == 8);
    REQUIRE(json["levels"].size() == 5);
    std::size_t sum = 0;
    for (const auto& level : json["levels"]) {
        REQUIRE(level["cells"].size() == 5);
        std::size_t row = 0;
        for (const auto& [direction, cell] : level["cells"].items()) {
            CHECK(cell["count"] == cell["studies"].size());
            CHECK(json["by_direction"].contains(direction));
            row += cell["count"].get<std::size_t>();
        }
        CHECK(level["total"] == row);
        sum += row;
    }
    CHECK(sum == 8);
    CHECK(json["levels"][1]["cells"]["negative"]["studies"] == nlohmann::json::array({"pmid:6"}));
    CHECK(json["studies"].size() == 8);
    CHECK(json["studies"][0]["id"] == "pmid:1");
    CHECK(json["studies"][0]["doi"].is_null());

    const auto empty = nlohmann::json::parse(evidex::write_map_json(index.map(on("anxiety"))));
    CHECK(empty["total"] == 0);
    CHECK(empty["by_direction"]["positive"] == 0);
    CHECK(empty["summary"] == "No studies indexed on Anxiety.");
}

TEST_CASE("the map's HTML draws one bubble per non-empty group and escapes record text") {
    Study hostile;
    hostile.pmid = "42";
    hostile.title = "<script>alert('x')</script> & \"friends\"";
    hostile.design = Design::rct;
    hostile.result_direction = ResultDirection::positive;
    Study other = hostile;
    other.pmid = "43";
    other.title = "Plain";
    other.result_direction = ResultDirection::null;
    Study third = other;
    third.pmid = "44";
    EvidenceMapRequest r = on("migraine");
    r.condition_label = "Migraine <b>";
    const std::string page = evidex::write_map_html(evidex::build_evidence_map({hostile, other, third}, r));
    CHECK(occurrences(page, "<svg") == 1);
    CHECK(occurrences(page, "<g class=\"cell ") == 2);  // level 2 positive, level 2 null
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;") != std::string::npos);
    CHECK(page.find("Level 2, null (found no effect): 2 studies: pmid:43, pmid:44") != std::string::npos);
    CHECK(page.find("http://") == std::string::npos);  // nothing loaded from elsewhere
    const std::string empty = evidex::write_map_html(evidex::build_evidence_map({}, on("migraine")));
    CHECK(empty.find("<svg") == std::string::npos);
    CHECK(empty.find("No studies indexed on migraine.") != std::string::npos);
}

TEST_CASE("the map's Markdown starts with the sentence, then the table, then each level's studies") {
    const MapFixture index;
    const std::string md = evidex::write_map_markdown(index.map(on("migraine")));
    CHECK(md.rfind("# Evidence map: Migraine\n\n8 studies on Migraine.", 0) == 0);
    CHECK(md.find("| Level | Designs | positive | null | negative | mixed | unclear | Total |") != std::string::npos);
    CHECK(md.find("| 2 | rct | 1 | 1 | 1 | 0 | 0 | **3** |") != std::string::npos);
    CHECK(md.find("## Level 2: 3 studies (rct 3)") != std::string::npos);
    CHECK(md.find("## Level 3") == std::string::npos);  // no study at level 3
    CHECK(md.find("pmid:4") < md.find("pmid:6"));
    CHECK(md.find("pmid:6") < md.find("pmid:5"));
}

TEST_CASE("build_evidence_map leaves retraction notices out and names them; a retracted study stays, marked") {
    Study notice;
    notice.pmid = "30";
    notice.title = "Retraction notice to: Magnesium and migraine";
    notice.is_notice = true;  // design other, level 5, direction unclear: it must not count there
    Study retracted;
    retracted.pmid = "31";
    retracted.title = "Magnesium and migraine";
    retracted.design = Design::rct;
    retracted.retracted = true;
    retracted.result_direction = ResultDirection::positive;
    const EvidenceMap map = evidex::build_evidence_map({notice, retracted}, on("migraine"));
    CHECK(map.total() == 1);
    CHECK(map.notices_left_out == std::vector<std::string>{"pmid:30"});
    CHECK(map.levels[4].total() == 0);
    CHECK(evidex::describe_notices_left_out(map) ==
          "Left out: 1 retraction or correction notice (pmid:30): a notice is a record about a study, not a study.");
    const std::string md = evidex::write_map_markdown(map);
    CHECK(md.find("Left out: 1 retraction or correction notice (pmid:30)") != std::string::npos);
    CHECK(md.find("| pmid:31 | rct | - | - | positive | **retracted** Magnesium and migraine |") != std::string::npos);
    const auto json = nlohmann::json::parse(evidex::write_map_json(map));
    CHECK(json["notices_left_out"] == nlohmann::json::array({"pmid:30"}));
    CHECK(json["studies"][0]["retracted"] == true);
}

TEST_CASE("describe_scope names the condition, then each narrowing in words") {
    EvidenceMapRequest r = on("migraine");
    r.condition_label = "Migraine";
    CHECK(evidex::describe_scope(r) == "Migraine");
    r.intervention = "magnesium:oxide";
    r.years = evidex::YearRange{2010, 2020};
    r.query = "aura";
    CHECK(evidex::describe_scope(r) == "Migraine, intervention magnesium:oxide, published 2010 to 2020, words \"aura\"");
    r = on("migraine");
    r.condition_label = "Migraine";
    r.years = evidex::YearRange{2015, std::nullopt};
    CHECK(evidex::describe_scope(r) == "Migraine, published from 2015");
    r.years = evidex::YearRange{std::nullopt, 2015};
    CHECK(evidex::describe_scope(r) == "Migraine, published up to 2015");
    r.years = evidex::YearRange{2015, 2015};
    CHECK(evidex::describe_scope(r) == "Migraine, published in 2015");
}
