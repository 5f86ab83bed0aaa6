#include "core/result_direction.h"

#include <cctype>
#include <cstdlib>
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

std::vector<CueSentence> sections_where(const Study& study, bool (*wanted)(const AbstractSection&)) {
    std::vector<CueSentence> chosen;
    for (const auto& section : study.abstract) {
        if (!wanted(section)) continue;
        for (auto& s : split_cue_sentences(section.text)) chosen.push_back(std::move(s));
    }
    return chosen;
}

// The sentences that decide: the labelled conclusions, else the results, else the last two
// sentences of the abstract. `labelled` says whether a conclusion section was found.
std::vector<CueSentence> deciding_sentences(const Study& study, bool& labelled) {
    auto chosen = sections_where(study, is_conclusion);
    labelled = !chosen.empty();
    if (labelled) return chosen;
    chosen = sections_where(study, is_results);
    if (!chosen.empty()) return chosen;
    // The last two sentences: the others are passed over without reading their words.
    std::vector<std::string_view> last;
    for (const auto& section : study.abstract)
        for_each_sentence(section.text, [&](std::string_view sentence) { last.push_back(sentence); });
    if (last.size() > 2) last.erase(last.begin(), last.end() - 2);
    for (const auto sentence : last) chosen.push_back(read_as_one_sentence(sentence));
    return chosen;
}

bool is_review_like(Design d) {
    return d == Design::narrative_review || d == Design::guideline || d == Design::hypothesis;
}

// Designs whose finding statements report a result: studies, but not a case report (it describes
// a patient), an unpublished registration, a review or a record not placed as a study at all.
bool reads_findings(Design d) {
    return !is_review_like(d) && d != Design::case_report && d != Design::unpublished && d != Design::other;
}

// Designs that study an exposure or a mechanism rather than a treatment: a harm they find is
// the association or the effect they set out to show, not a treatment doing worse.
bool studies_exposure(Design d) {
    return d == Design::cohort || d == Design::case_control || d == Design::cross_sectional ||
           d == Design::animal || d == Design::in_vitro;
}

// A p value stated at or below 0.05 ("p < 0.01", "P<.001", "p <= 0.05" with the sign) is a
// finding written in numbers. Cue words drop '<', so this reads the sentence as written.
bool states_p_below_alpha(std::string_view text) {
    constexpr std::string_view less_equal = "\xE2\x89\xA4";
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts_word = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        if ((text[i] != 'p' && text[i] != 'P') || !starts_word) continue;
        std::size_t j = i + 1;
        while (j < text.size() && is_space(text[j])) ++j;
        if (text.substr(j, 1) == "<") j += text.substr(j + 1, 1) == "=" ? 2 : 1;
        else if (text.substr(j, less_equal.size()) == less_equal) j += less_equal.size();
        else continue;
        while (j < text.size() && is_space(text[j])) ++j;
        std::string number;
        while (j < text.size() && (digit(text[j]) || (text[j] == '.' && number.find('.') == std::string::npos)))
            number.push_back(text[j++]);
        if (number.find_first_of("0123456789") == std::string::npos) continue;
        const double value = std::strtod(number.c_str(), nullptr);
        if (value > 0 && value <= 0.05) return true;
    }
    return false;
}

const DirectionCue& p_value_cue() {
    static const DirectionCue cue{"p-below-0.05", DirectionCueKind::finding, ResultDirection::positive, {}};
    return cue;
}

struct Hit {
    const DirectionCue* cue = nullptr;
    std::size_t at = 0;  // index of the sentence
    std::string_view sentence;
};

// The first hit of each direction and of the finding cues, in sentence order (then table order).
struct Hits {
    std::optional<Hit> positive, null, negative, mixed, finding;
    [[nodiscard]] bool any_effect() const { return positive || null || negative || mixed; }
};

std::optional<Hit>& slot_of(Hits& hits, const DirectionCue& cue) {
    if (cue.kind != DirectionCueKind::effect) return hits.finding;
    switch (cue.direction) {
        case ResultDirection::positive: return hits.positive;
        case ResultDirection::null: return hits.null;
        case ResultDirection::negative: return hits.negative;
        default: return hits.mixed;
    }
}

// The hits in `sentences` of the effect and finding cues; hedged sentences do not count.
Hits scan(const std::vector<CueSentence>& sentences, const ResultDirectionRules& rules) {
    const CueIndex index(sentences);
    const std::vector<bool> hedged = find_hedged(sentences, index, rules.context);
    Hits hits;
    for (const auto& cue : rules.cues) {
        if (cue.kind == DirectionCueKind::title) continue;
        const auto hit = find_affirmed_cue(sentences, index, cue.pattern, rules.context, hedged, 0, sentences.size());
        if (!hit) continue;
        auto& slot = slot_of(hits, cue);
        if (!slot || hit->sentence < slot->at) slot = Hit{&cue, hit->sentence, sentences[hit->sentence].text};
    }
    const std::size_t before = hits.finding ? hits.finding->at : sentences.size();
    for (std::size_t s = 0; s < before; ++s)
        if (!hedged[s] && states_p_below_alpha(sentences[s].text)) {
            hits.finding = Hit{&p_value_cue(), s, sentences[s].text};
            break;
        }
    return hits;
}

// A finding the title states ("X induces Y"), for a design whose findings count. A question
// ("Does X improve Y?") states none, nor does an aim ("Strategies to improve Y").
std::optional<Hit> title_finding(const Study& study, const ResultDirectionRules& rules) {
    if (!reads_findings(study.design)) return std::nullopt;
    const auto sentences = split_cue_sentences(study.title);
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const CueSentence& sentence = sentences[s];
        if (sentence.text.back() == '?') continue;
        for (const auto& cue : rules.cues) {
            if (cue.kind != DirectionCueKind::title) continue;
            for (auto span = find_cue(sentence, cue.pattern); span; span = find_cue(sentence, cue.pattern, span->first + 1)) {
                const bool aim = span->first > 0 && sentence.words[span->first - 1].text == "to";
                if (!aim && !is_negated(sentence, span->first, rules.context)) return Hit{&cue, s, sentence.text};
            }
        }
    }
    return std::nullopt;
}

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
        DirectionCue cue{id, DirectionCueKind::effect, ResultDirection::positive, {}};
        if (kind == "finding") cue.kind = DirectionCueKind::finding;
        else if (kind == "title") cue.kind = DirectionCueKind::title;
        else if (const auto direction = parse_result_direction(kind); direction && *direction != ResultDirection::unclear)
            cue.direction = *direction;
        else
            table.fail(row.line, "unknown kind '" + kind +
                                     "' (positive, null, negative, mixed, finding, title, negation, scope-break, hedge)");
        auto pattern = parse_cue_pattern(row.at("pattern"), error);
        if (!pattern) table.fail(row.line, error);
        cue.pattern = std::move(*pattern);
        rules.cues.push_back(std::move(cue));
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

    Hits hits = scan(sentences, rules);
    auto record = [&](const std::optional<Hit>& hit) {
        if (hit) study.reasons.push_back({"result_direction", hit->cue->id, std::string(hit->sentence)});
    };
    if (hits.negative && studies_exposure(study.design)) {
        study.reasons.push_back({"result_direction", "harm-as-finding",
                                 "design " + std::string(to_string(study.design)) + " studies an exposure"});
        if (hits.positive) record(hits.negative);
        else hits.positive = hits.negative;
        hits.negative.reset();
    }

    if (hits.mixed) {
        study.result_direction = ResultDirection::mixed;
        record(hits.mixed);
    } else if (hits.positive && (hits.null || hits.negative)) {
        study.result_direction = ResultDirection::mixed;
        record(hits.positive);
        record(hits.null);
        record(hits.negative);
    } else if (hits.positive) {
        study.result_direction = ResultDirection::positive;
        record(hits.positive);
    } else if (hits.negative) {
        study.result_direction = ResultDirection::negative;
        record(hits.negative);
        record(hits.null);
    } else if (hits.null) {
        study.result_direction = ResultDirection::null;
        record(hits.null);
    } else if (hits.finding && reads_findings(study.design)) {
        study.result_direction = ResultDirection::positive;
        record(hits.finding);
    } else if (const auto title = title_finding(study, rules)) {
        study.result_direction = ResultDirection::positive;
        record(title);
    } else {
        decide(ResultDirection::unclear, "no-direction-cue", sentences.empty() ? "" : std::string(sentences.back().text));
    }
}

}  // namespace evidex
