#include "core/index_reader.h"

#include <algorithm>
#include <cctype>

#include <xapian.h>

#include "core/errors.h"
#include "core/ids.h"
#include "core/index_schema.h"
#include "core/study_json.h"
#include "core/text.h"

namespace evidex {

namespace prefix = schema::prefix;

std::optional<std::string> parse_study_key(std::string_view text) {
    std::string_view s = trim(text);
    if (starts_with_icase(s, "pmid:")) {
        if (auto pmid = normalize_pmid(s.substr(5))) return pmid_key(*pmid);
        return std::nullopt;
    }
    if (starts_with_icase(s, "doi:")) {
        if (auto doi = normalize_doi(s.substr(4))) return doi_key(*doi);
        return std::nullopt;
    }
    if (starts_with_icase(s, "title:")) {
        const std::string_view hash = s.substr(6);
        const bool hex = hash.size() == 16 && std::all_of(hash.begin(), hash.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c)) != 0;
        });
        if (hex) return "title:" + ascii_lower(hash);
        return std::nullopt;
    }
    if (auto pmid = normalize_pmid(s)) return pmid_key(*pmid);
    if (auto doi = normalize_doi(s)) return doi_key(*doi);
    return std::nullopt;
}

namespace {

// Opens one index (a directory, or a stub file of shards) and checks its schema version. The
// version of a stub is its first shard's: Xapian answers metadata from the first database.
Xapian::Database open_checked(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec))
        throw FatalError(ExitCode::failed, dir.string() + ": no index here (run evidex-index first, or pass --db)");
    try {
        Xapian::Database db(dir.string());
        const std::string stored = db.get_metadata(schema::version_key);
        const std::string expected = std::to_string(schema::version);
        const int stored_version = schema::stored_version(stored);
        if (!schema::read_as_is(stored_version)) {
            std::string hint;
            if (stored_version >= schema::oldest_upgradable_version && stored_version < schema::version)
                hint = " (run `evidex-index --db " + dir.string() + " upgrade` to bring it up to date in place)";
            throw FatalError(ExitCode::failed, dir.string() + ": index has schema version " +
                                                   (stored.empty() ? "none" : stored) + "; this Evidex reads version " +
                                                   expected + hint);
        }
        return db;
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, dir.string() + ": cannot open index: " + e.get_description());
    }
}

}  // namespace

IndexReader::IndexReader(const std::filesystem::path& dir)
    : IndexReader(std::vector<std::filesystem::path>{dir}) {}

IndexReader::IndexReader(const std::vector<std::filesystem::path>& dirs) {
    if (dirs.empty()) throw FatalError(ExitCode::usage, "no index given");
    std::error_code ec;
    single_local_ = dirs.size() == 1 && std::filesystem::is_directory(dirs.front(), ec);
    if (single_local_) local_ = dirs.front();
    db_ = std::make_unique<Xapian::Database>();
    for (const auto& dir : dirs) {
        db_->add_database(open_checked(dir));
        where_ += (where_.empty() ? "" : ", ") + dir.string();
    }
}

IndexReader::~IndexReader() = default;

Xapian::Database* IndexReader::twin() const {
    if (!single_local_) return nullptr;
    try {
        if (!twin_) twin_ = std::make_unique<Xapian::Database>(local_.string());
        else if (twin_->get_revision() != db_->get_revision()) twin_->reopen();
        if (twin_->get_revision() != db_->get_revision()) return nullptr;
        return twin_.get();
    } catch (const Xapian::Error&) {
        twin_.reset();
        return nullptr;  // the caller reads through database() alone, which reports any error
    }
}

bool IndexReader::reopen() const {
    try {
        return db_->reopen();
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, where_ + ": cannot reopen index: " + e.get_description());
    }
}

std::optional<Study> IndexReader::find(std::string_view key_text) const {
    const auto key = parse_study_key(key_text);
    if (!key) throw FatalError(ExitCode::usage, "'" + std::string(key_text) + "' " + not_a_study_key);
    // A study is filed under its PMID when it has one; a DOI may belong to a PMID-keyed study.
    // A title key names a study with neither id, filed under that key.
    std::string term;
    if (key->rfind("pmid:", 0) == 0) term = schema::make_term(prefix::pmid, key->substr(5));
    else if (key->rfind("doi:", 0) == 0) term = schema::make_term(prefix::doi, key->substr(4));
    else term = schema::unique_term_for_key(*key);
    try {
        for (int attempt = 0;; ++attempt) {
            try {
                auto it = db_->postlist_begin(term);
                if (it == db_->postlist_end(term)) return std::nullopt;
                return study_from_json(nlohmann::json::parse(db_->get_document(*it).get_data()));
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == 3) throw;
                db_->reopen();
            }
        }
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, where_ + ": index error: " + e.get_description());
    } catch (const nlohmann::json::exception& e) {
        throw FatalError(ExitCode::failed, where_ + ": stored record is not valid JSON: " + e.what());
    }
}

std::size_t IndexReader::study_count() const {
    return db_->get_termfreq(schema::make_term(prefix::doc_type, "study"));
}

}  // namespace evidex
