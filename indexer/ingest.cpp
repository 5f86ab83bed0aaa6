#include "indexer/ingest.h"

#include <algorithm>
#include <cstdio>
#include <variant>

#include "core/crossref_parser.h"
#include "core/memory_room.h"
#include "core/pubmed_parser.h"
#include "core/reference_import.h"
#include "core/text.h"
#include "indexer/input_format.h"
#include "indexer/pipeline.h"

namespace evidex {

namespace {
// JSON and BibTeX inputs are read whole; larger ones are refused rather than exhausting memory.
constexpr std::uintmax_t max_whole_file_bytes = 512ull << 20;
// Memory taken by a file read whole, as a multiple of its size: the text and what its parser
// builds. 200 MiB of Crossref JSON peaked at 1.5 GiB (7.3 times). A file that would not fit in
// the room the system leaves is refused: an allocation that fails inside the JSON parser ends
// the process (its destructors allocate and are noexcept), and the kernel's out-of-memory
// killer gives no message at all.
constexpr std::uintmax_t whole_file_memory_factor = 8;
}  // namespace

std::string FileProgress::encode() const {
    return "size=" + std::to_string(size) + " items=" + std::to_string(items) + " stored=" + std::to_string(stored) +
           (done ? " done" : "");
}

std::optional<FileProgress> FileProgress::decode(const std::string& text) {
    FileProgress progress;
    unsigned long long size = 0;
    std::size_t items = 0, stored = 0;
    int end = 0;
    if (std::sscanf(text.c_str(), "size=%llu items=%zu stored=%zu%n", &size, &items, &stored, &end) != 3)
        return std::nullopt;
    const std::string rest = text.substr(static_cast<std::size_t>(end));
    if (!rest.empty() && rest != " done") return std::nullopt;
    if (stored > items) return std::nullopt;
    progress.size = size;
    progress.items = items;
    progress.stored = stored;
    progress.done = !rest.empty();
    return progress;
}

std::string resume_key(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    // Xapian keys are limited to a few hundred bytes; a longer name keeps its start and a hash.
    if (name.size() > 160) {
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(name)));
        name = name.substr(0, 140) + "#" + hash;
    }
    return "evidex.progress:" + name;
}

Ingest::Ingest(IndexWriter& writer, Classifier classify, IngestOptions options)
    : writer_(writer), classify_(std::move(classify)), options_(std::move(options)) {
    writer_.on_commit([this] {
        if (!file_key_.empty()) writer_.set_metadata(file_key_, file_.encode());
    });
}

Ingest::~Ingest() { writer_.on_commit({}); }

std::optional<std::size_t> Ingest::begin_pubmed_file(const std::filesystem::path& path) {
    std::error_code ec;
    file_ = FileProgress{};
    file_.size = std::filesystem::file_size(path, ec);
    file_key_ = resume_key(path);
    if (!options_.resume) return 0;
    const auto saved = FileProgress::decode(writer_.metadata(file_key_));
    if (!saved || saved->size != file_.size) return 0;
    if (saved->done) {
        // Finished by an earlier run: its studies are counted as already indexed, unread.
        summary_.read += saved->stored;
        summary_.resumed += saved->stored;
        file_key_.clear();
        progress();
        return std::nullopt;
    }
    return saved->items;
}

void Ingest::took_item(bool stored) {
    ++file_.items;
    if (stored) ++file_.stored;
}

void Ingest::end_pubmed_file() {
    file_.done = true;
    writer_.set_metadata(file_key_, file_.encode());
    file_key_.clear();
}

void Ingest::count_outcome(UpsertOutcome outcome) {
    ++summary_.read;
    if (outcome == UpsertOutcome::added) ++summary_.added;
    else ++summary_.replaced;
    progress();
}

void Ingest::add_study(Study&& study) {
    if (options_.curated) study.source = Source::curated;
    count_outcome(writer_.upsert(std::move(study), classify_));
}

void Ingest::add_prepared(PreparedStudy& prepared) { count_outcome(writer_.upsert(prepared, classify_)); }

void Ingest::delete_pmid(const std::string& pmid) {
    ++summary_.read;
    if (writer_.remove_pmid(pmid)) ++summary_.deleted;
    else ++summary_.skipped;
    progress();
}

void Ingest::add_error(ItemError&& error) {
    ++summary_.read;
    summary_.errors.push_back(std::move(error));
    progress();
}

void Ingest::add_not_found(ItemError&& error) {
    ++summary_.read;
    summary_.not_found.push_back(std::move(error));
    progress();
}

void Ingest::add_skipped() {
    ++summary_.read;
    ++summary_.resumed;
    progress();
}

void Ingest::add_parsed(ParsedRecords&& records) {
    for (auto& study : records.studies) add_study(std::move(study));
    for (const auto& pmid : records.deleted_pmids) delete_pmid(pmid);
    for (auto& error : records.errors) add_error(std::move(error));
}

void Ingest::progress() {
    if (options_.on_progress) options_.on_progress(summary_);
}

void Ingest::ingest_file(const std::filesystem::path& path) {
    const std::string where = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        add_error({where, std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"});
        return;
    }
    const InputFormat format = detect_input_format(path);
    if (format == InputFormat::pubmed_xml) {
        const auto start = begin_pubmed_file(path);
        if (!start) return;
        if (options_.workers > 0) ingest_pubmed_parallel(path, *start);
        else ingest_pubmed_serial(path, *start);
        end_pubmed_file();
        return;
    }
    if (format == InputFormat::unknown) {
        add_error({where, "not a format evidex-index reads (PubMed XML, .xml.gz, Crossref JSON, CSL-JSON, BibTeX, "
                          "RIS, MEDLINE/nbib, a list of PMIDs and DOIs)"});
        return;
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_whole_file_bytes) {
        add_error({where, std::string(to_string(format)) + " file larger than 512 MiB"});
        return;
    }
    if (const auto shortfall = ec ? std::nullopt : memory_shortfall(size * whole_file_memory_factor)) {
        add_error({where, "a " + std::string(to_string(format)) + " file of " + describe_bytes(size) +
                              " is read whole, which " + *shortfall + "; split it into smaller files"});
        return;
    }
    std::string text;
    if (!read_file(where, text)) {
        add_error({where, "cannot read file"});
        return;
    }
    switch (format) {
        case InputFormat::crossref_json: add_parsed(parse_crossref_json(text, where)); break;
        case InputFormat::csl_json: add_records(parse_csl_json(text, where), where); break;
        case InputFormat::bibtex: add_records(parse_bibtex(text, where), where); break;
        case InputFormat::ris: import_entries(parse_ris(text, where), where); break;
        case InputFormat::medline: import_entries(parse_medline(text, where), where); break;
        case InputFormat::id_list: import_entries(parse_id_list(text, where), where); break;
        case InputFormat::pubmed_xml:
        case InputFormat::unknown: break;
    }
}

void Ingest::add_records(ParsedRecords&& records, const std::string& where) {
    if (options_.records == RecordReading::as_written) {
        summary_.as_written += records.studies.size();
        summary_.as_written_because = options_.as_written_because;
        add_parsed(std::move(records));
        return;
    }
    ImportedReferences imported;
    imported.errors = std::move(records.errors);
    for (std::size_t i = 0; i < records.studies.size(); ++i)
        imported.entries.push_back(reference_entry_of(records.studies[i], where + ": record " + std::to_string(i + 1)));
    import_entries(std::move(imported), where);
}

void Ingest::import_entries(ImportedReferences&& imported, const std::string& where) {
    for (auto& error : imported.errors) add_error(std::move(error));
    if (imported.entries.empty()) return;
    if (!options_.import_references) {
        add_error({where, "a reference file is resolved through the services, which this command does not reach "
                          "(give it to 'evidex-index file' without --shards)"});
        return;
    }
    options_.import_references(std::move(imported.entries), *this);
}

namespace {
struct DeletedPmid {
    std::string pmid;
};
// An item of a resumed file that an earlier run committed.
struct AlreadyCommitted {};
}  // namespace

void Ingest::ingest_pubmed_serial(const std::filesystem::path& path, std::size_t resume_from) {
    // Items before `resume_from` were committed by an earlier run: studies and deletions are
    // counted as already indexed, errors reported again (they were never stored).
    std::size_t seen = 0;
    const auto committed = [&] { return seen++ < resume_from; };
    PubmedSink sink;
    sink.study = [&](Study&& study) {
        const bool skip = committed();
        took_item(true);
        if (skip) add_skipped();
        else add_study(std::move(study));
    };
    sink.deleted = [&](const std::string& pmid) {
        const bool skip = committed();
        took_item(true);
        if (skip) add_skipped();
        else delete_pmid(pmid);
    };
    sink.error = [&](ItemError&& error) {
        committed();
        took_item(false);
        add_error(std::move(error));
    };
    read_pubmed_file(path, sink);
}

void Ingest::ingest_pubmed_parallel(const std::filesystem::path& path, std::size_t resume_from) {
    using Event = std::variant<Study, DeletedPmid, ItemError, AlreadyCommitted>;
    using Ready = std::variant<PreparedStudy, DeletedPmid, ItemError, AlreadyCommitted>;
    const auto produce = [&](const std::function<void(Event&&)>& emit) {
        std::size_t seen = 0;
        const auto committed = [&] { return seen++ < resume_from; };
        PubmedSink sink;
        sink.study = [&](Study&& study) {
            emit(committed() ? Event(AlreadyCommitted{}) : Event(std::move(study)));
        };
        sink.deleted = [&](const std::string& pmid) {
            emit(committed() ? Event(AlreadyCommitted{}) : Event(DeletedPmid{pmid}));
        };
        sink.error = [&](ItemError&& error) {
            committed();
            emit(Event(std::move(error)));
        };
        read_pubmed_file(path, sink);
    };
    const auto prepare = [&](Event&& event) -> Ready {
        if (auto* study = std::get_if<Study>(&event)) {
            if (options_.curated) study->source = Source::curated;
            return prepare_study(std::move(*study), classify_);
        }
        if (auto* deleted = std::get_if<DeletedPmid>(&event)) return std::move(*deleted);
        if (std::holds_alternative<AlreadyCommitted>(event)) return AlreadyCommitted{};
        return std::get<ItemError>(std::move(event));
    };
    const auto consume = [&](Ready&& ready) {
        took_item(!std::holds_alternative<ItemError>(ready));
        // The study and its document stay in the batch, which the pipeline frees on a worker.
        if (auto* prepared = std::get_if<PreparedStudy>(&ready)) add_prepared(*prepared);
        else if (auto* deleted = std::get_if<DeletedPmid>(&ready)) delete_pmid(deleted->pmid);
        else if (std::holds_alternative<AlreadyCommitted>(ready)) add_skipped();
        else add_error(std::get<ItemError>(std::move(ready)));
    };
    PipelineShape shape;
    shape.workers = options_.workers;
    run_ordered_pipeline<Event, Ready>(produce, prepare, consume, shape);
}

std::vector<std::filesystem::path> list_corpus_files(const std::filesystem::path& corpus) {
    std::vector<std::filesystem::path> files;
    // Crossref works first, PubMed records second: when the corpus has a study in both forms, the
    // PubMed record arrives last and wins the merge field by field, as it does for live sources.
    for (const char* sub : {"crossref", "pubmed"}) {
        std::vector<std::filesystem::path> part;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(corpus / sub, ec))
            if (entry.is_regular_file()) part.push_back(entry.path());
        std::sort(part.begin(), part.end());
        files.insert(files.end(), part.begin(), part.end());
    }
    return files;
}

}  // namespace evidex
