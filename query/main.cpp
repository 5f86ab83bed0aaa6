// evidex-query: search the index, grade claims, audit pages.
#include "core/cli.h"
#include "query/commands.h"

int main(int argc, char** argv) {
    const std::vector<evidex::CommandEntry> commands{
        {"audit", evidex::run_query_audit, "grade every claim of a page against its citations: Markdown, HTML or JSON"},
        {"claims", evidex::run_query_claims, "list the claims audits saved: by words, condition, verdict or cited study"},
        {"config", evidex::run_query_config, "print the effective settings and where each comes from, secrets masked"},
        {"grade", evidex::run_query_grade, "grade one claim against the studies it cites, or against the index"},
        {"map", evidex::run_query_map, "the studies on a condition by evidence level and result direction, strongest first"},
        {"search", evidex::run_query_search, "find studies by words, fields and filters, ranked, with facet counts"},
        {"show", evidex::run_query_show, "print stored studies by pmid:N, doi:X or title:HASH, as text or JSON"},
    };
    return evidex::run_tool("evidex-query", commands, argc, argv);
}
