// The audit as one self-contained HTML5 file: a summary, one card per claim with its evidence-level
// bar, what the page did not cite, the studies its text alludes to, and the reference table. No
// script and no external resource (a Content-Security-Policy says so to the browser); every piece
// of page and record text is escaped, in text and in attributes. The pieces are in
// audit_html_parts.cpp.
#include <locale>
#include <sstream>

#include "query/audit_html_parts.h"
#include "query/audit_report.h"

namespace evidex {

namespace {

using html::escape;

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Anchors: claims keep their ids ("c1"); references ("r1") and allusions ("a1") are numbered by
// position, since a label is page text and need not make a valid id.
std::string reference_anchor(std::size_t index) { return "r" + std::to_string(index + 1); }

void write_fact(std::ostringstream& out, std::string_view name, const std::string& value_html) {
    out << "<div><dt>" << name << "</dt><dd>" << value_html << "</dd></div>";
}

void write_summary(std::ostringstream& out, const Audit& audit) {
    const AuditSummary s = summarize(audit);
    const auto& verdicts = all_verdicts();
    out << "<section id=\"summary\">\n<h2>Summary</h2>\n";
    out << "<p>" << s.claims << (s.claims == 1 ? " health claim" : " health claims") << " graded against "
        << s.references << (s.references == 1 ? " reference" : " references") << ".</p>\n";
    if (audit.claims_skipped > 0)
        out << "<p class=\"note\">Only the first " << s.claims << " claims are graded; " << audit.claims_skipped
            << " more were found and left out.</p>\n";
    std::vector<std::pair<std::string, std::size_t>> counts;
    out << "<ul class=\"counts\">";
    for (std::size_t i = 0; i < verdicts.size(); ++i) {
        const std::string id(to_string(verdicts[i]));
        counts.emplace_back(id, s.by_verdict[i]);
        out << "<li>" << html::badge("v", id) << " <strong>" << s.by_verdict[i] << "</strong></li>";
    }
    out << "</ul>\n" << html::verdict_bar(counts) << "\n<dl>\n";
    out << "<dt><a href=\"#references\">References</a></dt><dd>" << s.references << " listed: " << s.resolved
        << " resolved, " << s.duplicates << (s.duplicates == 1 ? " duplicate, " : " duplicates, ") << s.unresolved
        << " unresolved</dd>\n";
    out << "<dt>Links</dt><dd>";
    for (int i = 0; i < 4; ++i)
        out << (i ? ", " : "") << s.by_link[i] << ' ' << html::badge("l", to_string(static_cast<LinkKind>(i)));
    out << "</dd>\n";
    std::size_t identified = 0;
    for (const auto& a : audit.allusions) identified += a.study ? 1 : 0;
    out << "<dt>" << (audit.allusions.empty() ? "Allusions" : "<a href=\"#allusions\">Allusions</a>") << "</dt><dd>"
        << audit.allusions.size() << " studies mentioned in the text, " << identified << " identified</dd>\n";
    out << "<dt><a href=\"#uncited\">Not cited</a></dt><dd>" << audit.uncited.size()
        << " stronger or contrary studies in the index</dd>\n";
    // A reviewer's index: the claims under each verdict, linked to their cards.
    for (const auto verdict : verdicts) {
        std::string links;
        for (const auto& c : audit.claims)
            if (c.verdict == verdict)
                links += "<a href=\"#" + escape(c.claim.id) + "\">" + escape(c.claim.id) + "</a> ";
        if (!links.empty())
            out << "<dt>" << html::badge("v", to_string(verdict)) << "</dt><dd class=\"index\">" << links << "</dd>\n";
    }
    out << "</dl>\n</section>\n";
}

void write_citation(std::ostringstream& out, const Citation& citation, const Audit& audit) {
    const Study* s = cited_study(audit, citation);
    out << "<tr><td>";
    if (citation.reference && *citation.reference < audit.references.size())
        out << "<a href=\"#" << reference_anchor(*citation.reference) << "\">[" << escape(citation.label) << "]</a>";
    else if (citation.allusion)
        out << "<a href=\"#a" << *citation.allusion + 1 << "\">in the text</a>";
    else
        out << escape(citation.label);
    out << "</td><td>";
    if (s)
        out << escape(study_name(*s)) << "<br>" << html::study_link(*s);
    else
        out << "<span class=\"none\">not resolved</span>";
    out << "</td><td class=\"id\">" << html::badge("s", to_string(citation.support)) << "</td><td>"
        << (s ? escape(to_string(s->design)) : "") << "</td><td class=\"num\">" << (s ? std::to_string(s->level()) : "")
        << "</td><td class=\"num\">" << (s && s->n ? std::to_string(*s->n) : "") << "</td><td>"
        << html::chips(citation.flags, "") << "</td><td>" << escape(citation.reason);
    if (citation.link_score || !citation.link_reason.empty()) {
        out << "<br><span class=\"muted\">linked";
        if (citation.link_score) out << " with score " << html::number(*citation.link_score);
        if (!citation.link_reason.empty()) out << ": " << escape(citation.link_reason);
        out << "</span>";
    }
    out << "</td></tr>\n";
}

void write_claim(std::ostringstream& out, const AuditClaim& c, const Audit& audit) {
    const Claim& claim = c.claim;
    const std::string strength(to_string(claim.strength));
    const int needs = c.needed_level;
    out << "<article class=\"claim\" id=\"" << escape(claim.id) << "\" data-verdict=\"" << escape(to_string(c.verdict))
        << "\">\n<header><h3><a href=\"#" << escape(claim.id) << "\">" << escape(claim.id) << "</a></h3> "
        << html::badge("v", to_string(c.verdict)) << " <span class=\"muted\">rule " << escape(c.rule) << "</span></header>\n";
    if (!claim.heading.empty()) out << "<p class=\"muted\">Under the heading: " << escape(claim.heading) << "</p>\n";
    out << "<blockquote>" << escape(claim.text) << "</blockquote>\n";
    out << "<figure class=\"levels\">" << html::level_bar(c.level, needs, strength) << "<figcaption>";
    out << (c.level ? "Best cited level " + std::to_string(*c.level) : std::string("No cited study addresses it"))
        << "; " << escape(strength) << " wording needs level " << needs << " or stronger.</figcaption></figure>\n";
    out << "<dl class=\"facts\">";
    write_fact(out, "Strength",
               escape(strength) + (claim.strength_cue.empty() ? "" : " (&ldquo;" + escape(claim.strength_cue) + "&rdquo;)"));
    write_fact(out, "Condition", claim.condition.empty() ? "<span class=\"none\">none named</span>" : escape(claim.condition));
    write_fact(out, "Population", claim.population.empty() ? "<span class=\"none\">not named</span>" : escape(join(claim.population)));
    write_fact(out, "Form", claim.form.empty() ? "<span class=\"none\">not named</span>" : escape(claim.form));
    if (claim.dose_mg) write_fact(out, "Dose", html::number(*claim.dose_mg) + " mg/day");
    write_fact(out, "Level", c.level ? std::to_string(*c.level) : "<span class=\"none\">none</span>");
    write_fact(out, "Link", html::badge("l", to_string(c.link)));
    if (!claim.numbers.empty()) {
        std::vector<std::string> numbers;
        for (const auto& n : claim.numbers) numbers.push_back(n.text);
        write_fact(out, "Numbers", escape(join(numbers)));
    }
    out << "</dl>\n<div class=\"flags\">Flags: " << html::chips(c.flags) << "</div>\n";
    if (c.citations.empty()) {
        out << "<p class=\"none\">No citation backs this claim.</p>\n";
    } else {
        out << "<table class=\"citations\">\n<thead><tr><th>Cited as</th><th>Study</th><th>Support</th><th>Design</th>"
               "<th>Level</th><th>n</th><th>Flags</th><th>Why</th></tr></thead>\n<tbody>\n";
        for (const auto& citation : c.citations) write_citation(out, citation, audit);
        out << "</tbody>\n</table>\n";
    }
    out << "<p class=\"rationale\"><strong>Why " << escape(to_string(c.verdict)) << ":</strong> " << escape(c.rationale)
        << "</p>\n";
    if (!c.notes.empty()) {
        out << "<ul class=\"notes\">";
        for (const auto& note : c.notes) out << "<li>" << escape(note) << "</li>";
        out << "</ul>\n";
    }
    out << "</article>\n";
}

void write_uncited(std::ostringstream& out, const Audit& audit) {
    out << "<section id=\"uncited\">\n<h2>What the page did not cite</h2>\n";
    if (audit.uncited.empty()) {
        out << "<p class=\"none\">The index holds no stronger or contrary study on these claims that the page left "
               "out.</p>\n</section>\n";
        return;
    }
    out << "<table>\n<thead><tr><th>Claim</th><th>Study</th><th>Design</th><th>Level</th><th>Year</th><th>Result</th>"
           "<th>Why it matters</th></tr></thead>\n<tbody>\n";
    for (const auto& u : audit.uncited) {
        out << "<tr><td><a href=\"#" << escape(u.claim_id) << "\">" << escape(u.claim_id) << "</a></td><td>"
            << escape(u.study.title) << "<br>" << html::study_link(u.study) << "</td><td>"
            << escape(to_string(u.study.design)) << "</td><td class=\"num\">" << u.study.level()
            << "</td><td class=\"num\">" << (u.study.year ? std::to_string(*u.study.year) : "") << "</td><td>"
            << escape(to_string(u.study.result_direction)) << "</td><td>" << escape(u.why) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
}

void write_allusions(std::ostringstream& out, const Audit& audit) {
    if (audit.allusions.empty()) return;
    out << "<section id=\"allusions\">\n<h2>Studies the text alludes to</h2>\n<table>\n<thead><tr><th>The page says</th>"
           "<th>Identified as</th><th>Score</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < audit.allusions.size(); ++i) {
        const AuditAllusion& a = audit.allusions[i];
        out << "<tr id=\"a" << i + 1 << "\"><td>" << escape(a.text) << "</td><td>";
        if (a.study)
            out << escape(a.study->title) << "<br>" << html::study_link(*a.study);
        else
            out << "<span class=\"none\">not identified</span>";
        out << "</td><td class=\"num\">" << (a.score ? html::number(*a.score) : "") << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
}

// What a reference was identified as: the record it resolved to, else whatever identifier the
// page gave, linked so a reviewer can look.
std::string identified_as(const AuditReference& r) {
    if (r.study) {
        std::string cell = escape(study_name(*r.study)) + "<br>" + html::study_link(*r.study);
        if (!r.study->doi.empty() && !r.study->pmid.empty())
            cell += "<br><a href=\"" + escape(html::doi_url(r.study->doi)) + "\">doi:" + escape(r.study->doi) + "</a>";
        if (!r.method.empty()) {
            cell += "<br><span class=\"muted\">by " + escape(r.method);
            if (r.score) cell += ", score " + html::number(*r.score);
            cell += "</span>";
        }
        return cell;
    }
    std::string cell = "<span class=\"none\">unresolved</span>";
    if (const std::string url = html::pubmed_url(r.pmid); !url.empty())
        cell += "<br>the page gives <a href=\"" + escape(url) + "\">pmid:" + escape(r.pmid) + "</a>";
    if (const std::string url = html::doi_url(r.doi); !url.empty())
        cell += "<br>the page gives <a href=\"" + escape(url) + "\">doi:" + escape(r.doi) + "</a>";
    return cell;
}

void write_references(std::ostringstream& out, const Audit& audit) {
    out << "<section id=\"references\">\n<h2>References</h2>\n";
    if (audit.references.empty()) {
        out << "<p class=\"none\">The page has no reference list.</p>\n</section>\n";
        return;
    }
    out << "<div class=\"wide\"><table>\n<thead><tr><th>#</th><th>Reference as printed</th><th>Identified as</th><th>Design</th>"
           "<th>Level</th><th>n</th><th>Duplicate of</th><th>Flags</th><th>Note</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < audit.references.size(); ++i) {
        const AuditReference& r = audit.references[i];
        const Study* s = r.study ? &*r.study : nullptr;
        std::string duplicate;
        for (std::size_t j = 0; j < i && duplicate.empty() && !r.duplicate_of.empty(); ++j)
            if (audit.references[j].label == r.duplicate_of)
                duplicate = "<a href=\"#" + reference_anchor(j) + "\">" + escape(r.duplicate_of) + "</a>";
        if (duplicate.empty()) duplicate = escape(r.duplicate_of);
        out << "<tr id=\"" << reference_anchor(i) << "\"><td>" << escape(r.label) << "</td><td>" << escape(r.raw)
            << "</td><td>" << identified_as(r) << "</td><td>" << (s ? escape(to_string(s->design)) : "")
            << "</td><td class=\"num\">" << (s ? std::to_string(s->level()) : "") << "</td><td class=\"num\">"
            << (s && s->n ? std::to_string(*s->n) : "") << "</td><td>" << duplicate << "</td><td>"
            << html::chips(r.flags, "") << "</td><td>" << escape(r.note) << "</td></tr>\n";
    }
    out << "</tbody>\n</table></div>\n</section>\n";
}

}  // namespace

std::string write_audit_html(const Audit& audit) {
    std::ostringstream out;
    out.imbue(std::locale::classic());  // numbers never take a user's locale
    const std::string title = audit.title.empty() ? audit.source : audit.title;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"generator\" content=\"evidex-query audit\">\n<title>Citation audit: "
        << escape(title) << "</title>\n<style>\n" << html::style_sheet() << "\n</style>\n</head>\n<body>\n";
    out << "<header>\n<h1>Citation audit: " << escape(title) << "</h1>\n<p class=\"muted\">Source: " << escape(audit.source)
        << "</p>\n</header>\n<main>\n";
    write_summary(out, audit);
    out << "<section id=\"claims\">\n<h2>Claims</h2>\n";
    if (audit.claims.empty()) out << "<p class=\"none\">No health claim was found on the page.</p>\n";
    for (const auto& c : audit.claims) write_claim(out, c, audit);
    out << "</section>\n";
    write_uncited(out, audit);
    write_allusions(out, audit);
    write_references(out, audit);
    out << "</main>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace evidex
