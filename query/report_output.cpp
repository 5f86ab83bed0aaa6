#include "query/report_output.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/errors.h"

namespace evidex {

void write_report(const std::string& text, const std::string& out) {
    if (out.empty() || out == "-") {
        std::cout << text;
        std::cout.flush();
        if (!std::cout) throw FatalError(ExitCode::failed, "cannot write the report to stdout");
        return;
    }
    const std::filesystem::path target(out);
    const std::filesystem::path temporary = target.string() + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << text;
        file.close();
        if (!file) throw FatalError(ExitCode::failed, "cannot write " + temporary.string());
    }
    std::error_code error;
    std::filesystem::rename(temporary, target, error);
    if (error) throw FatalError(ExitCode::failed, "cannot write " + target.string() + ": " + error.message());
}

}  // namespace evidex
