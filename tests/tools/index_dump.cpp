// evidex-index-dump: prints every document of an index as one line, sorted, so that two indexes
// can be compared with diff: the unique id term, then every term, then every value (slot and
// hex), then a hash of the document data. The docid is left out: it depends on the order of
// writes, the content does not. Used by scripts/reliability to check that an interrupted and
// resumed ingest ends where an uninterrupted one does.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

namespace {

std::string hex_of(const std::string& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0xf];
    }
    return out;
}

std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::string describe(const Xapian::Document& doc) {
    std::string unique = "(no unique id)";
    std::string terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (term.size() > 1 && term[0] == 'Q' && unique == "(no unique id)") unique = term;
        terms += ' ';
        terms += term;
        terms += ':';
        terms += std::to_string(t.get_wdf());
    }
    std::string values;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        values += ' ';
        values += std::to_string(v.get_valueno());
        values += '=';
        values += hex_of(*v);
    }
    char data[32];
    std::snprintf(data, sizeof data, "%016llx", static_cast<unsigned long long>(fnv1a(doc.get_data())));
    return unique + "\tterms" + terms + "\tvalues" + values + "\tdata " + data;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) == "--help") {
        std::cerr << "usage: evidex-index-dump DB\n";
        return 2;
    }
    try {
        const Xapian::Database db(argv[1]);
        std::vector<std::string> lines;
        lines.reserve(db.get_doccount());
        for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) lines.push_back(describe(db.get_document(*d)));
        std::sort(lines.begin(), lines.end());
        for (const auto& line : lines) std::cout << line << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "evidex-index-dump: error: " << argv[1] << ": " << e.get_description() << '\n';
        return 1;
    }
    return 0;
}
