// IndexReader opens an index read-only and looks studies up by id.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/study.h"

namespace Xapian {
class Database;
}

namespace evidex {

class IndexReader {
public:
    // Throws FatalError (`failed`) when the index does not exist, cannot be opened, or has
    // another schema version.
    explicit IndexReader(const std::filesystem::path& dir);
    // Several indexes read as one: each a directory or a Xapian stub file naming local and
    // remote shards (`auto PATH`, `remote :HOST:PORT`). Each is checked as above.
    explicit IndexReader(const std::vector<std::filesystem::path>& dirs);
    ~IndexReader();
    IndexReader(const IndexReader&) = delete;
    IndexReader& operator=(const IndexReader&) = delete;

    // "pmid:N", "doi:X" (any DOI spelling normalize_doi accepts) or "title:" and 16 hex digits
    // (Study::title_key()). nullopt when not indexed. Throws FatalError (`usage`) when the key
    // is none of these.
    std::optional<Study> find(std::string_view key) const;

    [[nodiscard]] std::size_t study_count() const;
    [[nodiscard]] const Xapian::Database& database() const { return *db_; }
    // Moves to the latest commit, after Xapian::DatabaseModifiedError: a writer committed so
    // much since the index was opened that the revision being read is gone. True when there was
    // a later commit to move to.
    bool reopen() const;
    // Whether this is one local index: not several (a match spy sees each one's own document
    // ids) and not a stub file (which may name remote shards, which run only Xapian's own
    // match spies).
    [[nodiscard]] bool single_local() const { return single_local_; }

    // A second handle on the same single local index at the same revision, for work on another
    // thread (a Xapian::Database is used by one thread at a time). Null when this is not one
    // local index, or when it cannot be brought to the revision database() reads (a writer
    // committed since database() was last opened or reopened). The handle is kept and reused:
    // a search after the first finds its tables open.
    [[nodiscard]] Xapian::Database* twin() const;

private:
    std::unique_ptr<Xapian::Database> db_;
    mutable std::unique_ptr<Xapian::Database> twin_;
    std::string where_;  // the index paths, for messages
    std::filesystem::path local_;  // the index directory when single_local_
    bool single_local_ = false;
};

// Parses "pmid:N" / "doi:X" (also a bare PMID or DOI) / "title:" and 16 hex digits into the
// canonical key, or nullopt.
std::optional<std::string> parse_study_key(std::string_view text);
// What a key that parse_study_key refuses should have been, for messages.
inline constexpr const char* not_a_study_key = "is not pmid:N, doi:X or title:HASH";

}  // namespace evidex
