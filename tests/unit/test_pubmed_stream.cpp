// read_pubmed_file on generated plain and gzip files: order, deletions, damage, size limits.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>
#include <zlib.h>

#include "core/pubmed_parser.h"

namespace fs = std::filesystem;
using evidex::ItemError;
using evidex::Study;

namespace {

// A directory of its own under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() /
               ("evidex_pubmed_stream_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

std::string article(int pmid, const std::string& title = "") {
    const auto id = std::to_string(pmid);
    return "  <PubmedArticle>\n    <MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">\n      <PMID Version=\"1\">" +
           id + "</PMID>\n      <Article><Journal><JournalIssue><PubDate><Year>2001</Year></PubDate></JournalIssue>"
           "<Title>J</Title></Journal><ArticleTitle>" + (title.empty() ? "Study " + id + "." : title) +
           "</ArticleTitle><Abstract><AbstractText>Abstract of study " + id + ".</AbstractText></Abstract>"
           "</Article>\n    </MedlineCitation>\n    <PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">" + id +
           "</ArticleId></ArticleIdList></PubmedData>\n  </PubmedArticle>\n";
}

std::string book_article(int pmid) {
    const auto id = std::to_string(pmid);
    return "  <PubmedBookArticle><BookDocument><PMID Version=\"1\">" + id +
           "</PMID><Book><BookTitle>A Book</BookTitle><PubDate><Year>2010</Year></PubDate></Book>"
           "<ArticleTitle>Chapter " + id + ".</ArticleTitle></BookDocument></PubmedBookArticle>\n";
}

std::string deletion(const std::vector<int>& pmids) {
    std::string out = "  <DeleteCitation>\n";
    for (const int pmid : pmids) out += "    <PMID Version=\"1\">" + std::to_string(pmid) + "</PMID>\n";
    return out + "  </DeleteCitation>\n";
}

std::string article_set(const std::string& elements) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD "
           "PubMedArticle, 1st January 2019//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd\">\n"
           "<PubmedArticleSet>\n" + elements + "</PubmedArticleSet>\n";
}

void write_plain(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

void write_gzip(const fs::path& path, const std::string& text) {
    gzFile file = gzopen(path.string().c_str(), "wb");
    REQUIRE(file != nullptr);
    REQUIRE(gzwrite(file, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
    REQUIRE(gzclose(file) == Z_OK);
}

// Everything the sink received, and in which order ("study 1", "deleted 5", "error ...").
struct Delivered {
    std::vector<std::string> events;
    std::vector<Study> studies;
    std::vector<ItemError> errors;
    bool opened = false;
};

Delivered read_all(const fs::path& path) {
    Delivered delivered;
    evidex::PubmedSink sink;
    sink.study = [&](Study&& study) {
        delivered.events.push_back("study " + study.pmid);
        delivered.studies.push_back(std::move(study));
    };
    sink.deleted = [&](const std::string& pmid) { delivered.events.push_back("deleted " + pmid); };
    sink.error = [&](ItemError&& error) {
        delivered.events.push_back("error " + error.to_string());
        delivered.errors.push_back(std::move(error));
    };
    delivered.opened = evidex::read_pubmed_file(path, sink);
    return delivered;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("read_pubmed_file delivers the articles and deletions of plain and gzip files in file order") {
    TempDir dir;
    // "&lt;PubmedArticle&gt;" in a title is text, not a tag: the scanner must not start an element there.
    const auto text = article_set(article(1) + book_article(2) + article(3, "About &lt;PubmedArticle&gt; tags") +
                                  deletion({4, 5}));
    const std::vector<std::string> expected{"study 1", "study 2", "study 3", "deleted 4", "deleted 5"};
    for (const auto* name : {"update.xml", "update.xml.gz"}) {
        CAPTURE(name);
        const auto path = dir.path / name;
        if (fs::path(name).extension() == ".gz")
            write_gzip(path, text);
        else
            write_plain(path, text);
        const auto delivered = read_all(path);
        CHECK(delivered.opened);
        CHECK(delivered.events == expected);
        REQUIRE(delivered.studies.size() == 3);
        CHECK(delivered.studies[1].book);
        CHECK(delivered.studies[2].title == "About <PubmedArticle> tags");
    }
}

TEST_CASE("read_pubmed_file reads a file of 5,000 articles completely, across chunk boundaries") {
    TempDir dir;
    std::string elements;
    for (int pmid = 1; pmid <= 5000; ++pmid) elements += pmid == 4321 ? article(pmid, " ") : article(pmid);
    elements += deletion({9000001, 9000002, 9000003});
    const auto text = article_set(elements);
    REQUIRE(text.size() > (std::size_t{2} << 20));  // more than two 1 MiB chunks
    const auto path = dir.path / "pubmed26n0001.xml.gz";
    write_gzip(path, text);

    const auto delivered = read_all(path);
    REQUIRE(delivered.studies.size() == 4999);
    bool in_order = true;
    for (std::size_t i = 0; i < delivered.studies.size(); ++i) {
        const int expected = static_cast<int>(i) + (i + 1 >= 4321 ? 2 : 1);
        in_order = in_order && delivered.studies[i].pmid == std::to_string(expected);
    }
    CHECK(in_order);
    CHECK(delivered.studies.back().abstract_text() == "Abstract of study 5000.");
    REQUIRE(delivered.errors.size() == 1);
    CHECK(delivered.errors[0].to_string() == path.string() + ": article 4321 (PMID 4321): no ArticleTitle");
    CHECK(std::vector<std::string>(delivered.events.end() - 3, delivered.events.end()) ==
          std::vector<std::string>{"deleted 9000001", "deleted 9000002", "deleted 9000003"});
}

TEST_CASE("read_pubmed_file delivers the complete articles before the cut of a truncated gzip, then one error") {
    TempDir dir;
    std::string elements;
    for (int pmid = 1; pmid <= 3000; ++pmid) elements += article(pmid);
    const auto path = dir.path / "cut.xml.gz";
    write_gzip(path, article_set(elements));
    fs::resize_file(path, fs::file_size(path) / 2);

    const auto delivered = read_all(path);
    CHECK(delivered.opened);
    REQUIRE(delivered.errors.size() == 1);
    CHECK(delivered.errors[0].where == path.string());
    CHECK(delivered.errors[0].message.find("uncompressed byte offset") != std::string::npos);
    CHECK(delivered.events.back() == "error " + delivered.errors[0].to_string());
    // About half the articles: every one before the cut, in order, none after it.
    CHECK(delivered.studies.size() > 1000);
    CHECK(delivered.studies.size() < 2000);
    for (std::size_t i = 0; i < delivered.studies.size(); ++i) REQUIRE(delivered.studies[i].pmid == std::to_string(i + 1));
}

TEST_CASE("read_pubmed_file reports a plain file that ends inside an article with the file and the byte offset") {
    TempDir dir;
    const auto full = article_set(article(1) + article(2) + article(3));
    const auto cut = full.substr(0, full.find("<ArticleTitle>Study 3"));
    const auto path = dir.path / "ends_inside.xml";
    write_plain(path, cut);

    const auto delivered = read_all(path);
    CHECK(delivered.events.size() == 3);
    REQUIRE(delivered.studies.size() == 2);
    REQUIRE(delivered.errors.size() == 1);
    CHECK(delivered.errors[0].where == path.string() + ": article 3");
    CHECK(delivered.errors[0].message ==
          "file ends at byte offset " + std::to_string(cut.size()) + " inside the element (truncated file?)");
}

TEST_CASE("read_pubmed_file reports a file cut between two articles, and a file that is not PubMed XML") {
    TempDir dir;
    const auto full = article_set(article(1) + article(2));
    const auto between = full.substr(0, full.find("  <PubmedArticle>", full.find("</PubmedArticle>")));
    write_plain(dir.path / "between.xml", between);
    const auto cut = read_all(dir.path / "between.xml");
    CHECK(cut.studies.size() == 1);
    REQUIRE(cut.errors.size() == 1);
    CHECK(starts_with(cut.errors[0].message, "file ends at byte offset " + std::to_string(between.size())));

    write_plain(dir.path / "esearch.xml", "<eSearchResult><Count>0</Count></eSearchResult>\n");
    const auto other = read_all(dir.path / "esearch.xml");
    CHECK(other.opened);
    CHECK(other.studies.empty());
    REQUIRE(other.errors.size() == 1);
    CHECK(other.errors[0].message == "not PubMed XML: no <PubmedArticleSet> element");
}

TEST_CASE("read_pubmed_file reports corrupt gzip data once, after the articles it could read") {
    TempDir dir;
    const auto path = dir.path / "corrupt.xml.gz";
    write_gzip(path, article_set(article(1)));
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (std::size_t i = 12; i < bytes.size() - 8; ++i) bytes[i] = static_cast<char>(0xFF);  // deflate data gone
    write_plain(path, bytes);

    const auto delivered = read_all(path);
    CHECK(delivered.opened);
    CHECK(delivered.studies.empty());
    REQUIRE(delivered.errors.size() == 1);
    CHECK(delivered.errors[0].where == path.string());
    CHECK(starts_with(delivered.errors[0].message, "corrupt or truncated data at uncompressed byte offset "));
}

TEST_CASE("read_pubmed_file returns false with one error when the file cannot be opened") {
    TempDir dir;
    for (const auto& path : {dir.path / "missing.xml.gz", dir.path}) {
        CAPTURE(path);
        const auto delivered = read_all(path);
        CHECK_FALSE(delivered.opened);
        CHECK(delivered.studies.empty());
        REQUIRE(delivered.errors.size() == 1);
        CHECK(delivered.errors[0].where == path.string());
        CHECK(starts_with(delivered.errors[0].message, "cannot open: "));
    }
}

TEST_CASE("read_pubmed_file skips an element over 64 MiB with an error and reads on") {
    TempDir dir;
    const std::string huge_title(std::size_t{65} << 20, 'a');
    const auto path = dir.path / "huge.xml.gz";
    write_gzip(path, article_set(article(1) + article(2, huge_title) + article(3)));

    const auto delivered = read_all(path);
    CHECK(delivered.events == std::vector<std::string>{
                                  "study 1", "error " + path.string() + ": article 2: element larger than 64 MiB, skipped",
                                  "study 3"});
}

TEST_CASE("read_pubmed_file reads every article of a gzip file with junk after it, then names the junk") {
    TempDir dir;
    const auto path = dir.path / "appended.xml.gz";
    write_gzip(path, article_set(article(1) + article(2)));
    const auto compressed_size = fs::file_size(path);
    {
        std::ofstream out(path, std::ios::binary | std::ios::app);
        out << "<PubmedArticle>not compressed</PubmedArticle>\n";
    }
    const auto delivered = read_all(path);
    CHECK(delivered.events == std::vector<std::string>{
                                  "study 1", "study 2",
                                  "error " + path.string() + ": 46 bytes after the end of the gzip data (at byte " +
                                      std::to_string(compressed_size) + ") are not gzip data and were not read"});
}
