// evidex-query grade "CLAIM" [--cite ID...]: one claim graded against the studies given, or,
// without --cite, against the strongest studies the index holds on the claim's condition.
#include <iostream>
#include <sstream>

#include "core/data_dirs.h"
#include "core/http_client.h"
#include "core/index_reader.h"
#include "core/text.h"
#include "indexer/run.h"
#include "query/audit_build.h"
#include "query/audit_report.h"
#include "query/commands.h"
#include "query/grader.h"
#include "query/uncited.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

// The claim as the extractor reads it; a text with no effect cue is still graded, as a plain
// definite assertion, because the user asked for it.
Claim read_claim(const std::string& text, const AuditRules& rules) {
    Page page;
    page.source = "command line";
    PageBlock block;
    block.text = text;
    page.blocks.push_back(block);
    auto claims = extract_claims(page, rules.claims, rules.conditions);
    if (!claims.empty()) {
        Claim claim = claims.front();
        claim.text = text;
        return claim;
    }
    Claim claim;
    claim.id = "c1";
    claim.text = text;
    claim.strength_rule = "definite-default";
    const auto conditions = rules.conditions.match(text);
    if (!conditions.empty()) {
        claim.condition = conditions.front().first;
        claim.condition_span = conditions.front().second;
    }
    claim.numbers = extract_claim_numbers(text, rules.claims.units);
    return claim;
}

std::string write_grade_text(const Audit& audit) {
    const AuditClaim& c = audit.claims.front();
    std::ostringstream out;
    out << "Claim:     " << c.claim.text << '\n';
    out << "Verdict:   " << to_string(c.verdict) << " (rule " << c.rule << ")\n";
    out << "Strength:  " << to_string(c.claim.strength) << '\n';
    out << "Condition: " << (c.claim.condition.empty() ? "none named" : c.claim.condition) << '\n';
    out << "Level:     " << (c.level ? std::to_string(*c.level) : "none") << '\n';
    std::string flags;
    for (const auto& flag : c.flags) flags += (flags.empty() ? "" : ", ") + flag;
    out << "Flags:     " << (flags.empty() ? "none" : flags) << '\n';
    out << "Evidence:\n";
    if (c.citations.empty()) out << "  none\n";
    for (const auto& citation : c.citations) {
        const Study* s = cited_study(audit, citation);
        out << "  " << citation.label << "  " << to_string(citation.support);
        if (s) out << "  " << to_string(s->design) << ", level " << s->level() << "  " << study_name(*s);
        out << '\n';
    }
    out << "Why:       " << c.rationale << '\n';
    for (const auto& note : c.notes) out << "Note:      " << note << '\n';
    for (const auto& u : audit.uncited)
        out << "Not cited: " << u.study.key() << "  " << study_name(u.study) << ": " << u.why << '\n';
    return out.str();
}

}  // namespace

ExitCode run_query_grade(const CommandLine& line) {
    auto options = writer_options("evidex-query grade \"CLAIM\": grade one claim against the studies it cites, or the index");
    options.add_options()
        ("cite", po::value<std::vector<std::string>>()->value_name("ID"), "a study the claim cites: pmid:N, doi:X or title:HASH (repeatable)")
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"), "text or json");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "claim",
                                     "  evidex-query grade \"Magnesium improves sleep in older adults\" --cite pmid:23853635\n"
                                     "  evidex-query grade \"Magnesium may help restless legs\" --format json\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    if (!vm->count("claim")) throw FatalError(ExitCode::usage, "grade: give the CLAIM to grade, in quotes");
    std::string text;
    for (const auto& word : (*vm)["claim"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + word;
    if (trim(text).empty()) throw FatalError(ExitCode::usage, "grade: the CLAIM is empty");
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json") throw FatalError(ExitCode::usage, "grade: unknown --format '" + format + "' (text or json)");
    std::vector<std::string> cites;
    if (vm->count("cite"))
        for (const auto& id : (*vm)["cite"].as<std::vector<std::string>>()) {
            const auto key = parse_study_key(id);
            if (!key) throw FatalError(ExitCode::usage, "grade: '" + id + "' " + not_a_study_key);
            cites.push_back(*key);
        }

    const AuditRules rules = load_audit_rules(schemas_dir());
    CurlFetcher fetcher(fetcher_options_from(settings));
    const RemoteOptions remote = remote_options_from(settings);

    Audit audit;
    audit.source = "command line";
    AuditClaim claim;
    claim.claim = read_claim(text, rules);
    Settings quiet_settings = settings;
    quiet_settings.quiet = true;
    const ExitCode code = run_ingest(quiet_settings, *vm, false, [&](Ingest& ingest) {
        if (!cites.empty()) {
            ReferenceResolver resolver(ingest.writer(), ingest, settings.offline ? nullptr : &fetcher, remote);
            for (const auto& key : cites) {
                ReferenceEntry entry;
                entry.label = key;
                entry.raw = key;
                if (key.rfind("title:", 0) == 0) {
                    // A study with neither id: nothing to look up elsewhere, only the index has it.
                    ResolvedReference resolved;
                    resolved.entry = entry;
                    resolved.study = ingest.writer().find_key(key);
                    if (resolved.study) resolved.method = "index";
                    else resolved.note = "not in the index";
                    audit.references.push_back(to_audit_reference(resolved));
                    continue;
                }
                if (key.rfind("pmid:", 0) == 0) entry.pmid = key.substr(5);
                else entry.doi = key.substr(4);
                audit.references.push_back(to_audit_reference(resolver.resolve(entry)));
            }
            claim.link = LinkKind::marker;
        } else if (!claim.claim.condition.empty()) {
            for (auto& study : studies_on_condition(ingest.writer().database(), claim.claim.condition, rules.grading.link_max)) {
                AuditReference reference;
                reference.label = study.key();
                reference.raw = study.title;
                reference.method = "index";
                reference.study = std::move(study);
                audit.references.push_back(std::move(reference));
            }
            claim.link = audit.references.empty() ? LinkKind::none : LinkKind::inferred;
        }
        for (std::size_t i = 0; i < audit.references.size(); ++i) {
            Citation citation;
            citation.label = audit.references[i].label;
            citation.reference = i;
            if (cites.empty()) citation.link_reason = "found in the index on " + claim.claim.condition;
            claim.citations.push_back(std::move(citation));
        }
        audit.claims.push_back(claim);
        grade_claim(audit.claims.front(), audit, rules.grading, rules.claims.units);
        if (!cites.empty()) find_uncited_evidence(audit, ingest.writer().database(), rules.grading);
    });
    if (format == "json") {
        nlohmann::json out = claim_to_json(audit.claims.front(), audit);
        nlohmann::json uncited = nlohmann::json::array();
        for (const auto& u : audit.uncited) uncited.push_back({{"study", u.study.key()}, {"title", u.study.title}, {"why", u.why}});
        out["uncited"] = uncited;
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << write_grade_text(audit);
    }
    return code;
}

}  // namespace evidex
