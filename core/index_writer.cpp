#include "core/index_writer.h"

#include <cstdlib>
#include <mutex>
#include <set>

#include <xapian.h>

#include "core/errors.h"
#include "core/index_schema.h"
#include "core/study_document.h"
#include "core/study_json.h"

namespace evidex {

namespace prefix = schema::prefix;

namespace {

// Which source's fields win when one study arrives twice: PubMed's (and the curated corpus,
// which is PubMed-format) over Crossref's over doi.org's.
int source_rank(Source s) {
    switch (s) {
        case Source::curated: return 3;
        case Source::pubmed: return 3;
        case Source::crossref: return 2;
        case Source::doi: return 1;
    }
    return 0;
}

FatalError database_error(const std::filesystem::path& dir, const Xapian::Error& e) {
    return FatalError(ExitCode::failed, dir.string() + ": index error: " + e.get_description());
}

void collect_docids(const Xapian::Database& db, const std::string& term, std::set<Xapian::docid>& out) {
    if (!db.term_exists(term)) return;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.insert(*it);
}

// Copies the tags of the claims that cite a study (XCLAIM terms, added by saved audits) from
// its old document to the new one, so they survive a rebuild.
void keep_claim_tags(const Xapian::Document& old, Xapian::Document& rebuilt) {
    const std::string claim_prefix(prefix::claim);
    for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
        t.skip_to(claim_prefix);
        if (t == old.termlist_end() || (*t).compare(0, claim_prefix.size(), claim_prefix) != 0) break;
        rebuilt.add_boolean_term(*t);
    }
}

// An older version to the current one: every study document is built again from the record it
// stores (version 2 dropped the unprefixed text terms and added slots; version 3 moved the
// faceted fields into one slot; version 4 keeps only the stems of the text), keeping the tags
// of the claims that cite it. Commits in batches and the version number is set only at the
// end, so an index cut off part way keeps its old number, tools of this version go on refusing
// it, and running the upgrade again starts from the top. Returns the number of studies rebuilt.
std::size_t upgrade_studies(Xapian::WritableDatabase& db, std::size_t commit_every) {
    const std::string type = schema::make_term(prefix::doc_type, "study");
    std::vector<Xapian::docid> docids;
    for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it) docids.push_back(*it);
    std::size_t since_commit = 0;
    for (const auto docid : docids) {
        const Xapian::Document old = db.get_document(docid);
        Xapian::Document rebuilt = build_study_document(study_from_json(nlohmann::json::parse(old.get_data())));
        keep_claim_tags(old, rebuilt);
        db.replace_document(docid, rebuilt);
        if (++since_commit >= commit_every) {
            db.commit();
            since_commit = 0;
        }
    }
    return docids.size();
}

// Opens the index for writing with Xapian's flush threshold at `flush_every` documents (a
// value the environment already gives wins). Xapian reads the threshold from the environment
// as it opens the index; the lock keeps writers opened on several threads (--shards) from
// reading it while another sets it.
std::unique_ptr<Xapian::WritableDatabase> open_writable(const std::filesystem::path& dir) {
    static std::mutex environment;
    std::lock_guard lock(environment);
    ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(flush_every).c_str(), 0);
    return std::make_unique<Xapian::WritableDatabase>(dir.string(), Xapian::DB_CREATE_OR_OPEN,
                                                      static_cast<int>(schema::block_size));
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir, WriterOptions options) : dir_(dir), options_(options) {
    try {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw FatalError(ExitCode::failed, dir.string() + ": cannot create index directory: " + ec.message());
        // A writer killed while creating the index can leave table files without the revision
        // file `iamglass`, which Xapian then refuses to open. Nothing was ever committed there:
        // the table files are removed and the index is created afresh.
        if (!std::filesystem::exists(dir / "iamglass", ec)) {
            for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
                if (entry.path().extension() == ".glass") std::filesystem::remove(entry.path(), ec);
        }
        db_ = open_writable(dir);
        const std::string stored = db_->get_metadata(schema::version_key);
        const std::string expected = std::to_string(schema::version);
        if (stored.empty()) {
            if (db_->get_doccount() != 0)
                throw FatalError(ExitCode::failed, dir.string() + ": not an Evidex index (no schema version)");
            db_->set_metadata(schema::version_key, expected);
            db_->commit();
        } else if (const int stored_version = schema::stored_version(stored);
                   stored_version != schema::version && schema::read_as_is(stored_version)) {
            // Read as it is (schema::oldest_readable_version): stamped with this version, so
            // that older tools, which would misread what this writer stores, refuse it.
            db_->set_metadata(schema::version_key, expected);
            db_->commit();
            if (options_.upgrade) upgraded_ = Upgrade{stored_version, 0};
        } else if (stored != expected) {
            const bool upgradable =
                stored_version >= schema::oldest_upgradable_version && stored_version < schema::version;
            if (!upgradable)
                throw FatalError(ExitCode::failed, dir.string() + ": index has schema version " + stored +
                                                       "; this Evidex reads version " + expected +
                                                       " (re-index into a new --db)");
            if (!options_.upgrade)
                throw FatalError(ExitCode::failed, dir.string() + ": index has schema version " + stored +
                                                       "; this Evidex reads version " + expected +
                                                       " (run `evidex-index upgrade` to bring it up to date in place)");
            upgraded_ = Upgrade{stored_version, upgrade_studies(*db_, options_.commit_every)};
            db_->set_metadata(schema::version_key, expected);
            db_->commit();
        }
        note_keys_held();
        db_->begin_transaction();
        in_transaction_ = true;
    } catch (const Xapian::DatabaseLockError&) {
        throw FatalError(ExitCode::locked, dir.string() + ": index is locked by another writer (lock file " +
                                               (dir / "flintlock").string() + ")");
    } catch (const Xapian::Error& e) {
        throw database_error(dir, e);
    } catch (const nlohmann::json::exception& e) {
        throw FatalError(ExitCode::failed, dir.string() + ": upgrade stopped at a stored record that is not valid JSON (" +
                                               e.what() + "); the index keeps its old version");
    }
}

IndexWriter::~IndexWriter() {
    if (!db_) return;
    try {
        // Uncommitted changes are dropped on purpose: only explicit commits count.
        if (in_transaction_) db_->cancel_transaction();
        db_->close();
    } catch (const Xapian::Error&) {
        // Nothing can be reported from a destructor; the index keeps its last commit.
    }
}

PreparedStudy prepare_study(Study study, const Classifier& classify) {
    if (classify) classify(study);
    auto document = std::make_shared<Xapian::Document>(build_study_document(study));
    return {std::move(study), std::move(document)};
}

UpsertOutcome IndexWriter::upsert(Study study, const Classifier& classify) { return store(study, classify, nullptr); }

UpsertOutcome IndexWriter::upsert(PreparedStudy& prepared, const Classifier& classify) {
    return store(prepared.study, classify, prepared.document.get());
}

UpsertOutcome IndexWriter::store(Study& study, const Classifier& classify, const Xapian::Document* prepared) {
    try {
        std::set<Xapian::docid> candidates;
        // A study is filed under its key (Study::key()), so its unique term finds every document
        // filed under the same PMID, DOI or title key. A record without a PMID looks for its DOI
        // among every document's DOIs: a study filed under a PMID may carry it.
        collect_docids(*db_, schema::unique_term(study), candidates);
        if (!study.doi.empty()) {
            if (study.pmid.empty()) {
                collect_docids(*db_, schema::make_term(prefix::doi, study.doi), candidates);
            } else if (has_doi_keys_) {
                // With a PMID, the DOI can only bring in a study filed under the DOI (one met
                // before its PMID was known): one with this PMID is filed under it, and one
                // with another PMID is never folded in. Looked up only when the index may
                // hold such a study, which an index of PubMed files alone never does.
                collect_docids(*db_, schema::unique_term_for_key(doi_key(study.doi)), candidates);
            }
        }
        // A record of the same work that had neither id is filed under the key of its title,
        // first author and year: the ids this one brings fold it in.
        const bool has_id = !study.pmid.empty() || !study.doi.empty();
        if (has_id && has_title_keys_) collect_docids(*db_, schema::unique_term_for_key(study.title_key()), candidates);
        if (!has_id) has_title_keys_ = true;
        if (study.pmid.empty() && !study.doi.empty()) has_doi_keys_ = true;

        std::vector<std::pair<Xapian::docid, std::string>> merged;  // docid and the key it is filed under
        for (const auto docid : candidates) {
            Study existing = study_from_json(nlohmann::json::parse(db_->get_document(docid).get_data()));
            // Two different PMIDs sharing a DOI are two records: never fold one into the other.
            if (!existing.pmid.empty() && !study.pmid.empty() && existing.pmid != study.pmid) continue;
            merged.emplace_back(docid, existing.key());
            if (source_rank(existing.source) > source_rank(study.source)) {
                merge_study(existing, study);
                study = std::move(existing);
            } else {
                merge_study(study, existing);
            }
        }
        // A prepared document stands when nothing was merged into the study it was built from.
        if (prepared && candidates.empty()) {
            db_->add_document(*prepared);
            count_change();
            return UpsertOutcome::added;
        }
        if (classify) classify(study);

        // The claims that cite the study (saved audits) stay with it through a re-ingest.
        Xapian::Document document = build_study_document(study);
        for (const auto& [docid, key] : merged) keep_claim_tags(db_->get_document(docid), document);

        const std::string unique = schema::unique_term(study);
        // Drop a merged document filed under another key (a DOI-only record that now has a PMID,
        // a record without ids that now has one).
        for (const auto& [docid, key] : merged)
            if (key != study.key()) db_->delete_document(docid);
        // A study met for the first time needs no lookup by its id term: the searches above
        // found nothing under any of its ids.
        if (candidates.empty()) db_->add_document(document);
        else db_->replace_document(unique, document);
        count_change();
        return merged.empty() ? UpsertOutcome::added : UpsertOutcome::replaced;
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    } catch (const nlohmann::json::exception& e) {
        throw FatalError(ExitCode::failed, dir_.string() + ": stored record is not valid JSON: " + e.what());
    }
}

void IndexWriter::replace_document(const std::string& unique_term, const Xapian::Document& doc) {
    try {
        db_->replace_document(unique_term, doc);
        count_change();
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

std::size_t IndexWriter::delete_documents(const std::string& term) {
    try {
        const std::size_t count = db_->get_termfreq(term);
        if (count == 0) return 0;
        db_->delete_document(term);
        count_change();
        return count;
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

bool IndexWriter::add_term(const std::string& unique_term, const std::string& term) {
    try {
        auto posting = db_->postlist_begin(unique_term);
        if (posting == db_->postlist_end(unique_term)) return false;
        const Xapian::docid docid = *posting;
        Xapian::Document doc = db_->get_document(docid);
        doc.add_boolean_term(term);
        db_->replace_document(docid, doc);
        count_change();
        return true;
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

void IndexWriter::remove_terms_with_prefix(const std::string& prefix) {
    try {
        std::vector<std::string> terms;
        for (auto t = db_->allterms_begin(prefix); t != db_->allterms_end(prefix); ++t) terms.push_back(*t);
        for (const auto& term : terms) {
            std::vector<Xapian::docid> docids;
            for (auto p = db_->postlist_begin(term); p != db_->postlist_end(term); ++p) docids.push_back(*p);
            for (const auto docid : docids) {
                Xapian::Document doc = db_->get_document(docid);
                doc.remove_term(term);
                db_->replace_document(docid, doc);
                count_change();
            }
        }
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

bool IndexWriter::remove_pmid(const std::string& pmid) {
    try {
        const std::string term = schema::make_term(prefix::pmid, pmid);
        if (!db_->term_exists(term)) return false;
        db_->delete_document(term);
        count_change();
        return true;
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

namespace {

std::optional<Study> first_study_with(const Xapian::Database& db, const std::string& term) {
    const auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return study_from_json(nlohmann::json::parse(db.get_document(*it).get_data()));
}

}  // namespace

std::optional<Study> IndexWriter::find_pmid(const std::string& pmid) const {
    try {
        return first_study_with(*db_, schema::make_term(prefix::pmid, pmid));
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

std::optional<Study> IndexWriter::find_doi(const std::string& doi) const {
    try {
        return first_study_with(*db_, schema::make_term(prefix::doi, doi));
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

std::optional<Study> IndexWriter::find_key(const std::string& key) const {
    try {
        return first_study_with(*db_, schema::unique_term_for_key(key));
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

const Xapian::Database& IndexWriter::database() const { return *db_; }

bool IndexWriter::has_pmid(const std::string& pmid) const {
    try {
        return db_->term_exists(schema::make_term(prefix::pmid, pmid));
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

bool IndexWriter::has_doi(const std::string& doi) const {
    try {
        return db_->term_exists(schema::make_term(prefix::doi, doi));
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

void IndexWriter::note_keys_held() {
    for (const auto& [key, held] : {std::pair{"title:", &has_title_keys_}, std::pair{"doi:", &has_doi_keys_}}) {
        const std::string prefix_term = schema::unique_term_for_key(key);
        *held = db_->allterms_begin(prefix_term) != db_->allterms_end(prefix_term);
    }
}

void IndexWriter::count_change() {
    if (++pending_ >= options_.commit_every) commit();
}

std::string IndexWriter::metadata(const std::string& key) const {
    try {
        return db_->get_metadata(key);
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    try {
        db_->set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

void IndexWriter::commit() {
    if (on_commit_) on_commit_();
    try {
        db_->commit_transaction();
        in_transaction_ = false;
        pending_ = 0;
        note_keys_held();
        db_->begin_transaction();
        in_transaction_ = true;
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

void IndexWriter::finish() {
    if (in_transaction_ && on_commit_) on_commit_();
    try {
        if (in_transaction_) db_->commit_transaction();
        in_transaction_ = false;
        pending_ = 0;
        db_->close();
        db_.reset();
    } catch (const Xapian::Error& e) {
        throw database_error(dir_, e);
    }
}

}  // namespace evidex
