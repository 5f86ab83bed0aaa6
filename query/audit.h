// A citation audit of one page: its references as resolved, its claims, the studies each claim
// rests on, and a verdict with a rationale for every claim. Built by build_audit from the stages
// before it (page, references, allusions, claims); written as Markdown, HTML or JSON by the
// report writers. Everything here is ordered by the page, never by a hash or a clock, so the
// same input gives the same report byte for byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/claims.h"
#include "core/study.h"

namespace evidex {

// What one cited study says about one claim.
enum class Support { supports, contradicts, does_not_address, not_resolved };
// The verdict on a claim (DESIGN.md).
enum class Verdict { supported, overstated, unsupported, contradicted, unverifiable };
// How a claim came to be linked to its citations.
enum class LinkKind { marker, inferred, vague, none };

std::string_view to_string(Support s);   // "supports", "contradicts", "does-not-address", "not-resolved"
std::string_view to_string(Verdict v);   // "supported", ...
std::string_view to_string(LinkKind k);  // "marker", "inferred", "vague", "none"

// One entry of the page's reference list after resolution.
struct AuditReference {
    std::string label;
    std::string raw;
    std::optional<Study> study;  // the resolved record
    std::string method;          // how it was resolved ("index", "live", "search:crossref", ...)
    std::optional<double> score;
    std::string duplicate_of;    // label of the first entry citing the same work
    std::vector<std::string> flags;  // the reference's own and its study's flags, each once
    std::string note;            // why unresolved, or what it is
    // Parsed from the entry when unresolved (shown in the table).
    std::string title, journal;
    std::optional<int> year;
    std::string pmid, doi;
    // A link in the body text rather than a reference-list entry: its block and its words.
    std::optional<std::size_t> body_block;
    std::string link_text;
};

// A study alluded to in the body and accepted by bibliographic search.
struct AuditAllusion {
    std::string text;   // the page's sentence
    std::size_t block = 0;
    std::optional<Study> study;  // the accepted candidate, if any
    std::optional<double> score;
};

// A piece of evidence behind a claim, with what it says about it.
struct Citation {
    std::string label;  // the reference label, or the study key for an allusion
    Support support = Support::not_resolved;
    // Where the study is: an index into Audit::references, or into Audit::allusions.
    std::optional<std::size_t> reference;
    std::optional<std::size_t> allusion;
    std::optional<double> link_score;  // inferred and vague links
    std::string link_reason;            // inferred links: the details the claim and the study share
    bool page_test = false;             // the page's own test, described in its text, not a study
    std::vector<std::string> flags;     // flags that apply to this study for this claim
    std::string reason;                 // one sentence: why this support label
};

struct AuditClaim {
    Claim claim;
    LinkKind link = LinkKind::none;
    std::vector<Citation> citations;
    Verdict verdict = Verdict::unverifiable;
    std::optional<int> level;       // the best level among the citations that address the claim
    int needed_level = 2;           // the level its wording needs (grading.tsv), set by the grader
    std::vector<std::string> flags; // the claim's flags, in the vocabulary's order
    std::string rule;               // id of the grading rule that decided the verdict
    std::string rationale;          // names the studies, designs, flags and record sentences
    std::vector<std::string> notes; // the regulatory layer and other remarks, not part of the verdict
};

// A study the index holds on a claim's condition that the page did not cite, stronger than or
// contrary to what it cited.
struct UncitedEvidence {
    std::string claim_id;
    Study study;
    std::string why;
};

// A page with more claims than this is not a marketing page but a dump: the first ones are
// graded, the rest are counted and the report says so.
inline constexpr std::size_t max_audit_claims = 2000;

struct Audit {
    std::string source;
    std::string title;
    std::vector<AuditReference> references;
    std::vector<AuditAllusion> allusions;
    std::vector<AuditClaim> claims;
    std::size_t claims_skipped = 0;  // claims past max_audit_claims, found but not graded
    std::vector<UncitedEvidence> uncited;
};

// The study a citation points to, or null when it is not resolved.
const Study* cited_study(const Audit& audit, const Citation& citation);

// The studies the page's reference list resolved to, in its order, each once (a repeated citation
// and an unresolved entry give nothing): what a citation-manager export of the audit holds.
std::vector<Study> audit_reference_studies(const Audit& audit);

// The five verdicts in their documented order (for summaries).
const std::vector<Verdict>& all_verdicts();

// "Hornyak et al. 1998": the first author's family name and the year, else the study's key.
std::string study_name(const Study& study);

}  // namespace evidex
