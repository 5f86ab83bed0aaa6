// evidex-gen-baseline: writes deterministic files in the format of the PubMed baseline
// (pubmed26n0001.xml.gz, ...), for benchmarks and tests. The same seed gives the same bytes on
// every platform, and a record is the same however the records are split into files.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>

#include "bench/baseline_article.h"
#include "bench/baseline_xml.h"

namespace fs = std::filesystem;
using namespace evidex::bench;

namespace {

constexpr std::string_view usage_text =
    "usage: evidex-gen-baseline --records N --out DIR [--per-file M] [--seed S] [--manifest FILE]\n"
    "\n"
    "Writes N generated PubMed records as DIR/pubmed26n0001.xml.gz, pubmed26n0002.xml.gz, ...\n"
    "\n"
    "  --records N       how many records to write\n"
    "  --out DIR         the directory to write the files into (created when missing)\n"
    "  --per-file M      records a file (default 30000, as in the baseline)\n"
    "  --seed S          the seed (default 1); the same seed gives the same bytes\n"
    "  --manifest FILE   also write a JSON summary of what was generated: records by publication\n"
    "                    type, by the design Evidex derives and by condition id\n";

struct Options {
    std::uint64_t records = 0;
    std::uint64_t per_file = 30000;
    std::uint64_t seed = 1;
    fs::path out;
    std::optional<fs::path> manifest;
};

struct UsageError {
    std::string message;
};

std::uint64_t parse_count(std::string_view option, std::string_view text) {
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
        throw UsageError{std::string(option) + " '" + std::string(text) + "' is not a number"};
    return value;
}

// Null when --help was asked for (the usage is printed).
std::optional<Options> parse_options(int argc, char** argv) {
    Options options;
    bool have_records = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (option == "-h" || option == "--help") {
            std::cout << usage_text;
            return std::nullopt;
        }
        if (i + 1 >= argc) throw UsageError{"unknown option or missing value: " + std::string(option)};
        const std::string_view value = argv[++i];
        if (option == "--records") {
            options.records = parse_count(option, value);
            have_records = true;
        } else if (option == "--per-file") {
            options.per_file = parse_count(option, value);
        } else if (option == "--seed") {
            options.seed = parse_count(option, value);
        } else if (option == "--out") {
            options.out = value;
        } else if (option == "--manifest") {
            options.manifest = fs::path(value);
        } else {
            throw UsageError{"unknown option " + std::string(option)};
        }
    }
    if (!have_records || options.out.empty()) throw UsageError{"--records and --out are required"};
    if (options.per_file == 0) throw UsageError{"--per-file must be at least 1"};
    return options;
}

// What the run wrote, for the manifest.
struct Tally {
    std::uint64_t records = 0;
    std::uint64_t files = 0;
    std::uint64_t sample_size_stated = 0;
    std::uint64_t result_stated = 0;
    std::uint64_t structured_abstracts = 0;
    std::map<std::string, std::uint64_t> publication_types;
    std::map<std::string, std::uint64_t> designs;
    std::map<std::string, std::uint64_t> conditions;

    void add(const GeneratedArticle& a) {
        ++records;
        if (a.sample_size) ++sample_size_stated;
        if (a.states_result) ++result_stated;
        if (a.abstract.size() > 1) ++structured_abstracts;
        for (const auto& type : a.publication_types) ++publication_types[std::string(type.name)];
        ++designs[std::string(expected_design(a.kind))];
        for (const auto* condition : a.conditions) ++conditions[std::string(condition->id)];
    }
};

std::string file_name(std::uint64_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "pubmed26n%04llu.xml.gz", static_cast<unsigned long long>(number));
    return name;
}

class GzWriter {
public:
    explicit GzWriter(const fs::path& path) : path_(path), file_(gzopen(path.c_str(), "wb6")) {
        if (!file_) throw std::runtime_error(path.string() + ": cannot open for writing");
    }
    GzWriter(const GzWriter&) = delete;
    GzWriter& operator=(const GzWriter&) = delete;
    ~GzWriter() {
        if (file_) gzclose(file_);
    }

    void write(const std::string& text) {
        if (!text.empty() && gzwrite(file_, text.data(), static_cast<unsigned>(text.size())) == 0)
            throw std::runtime_error(path_.string() + ": write failed");
    }
    void close() {
        const int code = gzclose(file_);
        file_ = nullptr;
        if (code != Z_OK) throw std::runtime_error(path_.string() + ": write failed");
    }

private:
    fs::path path_;
    gzFile file_;
};

void write_file(const Options& options, std::uint64_t first, std::uint64_t end, const fs::path& path, Tally& tally) {
    GzWriter out(path);
    std::string buffer = baseline_file_head();
    for (std::uint64_t record = first; record < end; ++record) {
        const GeneratedArticle article = generate_article(options.seed, record);
        write_article_xml(article, buffer);
        tally.add(article);
        if (buffer.size() > (std::size_t{1} << 20)) {
            out.write(buffer);
            buffer.clear();
        }
    }
    buffer += baseline_file_tail();
    out.write(buffer);
    out.close();
    ++tally.files;
}

void write_counts(std::ostream& out, std::string_view name, const std::map<std::string, std::uint64_t>& counts,
                  bool last) {
    out << "  \"" << name << "\": {";
    bool first = true;
    for (const auto& [key, count] : counts) {
        out << (first ? "" : ",") << "\n    \"" << key << "\": " << count;
        first = false;
    }
    out << (counts.empty() ? "}" : "\n  }") << (last ? "\n" : ",\n");
}

void write_manifest(const fs::path& path, const Options& options, const Tally& tally) {
    std::ofstream out(path);
    out << "{\n"
        << "  \"seed\": " << options.seed << ",\n"
        << "  \"records\": " << tally.records << ",\n"
        << "  \"files\": " << tally.files << ",\n"
        << "  \"first_pmid\": " << generate_article(options.seed, 0).pmid << ",\n"
        << "  \"sample_size_stated\": " << tally.sample_size_stated << ",\n"
        << "  \"result_stated\": " << tally.result_stated << ",\n"
        << "  \"structured_abstracts\": " << tally.structured_abstracts << ",\n";
    write_counts(out, "publication_types", tally.publication_types, false);
    write_counts(out, "designs", tally.designs, false);
    write_counts(out, "conditions", tally.conditions, true);
    out << "}\n";
    if (!out.flush()) throw std::runtime_error(path.string() + ": write failed");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::optional<Options> parsed = parse_options(argc, argv);
        if (!parsed) return 0;
        const Options& options = *parsed;
        fs::create_directories(options.out);
        Tally tally;
        std::uint64_t number = 1;
        for (std::uint64_t first = 0; first < options.records; first += options.per_file, ++number) {
            const std::uint64_t end = std::min(options.records, first + options.per_file);
            write_file(options, first, end, options.out / file_name(number), tally);
        }
        if (options.manifest) write_manifest(*options.manifest, options, tally);
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "evidex-gen-baseline: error: " << e.message << "\n" << usage_text;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "evidex-gen-baseline: error: " << e.what() << "\n";
        return 1;
    }
}
