#include "query/linker.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.h"
#include "query/claim_checks.h"

namespace evidex {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// A number that names a year rather than a quantity.
bool is_year(const ClaimNumber& number) {
    return number.unit.empty() && number.value >= 1900 && number.value <= 2100 && number.value == std::floor(number.value);
}

bool same_value(double a, double b) { return std::fabs(a - b) < 1e-9 * std::max(1.0, std::fabs(a)); }

// The journal's name (full or abbreviated, four letters or more) inside the claim's sentence.
bool names_journal(const std::string& sentence, const Study& study) {
    std::vector<std::string> names;
    for (const std::string& name : {study.journal, study.journal_abbrev})
        if (trim(name).size() >= 4) names.push_back(ascii_lower(trim(name)));
    return has_any_word(sentence, names);
}

bool quantity(const ClaimNumber& number) { return !is_year(number); }

}  // namespace

bool study_states_number(const Study& study, const ClaimNumber& number, const std::vector<std::string>& units) {
    if (study.n && number.unit != "%" && same_value(*study.n, number.value)) return true;
    const std::string text = study.title + " " + study.abstract_text();
    for (const auto& found : extract_claim_numbers(text, units)) {
        if (!same_value(found.value, number.value)) continue;
        if ((number.unit == "%") == (found.unit == "%")) return true;
    }
    return false;
}

LinkScore score_link(const Claim& claim, const Study& study, const GradingRules& rules,
                     const std::vector<std::string>& units) {
    LinkScore score;
    if (!claim.condition.empty() && contains(study.conditions, claim.condition)) {
        score.total += rules.link_condition;
        score.shared.push_back("condition " + claim.condition);
    }
    int numbers = 0;
    for (const auto& number : claim.numbers) {
        if (!quantity(number) || numbers == 2) continue;
        // Small bare numbers ("2 ways", "3 forms") say nothing about a study.
        if (number.unit.empty() && number.value < 10) continue;
        if (study_states_number(study, number, units)) {
            score.total += rules.link_number;
            score.shared.push_back("number " + number.text);
            ++numbers;
        }
    }
    if (!claim.form.empty() && claim.form == study.intervention.form) {
        score.total += rules.link_form;
        score.shared.push_back("form " + claim.form);
    }
    if (claim.dose_mg && study.intervention.daily_dose_mg &&
        std::fabs(*claim.dose_mg - *study.intervention.daily_dose_mg) <= rules.dose_tolerance * *study.intervention.daily_dose_mg) {
        score.total += rules.link_dose;
        score.shared.push_back("dose " + number_text(*claim.dose_mg) + " mg");
    }
    for (const auto& population : claim.population) {
        if (contains(study.population, population)) {
            score.total += rules.link_population;
            score.shared.push_back("population " + population);
            break;
        }
    }
    if (names_journal(claim.text, study)) {
        score.total += rules.link_journal;
        score.shared.push_back("journal " + study.journal);
    }
    if (study.year)
        for (const auto& number : claim.numbers)
            if (is_year(number) && static_cast<int>(number.value) == *study.year) {
                score.total += rules.link_year;
                score.shared.push_back("year " + std::to_string(*study.year));
                break;
            }
    score.total = std::min(score.total, 1.0);
    return score;
}

namespace {

void link_by_markers(AuditClaim& claim, const Audit& audit) {
    for (const auto& label : claim.claim.markers) {
        Citation citation;
        citation.label = label;
        for (std::size_t i = 0; i < audit.references.size(); ++i)
            if (audit.references[i].label == label) citation.reference = i;
        claim.citations.push_back(std::move(citation));
    }
    claim.link = LinkKind::marker;
}

// An accepted allusion backs the claims of its own block, and the claims of the two blocks
// before it that share a condition with its study ("Magnesium CAN help restless legs." then
// "A study published in Sleep suggests ...").
bool allusion_backs(const AuditAllusion& allusion, const AuditClaim& claim) {
    if (!allusion.study) return false;
    if (claim.claim.block == allusion.block) return true;
    if (claim.claim.block > allusion.block || allusion.block - claim.claim.block > 2) return false;
    return !claim.claim.condition.empty() && contains(allusion.study->conditions, claim.claim.condition);
}

void link_by_allusions(AuditClaim& claim, const Audit& audit) {
    for (std::size_t i = 0; i < audit.allusions.size(); ++i) {
        const auto& allusion = audit.allusions[i];
        if (!allusion_backs(allusion, claim)) continue;
        const std::string key = allusion.study->key();
        const bool seen = std::any_of(claim.citations.begin(), claim.citations.end(),
                                      [&](const Citation& c) { return c.label == key; });
        if (seen) continue;
        Citation citation;
        citation.label = key;
        citation.allusion = i;
        citation.link_score = allusion.score;
        claim.citations.push_back(std::move(citation));
    }
    if (!claim.citations.empty()) claim.link = LinkKind::vague;
}

void link_by_inference(AuditClaim& claim, const Audit& audit, const GradingRules& rules,
                       const std::vector<std::string>& units) {
    struct Scored {
        std::size_t reference;
        LinkScore score;
    };
    std::vector<Scored> scored;
    for (std::size_t i = 0; i < audit.references.size(); ++i) {
        const auto& reference = audit.references[i];
        if (!reference.study || !reference.duplicate_of.empty()) continue;
        LinkScore score = score_link(claim.claim, *reference.study, rules, units);
        if (score.total + 1e-9 >= rules.link_threshold) scored.push_back({i, std::move(score)});
    }
    // Best first; page order among equals.
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score.total > b.score.total; });
    if (scored.size() > rules.link_max) scored.resize(rules.link_max);
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.reference < b.reference; });
    for (auto& s : scored) {
        Citation citation;
        citation.label = audit.references[s.reference].label;
        citation.reference = s.reference;
        citation.link_score = s.score.total;
        citation.link_reason = "shares " + [&] {
            std::string joined;
            for (const auto& item : s.score.shared) joined += (joined.empty() ? "" : ", ") + item;
            return joined;
        }();
        claim.citations.push_back(std::move(citation));
    }
    if (!claim.citations.empty()) claim.link = LinkKind::inferred;
}

// A DOI, PubMed or PMC link in the claim's own sentence (its words inside the sentence, or a
// bare link in a block holding this one claim) is an explicit citation.
bool link_by_body_links(AuditClaim& claim, const Audit& audit) {
    for (std::size_t i = 0; i < audit.references.size(); ++i) {
        const auto& reference = audit.references[i];
        if (!reference.body_block || *reference.body_block != claim.claim.block) continue;
        const bool in_sentence = !reference.link_text.empty() && claim.claim.text.find(reference.link_text) != std::string::npos;
        const bool alone = std::count_if(audit.claims.begin(), audit.claims.end(), [&](const AuditClaim& c) {
                               return c.claim.block == claim.claim.block;
                           }) == 1;
        if (!in_sentence && !alone) continue;
        Citation citation;
        citation.label = reference.label;
        citation.reference = i;
        citation.link_reason = "a link in the sentence";
        claim.citations.push_back(std::move(citation));
    }
    if (claim.citations.empty()) return false;
    claim.link = LinkKind::marker;
    return true;
}

// The markers of the paragraph right under a heading block, each label once, in page order.
std::vector<std::string> heading_markers(const Page& page, std::size_t block) {
    std::vector<std::string> labels;
    if (block + 1 >= page.blocks.size() || page.blocks[block].kind != BlockKind::heading) return labels;
    const PageBlock& next = page.blocks[block + 1];
    if (next.kind == BlockKind::heading) return labels;
    for (const auto& marker : next.markers)
        for (const auto& label : marker.labels)
            if (!contains(labels, label)) labels.push_back(label);
    return labels;
}

}  // namespace

void link_claims(Audit& audit, const Page& page, const GradingRules& rules, const std::vector<std::string>& units) {
    const bool page_has_markers =
        std::any_of(page.blocks.begin(), page.blocks.end(), [](const PageBlock& b) { return !b.markers.empty(); }) ||
        std::any_of(audit.references.begin(), audit.references.end(),
                    [](const AuditReference& r) { return r.body_block.has_value(); });
    for (auto& claim : audit.claims) {
        claim.citations.clear();
        claim.link = LinkKind::none;
        if (!claim.claim.markers.empty()) {
            link_by_markers(claim, audit);
            continue;
        }
        if (link_by_body_links(claim, audit)) continue;
        if (const auto labels = heading_markers(page, claim.claim.block); !labels.empty()) {
            AuditClaim linked;
            linked.claim = claim.claim;
            linked.claim.markers = labels;
            link_by_markers(linked, audit);
            claim.citations = std::move(linked.citations);
            for (auto& citation : claim.citations) citation.link_reason = "cited by the paragraph under the heading";
            claim.link = LinkKind::marker;
            continue;
        }
        link_by_allusions(claim, audit);
        if (claim.link == LinkKind::none && !page_has_markers) link_by_inference(claim, audit, rules, units);
    }
}

}  // namespace evidex
