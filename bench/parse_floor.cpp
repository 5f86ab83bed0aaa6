// evidex-bench-parse: the parse floors of the ingest bench (scripts/bench ingest). Reads PubMed
// files and counts their records, doing only the work of one stage of ingest:
//
//   --zlib      zlib alone: the files decompressed, nothing parsed.
//   (default)   zlib and pugixml alone: each <PubmedArticle> element is found by its end tag,
//               parsed in place into a reused pugixml document, and its PMID, title and abstract
//               located. The least a reader built on these two libraries must do.
//   --evidex    Evidex's own reader, read_pubmed_file, with a sink that only counts studies.
//   --classify  the same, and each study classified with the rules of schemas/ (classify_study).
//
// Prints one line of JSON: mode, records (none with --zlib), errors, uncompressed bytes (--zlib and
// the default mode) and seconds. The default mode's text bytes (title and abstract) are printed too, so the work
// of locating them cannot be skipped.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>
#include <zlib.h>

#include "core/classify.h"
#include "core/data_dirs.h"
#include "core/errors.h"
#include "core/pubmed_parser.h"

namespace fs = std::filesystem;

namespace {

constexpr std::string_view usage_text =
    "usage: evidex-bench-parse [--zlib | --evidex | --classify] FILE...\n"
    "\n"
    "Counts the records of PubMed XML files (.xml or .xml.gz) and the time that takes.\n"
    "\n"
    "  --zlib       zlib alone: the files decompressed, nothing parsed\n"
    "  (no option)  zlib and pugixml alone: each <PubmedArticle> parsed, its PMID, title and\n"
    "               abstract located\n"
    "  --evidex     Evidex's reader (read_pubmed_file), studies counted, nothing else done\n"
    "  --classify   Evidex's reader, and each study classified (classify_study)\n";

enum class Mode { zlib, raw, evidex, classify };

struct Tally {
    std::uint64_t records = 0;
    std::uint64_t errors = 0;
    std::uint64_t uncompressed_bytes = 0;
    std::uint64_t text_bytes = 0;
};

constexpr std::size_t chunk_size = std::size_t{1} << 20;
constexpr std::string_view article_open = "<PubmedArticle";
constexpr std::string_view article_close = "</PubmedArticle>";

// The start of the next <PubmedArticle> tag at or after `from` (not <PubmedArticleSet>).
std::size_t find_article(std::string_view text, std::size_t from) {
    for (;;) {
        const auto at = text.find(article_open, from);
        if (at == std::string_view::npos || at + article_open.size() >= text.size()) return std::string_view::npos;
        const char next = text[at + article_open.size()];
        if (next == '>' || next == ' ' || next == '\n' || next == '\t' || next == '\r') return at;
        from = at + 1;
    }
}

void count_article(pugi::xml_document& doc, char* element, std::size_t size, Tally& tally) {
    if (!doc.load_buffer_inplace(element, size, pugi::parse_default)) {
        ++tally.errors;
        return;
    }
    const auto citation = doc.first_child().child("MedlineCitation");
    const auto article = citation.child("Article");
    if (!*citation.child_value("PMID")) {
        ++tally.errors;
        return;
    }
    ++tally.records;
    tally.text_bytes += std::strlen(article.child_value("ArticleTitle"));
    for (const auto section : article.child("Abstract").children("AbstractText"))
        tally.text_bytes += std::strlen(section.child_value());
}

// Streams one file with zlib and, unless `parse` is false, parses each article element with
// pugixml.
void read_raw(const fs::path& path, bool parse, Tally& tally) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) {
        ++tally.errors;
        return;
    }
    gzbuffer(file, 1 << 17);
    pugi::xml_document doc;
    std::string buffer;
    std::size_t scan_from = 0;
    for (;;) {
        const auto old_size = buffer.size();
        buffer.resize(old_size + chunk_size);
        const int got = gzread(file, buffer.data() + old_size, static_cast<unsigned>(chunk_size));
        buffer.resize(old_size + static_cast<std::size_t>(got > 0 ? got : 0));
        if (got <= 0) {
            if (got < 0) ++tally.errors;
            break;
        }
        tally.uncompressed_bytes += static_cast<std::uint64_t>(got);
        if (!parse) {
            buffer.clear();
            continue;
        }
        std::size_t pending = std::string::npos;  // the start of an element not yet closed
        for (;;) {
            const auto start = find_article(buffer, scan_from);
            if (start == std::string::npos) break;
            const auto close = buffer.find(article_close, start);
            if (close == std::string::npos) {
                pending = start;
                break;
            }
            const auto end = close + article_close.size();
            count_article(doc, buffer.data() + start, end - start, tally);
            scan_from = end;
        }
        // Drops what is read, keeping the element in progress, else a tail long enough to hold
        // a start tag split across two chunks.
        const std::size_t tail = buffer.size() > article_open.size() ? buffer.size() - article_open.size() : 0;
        const std::size_t drop = pending != std::string::npos ? pending : std::max(scan_from, tail);
        buffer.erase(0, drop);
        scan_from = scan_from > drop ? scan_from - drop : 0;
    }
    gzclose(file);
}

void read_evidex(const fs::path& path, const evidex::ClassificationRules* rules, Tally& tally) {
    evidex::PubmedSink sink;
    sink.study = [&](evidex::Study&& study) {
        if (rules) evidex::classify_study(study, *rules);
        ++tally.records;
    };
    sink.deleted = [](const std::string&) {};
    sink.error = [&](evidex::ItemError&&) { ++tally.errors; };
    evidex::read_pubmed_file(path, sink);
}

const char* to_string(Mode mode) {
    switch (mode) {
    case Mode::zlib: return "zlib";
    case Mode::raw: return "pugixml";
    case Mode::evidex: return "evidex";
    case Mode::classify: return "evidex+classify";
    }
    return "";
}

}  // namespace

int main(int argc, char** argv) {
    Mode mode = Mode::raw;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << usage_text;
            return 0;
        }
        if (arg == "--zlib") mode = Mode::zlib;
        else if (arg == "--evidex") mode = Mode::evidex;
        else if (arg == "--classify") mode = Mode::classify;
        else if (arg.starts_with("--")) {
            std::cerr << "evidex-bench-parse: error: unknown option " << arg << "\n" << usage_text;
            return 2;
        } else files.emplace_back(arg);
    }
    if (files.empty()) {
        std::cerr << "evidex-bench-parse: error: no file given\n" << usage_text;
        return 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        evidex::ClassificationRules rules;
        if (mode == Mode::classify) rules = evidex::load_classification_rules(evidex::schemas_dir());
        Tally tally;
        for (const auto& file : files) {
            if (mode == Mode::zlib || mode == Mode::raw) read_raw(file, mode == Mode::raw, tally);
            else read_evidex(file, mode == Mode::classify ? &rules : nullptr, tally);
        }
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
        std::printf("{\"mode\": \"%s\", \"records\": %llu, \"errors\": %llu, ", to_string(mode),
                    static_cast<unsigned long long>(tally.records), static_cast<unsigned long long>(tally.errors));
        if (mode == Mode::zlib || mode == Mode::raw)
            std::printf("\"uncompressed_bytes\": %llu, \"text_bytes\": %llu, ",
                        static_cast<unsigned long long>(tally.uncompressed_bytes),
                        static_cast<unsigned long long>(tally.text_bytes));
        std::printf("\"seconds\": %.3f}\n", seconds.count());
        return tally.errors == 0 ? 0 : 3;
    } catch (const evidex::FatalError& error) {
        std::cerr << "evidex-bench-parse: error: " << error.what() << "\n";
        return static_cast<int>(error.code());
    }
}
