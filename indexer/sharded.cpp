#include "indexer/sharded.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

#include <xapian.h>

#include "core/classify.h"
#include "core/data_dirs.h"
#include "core/index_schema.h"
#include "core/index_writer.h"
#include "indexer/progress.h"
#include "indexer/run.h"

namespace evidex {

namespace {

// Adds one shard's summary into the run's.
void add_summary(IngestSummary& total, IngestSummary&& part) {
    total.read += part.read;
    total.added += part.added;
    total.replaced += part.replaced;
    total.deleted += part.deleted;
    total.skipped += part.skipped;
    total.resumed += part.resumed;
    total.as_written += part.as_written;
    if (total.as_written_because.empty()) total.as_written_because = part.as_written_because;
    for (auto& miss : part.not_found) total.not_found.push_back(std::move(miss));
    for (auto& error : part.errors) total.errors.push_back(std::move(error));
    for (auto& note : part.notes) total.notes.push_back(std::move(note));
}

// Whether `dir` holds anything (an index, or files that are not one).
bool holds_anything(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) return false;
    if (!std::filesystem::is_directory(dir, ec)) return true;
    return std::filesystem::directory_iterator(dir, ec) != std::filesystem::directory_iterator();
}

// Deletes all but the last document of every unique id held more than once; returns how many
// ids were.
std::size_t drop_duplicates(const std::filesystem::path& dir) {
    try {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
        const std::string unique(schema::prefix::unique_id);
        std::vector<Xapian::docid> extra;
        std::size_t ids = 0;
        for (auto term = db.allterms_begin(unique); term != db.allterms_end(unique); ++term) {
            if (term.get_termfreq() < 2) continue;
            ++ids;
            std::vector<Xapian::docid> docids;
            for (auto it = db.postlist_begin(*term); it != db.postlist_end(*term); ++it) docids.push_back(*it);
            extra.insert(extra.end(), docids.begin(), docids.end() - 1);
        }
        for (const auto docid : extra) db.delete_document(docid);
        db.commit();
        return ids;
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, dir.string() + ": checking the merged index for duplicates failed: " +
                                               e.get_description());
    }
}

}  // namespace

std::vector<std::vector<std::filesystem::path>> split_by_size(const std::vector<std::filesystem::path>& files,
                                                              std::size_t shards) {
    shards = std::max<std::size_t>(shards, 1);
    std::vector<std::uintmax_t> sizes(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(files[i], ec);
        sizes[i] = ec ? 0 : size;
    }
    std::vector<std::size_t> order(files.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::vector<std::uintmax_t> load(shards, 0);
    std::vector<std::vector<std::size_t>> picked(shards);
    for (const auto i : order) {
        const auto lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        load[lightest] += sizes[i];
        picked[lightest].push_back(i);
    }
    std::vector<std::vector<std::filesystem::path>> groups;
    for (auto& indexes : picked) {
        if (indexes.empty()) continue;
        std::sort(indexes.begin(), indexes.end());
        auto& group = groups.emplace_back();
        for (const auto i : indexes) group.push_back(files[i]);
    }
    return groups;
}

ExitCode run_sharded_ingest(const Settings& settings, const boost::program_options::variables_map& vm,
                            const std::vector<std::filesystem::path>& files, std::size_t shards) {
    require_one_db(settings, "file --shards");
    if (shards < 2) throw FatalError(ExitCode::usage, "file: --shards takes 2 or more (1 is the plain ingest)");
    if (holds_anything(settings.db))
        throw FatalError(ExitCode::usage, settings.db.string() +
                                              ": --shards builds a new index, and this path is not empty "
                                              "(give a new --db, or index without --shards to add to it)");
    const std::filesystem::path work = settings.db.string() + ".shards";
    if (holds_anything(work))
        throw FatalError(ExitCode::usage, work.string() + ": left by an earlier --shards run; remove it first");

    const auto groups = split_by_size(files, shards);
    const ClassificationRules rules = load_classification_rules(schemas_dir());
    const Classifier classify = [&rules](Study& study) { classify_study(study, rules); };
    const std::size_t commit_every = vm["commit-every"].as<std::size_t>();

    std::mutex mutex;  // guards the summaries, the progress line and the first failure
    std::vector<IngestSummary> running(groups.size());
    IngestSummary total;
    std::exception_ptr failure;
    ProgressLine progress(!settings.quiet);

    std::vector<std::thread> writers;
    for (std::size_t k = 0; k < groups.size(); ++k) {
        writers.emplace_back([&, k] {
            try {
                IndexWriter writer(work / ("shard-" + std::to_string(k + 1)), WriterOptions{commit_every});
                IngestOptions options;
                // No resolver here: BibTeX and CSL-JSON records are indexed as written.
                options.records = RecordReading::as_written;
                const bool asked = vm.count("as-written") && vm["as-written"].as<bool>();
                options.as_written_because = asked ? "--as-written" : "--shards";
                options.on_progress = [&, k](const IngestSummary& s) {
                    std::lock_guard lock(mutex);
                    running[k].read = s.read;
                    running[k].added = s.added;
                    running[k].replaced = s.replaced;
                    IngestSummary sum;
                    for (const auto& part : running) {
                        sum.read += part.read;
                        sum.added += part.added;
                        sum.replaced += part.replaced;
                    }
                    progress.update(sum);
                };
                Ingest ingest(writer, classify, options);
                for (const auto& path : groups[k]) ingest.ingest_file(path);
                writer.finish();
                IngestSummary done = ingest.summary();
                std::lock_guard lock(mutex);
                add_summary(total, std::move(done));
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
            }
        });
    }
    for (auto& writer : writers) writer.join();
    progress.finish();
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const FatalError& e) {
            throw FatalError(e.code(), std::string(e.what()) + " (the shards built so far are in " + work.string() + ")");
        }
    }

    // One index from the shards: Xapian's compactor, which keeps the schema version metadata.
    try {
        Xapian::Database all;
        for (std::size_t k = 0; k < groups.size(); ++k)
            all.add_database(Xapian::Database((work / ("shard-" + std::to_string(k + 1))).string()));
        std::error_code ec;
        std::filesystem::remove(settings.db, ec);  // an empty directory, if one was there
        all.compact(settings.db.string(), Xapian::DBCOMPACT_MULTIPASS, static_cast<int>(schema::block_size));
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, settings.db.string() + ": merging the shards failed: " + e.get_description() +
                                               " (the shards are in " + work.string() + ")");
    }
    std::error_code ec;
    std::filesystem::remove_all(work, ec);

    // Files that overlap put a study in two shards; the merged index keeps one copy of each.
    const std::size_t duplicates = drop_duplicates(settings.db);
    if (duplicates > 0 && !settings.quiet)
        std::fprintf(stderr, "evidex-index: %zu studies were in files of more than one shard; one copy of each is kept\n",
                     duplicates);
    return finish_run(total, settings.quiet);
}

}  // namespace evidex
