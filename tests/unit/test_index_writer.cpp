#include <doctest/doctest.h>

#include <xapian.h>

#include "core/errors.h"
#include "core/index_reader.h"
#include "core/index_schema.h"
#include "core/index_writer.h"
#include "support/temp_dir.h"

using evidex::IndexReader;
using evidex::IndexWriter;
using evidex::Study;
using evidex::UpsertOutcome;

namespace {

Study make_study(const std::string& pmid, const std::string& doi, const std::string& title,
                 evidex::Source source = evidex::Source::pubmed) {
    Study s;
    s.pmid = pmid;
    s.doi = doi;
    s.title = title;
    s.source = source;
    return s;
}

const evidex::Classifier no_classifier;

std::size_t doc_count(const std::filesystem::path& dir) { return Xapian::Database(dir.string()).get_doccount(); }

}  // namespace

TEST_CASE("IndexWriter stores a study that IndexReader finds by PMID and by DOI") {
    evidex::test::TempDir dir;
    {
        IndexWriter writer(dir.path());
        CHECK(writer.upsert(make_study("9703590", "10.1000/rls", "Magnesium therapy"), no_classifier) ==
              UpsertOutcome::added);
        writer.finish();
    }
    IndexReader reader(dir.path());
    CHECK(reader.study_count() == 1);
    REQUIRE(reader.find("pmid:9703590"));
    CHECK(reader.find("pmid:9703590")->title == "Magnesium therapy");
    REQUIRE(reader.find("doi:https://doi.org/10.1000/RLS"));
    CHECK(reader.find("doi:10.1000/rls")->pmid == "9703590");
    CHECK_FALSE(reader.find("pmid:1"));
    CHECK_THROWS_AS(reader.find("banana"), evidex::FatalError);
}

TEST_CASE("re-ingesting the same record replaces it and never duplicates") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    CHECK(writer.upsert(make_study("1", "", "First version"), no_classifier) == UpsertOutcome::added);
    CHECK(writer.upsert(make_study("1", "", "Second version"), no_classifier) == UpsertOutcome::replaced);
    writer.finish();
    CHECK(doc_count(dir.path()) == 1);
    CHECK(IndexReader(dir.path()).find("pmid:1")->title == "Second version");
}

TEST_CASE("a study known first by DOI and then by PMID and DOI becomes one document keyed by PMID") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    Study crossref = make_study("", "10.3390/nu9050429", "Crossref title", evidex::Source::crossref);
    crossref.abstract = {{"", "", "Only Crossref has this abstract."}};
    crossref.journal = "Nutrients";
    writer.upsert(crossref, no_classifier);
    Study pubmed = make_study("28445426", "10.3390/nu9050429", "PubMed title");
    pubmed.publication_types = {"Systematic Review"};
    CHECK(writer.upsert(pubmed, no_classifier) == UpsertOutcome::replaced);
    writer.finish();

    CHECK(doc_count(dir.path()) == 1);
    IndexReader reader(dir.path());
    const auto study = reader.find("doi:10.3390/nu9050429");
    REQUIRE(study);
    CHECK(study->pmid == "28445426");
    CHECK(study->title == "PubMed title");                                   // PubMed wins
    CHECK(study->abstract_text() == "Only Crossref has this abstract.");      // Crossref fills the gap
    CHECK(study->journal == "Nutrients");
    CHECK(Xapian::Database(dir.path().string()).term_exists("Qpmid:28445426"));
    CHECK_FALSE(Xapian::Database(dir.path().string()).term_exists("Qdoi:10.3390/nu9050429"));
}

TEST_CASE("a study filed under its DOI by an earlier run, or before a commit, is found when its PMID arrives") {
    // A record with a PMID looks for a study filed under its DOI only when the index may hold
    // one: the writer reads that from the index when it opens and after each commit.
    evidex::test::TempDir dir;
    {
        IndexWriter writer(dir.path());
        writer.upsert(make_study("", "10.1000/first", "Crossref first", evidex::Source::crossref), no_classifier);
        writer.finish();
    }
    {
        IndexWriter writer(dir.path(), evidex::WriterOptions{2});
        CHECK(writer.upsert(make_study("111", "10.1000/first", "PubMed first"), no_classifier) == UpsertOutcome::replaced);
        // The commit after the second change finds no study filed under a DOI any more; the
        // third record is filed under its DOI, and the fourth, with a PMID, still finds it.
        CHECK(writer.upsert(make_study("222", "10.1000/other", "Unrelated"), no_classifier) == UpsertOutcome::added);
        writer.upsert(make_study("", "10.1000/second", "Crossref second", evidex::Source::crossref), no_classifier);
        CHECK(writer.upsert(make_study("333", "10.1000/second", "PubMed second"), no_classifier) == UpsertOutcome::replaced);
        writer.finish();
    }
    CHECK(doc_count(dir.path()) == 3);
    const Xapian::Database db(dir.path().string());
    CHECK(db.allterms_begin("Qdoi:") == db.allterms_end("Qdoi:"));
    IndexReader reader(dir.path());
    CHECK(reader.find("doi:10.1000/first")->pmid == "111");
    CHECK(reader.find("doi:10.1000/second")->pmid == "333");
}

// A BibTeX or CSL-JSON record as written may have neither PMID nor DOI. Such records were all
// filed under the one key "doi:" and overwrote each other.
namespace {
Study idless_record(const std::string& title, const std::string& family, int year) {
    Study s = make_study("", "", title, evidex::Source::doi);
    evidex::Author author;
    author.family = family;
    s.authors = {author};
    s.year = year;
    return s;
}
}  // namespace

TEST_CASE("the key of a study is its PMID, else its DOI, else the hash of title, first author and year") {
    CHECK(make_study("9703590", "10.1000/rls", "T").key() == "pmid:9703590");
    CHECK(make_study("", "10.1000/rls", "T").key() == "doi:10.1000/rls");
    // FNV-1a 64 of "oral magnesium and sleep quality in older adults\nsmith\n2019", worked out
    // apart from this code.
    const Study smith = idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2019);
    CHECK(smith.key() == "title:52c900be2ddafe7d");
    CHECK(evidex::schema::unique_term(smith) == "Qtitle:52c900be2ddafe7d");
    // Case, punctuation and markup do not make another work; another author or year does.
    CHECK(idless_record("ORAL MAGNESIUM and sleep quality, in older adults.", "SMITH", 2019).key() == smith.key());
    CHECK(idless_record("Oral <i>magnesium</i> and sleep quality in older adults", "smith", 2019).key() == smith.key());
    CHECK(idless_record("Oral magnesium and sleep quality in older adults", "Smyth", 2019).key() != smith.key());
    CHECK(idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2020).key() != smith.key());
    CHECK(idless_record("Oral magnesium and sleep quality in adults", "Smith", 2019).key() != smith.key());
    // The title key does not depend on the ids, so a record that brings one finds its old self.
    Study with_doi = smith;
    with_doi.doi = "10.1000/sleep";
    CHECK(with_doi.title_key() == smith.key());
}

TEST_CASE("records with neither PMID nor DOI are two studies when their title, first author or year differ") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    const Study smith = idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2019);
    const Study jones = idless_record("Magnesium citrate for nocturnal leg cramps", "Jones", 2020);
    const Study smith_later = idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2021);
    CHECK(writer.upsert(smith, no_classifier) == UpsertOutcome::added);
    CHECK(writer.upsert(jones, no_classifier) == UpsertOutcome::added);
    CHECK(writer.upsert(smith_later, no_classifier) == UpsertOutcome::added);
    writer.finish();

    CHECK(doc_count(dir.path()) == 3);
    IndexReader reader(dir.path());
    REQUIRE(reader.find(smith.key()));
    CHECK(reader.find(smith.key())->year == 2019);
    REQUIRE(reader.find(jones.key()));
    CHECK(reader.find(jones.key())->title == "Magnesium citrate for nocturnal leg cramps");
    REQUIRE(reader.find(smith_later.key()));
    CHECK(reader.find(smith_later.key())->year == 2021);
    CHECK_FALSE(Xapian::Database(dir.path().string()).term_exists("Qdoi:"));
}

TEST_CASE("the same record without ids indexed twice is one study, merged") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    Study first = idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2019);
    first.journal = "Journal of Sleep Trials";
    Study again = idless_record("Oral Magnesium and Sleep Quality in Older Adults.", "Smith", 2019);
    again.abstract = {{"", "", "Sixty adults took magnesium or placebo."}};
    CHECK(writer.upsert(first, no_classifier) == UpsertOutcome::added);
    CHECK(writer.upsert(again, no_classifier) == UpsertOutcome::replaced);
    writer.finish();

    CHECK(doc_count(dir.path()) == 1);
    const auto study = IndexReader(dir.path()).find(first.key());
    REQUIRE(study);
    CHECK(study->journal == "Journal of Sleep Trials");
    CHECK(study->abstract_text() == "Sixty adults took magnesium or placebo.");
}

TEST_CASE("a record without ids folds into a later record of the same work that has a DOI or a PMID") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    Study written = idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2019);
    written.keywords = {"insomnia"};
    const std::string title_key = written.key();
    writer.upsert(written, no_classifier);
    // Another work without ids stays apart from all this.
    const Study jones = idless_record("Magnesium citrate for nocturnal leg cramps", "Jones", 2020);
    writer.upsert(jones, no_classifier);

    // The same work as Crossref or PubMed has it; the title differs in case and punctuation only.
    Study found = idless_record("Oral Magnesium and Sleep Quality in Older Adults.", "Smith", 2019);
    found.journal = "Sleep Trials";
    std::string key;
    SUBCASE("by its DOI") {
        found.doi = "10.1000/sleep";
        found.source = evidex::Source::crossref;
        key = "doi:10.1000/sleep";
    }
    SUBCASE("by its PMID") {
        found.pmid = "31000001";
        found.source = evidex::Source::pubmed;
        key = "pmid:31000001";
    }
    CHECK(writer.upsert(found, no_classifier) == UpsertOutcome::replaced);
    writer.finish();

    CHECK(doc_count(dir.path()) == 2);
    CHECK_FALSE(Xapian::Database(dir.path().string()).term_exists("Q" + title_key));
    IndexReader reader(dir.path());
    CHECK_FALSE(reader.find(title_key));
    const auto study = reader.find(key);
    REQUIRE(study);
    CHECK(study->title == "Oral Magnesium and Sleep Quality in Older Adults.");  // the looked-up record wins
    CHECK(study->journal == "Sleep Trials");
    CHECK(study->keywords == std::vector<std::string>{"insomnia"});               // the written one fills gaps
    REQUIRE(reader.find(jones.key()));
    CHECK(reader.find(jones.key())->title == jones.title);
}

TEST_CASE("IndexReader finds a study by its title key in any case and refuses a malformed one") {
    evidex::test::TempDir dir;
    const Study smith = idless_record("Oral magnesium and sleep quality in older adults", "Smith", 2019);
    {
        IndexWriter writer(dir.path());
        writer.upsert(smith, no_classifier);
        writer.finish();
    }
    IndexReader reader(dir.path());
    REQUIRE(reader.find("TITLE:52C900BE2DDAFE7D"));
    CHECK(reader.find("title:52c900be2ddafe7d")->title == smith.title);
    CHECK_FALSE(reader.find("title:0000000000000000"));
    CHECK_THROWS_AS(reader.find("title:52c900be"), evidex::FatalError);
    CHECK_THROWS_AS(reader.find("title:oral magnesium"), evidex::FatalError);
}

TEST_CASE("a Crossref record arriving after the PubMed one does not overwrite PubMed's fields") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    writer.upsert(make_study("30562392", "10.1371/journal.pone.0208454", "PubMed title"), no_classifier);
    writer.upsert(make_study("", "10.1371/journal.pone.0208454", "Crossref title", evidex::Source::crossref),
                  no_classifier);
    writer.finish();
    CHECK(doc_count(dir.path()) == 1);
    CHECK(IndexReader(dir.path()).find("pmid:30562392")->title == "PubMed title");
}

TEST_CASE("two different PMIDs sharing a DOI stay two documents") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    writer.upsert(make_study("100", "10.1000/shared", "Article"), no_classifier);
    writer.upsert(make_study("200", "10.1000/shared", "Erratum"), no_classifier);
    writer.finish();
    CHECK(doc_count(dir.path()) == 2);
}

TEST_CASE("the classifier runs on the merged record") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    const evidex::Classifier classify = [](Study& s) {
        s.design = s.publication_types.empty() ? evidex::Design::other : evidex::Design::rct;
    };
    Study pubmed = make_study("5", "10.1000/five", "T");
    pubmed.publication_types = {"Randomized Controlled Trial"};
    writer.upsert(pubmed, classify);
    writer.upsert(make_study("", "10.1000/five", "T", evidex::Source::crossref), classify);
    writer.finish();
    CHECK(IndexReader(dir.path()).find("pmid:5")->design == evidex::Design::rct);
}

TEST_CASE("remove_pmid deletes the study and says whether it was there") {
    evidex::test::TempDir dir;
    IndexWriter writer(dir.path());
    writer.upsert(make_study("7", "", "Seven"), no_classifier);
    CHECK(writer.remove_pmid("7"));
    CHECK_FALSE(writer.remove_pmid("8"));
    writer.finish();
    CHECK(doc_count(dir.path()) == 0);
}

TEST_CASE("changes not committed when the writer goes away are discarded, committed ones kept") {
    evidex::test::TempDir dir;
    {
        IndexWriter writer(dir.path(), evidex::WriterOptions{2});
        writer.upsert(make_study("1", "", "one"), no_classifier);
        writer.upsert(make_study("2", "", "two"), no_classifier);  // second change: batch committed
        writer.upsert(make_study("3", "", "three"), no_classifier);
        // No finish(): the third study is not committed.
    }
    CHECK(doc_count(dir.path()) == 2);
    IndexReader reader(dir.path());
    CHECK(reader.find("pmid:2"));
    CHECK_FALSE(reader.find("pmid:3"));
}

TEST_CASE("a second writer is refused with the locked exit code and a message naming the lock") {
    evidex::test::TempDir dir;
    IndexWriter first(dir.path());
    try {
        IndexWriter second(dir.path());
        FAIL("a second writer opened a locked index");
    } catch (const evidex::FatalError& e) {
        CHECK(e.code() == evidex::ExitCode::locked);
        CHECK(std::string(e.what()).find("flintlock") != std::string::npos);
    }
    first.finish();
}

TEST_CASE("an index with another schema version is refused by writer and reader") {
    evidex::test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(evidex::schema::version_key, "99");
        db.commit();
    }
    try {
        IndexWriter writer(dir.path());
        FAIL("opened an index of schema version 99");
    } catch (const evidex::FatalError& e) {
        CHECK(e.code() == evidex::ExitCode::failed);
        CHECK(std::string(e.what()).find("schema version 99") != std::string::npos);
    }
    CHECK_THROWS_AS(IndexReader(dir.path()), evidex::FatalError);
}

TEST_CASE("IndexReader on a directory with no index says so") {
    evidex::test::TempDir dir;
    try {
        IndexReader reader(dir / "missing");
        FAIL("opened a missing index");
    } catch (const evidex::FatalError& e) {
        CHECK(std::string(e.what()).find("no index here") != std::string::npos);
    }
}

TEST_CASE("a version 4 index is read as it is, and a writer stamps it with this version") {
    evidex::test::TempDir dir;
    {
        IndexWriter writer(dir.path());
        writer.upsert(make_study("9703590", "", "Magnesium therapy for restless legs"), no_classifier);
        writer.finish();
    }
    // What a version 4 writer left: the same terms and values, the record's authors and reasons
    // as objects.
    const std::string v4_data =
        R"({"authors":[{"family":"Hornyak","given":"Magdolna","initials":"M","name":"Hornyak M"}],"design":"other",)"
        R"("level":5,"pmid":"9703590","reasons":[{"field":"design","rule":"no-design-cue","span":"no cue"}],)"
        R"("source":"pubmed","title":"Magnesium therapy for restless legs"})";
    {
        Xapian::WritableDatabase db(dir.path().string());
        const Xapian::docid docid = *db.postlist_begin("XPMID9703590");
        Xapian::Document doc = db.get_document(docid);
        doc.set_data(v4_data);
        db.replace_document(docid, doc);
        db.set_metadata(evidex::schema::version_key, "4");
        db.commit();
    }
    const auto check_record = [&](const IndexReader& reader) {
        const auto study = reader.find("pmid:9703590");
        REQUIRE(study);
        REQUIRE(study->authors.size() == 1);
        CHECK(study->authors[0].display() == "Hornyak M");
        REQUIRE(study->reasons.size() == 1);
        CHECK(study->reasons[0].rule == "no-design-cue");
    };
    {
        IndexReader reader(dir.path());
        check_record(reader);
        CHECK(reader.database().get_metadata(evidex::schema::version_key) == "4");
    }
    {
        IndexWriter writer(dir.path());
        CHECK_FALSE(writer.upgraded());
        writer.upsert(make_study("1", "", "Another study"), no_classifier);
        writer.finish();
    }
    IndexReader reader(dir.path());
    check_record(reader);
    const Xapian::Database& db = reader.database();
    CHECK(db.get_metadata(evidex::schema::version_key) == std::to_string(evidex::schema::version));
    // Nothing was rewritten.
    CHECK(db.get_document(*db.postlist_begin("XPMID9703590")).get_data() == v4_data);
    CHECK(reader.find("pmid:1")->title == "Another study");
}

TEST_CASE("a version 1 index is refused until `upgrade` rewrites it, keeping every study and claim") {
    evidex::test::TempDir dir;
    namespace slot = evidex::schema::slot;
    {
        IndexWriter writer(dir.path());
        Study rls = make_study("9703590", "", "Magnesium therapy for restless legs");
        rls.conditions = {"restless-legs-syndrome", "insomnia"};
        rls.year = 1998;
        writer.upsert(rls, no_classifier);
        writer.upsert(make_study("1", "", "No condition, no year"), no_classifier);
        writer.finish();
    }
    // What a version 1 writer left: no facets or level_year slots, version "1", a claim tag.
    {
        Xapian::WritableDatabase db(dir.path().string());
        std::vector<Xapian::docid> docids;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
        for (const auto docid : docids) {
            Xapian::Document doc = db.get_document(docid);
            doc.add_value(slot::facets, "");  // an empty value removes the slot
            doc.add_value(slot::level_year, "");
            doc.add_boolean_term("XCLAIMclaim:page-00000000:c1");
            db.replace_document(docid, doc);
        }
        db.set_metadata(evidex::schema::version_key, "1");
        db.commit();
    }
    const auto message_of = [&](auto open) -> std::string {
        try {
            open();
        } catch (const evidex::FatalError& e) {
            return e.what();
        }
        return "";
    };
    CHECK(message_of([&] { IndexReader reader(dir.path()); }).find("evidex-index --db") != std::string::npos);
    CHECK(message_of([&] { IndexWriter writer(dir.path()); }).find("evidex-index upgrade") != std::string::npos);

    evidex::WriterOptions options;
    options.upgrade = true;
    {
        IndexWriter writer(dir.path(), options);
        REQUIRE(writer.upgraded());
        CHECK(writer.upgraded()->from_version == 1);
        CHECK(writer.upgraded()->studies == 2);
        writer.finish();
    }
    IndexReader reader(dir.path());
    const Xapian::Database& db = reader.database();
    CHECK(db.get_metadata(evidex::schema::version_key) == std::to_string(evidex::schema::version));
    const Xapian::Document rls = db.get_document(*db.postlist_begin("XPMID9703590"));
    CHECK(rls.get_value(slot::facets) == "other|5|1998|unclear|insomnia restless-legs-syndrome");
    CHECK(rls.get_value(slot::level_year).substr(1) == "8001");  // 9999 - 1998
    CHECK(db.term_exists("XCLAIMclaim:page-00000000:c1"));
    CHECK(db.get_document(*db.postlist_begin("XPMID1")).get_value(slot::facets) == "other|5||unclear|");
    CHECK(reader.find("pmid:9703590")->title == "Magnesium therapy for restless legs");

    // Upgrading an index that is up to date changes nothing.
    IndexWriter again(dir.path(), options);
    CHECK_FALSE(again.upgraded());
    again.finish();
}

TEST_CASE("`upgrade` of a version 3 index keeps only the stems of the text, which searches then find") {
    evidex::test::TempDir dir;
    {
        IndexWriter writer(dir.path());
        writer.upsert(make_study("9703590", "", "Magnesium therapy for restless legs"), no_classifier);
        writer.finish();
    }
    // What a version 3 writer left: every word as written with its position, and its stem
    // with a Z before the prefix (Xapian's STEM_SOME).
    {
        Xapian::WritableDatabase db(dir.path().string());
        const Xapian::docid docid = *db.postlist_begin("XPMID9703590");
        Xapian::Document doc = db.get_document(docid);
        doc.clear_terms();
        Xapian::TermGenerator terms;
        terms.set_stemmer(Xapian::Stem("english"));
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        terms.set_document(doc);
        terms.index_text("Magnesium therapy for restless legs", 1, "S");
        doc.add_boolean_term("Qpmid:9703590");
        doc.add_boolean_term("XTYPEstudy");
        doc.add_boolean_term("XPMID9703590");
        db.replace_document(docid, doc);
        db.set_metadata(evidex::schema::version_key, "3");
        db.commit();
    }
    REQUIRE(Xapian::Database(dir.path().string()).term_exists("Slegs"));
    evidex::WriterOptions options;
    options.upgrade = true;
    {
        IndexWriter writer(dir.path(), options);
        REQUIRE(writer.upgraded());
        CHECK(writer.upgraded()->from_version == 3);
        writer.finish();
    }
    const Xapian::Database db(dir.path().string());
    CHECK(db.get_metadata(evidex::schema::version_key) == std::to_string(evidex::schema::version));
    CHECK(db.term_exists("Sleg"));
    CHECK(db.term_exists("Stherapi"));
    CHECK_FALSE(db.term_exists("Slegs"));
    CHECK_FALSE(db.term_exists("ZSleg"));
    CHECK(db.get_termfreq(evidex::schema::text_term(evidex::schema::prefix::title, "Legs")) == 1);
}

TEST_CASE("the sort key of slot level_year orders by level, then newest year, unknown years last") {
    using evidex::schema::level_year_key;
    CHECK(level_year_key(1, 1998) < level_year_key(2, 2020));
    CHECK(level_year_key(2, 2020) < level_year_key(2, 1998));
    CHECK(level_year_key(2, 1998) < level_year_key(2, std::nullopt));
    CHECK(level_year_key(2, std::nullopt) < level_year_key(3, 2024));
    CHECK(level_year_key(1, 2010).size() == 5);
}

TEST_CASE("the facets value holds every faceted field and parses back") {
    Study study = make_study("1", "", "Magnesium and sleep");
    study.design = evidex::Design::rct;
    study.year = 2019;
    study.result_direction = evidex::ResultDirection::positive;
    study.conditions = {"migraine", "insomnia", "migraine", ""};
    const std::string value = evidex::schema::facets_value(study);
    CHECK(value == "rct|2|2019|positive|insomnia migraine");
    const auto fields = evidex::schema::parse_facets_value(value);
    REQUIRE(fields);
    CHECK(fields->design == "rct");
    CHECK(fields->level == 2);
    CHECK(fields->year == 2019);
    CHECK(fields->direction == "positive");
    CHECK(fields->conditions == std::vector<std::string>{"insomnia", "migraine"});

    const auto bare = evidex::schema::parse_facets_value("other|5||unclear|");
    REQUIRE(bare);
    CHECK_FALSE(bare->year);
    CHECK(bare->conditions.empty());
    for (const char* bad : {"", "rct", "rct|2|2019|positive", "rct|x|2019|positive|", "rct|2|19a|positive|",
                            "rct|2|2019|positive|a|b"})
        CHECK_MESSAGE(!evidex::schema::parse_facets_value(bad), bad);
}
