// extract_claims: walks a page's blocks in order, reads each sentence with the claim cues, joins a
// heading with the first sentence under it, and fills in what each claim is about: condition,
// populations, form, dose, numbers and citation markers.
#include "core/claims.h"

#include <algorithm>

#include "core/claim_sentence.h"
#include "core/dose.h"
#include "core/reference_text.h"

namespace evidex {

namespace {

// What a claim is about, read from one text (the sentence, or the heading it is joined with).
struct Subject {
    std::string condition;
    std::string condition_span;
    std::vector<std::string> population;
    std::string form;
    std::string substance;
};

bool in_sections(const std::vector<reference_text::BlockRange>& sections, std::size_t block) {
    return std::any_of(sections.begin(), sections.end(),
                       [&](const auto& range) { return block >= range.first && block < range.last; });
}

// The condition a claim is about: the first one named at or after the cue that made the sentence a
// claim ("Magnesium deficiency can contribute to osteoporosis" is about osteoporosis), else the
// first one named anywhere.
void read_condition(std::string_view text, std::size_t cue_offset, const ConditionVocabulary& conditions,
                    Subject& subject) {
    const auto found = conditions.match(text);
    if (found.empty()) return;
    const auto* chosen = &found.front();
    for (const auto& hit : found) {
        const std::size_t at = text.find(hit.second);
        if (at != std::string_view::npos && at >= cue_offset) {
            chosen = &hit;
            break;
        }
    }
    subject.condition = chosen->first;
    subject.condition_span = chosen->second;
}

void read_populations(std::string_view text, const PopulationVocabulary& populations, Subject& subject) {
    for (const auto& population : populations.all()) {
        if (population.kind != PopulationKind::human) continue;
        if (!population.unless_matcher.empty() && !population.unless_matcher.find_all(text).empty()) continue;
        for (const auto& hit : population.cue_matcher.find_all(text)) {
            if (negated_at(text, hit.begin)) continue;
            subject.population.push_back(population.id);
            break;
        }
    }
}

// The supplement named first, and the first specific form ("magnesium taurate" -> taurate).
void read_form(std::string_view text, const InterventionVocabulary& vocab, Subject& subject) {
    for (const auto& hit : vocab.names().find_all(text)) {
        const SupplementForm& row = vocab.forms()[hit.value];
        if (subject.substance.empty()) subject.substance = row.substance;
        if (subject.form.empty() && !row.form.empty() && !row.elemental() && !row.route_only()) subject.form = row.form;
    }
}

Subject read_subject(std::string_view text, std::size_t cue_offset, const ClaimRules& rules,
                     const ConditionVocabulary& conditions) {
    Subject subject;
    read_condition(text, cue_offset, conditions, subject);
    read_populations(text, rules.populations, subject);
    read_form(text, rules.interventions, subject);
    return subject;
}

// The sentence's own subject, completed from the heading it is joined with.
void complete_from(Subject& subject, const Subject& heading) {
    if (subject.condition.empty()) {
        subject.condition = heading.condition;
        subject.condition_span = heading.condition_span;
    }
    if (subject.population.empty()) subject.population = heading.population;
    if (subject.form.empty()) subject.form = heading.form;
    if (subject.substance.empty()) subject.substance = heading.substance;
}

// The labels of the block's markers that fall in [begin, end).
std::vector<std::string> markers_in(const PageBlock& block, std::size_t begin, std::size_t end) {
    std::vector<std::string> labels;
    for (const auto& marker : block.markers)
        if (marker.offset >= begin && marker.offset < end)
            labels.insert(labels.end(), marker.labels.begin(), marker.labels.end());
    return labels;
}

class ClaimWalker {
public:
    ClaimWalker(const Page& page, const ClaimRules& rules, const ConditionVocabulary& conditions)
        : page_(page), rules_(rules), conditions_(conditions),
          references_(reference_text::locate_reference_sections(page)), claimed_(page.blocks.size(), false) {}

    std::vector<Claim> run() {
        for (std::size_t b = 0; b < page_.blocks.size(); ++b)
            if (!in_sections(references_, b)) read_block(b);
        return std::move(claims_);
    }

private:
    // The text block `b` is read with: the heading right before it, when that heading is no claim
    // itself and `b` is not a heading; or, for a list item, the sentence ending in ':' that
    // introduces its list. Empty when none.
    std::string_view joined_text(std::size_t b) const {
        const auto& blocks = page_.blocks;
        if (b == 0 || blocks[b].kind == BlockKind::heading) return {};
        const PageBlock& before = blocks[b - 1];
        if (before.kind == BlockKind::heading)
            return claimed_[b - 1] || in_sections(references_, b - 1) ? std::string_view{} : before.text;
        if (blocks[b].kind != BlockKind::list_item) return {};
        std::size_t lead = b - 1;
        while (lead > 0 && blocks[lead].kind == BlockKind::list_item) --lead;
        const auto sentences = split_cue_sentences(blocks[lead].text);
        if (blocks[lead].kind == BlockKind::list_item || sentences.empty()) return {};
        const std::string_view last = sentences.back().text;
        return last.back() == ':' ? last : std::string_view{};
    }

    void read_block(std::size_t b) {
        const PageBlock& block = page_.blocks[b];
        const auto sentences = split_cue_sentences(block.text);
        const std::string_view heading = joined_text(b);
        for (std::size_t s = 0; s < sentences.size(); ++s) {
            const std::string_view text = sentences[s].text;
            const std::size_t begin = static_cast<std::size_t>(text.data() - block.text.data());
            const std::size_t end = s + 1 < sentences.size()
                                        ? static_cast<std::size_t>(sentences[s + 1].text.data() - block.text.data())
                                        : block.text.size();
            read_sentence(b, text, s == 0 ? heading : std::string_view{}, s == 0 ? 0 : begin, end);
        }
    }

    void read_sentence(std::size_t b, std::string_view text, std::string_view heading, std::size_t begin,
                       std::size_t end) {
        const CueSentence sentence = cue_sentence_of(text);
        const ClaimReading reading = read_claim_sentence(sentence, rules_);
        if (!reading.claim) return;
        Subject subject = read_subject(text, word_offset(sentence, reading.deciding_word), rules_, conditions_);
        if (!heading.empty()) {
            const CueSentence heading_words = cue_sentence_of(heading);
            const ClaimReading heading_reading = read_claim_sentence(heading_words, rules_);
            const std::size_t cue = heading_reading.claim ? word_offset(heading_words, heading_reading.deciding_word) : 0;
            complete_from(subject, read_subject(heading, cue, rules_, conditions_));
        }
        if (reading.superlative_only && subject.substance.empty() && subject.condition.empty()) return;

        Claim claim;
        claim.id = "c" + std::to_string(claims_.size() + 1);
        claim.text = std::string(text);
        claim.heading = std::string(heading);
        claim.block = b;
        claim.strength = reading.strength;
        claim.strength_rule = reading.strength_rule;
        claim.strength_cue = reading.strength_cue;
        claim.hedge_rule = reading.hedge_rule;
        claim.hedge_cue = reading.hedge_cue;
        claim.condition = std::move(subject.condition);
        claim.condition_span = std::move(subject.condition_span);
        claim.population = std::move(subject.population);
        claim.form = std::move(subject.form);
        if (!subject.substance.empty())
            if (auto dose = find_daily_dose(text, subject.substance, rules_.interventions)) claim.dose_mg = dose->mg;
        claim.numbers = extract_claim_numbers(text, rules_.units);
        claim.markers = markers_in(page_.blocks[b], begin, end);
        claims_.push_back(std::move(claim));
        claimed_[b] = true;
    }

    const Page& page_;
    const ClaimRules& rules_;
    const ConditionVocabulary& conditions_;
    std::vector<reference_text::BlockRange> references_;
    std::vector<bool> claimed_;
    std::vector<Claim> claims_;
};

}  // namespace

std::vector<Claim> extract_claims(const Page& page, const ClaimRules& rules, const ConditionVocabulary& conditions) {
    return ClaimWalker(page, rules, conditions).run();
}

}  // namespace evidex
