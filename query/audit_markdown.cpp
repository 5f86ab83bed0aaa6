// The audit as Markdown: a summary, one section per claim, what the page did not cite, and the
// reference table. Page text is escaped so it cannot turn into markup or HTML.
#include <sstream>

#include "query/audit_report.h"
#include "query/markdown_text.h"

namespace evidex {

namespace {

using markdown::cut;
using markdown::escape;

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string summary_line(const AuditSummary& s) {
    std::string line;
    for (std::size_t i = 0; i < all_verdicts().size(); ++i)
        line += (i ? ", " : "") + std::string(to_string(all_verdicts()[i])) + " " + std::to_string(s.by_verdict[i]);
    return line;
}

void write_claim(std::ostringstream& out, const AuditClaim& c, const Audit& audit) {
    out << "### " << c.claim.id << ": " << to_string(c.verdict);
    if (c.level) out << " (level " << *c.level << ")";
    out << "\n\n";
    if (!c.claim.heading.empty()) out << "Under the heading: " << escape(c.claim.heading) << "\n\n";
    out << "> " << escape(c.claim.text) << "\n\n";
    out << "- Strength: " << to_string(c.claim.strength);
    if (!c.claim.strength_cue.empty()) out << " (\"" << escape(c.claim.strength_cue) << "\")";
    out << "\n- Condition: " << (c.claim.condition.empty() ? "none named" : c.claim.condition) << '\n';
    if (!c.claim.population.empty()) out << "- Population: " << join(c.claim.population) << '\n';
    if (!c.claim.form.empty()) out << "- Form: " << c.claim.form << '\n';
    out << "- Link: " << to_string(c.link) << '\n';
    out << "- Flags: " << (c.flags.empty() ? "none" : join(c.flags)) << '\n';
    out << "- Rule: " << c.rule << "\n";
    if (!c.citations.empty()) {
        out << "- Citations:\n";
        for (const auto& citation : c.citations) {
            const Study* s = cited_study(audit, citation);
            out << "  - " << (citation.allusion ? "" : "[" + escape(citation.label) + "] ");
            if (s)
                out << escape(study_name(*s)) << ", " << escape(s->key()) << " (" << to_string(s->design) << ", level "
                    << s->level() << (s->n ? ", n=" + std::to_string(*s->n) : "") << ")";
            else
                out << "not resolved";
            out << ": **" << to_string(citation.support) << "**";
            if (!citation.flags.empty()) out << "; flags " << join(citation.flags);
            if (!citation.link_reason.empty()) out << "; " << escape(citation.link_reason);
            out << '\n';
        }
    }
    out << "\n**Why:** " << escape(c.rationale) << "\n\n";
    for (const auto& note : c.notes) out << "*Note:* " << escape(note) << "\n\n";
}

}  // namespace

std::string write_audit_markdown(const Audit& audit) {
    std::ostringstream out;
    const AuditSummary s = summarize(audit);
    out << "# Citation audit: " << escape(audit.title.empty() ? audit.source : audit.title) << "\n\n";
    out << "Source: " << escape(audit.source) << "\n\n";
    out << "## Summary\n\n";
    out << "- Claims: " << s.claims << " (" << summary_line(s) << ")\n";
    out << "- References: " << s.references << " (" << s.resolved << " resolved, " << s.duplicates << " duplicates, "
        << s.unresolved << " unresolved)\n";
    out << "- Links: " << s.by_link[0] << " by marker, " << s.by_link[1] << " inferred, " << s.by_link[2] << " vague, "
        << s.by_link[3] << " none\n";
    std::size_t accepted = 0;
    for (const auto& a : audit.allusions) accepted += a.study ? 1 : 0;
    if (!audit.allusions.empty())
        out << "- Allusions to studies in the text: " << audit.allusions.size() << " (" << accepted << " identified)\n";
    out << '\n';
    if (audit.claims_skipped > 0)
        out << "Only the first " << audit.claims.size() << " claims are graded; " << audit.claims_skipped
            << " more were found and left out.\n\n";
    if (audit.claims.empty()) out << "No health claim was found on the page.\n\n";
    if (!audit.claims.empty()) {
        out << "## Claims\n\n";
        for (const auto& c : audit.claims) write_claim(out, c, audit);
    }
    if (!audit.uncited.empty()) {
        out << "## What the page did not cite\n\n";
        out << "| Claim | Study | Design | Level | Year | Why |\n| --- | --- | --- | --- | --- | --- |\n";
        for (const auto& u : audit.uncited)
            out << "| " << u.claim_id << " | " << escape(u.study.key()) << " " << escape(cut(u.study.title, 90)) << " | "
                << to_string(u.study.design) << " | " << u.study.level() << " | "
                << (u.study.year ? std::to_string(*u.study.year) : "") << " | " << escape(u.why) << " |\n";
        out << '\n';
    }
    out << "## References\n\n";
    if (audit.references.empty()) {
        out << "The page has no reference list.\n";
    } else {
        out << "| # | Reference | Identified as | Design | Level | n | Flags |\n| --- | --- | --- | --- | --- | --- | --- |\n";
        for (const auto& r : audit.references) {
            const Study* st = r.study ? &*r.study : nullptr;
            std::vector<std::string> flags = r.flags;
            if (!r.duplicate_of.empty()) flags.push_back("duplicate of " + r.duplicate_of);
            out << "| " << escape(r.label) << " | " << escape(cut(r.raw, 110)) << " | "
                << (st ? escape(st->key()) : escape(r.note.empty() ? "unresolved" : "unresolved: " + r.note)) << " | "
                << (st ? std::string(to_string(st->design)) : "") << " | " << (st ? std::to_string(st->level()) : "") << " | "
                << (st && st->n ? std::to_string(*st->n) : "") << " | " << escape(join(flags)) << " |\n";
        }
    }
    return out.str();
}

}  // namespace evidex
