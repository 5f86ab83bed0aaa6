// `evidex-index file --shards N`: a new index built by N writers at once, each into a shard of
// its own over its share of the files, then merged into one index with Xapian's compactor.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "core/errors.h"
#include "core/settings.h"

namespace evidex {

// Splits `files` into `shards` groups of about equal total size (largest file first, each to
// the group with the fewest bytes so far), each group in the order the files were given.
std::vector<std::vector<std::filesystem::path>> split_by_size(const std::vector<std::filesystem::path>& files,
                                                              std::size_t shards);

// Builds the index at settings.db, which must not hold an index yet, from `files` with
// `shards` writers. The shards are built in `<db>.shards/` and removed once merged; after a
// fatal error they are kept, and the message names them. Returns the exit code of the run.
ExitCode run_sharded_ingest(const Settings& settings, const boost::program_options::variables_map& vm,
                            const std::vector<std::filesystem::path>& files, std::size_t shards);

}  // namespace evidex
