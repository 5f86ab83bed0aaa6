// Where tests find their data: the project's tests/data and, beside the project, ../shared.
#pragma once

#include <filesystem>
#include <string>

namespace evidex::test {

inline std::filesystem::path source_dir() { return EVIDEX_SOURCE_DIR; }
inline std::filesystem::path data_dir() { return EVIDEX_TEST_DATA_DIR; }

// ../shared beside the project; EVIDEX_SHARED_DIR overrides.
inline std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("EVIDEX_SHARED_DIR"); env && *env) return env;
    return source_dir().parent_path() / "shared";
}

inline bool have_shared() { return std::filesystem::is_directory(shared_dir() / "fixtures"); }

// Use at the top of a test that reads ../shared: returns from the test with a message when absent.
#define EVIDEX_REQUIRE_SHARED()                                                                  \
    do {                                                                                         \
        if (!::evidex::test::have_shared()) {                                                    \
            MESSAGE("skipped: " << ::evidex::test::shared_dir().string() << " is absent");       \
            return;                                                                              \
        }                                                                                        \
    } while (false)

}  // namespace evidex::test
