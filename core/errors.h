// Errors, as STYLE.md has them: a failed item is a value (ItemError) that the caller counts and
// reports; a run that cannot be meaningful throws FatalError up to main, which alone prints it
// and picks the exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace evidex {

// Exit codes of both tools (DESIGN.md).
enum class ExitCode : int {
    ok = 0,
    failed = 1,
    usage = 2,
    partial = 3,
    locked = 4,
};

// One item that could not be read or indexed. `where` locates it the way a compiler would:
// "baseline/pubmed26n0001.xml.gz: article 3 (PMID 12345678)".
struct ItemError {
    std::string where;
    std::string message;

    [[nodiscard]] std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

class FatalError : public std::runtime_error {
public:
    FatalError(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ExitCode code() const { return code_; }

private:
    ExitCode code_;
};

}  // namespace evidex
