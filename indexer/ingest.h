// The ingest pipeline: read → parse → classify → upsert → commit, with every failed item
// counted and kept with where and why.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "core/index_writer.h"
#include "core/parsed_records.h"
#include "core/reference_import.h"
#include "core/references.h"

namespace evidex {

struct IngestSummary {
    std::size_t read = 0;      // items met: studies, deletions, and items (or files) that failed
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t deleted = 0;
    std::size_t skipped = 0;   // deletions of PMIDs the index did not hold
    std::size_t resumed = 0;   // ids left alone because the index already holds them (--resume)
    std::size_t as_written = 0;  // BibTeX and CSL-JSON records indexed as the file has them
    std::string as_written_because;  // why they were not looked up: "--as-written", "offline", ...
    std::vector<ItemError> not_found;  // ids the service answered it does not know
    std::vector<ItemError> errors;     // items that failed: faults, malformed records
    // Entries of reference files found another way than their first identifier: where, and how.
    std::vector<ItemError> notes;

    [[nodiscard]] std::size_t failed() const { return errors.size(); }
    [[nodiscard]] std::size_t stored() const { return added + replaced + deleted + skipped + resumed; }
};

class Ingest;

// Looks up the entries of a reference file (a list of PMIDs and DOIs, RIS, MEDLINE, and the
// records of BibTeX and CSL-JSON files) and indexes what it finds through `ingest`, counting each
// entry that cannot be found.
using ReferenceImporter = std::function<void(std::vector<ReferenceEntry>&&, Ingest&)>;

// BibTeX and CSL-JSON files hold whole records, which can be indexed as they stand or taken as
// citations to look up.
enum class RecordReading {
    look_up,     // by PMID through PubMed, by DOI through Crossref, else by title, like RIS entries
    as_written,  // indexed as the file has them
};

struct IngestOptions {
    bool curated = false;  // mark studies as the curated corpus (source "curated")
    // Threads that classify PubMed records and build their documents while this thread writes
    // the index; 0 does everything on this thread.
    std::size_t workers = 0;
    // Called after every record with the running summary (progress display); may be empty.
    std::function<void(const IngestSummary&)> on_progress;
    // Resolves the entries of reference files; empty where the services cannot be reached
    // (then such a file is one failed item that says so).
    ReferenceImporter import_references;
    // How BibTeX and CSL-JSON records are read; `as_written_because` says why they are not
    // looked up when they are not ("--as-written", "offline", "--shards"), for the summary.
    RecordReading records = RecordReading::look_up;
    std::string as_written_because;
    // Go on where an earlier run over the same PubMed files stopped: files it finished are
    // skipped, and a file it was in is read again without indexing the items it had committed.
    bool resume = false;
};

// How far an ingest has come through one PubMed XML file, stored in the index with every batch
// (metadata under resume_key()) so that a run killed halfway can be resumed.
struct FileProgress {
    std::uintmax_t size = 0;    // bytes of the file: a file of another size is another file
    std::size_t items = 0;      // items of the file taken, in file order: studies, deletions, errors
    std::size_t stored = 0;     // of which studies and deletions
    bool done = false;          // the whole file was taken

    [[nodiscard]] std::string encode() const;
    // Empty when `text` is not what encode() writes.
    static std::optional<FileProgress> decode(const std::string& text);
};

// The metadata key of a file's progress: its name without the directory, so that a resumed run
// may name the same files by other paths.
std::string resume_key(const std::filesystem::path& path);

// Holds the stages of one run: the writer and classifier, and the running summary.
class Ingest {
public:
    Ingest(IndexWriter& writer, Classifier classify, IngestOptions options);
    ~Ingest();
    Ingest(const Ingest&) = delete;
    Ingest& operator=(const Ingest&) = delete;

    void add_study(Study&& study);
    // Leaves `prepared` to the caller to free (see IndexWriter::upsert).
    void add_prepared(PreparedStudy& prepared);
    void delete_pmid(const std::string& pmid);
    void add_error(ItemError&& error);
    void add_not_found(ItemError&& error);
    void add_skipped();
    void add_note(ItemError&& note) { summary_.notes.push_back(std::move(note)); }
    void add_parsed(ParsedRecords&& records);

    // Whether the index already holds this id (for --resume).
    bool has_pmid(const std::string& pmid) const { return writer_.has_pmid(pmid); }
    bool has_doi(const std::string& doi) const { return writer_.has_doi(doi); }

    // Reads one file of any supported format (detected by content).
    void ingest_file(const std::filesystem::path& path);

    [[nodiscard]] const IngestSummary& summary() const { return summary_; }
    [[nodiscard]] IndexWriter& writer() { return writer_; }

private:
    void progress();
    void count_outcome(UpsertOutcome outcome);
    // A PubMed file through the worker pipeline (options_.workers > 0).
    void ingest_pubmed_parallel(const std::filesystem::path& path, std::size_t resume_from);
    void ingest_pubmed_serial(const std::filesystem::path& path, std::size_t resume_from);
    // Where to start in a PubMed file: the items an earlier run committed (with --resume), or
    // std::nullopt when it finished the file. Starts the file's progress record.
    std::optional<std::size_t> begin_pubmed_file(const std::filesystem::path& path);
    // The item just taken from the PubMed file being read; `stored` for a study or deletion.
    void took_item(bool stored);
    // Marks the file finished, in the batch being written.
    void end_pubmed_file();
    // A file of references: its parse errors counted, its entries handed to the importer.
    void import_entries(ImportedReferences&& imported, const std::string& where);
    // BibTeX or CSL-JSON records: looked up, or indexed as written (options_.records).
    void add_records(ParsedRecords&& records, const std::string& where);

    IndexWriter& writer_;
    Classifier classify_;
    IngestOptions options_;
    IngestSummary summary_;
    // The PubMed file being read and how far, written to the index before each commit.
    std::string file_key_;
    FileProgress file_;
};

// The files of the bundled corpus, in a stable order: Crossref works, then PubMed records.
std::vector<std::filesystem::path> list_corpus_files(const std::filesystem::path& corpus);

}  // namespace evidex
