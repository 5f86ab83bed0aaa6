// parse_id_list, parse_ris and parse_medline: reference files into reference entries.
#include "core/reference_import.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "core/ids.h"
#include "core/text.h"

namespace evidex {

namespace {

struct Line {
    std::size_t number = 0;  // 1-based
    std::string_view text;   // without the line end
};

std::vector<Line> split_lines(std::string_view text) {
    text = skip_bom(text);
    std::vector<Line> lines;
    std::size_t number = 1;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back({number++, line});
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

// The lines of `head` that are certainly whole: a head cut from a longer file may end mid-line.
std::vector<Line> whole_lines(std::string_view head) {
    auto lines = split_lines(head);
    if (!head.empty() && head.back() != '\n' && lines.size() > 1) lines.pop_back();
    return lines;
}

bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RIS: two characters (a capital letter, then a capital or a digit), two spaces, '-', and a
// space before the value (some writers drop it on "ER  -").
std::optional<std::pair<std::string_view, std::string_view>> ris_tag(std::string_view line) {
    if (line.size() < 5 || !(line[0] >= 'A' && line[0] <= 'Z') || !is_upper_or_digit(line[1])) return std::nullopt;
    if (line.substr(2, 3) != "  -") return std::nullopt;
    std::string_view value = line.substr(5);
    if (!value.empty() && value.front() != ' ') return std::nullopt;
    return std::make_pair(line.substr(0, 2), trim(value));
}

// MEDLINE: a tag of two to four capitals or digits padded with spaces to four, then "- ".
std::optional<std::pair<std::string_view, std::string_view>> medline_tag(std::string_view line) {
    if (line.size() < 6 || line[4] != '-' || line[5] != ' ') return std::nullopt;
    std::size_t n = 0;
    while (n < 4 && is_upper_or_digit(line[n])) ++n;
    if (n < 2 || !(line[0] >= 'A' && line[0] <= 'Z')) return std::nullopt;
    for (std::size_t i = n; i < 4; ++i)
        if (line[i] != ' ') return std::nullopt;
    return std::make_pair(line.substr(0, n), trim(line.substr(6)));
}

struct Field {
    std::string tag;
    std::string value;
};

struct TaggedRecord {
    std::size_t line = 0;
    std::vector<Field> fields;

    [[nodiscard]] std::string first(std::initializer_list<std::string_view> tags) const {
        for (const auto tag : tags)
            for (const auto& f : fields)
                if (f.tag == tag && !f.value.empty()) return f.value;
        return {};
    }
    [[nodiscard]] std::vector<std::string> all(std::initializer_list<std::string_view> tags) const {
        std::vector<std::string> out;
        for (const auto tag : tags)
            for (const auto& f : fields)
                if (f.tag == tag && !f.value.empty()) out.push_back(f.value);
        return out;
    }
};

std::string location(std::string_view where, std::size_t line) {
    return std::string(where) + ":" + std::to_string(line);
}

// A printable citation string for the bibliographic search: authors, title, journal, year.
std::string build_raw(const ReferenceEntry& e) {
    std::string raw;
    for (std::size_t i = 0; i < e.authors.size() && i < 3; ++i) raw += (i ? ", " : "") + e.authors[i];
    if (e.authors.size() > 3) raw += ", et al";
    if (!raw.empty()) raw += ". ";
    if (!e.title.empty()) raw += e.title + (e.title.back() == '.' ? " " : ". ");
    if (!e.journal.empty()) raw += e.journal + ". ";
    if (e.year) raw += std::to_string(*e.year) + ".";
    return std::string(trim(raw));
}

// "Hornyak, Magdolna" or "Hornyak M" -> "Hornyak"; a collective name stays whole.
std::string family_name(std::string_view author) {
    author = trim(author);
    if (const auto comma = author.find(','); comma != std::string_view::npos) return std::string(trim(author.substr(0, comma)));
    const auto space = author.rfind(' ');
    if (space == std::string_view::npos) return std::string(author);
    const auto initials = author.substr(space + 1);
    const bool all_caps = !initials.empty() && initials.size() <= 3 &&
                          std::all_of(initials.begin(), initials.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return all_caps ? std::string(trim(author.substr(0, space))) : std::string(author);
}

void set_year(ReferenceEntry& e, std::string_view text) {
    if (const int year = first_year_in(text); year > 0) e.year = year;
}

// The entry must name something to look up: an identifier, or a title to search by.
void keep_entry(ReferenceEntry&& e, std::string_view where, std::size_t line, ImportedReferences& out) {
    e.label = location(where, line);
    if (e.pmid.empty() && e.doi.empty() && e.title.empty()) {
        out.errors.push_back({e.label, "record has no PMID, no DOI and no title: nothing to look it up by"});
        return;
    }
    e.raw = build_raw(e);
    out.entries.push_back(std::move(e));
}

// PubMed's own addresses: "https://pubmed.ncbi.nlm.nih.gov/9703590/",
// "http://www.ncbi.nlm.nih.gov/pubmed/9703590".
std::optional<std::string> pmid_from_url(std::string_view url) {
    for (std::string_view marker : {"pubmed.ncbi.nlm.nih.gov/", "ncbi.nlm.nih.gov/pubmed/"}) {
        const auto at = url.find(marker);
        if (at == std::string_view::npos) continue;
        std::string_view rest = url.substr(at + marker.size());
        std::size_t n = 0;
        while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
        return normalize_pmid(rest.substr(0, n));
    }
    return std::nullopt;
}

ReferenceEntry ris_entry(const TaggedRecord& r) {
    ReferenceEntry e;
    e.title = collapse_whitespace(r.first({"TI", "T1", "CT", "BT"}));
    for (const auto& author : r.all({"AU", "A1"})) e.authors.push_back(family_name(author));
    set_year(e, r.first({"PY", "Y1", "DA"}));
    e.journal = collapse_whitespace(r.first({"JO", "JF", "T2", "JA", "J2"}));
    e.volume = r.first({"VL"});
    e.issue = r.first({"IS"});
    const auto start = r.first({"SP"}), end = r.first({"EP"});
    e.pages = end.empty() ? start : start + "-" + end;
    if (const auto doi = normalize_doi(r.first({"DO", "M3"}))) e.doi = *doi;
    const std::string database = ascii_lower(r.first({"DB", "DP"}));
    if (database.find("pubmed") != std::string::npos || database.find("medline") != std::string::npos)
        if (const auto pmid = normalize_pmid(r.first({"AN"}))) e.pmid = *pmid;
    for (const auto& url : r.all({"UR", "L1", "L2"})) {
        if (e.doi.empty() && url.find("doi.org/") != std::string::npos)
            if (const auto doi = normalize_doi(url)) e.doi = *doi;
        if (e.pmid.empty())
            if (const auto pmid = pmid_from_url(url)) e.pmid = *pmid;
    }
    if (const auto pmcid = normalize_pmcid(r.first({"C2"}))) e.pmcid = *pmcid;
    return e;
}

ReferenceEntry medline_entry(const TaggedRecord& r) {
    ReferenceEntry e;
    if (const auto pmid = normalize_pmid(r.first({"PMID"}))) e.pmid = *pmid;
    e.title = collapse_whitespace(r.first({"TI", "BTI"}));
    for (const auto& author : r.all({"AU"})) e.authors.push_back(family_name(author));
    if (e.authors.empty())
        for (const auto& author : r.all({"FAU"})) e.authors.push_back(family_name(author));
    set_year(e, r.first({"DP"}));
    e.journal = r.first({"JT", "TA"});
    e.volume = r.first({"VI"});
    e.issue = r.first({"IP"});
    e.pages = r.first({"PG"});
    for (const auto& id : r.all({"AID", "LID"})) {
        if (id.size() < 6 || id.compare(id.size() - 5, 5, "[doi]") != 0) continue;
        if (const auto doi = normalize_doi(id.substr(0, id.size() - 5))) {
            e.doi = *doi;
            break;
        }
    }
    if (const auto pmcid = normalize_pmcid(r.first({"PMC"}))) e.pmcid = *pmcid;
    return e;
}

}  // namespace

ImportedReferences parse_id_list(std::string_view text, std::string_view where) {
    ImportedReferences out;
    for (const auto& line : split_lines(text)) {
        const std::string_view content = trim(line.text);
        if (content.empty() || content.front() == '#') continue;
        std::string tokens(content);
        for (char& c : tokens)
            if (c == ',' || c == ';' || c == '\t') c = ' ';
        // "PMID: 123" and "doi: 10.x/y" are one identifier written as two words.
        std::string pending;
        for (const auto word : split(tokens, ' ')) {
            if (word.empty()) continue;
            const std::string lower = ascii_lower(word);
            if (lower == "pmid:" || lower == "doi:" || lower == "pmid") {
                pending = lower == "pmid" ? "pmid:" : lower;
                continue;
            }
            const std::string id = pending + std::string(word);
            pending.clear();
            ReferenceEntry e;
            if (const auto pmid = normalize_pmid(id)) e.pmid = *pmid;
            else if (const auto doi = normalize_doi(id)) e.doi = *doi;
            else {
                out.errors.push_back({location(where, line.number), "'" + id + "' is neither a PMID nor a DOI"});
                continue;
            }
            e.label = location(where, line.number);
            e.raw = e.pmid.empty() ? "doi:" + e.doi : "pmid:" + e.pmid;
            out.entries.push_back(std::move(e));
        }
        if (!pending.empty())
            out.errors.push_back({location(where, line.number), "'" + pending + "' is not followed by an identifier"});
    }
    return out;
}

ImportedReferences parse_ris(std::string_view text, std::string_view where) {
    ImportedReferences out;
    std::optional<TaggedRecord> record;
    for (const auto& line : split_lines(text)) {
        const auto tagged = ris_tag(line.text);
        if (!tagged) {
            // A line without a tag continues the previous field; outside a record it is noise.
            if (record && !record->fields.empty() && !trim(line.text).empty())
                record->fields.back().value += " " + std::string(trim(line.text));
            continue;
        }
        const auto [tag, value] = *tagged;
        if (tag == "TY") {
            if (record) keep_entry(ris_entry(*record), where, record->line, out);
            record = TaggedRecord{line.number, {}};
            continue;
        }
        if (!record) {
            out.errors.push_back({location(where, line.number), "'" + std::string(tag) + "' outside a record (no TY line before it)"});
            continue;
        }
        if (tag == "ER") {
            keep_entry(ris_entry(*record), where, record->line, out);
            record.reset();
            continue;
        }
        record->fields.push_back({std::string(tag), std::string(value)});
    }
    if (record) {
        // The file ended inside a record: keep what it says, but say it was cut.
        out.errors.push_back({location(where, record->line), "record has no ER line (the file may be truncated); read as far as it goes"});
        keep_entry(ris_entry(*record), where, record->line, out);
    }
    return out;
}

ImportedReferences parse_medline(std::string_view text, std::string_view where) {
    ImportedReferences out;
    std::optional<TaggedRecord> record;
    const auto close = [&] {
        if (record && !record->fields.empty()) keep_entry(medline_entry(*record), where, record->line, out);
        record.reset();
    };
    for (const auto& line : split_lines(text)) {
        if (trim(line.text).empty()) {
            close();
            continue;
        }
        if (const auto tagged = medline_tag(line.text)) {
            // A new PMID line starts a new record even without a blank line between.
            if (record && tagged->first == "PMID") close();
            if (!record) record = TaggedRecord{line.number, {}};
            record->fields.push_back({std::string(tagged->first), std::string(tagged->second)});
        } else if (record && !record->fields.empty() && is_space(line.text.front())) {
            record->fields.back().value += " " + std::string(trim(line.text));
        } else {
            out.errors.push_back({location(where, line.number), "not a MEDLINE field line (TAG- value)"});
        }
    }
    close();
    return out;
}

ReferenceEntry reference_entry_of(const Study& study, std::string label) {
    ReferenceEntry e;
    e.label = std::move(label);
    e.pmid = study.pmid;
    e.doi = study.doi;
    e.pmcid = study.pmcid;
    e.title = study.title;
    for (const auto& author : study.authors) e.authors.push_back(author.collective.empty() ? author.family : author.collective);
    e.journal = study.journal;
    e.year = study.year;
    e.volume = study.volume;
    e.issue = study.issue;
    e.pages = study.pages;
    e.raw = build_raw(e);
    return e;
}

namespace {

// The first whole line of `head` with something on it, as it stands; lines starting with `#`
// skipped too when `skip_comments`. Null when there is none.
std::optional<std::string_view> first_content_line(std::string_view head, bool skip_comments) {
    for (const auto& line : whole_lines(head)) {
        const std::string_view content = trim(line.text);
        if (content.empty() || (skip_comments && content.front() == '#')) continue;
        return line.text;
    }
    return std::nullopt;
}

}  // namespace

bool looks_like_ris(std::string_view head) {
    const auto line = first_content_line(head, false);
    const auto tagged = line ? ris_tag(*line) : std::nullopt;
    return tagged && tagged->first == "TY";
}

bool looks_like_medline(std::string_view head) {
    const auto line = first_content_line(head, false);
    const auto tagged = line ? medline_tag(*line) : std::nullopt;
    return tagged && tagged->first == "PMID";
}

bool looks_like_id_list(std::string_view head) {
    // The first line with content holds identifiers and nothing else.
    const auto line = first_content_line(head, true);
    if (!line) return false;
    const auto parsed = parse_id_list(trim(*line), "");
    return !parsed.entries.empty() && parsed.errors.empty();
}

}  // namespace evidex
