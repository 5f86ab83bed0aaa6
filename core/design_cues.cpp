#include "core/design_cues.h"

#include <charconv>
#include <set>

#include "core/tsv.h"

namespace evidex {

namespace {

std::optional<CueWhere> parse_where(const std::string& s) {
    if (s == "text") return CueWhere::text;
    if (s == "title") return CueWhere::title;
    if (s == "abstract") return CueWhere::abstract;
    if (s == "journal") return CueWhere::journal;
    if (s == "mesh") return CueWhere::mesh;
    return std::nullopt;
}

std::optional<CueField> parse_field(const std::string& s) {
    if (s == "design") return CueField::design;
    if (s == "blinding") return CueField::blinding;
    if (s == "placebo") return CueField::placebo;
    if (s == "pilot") return CueField::pilot;
    if (s == "crossover") return CueField::crossover;
    if (s == "hypothesis") return CueField::hypothesis;
    return std::nullopt;
}

// Reads the value and rank columns of a cue row into `cue`; fails the table on a bad value.
void read_value(const TsvTable& table, const TsvRow& row, DesignCue& cue) {
    const std::string& value = row.at("value");
    const std::string& rank = row.at("rank");
    const bool ranked = cue.field == CueField::design || cue.field == CueField::blinding;
    if (cue.field == CueField::design) {
        const auto design = parse_design(value);
        if (!design) table.fail(row.line, "unknown design '" + value + "'");
        cue.design = *design;
    } else if (cue.field == CueField::blinding) {
        const auto blinding = parse_blinding(value);
        if (!blinding || *blinding == Blinding::unknown)
            table.fail(row.line, "unknown blinding '" + value + "' (double, single, open)");
        cue.blinding = *blinding;
    } else if (value != "yes") {
        table.fail(row.line, "value must be 'yes' for this field, not '" + value + "'");
    }
    if (!ranked) {
        if (rank != "-") table.fail(row.line, "rank must be '-' for this field");
        return;
    }
    const auto [end, ec] = std::from_chars(rank.data(), rank.data() + rank.size(), cue.rank);
    if (ec != std::errc() || end != rank.data() + rank.size()) table.fail(row.line, "rank '" + rank + "' is not an integer");
}

// The text a record's cues read, split and indexed once: title sentences first, then abstract
// sentences; and the journal names and MeSH descriptors, each read as one sentence.
struct RecordText {
    std::vector<CueSentence> sentences;
    std::size_t title_end = 0;  // sentences [0, title_end) are the title's
    std::vector<CueSentence> names_journal;
    std::vector<CueSentence> names_mesh;
};

void note_hit(std::optional<CueHit>& best, const DesignCue& cue, std::string span, bool ranked) {
    if (best && (!ranked || best->cue->rank >= cue.rank)) return;
    best = CueHit{&cue, std::move(span)};
}

std::optional<std::string> match_name(const DesignCue& cue, const std::vector<CueSentence>& names, const char* what) {
    for (const auto& name : names)
        if (find_cue(name, cue.pattern)) return what + std::string(name.text);
    return std::nullopt;
}

std::optional<std::string> match_cue(const DesignCue& cue, const RecordText& text, const CueIndex& index,
                                     const std::vector<bool>& hedged, const CueContext& context) {
    std::size_t begin = 0;
    std::size_t end = text.sentences.size();
    switch (cue.where) {
        case CueWhere::journal: return match_name(cue, text.names_journal, "journal: ");
        case CueWhere::mesh: return match_name(cue, text.names_mesh, "MeSH: ");
        case CueWhere::title: end = text.title_end; break;
        case CueWhere::abstract: begin = text.title_end; break;
        case CueWhere::text: break;
    }
    const auto hit = find_affirmed_cue(text.sentences, index, cue.pattern, context, hedged, begin, end);
    if (!hit) return std::nullopt;
    return std::string(text.sentences[hit->sentence].text);
}

// Blanks the words of every mask match, so that no cue reads them; true when any was found. The
// index (of the words before blanking) finds where a mask may start; each match is read from the
// words as they are, so a mask never matches words an earlier one blanked.
bool apply_masks(std::vector<CueSentence>& sentences, const CueIndex& index, const std::vector<CuePattern>& masks) {
    bool any = false;
    for (const auto& mask : masks) {
        std::size_t sentence = sentences.size();
        std::size_t from = 0;  // in `sentence`, the first word after the last match
        for (const auto& start : index.starts(mask)) {
            if (start.sentence != sentence) {
                sentence = start.sentence;
                from = 0;
            }
            if (start.word < from) continue;
            auto& words = sentences[sentence].words;
            const auto span = match_cue_at(sentences[sentence], mask, start.word);
            if (!span) continue;
            for (std::size_t i = span->first; i < span->last; ++i) words[i].text.clear();
            from = span->last;
            any = true;
        }
    }
    return any;
}

}  // namespace

DesignCues load_design_cues(const std::filesystem::path& file) {
    const TsvTable table = load_tsv(file, {"rule", "where", "field", "value", "rank", "pattern"});
    DesignCues result;
    std::set<std::string> ids;
    for (const auto& row : table.rows) {
        const std::string& id = row.at("rule");
        if (id.empty()) table.fail(row.line, "empty rule id");
        if (!ids.insert(id).second) table.fail(row.line, "duplicate rule id '" + id + "'");
        const std::string& field = row.at("field");
        std::string error;
        if (field == "mask") {
            auto pattern = parse_cue_pattern(row.at("pattern"), error);
            if (!pattern) table.fail(row.line, error);
            result.masks.push_back(std::move(*pattern));
            continue;
        }
        if (is_context_kind(field)) {
            if (!add_context_row(result.context, field, row.at("pattern"), error)) table.fail(row.line, error);
            continue;
        }
        DesignCue cue;
        cue.id = id;
        const auto where = parse_where(row.at("where"));
        if (!where) table.fail(row.line, "unknown where '" + row.at("where") + "' (text, title, abstract, journal, mesh)");
        cue.where = *where;
        const auto parsed_field = parse_field(field);
        if (!parsed_field)
            table.fail(row.line, "unknown field '" + field +
                                     "' (design, blinding, placebo, pilot, crossover, hypothesis, mask, "
                                     "negation, scope-break, hedge)");
        cue.field = *parsed_field;
        read_value(table, row, cue);
        auto pattern = parse_cue_pattern(row.at("pattern"), error);
        if (!pattern) table.fail(row.line, error);
        cue.pattern = std::move(*pattern);
        result.cues.push_back(std::move(cue));
    }
    return result;
}

CueFindings find_design_cues(const Study& study, const DesignCues& cues) {
    RecordText text;
    text.sentences = split_cue_sentences(study.title);
    text.title_end = text.sentences.size();
    for (const auto& section : study.abstract)
        for (auto& sentence : split_cue_sentences(section.text)) text.sentences.push_back(std::move(sentence));
    CueIndex index(text.sentences);
    if (apply_masks(text.sentences, index, cues.masks)) index = CueIndex(text.sentences);
    for (const std::string* name : {&study.journal, &study.journal_abbrev})
        if (!name->empty()) text.names_journal.push_back(read_as_one_sentence(*name));
    for (const auto& heading : study.mesh) text.names_mesh.push_back(read_as_one_sentence(heading.descriptor));
    const std::vector<bool> hedged = find_hedged(text.sentences, index, cues.context);

    CueFindings findings;
    for (const auto& cue : cues.cues) {
        auto span = match_cue(cue, text, index, hedged, cues.context);
        if (!span) continue;
        switch (cue.field) {
            case CueField::design: findings.designs.push_back({&cue, std::move(*span)}); break;
            case CueField::blinding: note_hit(findings.blinding, cue, std::move(*span), true); break;
            case CueField::placebo: note_hit(findings.placebo, cue, std::move(*span), false); break;
            case CueField::pilot: note_hit(findings.pilot, cue, std::move(*span), false); break;
            case CueField::crossover: note_hit(findings.crossover, cue, std::move(*span), false); break;
            case CueField::hypothesis: note_hit(findings.hypothesis, cue, std::move(*span), false); break;
        }
    }
    return findings;
}

}  // namespace evidex
