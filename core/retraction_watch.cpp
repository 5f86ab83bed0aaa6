// parse_retraction_watch_csv.
#include "core/retraction_watch.h"

#include <cctype>
#include <map>
#include <optional>

#include "core/ids.h"
#include "core/text.h"

namespace evidex {

namespace {

struct CsvRow {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// RFC 4180 records. A quote left open at the end of the input is reported, and the rows
// before it are kept.
std::vector<CsvRow> read_csv(std::string_view text, std::optional<std::size_t>& unterminated_at) {
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool quoted = false, field_started = false;
    std::size_t line = 1;
    row.line = 1;
    const auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    const auto end_row = [&] {
        end_field();
        // A blank line is no row.
        if (!(row.fields.size() == 1 && row.fields.front().empty())) rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = field_started = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            end_row();
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    if (quoted) {
        unterminated_at = row.line;
        return rows;
    }
    if (field_started || !row.fields.empty()) end_row();
    return rows;
}

}  // namespace

bool RetractionNotice::retracts() const { return ascii_lower(trim(nature)) == "retraction"; }

RetractionWatchFile parse_retraction_watch_csv(std::string_view text, std::string_view where) {
    RetractionWatchFile out;
    const std::string file(where);
    std::optional<std::size_t> unterminated_at;
    const auto rows = read_csv(skip_bom(text), unterminated_at);
    if (unterminated_at)
        out.errors.push_back({file + ":" + std::to_string(*unterminated_at),
                              "a quoted field is never closed (the file may be truncated); the rows before it are read"});
    if (rows.empty()) {
        out.errors.push_back({file, "no header row"});
        return out;
    }
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < rows.front().fields.size(); ++i) column.emplace(std::string(trim(rows.front().fields[i])), i);
    if (!column.count("RetractionNature") ||
        !(column.count("OriginalPaperDOI") || column.count("OriginalPaperPubMedID") || column.count("Title"))) {
        out.errors.push_back({file + ":" + std::to_string(rows.front().line),
                              "not the Retraction Watch CSV: the header lacks RetractionNature, or all of "
                              "OriginalPaperDOI, OriginalPaperPubMedID and Title"});
        return out;
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const std::string at = file + ":" + std::to_string(row.line);
        if (row.fields.size() != rows.front().fields.size()) {
            out.errors.push_back({at, std::to_string(row.fields.size()) + " fields where the header has " +
                                          std::to_string(rows.front().fields.size())});
            continue;
        }
        const auto get = [&](const char* name) {
            const auto it = column.find(name);
            return it == column.end() ? std::string() : collapse_whitespace(row.fields[it->second]);
        };
        RetractionNotice notice;
        notice.line = row.line;
        notice.title = get("Title");
        notice.journal = get("Journal");
        notice.nature = get("RetractionNature");
        notice.date = get("RetractionDate");
        // The file writes "unavailable" or nothing for a missing DOI, 0 for a missing PMID.
        if (const auto doi = normalize_doi(get("OriginalPaperDOI"))) notice.doi = *doi;
        if (const auto pmid = normalize_pmid(get("OriginalPaperPubMedID"))) notice.pmid = *pmid;
        if (const auto doi = normalize_doi(get("RetractionDOI"))) notice.notice_doi = *doi;
        if (const auto pmid = normalize_pmid(get("RetractionPubMedID"))) notice.notice_pmid = *pmid;
        if (notice.doi.empty() && notice.pmid.empty() && normalise_title(notice.title).empty()) {
            out.errors.push_back({at, "row has no DOI, no PubMed ID and no title of the original paper"});
            continue;
        }
        out.notices.push_back(std::move(notice));
    }
    return out;
}

}  // namespace evidex
