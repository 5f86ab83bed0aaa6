// The audit as one self-contained HTML file: a summary, one card per claim, what the page did
// not cite, and the reference table. Every piece of page text is escaped.
#include <sstream>

#include "query/audit_report.h"

namespace evidex {

namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

std::string write_audit_html(const Audit& audit) {
    std::ostringstream out;
    const AuditSummary s = summarize(audit);
    const std::string title = audit.title.empty() ? audit.source : audit.title;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Citation audit: "
        << escape(title) << "</title>\n</head>\n<body>\n";
    out << "<h1>Citation audit: " << escape(title) << "</h1>\n<p>Source: " << escape(audit.source) << "</p>\n";
    out << "<section id=\"summary\">\n<h2>Summary</h2>\n<ul>\n<li>Claims: " << s.claims << "</li>\n";
    for (std::size_t i = 0; i < all_verdicts().size(); ++i)
        out << "<li>" << to_string(all_verdicts()[i]) << ": " << s.by_verdict[i] << "</li>\n";
    out << "<li>References: " << s.references << " (" << s.resolved << " resolved, " << s.duplicates << " duplicates, "
        << s.unresolved << " unresolved)</li>\n</ul>\n</section>\n";
    out << "<section id=\"claims\">\n<h2>Claims</h2>\n";
    for (const auto& c : audit.claims) {
        out << "<article class=\"claim\" id=\"" << escape(c.claim.id) << "\">\n<h3>" << escape(c.claim.id) << ": "
            << to_string(c.verdict) << "</h3>\n<blockquote>" << escape(c.claim.text) << "</blockquote>\n";
        out << "<p>Strength: " << to_string(c.claim.strength) << "; condition: "
            << escape(c.claim.condition.empty() ? "none named" : c.claim.condition) << "; link: " << to_string(c.link)
            << "; level: " << (c.level ? std::to_string(*c.level) : "none") << "; flags: "
            << escape(c.flags.empty() ? "none" : join(c.flags)) << "</p>\n";
        out << "<p>" << escape(c.rationale) << "</p>\n";
        for (const auto& note : c.notes) out << "<p class=\"note\">" << escape(note) << "</p>\n";
        out << "</article>\n";
    }
    out << "</section>\n<section id=\"references\">\n<h2>References</h2>\n<table>\n"
           "<tr><th>#</th><th>Reference</th><th>Identified as</th><th>Design</th><th>Level</th><th>Flags</th></tr>\n";
    for (const auto& r : audit.references) {
        const Study* st = r.study ? &*r.study : nullptr;
        out << "<tr><td>" << escape(r.label) << "</td><td>" << escape(r.raw) << "</td><td>"
            << escape(st ? st->key() : "unresolved") << "</td><td>" << (st ? to_string(st->design) : "") << "</td><td>"
            << (st ? std::to_string(st->level()) : "") << "</td><td>" << escape(join(r.flags)) << "</td></tr>\n";
    }
    out << "</table>\n</section>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace evidex
