#include "indexer/commands.h"

#include <algorithm>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>

#include "core/data_dirs.h"
#include "core/http_client.h"
#include "core/index_schema.h"
#include "core/index_writer.h"
#include "indexer/import_references.h"
#include "indexer/resolve.h"
#include "indexer/run.h"
#include "indexer/sharded.h"

namespace po = boost::program_options;

namespace evidex {

ExitCode run_index_file(const CommandLine& line) {
    auto options = writer_options("evidex-index file PATH...: index PubMed XML (.xml, .xml.gz) and Crossref JSON "
                                  "files, and look up the records of BibTeX, CSL-JSON, RIS and MEDLINE/nbib files "
                                  "and lists of PMIDs and DOIs (by PMID, else DOI, else title) to index them as "
                                  "PubMed and Crossref have them");
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    options.add_options()
        ("threads", po::value<std::size_t>()->default_value(std::max(1u, cores - 1))->value_name("N"),
         "threads that classify PubMed records and build their documents while this one writes the index "
         "(default: cores - 1; 0 does all on one thread)")
        ("shards", po::value<std::size_t>()->default_value(1)->value_name("N"),
         "build a new index with N writers at once, each into a shard of its own over its share of the files, "
         "then merge the shards into one (BibTeX and CSL-JSON records indexed as written)")
        ("as-written", po::bool_switch(),
         "index the records of BibTeX and CSL-JSON files as the files have them instead of looking them up "
         "(as --offline does)")
        ("resume", po::bool_switch(),
         "go on where an interrupted run over the same PubMed files stopped: skip the files it finished and "
         "the records it committed");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "path",
                                     "  evidex-index file pubmed26n0001.xml.gz\n"
                                     "  evidex-index --db /tmp/index file efetch.xml works.json\n"
                                     "  evidex-index file zotero-export.ris pubmed-citations.nbib pmids.txt\n"
                                     "  evidex-index file library.bib zotero-items.json\n"
                                     "  evidex-index file --as-written library.bib\n"
                                     "  evidex-index --db /srv/evidex/index file --shards 4 baseline/pubmed26n*.xml.gz\n"
                                     "  evidex-index --db /srv/evidex/index file --resume baseline/pubmed26n*.xml.gz\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    if (!vm->count("path")) throw FatalError(ExitCode::usage, "file: give at least one PATH");
    const auto paths = (*vm)["path"].as<std::vector<std::string>>();
    if (const auto shards = (*vm)["shards"].as<std::size_t>(); shards != 1) {
        if ((*vm)["resume"].as<bool>())
            throw FatalError(ExitCode::usage, "file: --resume goes on in an existing index, which --shards does not "
                                              "write to until its shards are merged; rerun without --shards");
        return run_sharded_ingest(settings, *vm, {paths.begin(), paths.end()}, shards);
    }
    CurlFetcher fetcher(fetcher_options_from(settings));
    const RemoteOptions remote = remote_options_from(settings);
    const ReferenceImporter importer = [&](std::vector<ReferenceEntry>&& entries, Ingest& ingest) {
        import_references(std::move(entries), ingest, &fetcher, remote, !settings.offline);
    };
    return run_ingest(settings, *vm, false, [&](Ingest& ingest) {
        for (const auto& path : paths) ingest.ingest_file(path);
    }, {}, importer);
}

ExitCode run_index_corpus(const CommandLine& line) {
    const auto options = writer_options("evidex-index corpus: index the bundled corpus of study records");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "",
                                     "  evidex-index corpus\n  evidex-index --db /tmp/demo corpus --quiet\n", settings);
    if (!vm) return ExitCode::ok;
    const auto files = list_corpus_files(corpus_dir());
    if (files.empty()) throw FatalError(ExitCode::failed, corpus_dir().string() + ": the bundled corpus is empty");
    return run_ingest(settings, *vm, true, [&](Ingest& ingest) {
        for (const auto& path : files) ingest.ingest_file(path);
    });
}

ExitCode run_index_upgrade(const CommandLine& line) {
    po::options_description options("evidex-index upgrade: bring an index of an older schema version up to date in place");
    Settings settings;
    const auto vm = parse_subcommand(line, options, "",
                                     "  evidex-index upgrade\n  evidex-index --db /srv/evidex/shard-03 upgrade\n",
                                     settings);
    if (!vm) return ExitCode::ok;
    require_one_db(settings, "upgrade");
    WriterOptions writer_options;
    writer_options.upgrade = true;
    IndexWriter writer(settings.db, writer_options);
    const auto upgraded = writer.upgraded();
    writer.finish();
    if (!settings.quiet) {
        if (upgraded)
            std::cerr << "evidex-index: " << settings.db.string() << ": upgraded from schema version "
                      << upgraded->from_version << " to " << schema::version << " (" << upgraded->studies
                      << " studies rewritten)\n";
        else
            std::cerr << "evidex-index: " << settings.db.string() << ": already at schema version " << schema::version
                      << '\n';
    }
    return ExitCode::ok;
}

}  // namespace evidex
