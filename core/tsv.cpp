#include "core/tsv.h"

#include <algorithm>

#include "core/errors.h"
#include "core/text.h"

namespace evidex {

const std::string& TsvRow::at(const std::string& column) const {
    static const std::string empty;
    const auto it = fields.find(column);
    return it == fields.end() ? empty : it->second;
}

void TsvTable::fail(std::size_t line, const std::string& message) const {
    throw FatalError(ExitCode::failed, path.string() + ":" + std::to_string(line) + ": " + message);
}

TsvTable load_tsv(const std::filesystem::path& path, const std::vector<std::string>& required) {
    TsvTable table;
    table.path = path;
    std::string text;
    if (!read_file(path.string(), text)) throw FatalError(ExitCode::failed, path.string() + ": cannot read vocabulary file");
    std::size_t line_no = 0;
    for (std::string_view line : split(text, '\n')) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || line.front() == '#') continue;
        const auto cells = split(line, '\t');
        if (table.columns.empty()) {
            for (const auto cell : cells) table.columns.emplace_back(trim(cell));
            for (const auto& column : required)
                if (std::find(table.columns.begin(), table.columns.end(), column) == table.columns.end())
                    table.fail(line_no, "missing column '" + column + "'");
            continue;
        }
        if (cells.size() != table.columns.size())
            table.fail(line_no, "expected " + std::to_string(table.columns.size()) + " tab-separated fields, found " +
                                    std::to_string(cells.size()));
        TsvRow row;
        row.line = line_no;
        for (std::size_t i = 0; i < cells.size(); ++i) row.fields[table.columns[i]] = std::string(trim(cells[i]));
        table.rows.push_back(std::move(row));
    }
    if (table.columns.empty()) throw FatalError(ExitCode::failed, path.string() + ": empty vocabulary file");
    return table;
}

}  // namespace evidex
