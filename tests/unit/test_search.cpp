#include <doctest/doctest.h>

#include <algorithm>

#include <xapian.h>

#include "core/conditions.h"
#include "core/errors.h"
#include "core/index_reader.h"
#include "core/index_schema.h"
#include "core/index_writer.h"
#include "core/study_json.h"
#include "query/search.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using evidex::Design;
using evidex::ResultDirection;
using evidex::SearchRequest;
using evidex::SearchSort;
using evidex::Study;

namespace {

struct Row {
    const char* pmid;
    const char* title;
    const char* abstract;
    Design design;
    int year;
    int n;  // 0: unknown
    const char* condition;
    ResultDirection direction;
};

// Five studies; the expectations below follow from these rows and the design levels of
// schemas/designs.tsv (systematic review 1, rct 2, cohort 3, uncontrolled trial 4).
const Row rows[] = {
    {"1", "Magnesium for restless legs syndrome: a systematic review", "Trials of oral magnesium were pooled.",
     Design::systematic_review, 2019, 0, "restless-legs-syndrome", ResultDirection::null},
    {"2", "Oral magnesium in restless legs: a pilot study", "Ten patients took magnesium at night.",
     Design::uncontrolled_trial, 1998, 10, "restless-legs-syndrome", ResultDirection::positive},
    {"3", "Magnesium for nocturnal leg cramps: a randomized trial", "Cramps were counted in a diary.",
     Design::rct, 2017, 94, "insomnia", ResultDirection::null},
    {"4", "Dietary magnesium intake and sleep in older adults", "A cohort of adults followed for years.",
     Design::cohort, 2012, 1500, "insomnia", ResultDirection::mixed},
    {"5", "Vitamin D supplementation and migraine frequency", "Vitamin D was given for months.",
     Design::rct, 2010, 48, "migraine", ResultDirection::positive},
};

Study study_of(const Row& row) {
    Study s;
    s.pmid = row.pmid;
    s.title = row.title;
    evidex::AbstractSection section;
    section.text = row.abstract;
    s.abstract.push_back(section);
    s.authors.push_back({});
    s.authors.back().family = "Hornyak";
    s.design = row.design;
    s.year = row.year;
    if (row.n) s.n = row.n;
    s.conditions = {row.condition};
    s.result_direction = row.direction;
    return s;
}

class SearchFixture {
public:
    // `untyped`: one more document, with words but no type (left by some other program).
    explicit SearchFixture(bool untyped = false)
        : conditions_(evidex::ConditionVocabulary::load(evidex::test::source_dir() / "schemas/conditions.tsv")) {
        evidex::IndexWriter writer(dir_.path());
        const evidex::Classifier keep = [](Study&) {};
        for (const auto& row : rows) writer.upsert(study_of(row), keep);
        // A saved claim on insomnia that says "magnesium": searches return studies only.
        Xapian::Document claim;
        claim.add_boolean_term("XTYPEclaim");
        claim.add_boolean_term("XCinsomnia");
        claim.add_term("magnesium");
        claim.add_term("XCTmagnesium");
        claim.add_boolean_term("XCITESpmid:1");
        claim.add_value(evidex::schema::slot::level, Xapian::sortable_serialise(1));
        writer.replace_document("Qclaim:page-00000000:c1", claim);
        // The claim cites study 1, which so holds an XCLAIM term: XC, but not a condition.
        writer.add_term("Qpmid:1", "XCLAIMpage-00000000:c1");
        if (untyped) {
            Xapian::Document stray;
            stray.add_term("Smagnesium");
            stray.add_boolean_term("XCinsomnia");
            writer.replace_document("Qstray", stray);
        }
        writer.finish();
        reader_ = std::make_unique<evidex::IndexReader>(dir_.path());
    }

    evidex::SearchResult search(SearchRequest request) const {
        return evidex::search_studies(*reader_, request, &conditions_);
    }
    // The PMIDs of the hits, in order.
    std::vector<std::string> pmids(const SearchRequest& request) const {
        std::vector<std::string> out;
        for (const auto& hit : search(request).hits) out.push_back(hit.study.pmid);
        return out;
    }

private:
    evidex::test::TempDir dir_;
    evidex::ConditionVocabulary conditions_;
    std::unique_ptr<evidex::IndexReader> reader_;
};

SearchRequest text(const std::string& query, SearchSort sort = SearchSort::relevance) {
    SearchRequest r;
    r.query = query;
    r.sort = sort;
    return r;
}

using Pmids = std::vector<std::string>;

Pmids sorted(Pmids p) {
    std::sort(p.begin(), p.end());
    return p;
}

}  // namespace

TEST_CASE("search matches stemmed words with AND by default, phrases and field prefixes") {
    const SearchFixture index;
    CHECK(sorted(index.pmids(text("magnesium"))) == Pmids{"1", "2", "3", "4"});
    CHECK(sorted(index.pmids(text("magnesium restless"))) == Pmids{"1", "2"});  // AND, not OR
    CHECK(sorted(index.pmids(text("cramp"))) == Pmids{"3"});                    // stemmed: cramps
    CHECK(sorted(index.pmids(text("\"restless legs\""))) == Pmids{"1", "2"});
    CHECK(index.pmids(text("\"legs restless\"")).empty());                      // a phrase keeps its order
    CHECK(sorted(index.pmids(text("magnesium OR vitamin"))) == Pmids{"1", "2", "3", "4", "5"});
    CHECK(sorted(index.pmids(text("magnesium NOT restless"))) == Pmids{"3", "4"});
    CHECK(index.pmids(text("title:cohort")).empty());                           // "cohort" is in an abstract
    CHECK(index.pmids(text("abstract:cohort")) == Pmids{"4"});
    CHECK(sorted(index.pmids(text("author:Hornyak design:rct"))) == Pmids{"3", "5"});  // upper case finds lower
    CHECK(index.pmids(text("pmid:5")) == Pmids{"5"});
    CHECK(index.pmids(text("year:1998")) == Pmids{"2"});
    CHECK(sorted(index.pmids(text("level:2"))) == Pmids{"3", "5"});
}

TEST_CASE("phrases match on stems, and a wildcard reaches a word through its stem") {
    const SearchFixture index;
    CHECK(sorted(index.pmids(text("\"restless leg\""))) == Pmids{"1", "2"});   // "restless legs" in the titles
    CHECK(sorted(index.pmids(text("magnes*"))) == Pmids{"1", "2", "3", "4"});
    CHECK(index.pmids(text("random*")) == Pmids{"3"});                         // "randomized", stem "random"
    CHECK(index.pmids(text("study*")) == Pmids{"2"});                          // "study", stem "studi"
    CHECK(index.pmids(text("title:dietary*")) == Pmids{"4"});                  // "dietary", stem "dietari"
    CHECK(sorted(index.pmids(text("magnesium -study*"))) == Pmids{"1", "3", "4"});
}

TEST_CASE("widen_stemmed_wildcards adds the stem of a wildcard word that reaches no stem as written") {
    // Stems beginning with "magnes" (in any field) and "happ" (in titles) exist; nothing else.
    std::vector<std::pair<std::string, std::string>> asked;
    const evidex::WildcardReach reaches = [&asked](std::string_view field, std::string_view word) {
        asked.emplace_back(std::string(field), std::string(word));
        return word == "magnes" || (field == "title" && word == "happ");
    };
    const auto widen = [&reaches](std::string_view q) { return evidex::widen_stemmed_wildcards(q, reaches); };
    CHECK(widen("study*") == "(study* OR studi*)");
    CHECK(widen("magnesium Study* sleep") == "magnesium (Study* OR studi*) sleep");
    CHECK(widen("title:happy* OR abstract:studies*") == "title:(happy* OR happi*) OR abstract:(studies* OR studi*)");
    CHECK(widen("-study* +(happy*)") == "-(study* OR studi*) +((happy* OR happi*))");
    CHECK(widen("supplementation*") == "(supplementation* OR supplement*)");
    // The words are asked about lower-cased, with the field they were written in.
    asked.clear();
    widen("title:Happy* Study*");
    CHECK(asked == std::vector<std::pair<std::string, std::string>>{{"title", "happy"}, {"", "study"}});
    // A word that reaches a stem, a stem that is the word itself, a quoted phrase, a hyphenated
    // word, a boolean field and a star inside a word are left as written.
    CHECK(widen("magnes* random*") == "magnes* random*");
    CHECK(widen("\"pilot study*\" sleep") == "\"pilot study*\" sleep");
    CHECK(widen("well-studied*") == "well-studied*");
    CHECK(widen("author:study*") == "author:study*");
    CHECK(widen("study*x studies") == "study*x studies");
    CHECK(widen("") == "");
}

TEST_CASE("search resolves condition: through the vocabulary and ranges through the value slots") {
    const SearchFixture index;
    CHECK(sorted(index.pmids(text("condition:rls"))) == Pmids{"1", "2"});
    CHECK(sorted(index.pmids(text("condition:restless-legs-syndrome"))) == Pmids{"1", "2"});
    CHECK(sorted(index.pmids(text("year:2010..2012"))) == Pmids{"4", "5"});
    CHECK(sorted(index.pmids(text("magnesium year:2013.."))) == Pmids{"1", "3"});
    CHECK(sorted(index.pmids(text("n:90.."))) == Pmids{"3", "4"});  // study 1 has no n
    CHECK(sorted(index.pmids(text("n:..50"))) == Pmids{"2", "5"});
}

TEST_CASE("search filters by condition id, design, maximum level and years, without a query") {
    const SearchFixture index;
    SearchRequest r;
    r.condition = "insomnia";
    CHECK(sorted(index.pmids(r)) == Pmids{"3", "4"});
    r = {};
    r.design = Design::rct;
    CHECK(sorted(index.pmids(r)) == Pmids{"3", "5"});
    r = {};
    r.max_level = 2;
    CHECK(sorted(index.pmids(r)) == Pmids{"1", "3", "5"});
    r = text("magnesium");
    r.max_level = 1;
    CHECK(index.pmids(r) == Pmids{"1"});
    r = {};
    r.years = evidex::YearRange{std::nullopt, 2012};
    CHECK(sorted(index.pmids(r)) == Pmids{"2", "4", "5"});
    r.years = evidex::YearRange{2012, std::nullopt};
    CHECK(sorted(index.pmids(r)) == Pmids{"1", "3", "4"});
    r.years = evidex::YearRange{2010, 2012};  // both ends count
    CHECK(sorted(index.pmids(r)) == Pmids{"4", "5"});
    r.years = evidex::YearRange{2000, 2009};  // no study in the range
    CHECK(index.search(r).total == 0);
    r.design = Design::rct;
    r.years = evidex::YearRange{2017, 2017};
    CHECK(index.pmids(r) == Pmids{"3"});
}

TEST_CASE("search sorts by level, year and n, strongest, newest and largest first") {
    const SearchFixture index;
    SearchRequest r;
    r.max_level = 5;
    r.sort = SearchSort::level;  // level, then newest first
    CHECK(index.pmids(r) == Pmids{"1", "3", "5", "4", "2"});
    r.sort = SearchSort::year;
    CHECK(index.pmids(r) == Pmids{"1", "3", "4", "5", "2"});
    r.sort = SearchSort::n;  // a study without n comes last
    CHECK(index.pmids(r) == Pmids{"4", "3", "5", "2", "1"});
    r.sort = SearchSort::relevance;  // no text: every weight is 0, ties by docid
    CHECK(index.pmids(r) == Pmids{"1", "2", "3", "4", "5"});
}

TEST_CASE("search counts the total and the facets over every match, not the page shown") {
    const SearchFixture index;
    SearchRequest r = text("magnesium");
    r.limit = 1;
    r.facets = true;
    const auto result = index.search(r);
    CHECK(result.total == 4);
    CHECK(result.hits.size() == 1);
    REQUIRE(result.facets);
    const auto& f = *result.facets;
    CHECK(f.design == std::map<std::string, std::size_t>{
                          {"cohort", 1}, {"rct", 1}, {"systematic-review", 1}, {"uncontrolled-trial", 1}});
    CHECK(f.level == std::map<std::string, std::size_t>{{"1", 1}, {"2", 1}, {"3", 1}, {"4", 1}});
    CHECK(f.condition == std::map<std::string, std::size_t>{{"insomnia", 2}, {"restless-legs-syndrome", 2}});
    CHECK(f.year == std::map<std::string, std::size_t>{{"1998", 1}, {"2012", 1}, {"2017", 1}, {"2019", 1}});
    CHECK(f.result_direction == std::map<std::string, std::size_t>{{"mixed", 1}, {"null", 2}, {"positive", 1}});

    r.offset = 3;
    r.limit = 10;
    CHECK(index.search(r).hits.size() == 1);
    r.facets = false;
    CHECK_FALSE(index.search(r).facets);
}

TEST_CASE("search returns studies only, whether or not every document carries a type") {
    for (const bool untyped : {false, true}) {
        CAPTURE(untyped);
        const SearchFixture index(untyped);
        CHECK(sorted(index.pmids(text("magnesium"))) == Pmids{"1", "2", "3", "4"});
        SearchRequest insomnia;
        insomnia.condition = "insomnia";
        insomnia.facets = true;
        const auto result = index.search(insomnia);
        CHECK(result.total == 2);
        REQUIRE(result.facets);
        CHECK(result.facets->condition.at("insomnia") == 2);
    }
}

TEST_CASE("search rejects a malformed query, and a request with neither text nor filter") {
    const SearchFixture index;
    const auto code_of = [&](const SearchRequest& r) {
        try {
            index.search(r);
        } catch (const evidex::FatalError& e) {
            return e.code();
        }
        return evidex::ExitCode::ok;
    };
    CHECK(code_of(text("magnesium AND")) == evidex::ExitCode::usage);
    CHECK(code_of(text("")) == evidex::ExitCode::usage);
    CHECK(code_of(text("foo:bar")) == evidex::ExitCode::ok);  // an unknown prefix is text
}

TEST_CASE("parse_year_range reads closed and open ranges and refuses the wrong way round") {
    using evidex::parse_year_range;
    CHECK(parse_year_range("2010..2020").from == 2010);
    CHECK(parse_year_range("2010..2020").to == 2020);
    CHECK_FALSE(parse_year_range("2010..").to);
    CHECK_FALSE(parse_year_range("..2020").from);
    CHECK(parse_year_range("2015").to == 2015);
    CHECK_THROWS_AS(parse_year_range("2020..2010"), evidex::FatalError);
    CHECK_THROWS_AS(parse_year_range(".."), evidex::FatalError);
    CHECK_THROWS_AS(parse_year_range("last year"), evidex::FatalError);
    CHECK(evidex::parse_search_sort("n") == SearchSort::n);
    CHECK_FALSE(evidex::parse_search_sort("date"));
}

TEST_CASE("beyond 10,000 matches the total is an estimate that says so, unless every match is counted") {
    evidex::test::TempDir dir;
    const std::size_t count = 36000;  // 12,000 hold both words below
    std::size_t with_both = 0;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(evidex::schema::version_key, std::to_string(evidex::schema::version));
        for (std::size_t i = 1; i <= count; ++i) {
            Study s;
            s.pmid = std::to_string(i);
            s.title = "Magnesium and sleep";
            Xapian::Document doc;
            doc.set_data(evidex::study_to_json(s).dump());
            doc.add_boolean_term("XTYPEstudy");
            doc.add_term("Smagnesium");
            // Two words each in about half the studies, not independently: Xapian can only
            // estimate how many hold both.
            if (i % 2 == 0) doc.add_term("XAsleep");
            if (i % 3 != 0) doc.add_term("XAtrial");
            if (i % 2 == 0 && i % 3 != 0) ++with_both;
            db.add_document(doc);
        }
        db.commit();
    }
    const evidex::IndexReader reader(dir.path());
    SearchRequest request;
    request.query = "sleep trial";
    const auto estimated = evidex::search_studies(reader, request, nullptr);
    CHECK(estimated.hits.size() == 20);
    REQUIRE(with_both > evidex::exact_total_floor);
    CHECK_FALSE(estimated.total_exact);

    request.exact_total = true;
    const auto counted = evidex::search_studies(reader, request, nullptr);
    CHECK(counted.total_exact);
    CHECK(counted.total == with_both);

    request.exact_total = false;
    request.facets = true;
    const auto faceted = evidex::search_studies(reader, request, nullptr);
    CHECK(faceted.total_exact);
    CHECK(faceted.total == with_both);
    request.query = "magnesium";  // one word: its frequency is the exact count
    request.facets = false;
    CHECK(evidex::search_studies(reader, request, nullptr).total == count);
}

TEST_CASE("a page ranked on two threads, each over half of the ids, is the page ranked on one") {
    evidex::test::TempDir dir;
    const char* words[] = {"magnesium", "zinc", "sleep", "trial", "cramps", "migraine", "dose", "placebo"};
    const Design designs[] = {Design::rct, Design::cohort, Design::systematic_review, Design::case_report,
                              Design::uncontrolled_trial};
    {
        evidex::IndexWriter writer(dir.path());
        const evidex::Classifier keep = [](Study&) {};
        for (int i = 1; i <= 3000; ++i) {
            Study s;
            s.pmid = std::to_string(i);
            // Titles and abstracts of a few words each, with many repeats: equal weights are
            // common, so ties must fall the same way.
            s.title = std::string(words[i % 8]) + " and " + words[(i / 8) % 8];
            evidex::AbstractSection section;
            for (int w = 0; w < 1 + i % 5; ++w) section.text += std::string(words[(i * 7 + w * 3) % 8]) + " ";
            s.abstract.push_back(section);
            s.design = designs[i % 5];
            if (i % 11 != 0) s.year = 1990 + (i * 13) % 35;
            if (i % 4 != 0) s.n = (i * 37) % 900 + 5;
            writer.upsert(std::move(s), keep);
        }
        writer.finish();
    }
    const evidex::IndexReader reader(dir.path());
    const auto run = [&](SearchRequest request, evidex::SplitRanking split) {
        request.split = split;
        return evidex::search_studies(reader, request, nullptr);
    };
    for (const char* query : {"magnesium", "sleep trial", "zinc OR cramps", "dose NOT placebo", ""}) {
        for (const auto sort : {SearchSort::relevance, SearchSort::level, SearchSort::year, SearchSort::n}) {
            for (const std::size_t offset : {0, 7, 300}) {
                SearchRequest request = text(query, sort);
                request.offset = offset;
                if (!*query) request.design = Design::rct;
                if (sort == SearchSort::year) request.years = evidex::YearRange{2000, 2015};
                CAPTURE(query);
                CAPTURE(static_cast<int>(sort));
                CAPTURE(offset);
                const auto one = run(request, evidex::SplitRanking::never);
                const auto two = run(request, evidex::SplitRanking::always);
                REQUIRE(one.hits.size() == two.hits.size());
                CHECK(one.hits.size() == std::min<std::size_t>(20, one.total > offset ? one.total - offset : 0));
                for (std::size_t i = 0; i < one.hits.size(); ++i) {
                    CAPTURE(i);
                    CHECK(one.hits[i].study.pmid == two.hits[i].study.pmid);
                    CHECK(one.hits[i].weight == two.hits[i].weight);
                }
                CHECK(one.total == two.total);
                CHECK(two.total_exact);
            }
        }
    }
}
