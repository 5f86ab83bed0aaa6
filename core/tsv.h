// The one loader for the tab-separated vocabulary files in schemas/. Lines starting with '#'
// and blank lines are skipped; the first other line names the columns. A bad line is a fatal
// error reported as "file:line: what", because a run with a broken vocabulary means nothing.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace evidex {

struct TsvRow {
    std::size_t line = 0;
    std::map<std::string, std::string> fields;

    // The field's value, or an empty string when the table has no such column.
    const std::string& at(const std::string& column) const;
};

struct TsvTable {
    std::filesystem::path path;
    std::vector<std::string> columns;
    std::vector<TsvRow> rows;

    // "file:line: message" as a FatalError.
    [[noreturn]] void fail(std::size_t line, const std::string& message) const;
};

// Throws FatalError when the file cannot be read, lacks a `required` column, or a row has a
// different number of fields than the header.
TsvTable load_tsv(const std::filesystem::path& path, const std::vector<std::string>& required);

}  // namespace evidex
