#include "core/data_dirs.h"

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "core/errors.h"

namespace evidex {

namespace {

std::filesystem::path executable_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::filesystem::path data_dir() {
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("EVIDEX_DATA_DIR"); env && *env) candidates.emplace_back(env);
    if (const auto exe = executable_dir(); !exe.empty()) candidates.push_back(exe.parent_path() / "share" / "evidex");
    candidates.emplace_back(EVIDEX_SOURCE_DATA_DIR);
    for (const auto& dir : candidates)
        if (std::filesystem::is_directory(dir / "schemas")) return dir;
    std::string tried;
    for (const auto& dir : candidates) tried += (tried.empty() ? "" : ", ") + dir.string();
    throw FatalError(ExitCode::failed, "cannot find Evidex data (schemas/); looked in " + tried +
                                           "; set EVIDEX_DATA_DIR");
}

std::filesystem::path schemas_dir() { return data_dir() / "schemas"; }
std::filesystem::path corpus_dir() { return data_dir() / "corpus"; }

}  // namespace evidex
