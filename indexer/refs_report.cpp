#include "indexer/refs_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace evidex {

using nlohmann::json;

namespace {

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Cuts UTF-8 text to at most `width` characters, marking the cut with "…".
std::string cut(const std::string& text, std::size_t width) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars == width) break;
        ++chars;
    }
    if (i >= text.size()) return text + std::string(width > chars ? width - chars : 0, ' ');
    // Leave room for the ellipsis.
    std::size_t keep = i;
    do {
        --keep;
    } while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80);
    return text.substr(0, keep) + "\xE2\x80\xA6";
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

std::string score_text(const std::optional<double>& score) {
    if (!score) return "";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", *score);
    return buffer;
}

}  // namespace

json reference_to_json(const ResolvedReference& r) {
    const Study* s = r.study ? &*r.study : nullptr;
    std::vector<std::string> flags = r.flags;
    if (s)
        for (const auto& f : s->flags)
            if (std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(f);
    return {
        {"label", r.entry.label},
        {"raw", r.entry.raw},
        {"pmid", s ? or_null(s->pmid) : or_null(r.entry.pmid)},
        {"doi", s ? or_null(s->doi) : or_null(r.entry.doi)},
        {"resolved", s != nullptr},
        {"method", or_null(r.method)},
        {"score", r.score ? json(*r.score) : json(nullptr)},
        {"title", s ? json(s->title) : or_null(r.entry.title)},
        {"journal", s ? or_null(s->journal) : or_null(r.entry.journal)},
        {"year", s && s->year ? json(*s->year) : (r.entry.year ? json(*r.entry.year) : json(nullptr))},
        {"design", s ? json(std::string(to_string(s->design))) : json(nullptr)},
        {"level", s ? json(s->level()) : json(nullptr)},
        {"n", s && s->n ? json(*s->n) : json(nullptr)},
        {"duplicate_of", or_null(r.duplicate_of)},
        {"flags", flags},
        {"note", or_null(r.note)},
    };
}

json allusion_to_json(const ResolvedAllusion& a) {
    json candidates = json::array();
    for (std::size_t i = 0; i < a.candidates.size(); ++i) {
        const auto& c = a.candidates[i];
        candidates.push_back({{"key", c.study.key()}, {"title", c.study.title}, {"score", c.score.total},
                              {"accepted", a.accepted && *a.accepted == i}});
    }
    return {{"text", a.allusion.text},
            {"journal", or_null(a.allusion.journal)},
            {"year", a.allusion.year ? json(*a.allusion.year) : json(nullptr)},
            {"design_words", or_null(a.allusion.design_words)},
            {"n", a.allusion.n ? json(*a.allusion.n) : json(nullptr)},
            {"candidates", candidates}};
}

std::string write_references_table(const std::vector<ResolvedReference>& references,
                                   const std::vector<ResolvedAllusion>& allusions, std::size_t width) {
    std::ostringstream out;
    const std::size_t raw_width = width > 110 ? width - 80 : 30;
    std::size_t label_width = 3;
    for (const auto& r : references) label_width = std::max(label_width, r.entry.label.size());
    out << std::string("#") + std::string(label_width, ' ') << cut("reference", raw_width) << "  PMID      DOI                            how             score design               flags\n";
    for (const auto& r : references) {
        const Study* s = r.study ? &*r.study : nullptr;
        char line[512];
        std::snprintf(line, sizeof line, "%-*s %s  %-9s %-30s %-15s %-5s %-20s ", static_cast<int>(label_width),
                      r.entry.label.c_str(),
                      cut(r.entry.raw, raw_width).c_str(), s ? s->pmid.c_str() : "",
                      cut(s ? s->doi : r.entry.doi, 30).c_str(), r.method.empty() ? "unresolved" : r.method.c_str(),
                      score_text(r.score).c_str(), s ? std::string(to_string(s->design)).c_str() : "");
        out << line;
        std::vector<std::string> flags = r.flags;
        if (!r.duplicate_of.empty()) flags.back() = "duplicate-of:" + r.duplicate_of;
        out << join(flags) << '\n';
    }
    std::size_t resolved = 0, duplicates = 0, flagged = 0;
    for (const auto& r : references) {
        resolved += r.study ? 1 : 0;
        duplicates += r.duplicate_of.empty() ? 0 : 1;
        flagged += !r.study && !r.flags.empty() ? 1 : 0;
    }
    out << '\n' << references.size() << " references: " << resolved << " resolved, " << duplicates << " duplicates, "
        << flagged << " flagged unresolvable\n";
    if (!allusions.empty()) {
        out << "\nAllusions in the text\n";
        for (const auto& a : allusions) {
            out << "- " << cut(a.allusion.text, width > 4 ? width - 4 : width) << '\n';
            if (a.candidates.empty()) out << "    no candidate in the index\n";
            for (std::size_t i = 0; i < a.candidates.size() && i < 3; ++i) {
                const auto& c = a.candidates[i];
                out << "    " << (a.accepted && *a.accepted == i ? "accepted " : "candidate ") << score_text(c.score.total)
                    << "  " << c.study.key() << "  " << cut(c.study.title, width > 40 ? width - 40 : 40) << '\n';
            }
        }
    }
    return out.str();
}

}  // namespace evidex
