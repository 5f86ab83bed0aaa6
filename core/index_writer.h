// IndexWriter owns the one WritableDatabase of a run. Changes are grouped in transactions and
// committed explicitly (every `commit_every` documents and at finish()); a writer destroyed
// without finish() discards what it had not committed, so the index always holds whole batches.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/study.h"

namespace Xapian {
class Document;
class Database;
class WritableDatabase;
}

namespace evidex {

// Derives the classified fields of a study; called on the merged record before it is stored.
using Classifier = std::function<void(Study&)>;

enum class UpsertOutcome { added, replaced };

// A study classified and turned into its document ahead of the writer, on any thread.
struct PreparedStudy {
    Study study;
    std::shared_ptr<Xapian::Document> document;  // what build_study_document makes of `study`
};

// Runs `classify` on the study and builds its document. Needs no index; thread-safe as long as
// `classify` is.
PreparedStudy prepare_study(Study study, const Classifier& classify);

// Documents a batch holds before it is committed. A commit syncs every table to disk and waits
// for it; within a batch Xapian writes the postings it holds in memory every
// `flush_every` documents, so the batch size sets how much a crash can take back, not the
// memory. On 20,000 generated PubMed records, committing every 5,000 or 10,000 documents with
// a flush every 1,000 was faster than committing every 1,000 in each of seven alternating
// runs (by 2-14%, 4% at the median).
inline constexpr std::size_t default_commit_every = 10000;

// Documents whose postings Xapian holds in memory before it writes them to the tables (its
// flush threshold, which Xapian reads from XAPIAN_FLUSH_THRESHOLD when an index is opened;
// set there unless the environment already sets it). Xapian keeps them in trees that outgrow
// the processor's caches as they grow: on 20,000 to 300,000 generated records, flushing every
// 500 to 1,000 indexed 5-35% faster than every 5,000, with less than half the memory, and
// 250 was slower again.
inline constexpr std::size_t flush_every = 1000;

struct WriterOptions {
    std::size_t commit_every = default_commit_every;
    // Bring an index of an older schema version up to date in place instead of refusing it.
    bool upgrade = false;
};

// What opening an index with WriterOptions::upgrade did to an older one.
struct Upgrade {
    int from_version = 0;
    std::size_t studies = 0;  // study documents rewritten
};

class IndexWriter {
public:
    // Opens or creates the index at `dir`. Throws FatalError: exit code `locked` when another
    // writer holds the lock, `failed` when the index cannot be opened or has another schema version.
    IndexWriter(const std::filesystem::path& dir, WriterOptions options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Stores the study. A study already indexed under the same PMID or DOI is merged with it
    // (the richer source wins field by field) and replaced, so one study is one document.
    // `classify` runs on the merged record. Throws FatalError when the database fails.
    UpsertOutcome upsert(Study study, const Classifier& classify);
    // The same for a prepared study: a study met for the first time is stored with the document
    // prepared for it; one that merges with a stored study is classified and built again here.
    // `prepared` stays with the caller, its study merged where it was, so that another thread
    // can free it (an ingest hands it back to its workers).
    UpsertOutcome upsert(PreparedStudy& prepared, const Classifier& classify);

    // Stores a document of another type (a saved claim) under its unique id term.
    void replace_document(const std::string& unique_term, const Xapian::Document& doc);
    // Deletes every document holding `term`; returns how many.
    std::size_t delete_documents(const std::string& term);
    // Adds a boolean term to the document filed under `unique_term`; false when there is none.
    bool add_term(const std::string& unique_term, const std::string& term);
    // Removes every term starting with `prefix` from the documents holding it.
    void remove_terms_with_prefix(const std::string& prefix);

    // Removes the study with this PMID (PubMed DeleteCitation). Returns whether one was there.
    bool remove_pmid(const std::string& pmid);

    // The stored study with this PMID or DOI (committed or pending), if any.
    std::optional<Study> find_pmid(const std::string& pmid) const;
    std::optional<Study> find_doi(const std::string& doi) const;
    // The study filed under a key (Study::key(): "pmid:N", "doi:X", "title:HASH").
    std::optional<Study> find_key(const std::string& key) const;
    // The database, for searches over what this run has written so far.
    [[nodiscard]] const Xapian::Database& database() const;

    // Whether a study with this PMID or DOI is stored (committed or pending).
    bool has_pmid(const std::string& pmid) const;
    bool has_doi(const std::string& doi) const;

    // Metadata stored with the index. A value set here is committed with the batch it was set in.
    [[nodiscard]] std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);
    // Called just before each commit (and at finish()), so that the caller can store with the
    // batch how far it has come. One hook; an empty function removes it.
    void on_commit(std::function<void()> hook) { on_commit_ = std::move(hook); }

    // Commits the pending batch and starts a new one.
    void commit();
    // Commits what is pending; the writer accepts no more changes afterwards.
    void finish();

    [[nodiscard]] std::size_t pending() const { return pending_; }
    // Set when opening upgraded an older index.
    [[nodiscard]] const std::optional<Upgrade>& upgraded() const { return upgraded_; }

private:
    // Merges into `study` what the index holds of it, then stores it.
    UpsertOutcome store(Study& study, const Classifier& classify, const Xapian::Document* prepared);
    void count_change();
    // Sets has_title_keys_ and has_doi_keys_ from the index.
    void note_keys_held();

    std::unique_ptr<Xapian::WritableDatabase> db_;
    std::filesystem::path dir_;
    WriterOptions options_;
    std::size_t pending_ = 0;
    bool in_transaction_ = false;
    std::optional<Upgrade> upgraded_;
    // Whether the index may hold a study filed under a title key (no PMID, no DOI): only then
    // does a study with ids look for one to fold in.
    bool has_title_keys_ = false;
    // Whether the index may hold a study filed under its DOI (a DOI, no PMID): only then does
    // a study with a PMID and a DOI look for one to fold in by the DOI.
    bool has_doi_keys_ = false;
    std::function<void()> on_commit_;
};

}  // namespace evidex
