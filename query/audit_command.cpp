// evidex-query audit PAGE|URL: the citation audit of a page, as Markdown, HTML or JSON.
#include <iostream>

#include "core/data_dirs.h"
#include "core/http_client.h"
#include "indexer/page_source.h"
#include "indexer/run.h"
#include "query/audit_build.h"
#include "query/audit_report.h"
#include "query/citation_export.h"
#include "query/claim_store.h"
#include "query/commands.h"
#include "query/report_output.h"
#include "query/uncited.h"

namespace po = boost::program_options;

namespace evidex {

ExitCode run_query_audit(const CommandLine& line) {
    auto options = writer_options("evidex-query audit PAGE|URL: grade every claim of a page against the studies it cites");
    options.add_options()
        ("format", po::value<std::string>()->default_value("md")->value_name("FORMAT"), "md, html or json; or the resolved references for a citation manager: ris, bibtex or csl-json")
        ("out", po::value<std::string>()->value_name("FILE"), "write the report to FILE instead of stdout")
        ("save", "store the claims in the index and tag each cited study with the claims citing it");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "page",
                                     "  evidex-query audit supplement-page.html\n"
                                     "  evidex-query --offline audit page.txt --format html --out audit.html\n"
                                     "  evidex-query audit supplement-page.html --format ris --out references.ris\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    if (!vm->count("page")) throw FatalError(ExitCode::usage, "audit: give a PAGE file or URL");
    const auto pages = (*vm)["page"].as<std::vector<std::string>>();
    if (pages.size() != 1) throw FatalError(ExitCode::usage, "audit: give one PAGE file or URL");
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "md" && format != "html" && format != "json" && !is_citation_format(format))
        throw FatalError(ExitCode::usage,
                         "audit: unknown --format '" + format + "' (md, html, json, ris, bibtex or csl-json)");
    const std::string out = vm->count("out") ? (*vm)["out"].as<std::string>() : std::string();

    const AuditRules rules = load_audit_rules(schemas_dir());
    CurlFetcher fetcher(fetcher_options_from(settings));
    const Page page = read_page(pages.front(), fetcher);
    const RemoteOptions remote = remote_options_from(settings);

    Audit audit;
    Settings quiet_settings = settings;
    quiet_settings.quiet = true;  // the report is the output; ingest counts only on failure
    const ExitCode code = run_ingest(quiet_settings, *vm, false, [&](Ingest& ingest) {
        const PageResolution resolved = resolve_page(page, ingest, settings.offline ? nullptr : &fetcher, remote);
        audit = build_audit(page, resolved.references, resolved.allusions, rules);
        find_uncited_evidence(audit, ingest.writer().database(), rules.grading);
        if (vm->count("save")) save_claims(audit, ingest.writer());
    });
    const std::string report = is_citation_format(format) ? *write_citations(audit_reference_studies(audit), format)
                               : format == "json" ? write_audit_json(audit)
                               : format == "html" ? write_audit_html(audit)
                                                  : write_audit_markdown(audit);
    write_report(report, out);
    if (audit.claims_skipped > 0)
        std::cerr << "evidex-query: " << page.source << ": only the first " << audit.claims.size() << " claims are graded; "
                  << audit.claims_skipped << " more were left out\n";
    if (audit.claims.empty() && !settings.quiet)
        std::cerr << "evidex-query: " << page.source << ": no health claim found on the page\n";
    return code;
}

}  // namespace evidex
