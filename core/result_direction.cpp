#include "core/result_direction.h"

#include <optional>
#include <set>

#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

namespace {

bool is_conclusion(const AbstractSection& section) {
    const std::string label = ascii_lower(trim(section.label));
    return ascii_lower(section.nlm_category) == "conclusions" || starts_with_icase(label, "conclusion") ||
           starts_with_icase(label, "interpretation") || starts_with_icase(label, "main conclusion");
}

bool is_results(const AbstractSection& section) {
    const std::string label = ascii_lower(trim(section.label));
    return ascii_lower(section.nlm_category) == "results" || starts_with_icase(label, "result") ||
           starts_with_icase(label, "finding");
}

// The sentences that decide: the labelled conclusions, else the results, else the last two
// sentences of the abstract. `labelled` says whether a conclusion section was found.
std::vector<CueSentence> deciding_sentences(const Study& study, bool& labelled) {
    labelled = false;
    std::vector<CueSentence> chosen;
    for (const auto& section : study.abstract) {
        if (!is_conclusion(section)) continue;
        labelled = true;
        for (auto& s : split_cue_sentences(section.text)) chosen.push_back(std::move(s));
    }
    if (labelled) return chosen;
    for (const auto& section : study.abstract) {
        if (!is_results(section)) continue;
        for (auto& s : split_cue_sentences(section.text)) chosen.push_back(std::move(s));
    }
    if (!chosen.empty()) return chosen;
    for (const auto& section : study.abstract)
        for (auto& s : split_cue_sentences(section.text)) chosen.push_back(std::move(s));
    if (chosen.size() > 2) chosen.erase(chosen.begin(), chosen.end() - 2);
    return chosen;
}

bool is_review_like(Design d) {
    return d == Design::narrative_review || d == Design::guideline || d == Design::hypothesis;
}

struct Hit {
    const DirectionCue* cue = nullptr;
    std::size_t sentence = 0;  // index into the deciding sentences
};

}  // namespace

ResultDirectionRules load_direction_rules(const std::filesystem::path& schemas_dir) {
    const TsvTable table = load_tsv(schemas_dir / "direction-cues.tsv", {"rule", "kind", "pattern"});
    ResultDirectionRules rules;
    std::set<std::string> ids;
    for (const auto& row : table.rows) {
        const std::string& id = row.at("rule");
        if (id.empty()) table.fail(row.line, "empty rule id");
        if (!ids.insert(id).second) table.fail(row.line, "duplicate rule id '" + id + "'");
        const std::string& kind = row.at("kind");
        std::string error;
        if (is_context_kind(kind)) {
            if (!add_context_row(rules.context, kind, row.at("pattern"), error)) table.fail(row.line, error);
            continue;
        }
        const auto direction = parse_result_direction(kind);
        if (!direction || *direction == ResultDirection::unclear)
            table.fail(row.line, "unknown kind '" + kind +
                                     "' (positive, null, negative, mixed, negation, scope-break, hedge)");
        auto pattern = parse_cue_pattern(row.at("pattern"), error);
        if (!pattern) table.fail(row.line, error);
        rules.cues.push_back({id, *direction, std::move(*pattern)});
    }
    return rules;
}

void classify_result_direction(Study& study, const ResultDirectionRules& rules) {
    auto decide = [&](ResultDirection direction, const char* rule, std::string span) {
        study.result_direction = direction;
        study.reasons.push_back({"result_direction", rule, std::move(span)});
    };
    if (study.is_notice) return decide(ResultDirection::unclear, "notice", "a notice reports no result");

    bool labelled = false;
    const auto sentences = deciding_sentences(study, labelled);
    if (is_review_like(study.design) && !labelled)
        return decide(ResultDirection::unclear, "review-without-conclusion",
                      "design " + std::string(to_string(study.design)) + " with no labelled conclusion");

    // The first hit of each direction, in sentence order (then table order).
    const CueIndex index(sentences);
    const std::vector<bool> hedged = find_hedged(sentences, index, rules.context);
    std::optional<Hit> positive, null, negative, mixed;
    for (const auto& cue : rules.cues) {
        const auto hit = find_affirmed_cue(sentences, index, cue.pattern, rules.context, hedged, 0, sentences.size());
        if (!hit) continue;
        auto& slot = cue.direction == ResultDirection::positive ? positive
                     : cue.direction == ResultDirection::null   ? null
                     : cue.direction == ResultDirection::negative ? negative
                                                                   : mixed;
        if (!slot || hit->sentence < slot->sentence) slot = Hit{&cue, hit->sentence};
    }

    auto record = [&](const std::optional<Hit>& hit) {
        if (hit) study.reasons.push_back({"result_direction", hit->cue->id, std::string(sentences[hit->sentence].text)});
    };
    if (mixed) {
        study.result_direction = ResultDirection::mixed;
        record(mixed);
    } else if (positive && (null || negative)) {
        study.result_direction = ResultDirection::mixed;
        record(positive);
        record(null);
        record(negative);
    } else if (positive) {
        study.result_direction = ResultDirection::positive;
        record(positive);
    } else if (negative) {
        study.result_direction = ResultDirection::negative;
        record(negative);
        record(null);
    } else if (null) {
        study.result_direction = ResultDirection::null;
        record(null);
    } else {
        decide(ResultDirection::unclear, "no-direction-cue", sentences.empty() ? "" : std::string(sentences.back().text));
    }
}

}  // namespace evidex
