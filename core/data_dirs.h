// Where the tools find their bundled data (schemas/, corpus/): $EVIDEX_DATA_DIR, else the
// install location beside the binary (<prefix>/share/evidex), else the source tree they were
// built from.
#pragma once

#include <filesystem>

namespace evidex {

// Throws FatalError (`failed`) when no candidate holds a schemas/ directory.
std::filesystem::path data_dir();
std::filesystem::path schemas_dir();
std::filesystem::path corpus_dir();

}  // namespace evidex
