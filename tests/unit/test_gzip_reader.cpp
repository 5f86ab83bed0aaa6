#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <string>

#include <zlib.h>

#include "core/gzip_reader.h"
#include "tests/support/temp_dir.h"

namespace {

using evidex::GzipReader;

// One gzip member holding `text`, as gzip(1) writes it.
std::string gzip_member(const std::string& text) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::filesystem::path write(const evidex::test::TempDir& dir, const std::string& name, const std::string& bytes) {
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// Everything the reader gives, read `piece` bytes at a time.
std::string read_all(GzipReader& reader, std::size_t piece) {
    std::string content, buffer(piece, '\0');
    while (const auto got = reader.read(buffer.data(), buffer.size())) content.append(buffer, 0, got);
    return content;
}

std::string random_text(std::size_t size, unsigned seed) {
    std::mt19937 rng(seed);
    std::string text(size, '\0');
    for (auto& c : text) c = static_cast<char>(rng());
    return text;
}

}  // namespace

TEST_CASE("GzipReader passes a plain file through and inflates a gzip file, whatever the read size") {
    evidex::test::TempDir dir;
    const std::string text = "<PubmedArticleSet>\n" + std::string(100000, 'x') + "</PubmedArticleSet>\n";
    for (const std::size_t piece : {std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20}) {
        CAPTURE(piece);
        GzipReader plain(write(dir, "plain.xml", text));
        REQUIRE(plain.is_open());
        CHECK(read_all(plain, piece) == text);
        CHECK_FALSE(plain.compressed());
        CHECK(plain.damage().empty());

        GzipReader gz(write(dir, "a.xml.gz", gzip_member(text)));
        CHECK(read_all(gz, piece) == text);
        CHECK(gz.compressed());
        CHECK(gz.damage().empty());
        CHECK(gz.trailing_bytes() == 0);
    }
    GzipReader empty(write(dir, "empty", ""));
    std::string buffer(16, '\0');
    CHECK(empty.read(buffer.data(), buffer.size()) == 0);
    CHECK(empty.damage().empty());
}

TEST_CASE("GzipReader reads concatenated members, and zero padding after the last one, as one content") {
    evidex::test::TempDir dir;
    // Members larger than the reader's input buffer, so that member ends fall inside a refill.
    const auto first = random_text(700000, 1), second = random_text(300000, 2), third = std::string("end\n");
    const auto bytes = gzip_member(first) + gzip_member(second) + gzip_member(third) + std::string(4096, '\0');
    GzipReader reader(write(dir, "joined.gz", bytes));
    CHECK(read_all(reader, 65536) == first + second + third);
    CHECK(reader.damage().empty());
    CHECK(reader.trailing_bytes() == 0);
}

TEST_CASE("GzipReader tells trailing junk, a cut file and corrupt data apart") {
    evidex::test::TempDir dir;
    const std::string text = random_text(50000, 3);
    const auto member = gzip_member(text);

    GzipReader junk(write(dir, "junk.gz", member + std::string(3, '\0') + "appended text"));
    CHECK(read_all(junk, 4096) == text);  // the content is whole
    CHECK(junk.damage().empty());
    CHECK(junk.trailing_bytes() == 16);
    CHECK(junk.trailing_offset() == member.size());

    GzipReader cut(write(dir, "cut.gz", member.substr(0, member.size() / 2)));
    const auto part = read_all(cut, 4096);
    CHECK(part.size() < text.size());
    CHECK(text.compare(0, part.size(), part) == 0);
    CHECK(cut.damage().rfind("truncated gzip data", 0) == 0);

    auto bad = member;
    for (std::size_t i = 20; i < 200; ++i) bad[i] = static_cast<char>(0xFF);
    GzipReader corrupt(write(dir, "corrupt.gz", bad));
    read_all(corrupt, 4096);
    CHECK(corrupt.damage().rfind("corrupt gzip data at byte ", 0) == 0);

    auto crc = member;
    crc[crc.size() - 8] = static_cast<char>(crc[crc.size() - 8] ^ 0x55);
    GzipReader wrong_crc(write(dir, "crc.gz", crc));
    CHECK(read_all(wrong_crc, 4096) == text);
    CHECK(wrong_crc.damage().find("incorrect data check") != std::string::npos);
}

TEST_CASE("GzipReader says why a file cannot be opened") {
    evidex::test::TempDir dir;
    GzipReader missing(dir / "missing.gz");
    CHECK_FALSE(missing.is_open());
    CHECK(missing.open_error() == "No such file or directory");
}
