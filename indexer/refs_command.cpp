// evidex-index refs PAGE|URL: find a page's references, resolve and index them, print a table.
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/http_client.h"
#include "indexer/commands.h"
#include "indexer/page_source.h"
#include "indexer/refs_report.h"
#include "indexer/run.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

std::size_t terminal_width() {
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 60) return size.ws_col;
    return 160;
}

}  // namespace

ExitCode run_index_refs(const CommandLine& line) {
    auto options = writer_options("evidex-index refs PAGE|URL: find a page's references, resolve and index them");
    options.add_options()("format", po::value<std::string>()->default_value("table")->value_name("FORMAT"),
                          "table or json");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "page",
                                     "  evidex-index refs supplement-page.html\n"
                                     "  evidex-index --offline refs page.txt --format json\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    if (!vm->count("page")) throw FatalError(ExitCode::usage, "refs: give a PAGE file or URL");
    const auto pages = (*vm)["page"].as<std::vector<std::string>>();
    if (pages.size() != 1) throw FatalError(ExitCode::usage, "refs: give one PAGE file or URL");
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "table" && format != "json") throw FatalError(ExitCode::usage, "refs: unknown --format '" + format + "' (table or json)");

    CurlFetcher fetcher(fetcher_options_from(settings));
    const Page page = read_page(pages.front(), fetcher);
    PageResolution resolved;
    Settings quiet_settings = settings;
    quiet_settings.quiet = true;  // the table is the output; ingest counts only on failure
    const ExitCode code = run_ingest(quiet_settings, *vm, false, [&](Ingest& ingest) {
        // Offline, the index is the only source: what earlier runs found was indexed then.
        resolved = resolve_page(page, ingest, settings.offline ? nullptr : &fetcher, remote_options_from(settings));
    });
    const auto& references = resolved.references;
    const auto& allusions = resolved.allusions;
    if (format == "json") {
        nlohmann::json out{{"document", {{"source", page.source}, {"title", page.title}}},
                           {"references", nlohmann::json::array()},
                           {"allusions", nlohmann::json::array()}};
        for (const auto& r : references) out["references"].push_back(reference_to_json(r));
        for (const auto& a : allusions) out["allusions"].push_back(allusion_to_json(a));
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << write_references_table(references, allusions, terminal_width());
    }
    if (references.empty() && allusions.empty() && !settings.quiet)
        std::cerr << "evidex-index: " << page.source << ": no reference list and no allusion to a study found\n";
    return code;
}

}  // namespace evidex
