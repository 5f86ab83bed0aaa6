#include "query/grader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/text.h"
#include "query/claim_checks.h"
#include "query/linker.h"

namespace evidex {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

void add_flag(std::vector<std::string>& flags, const std::string& flag) {
    if (!contains(flags, flag)) flags.push_back(flag);
}

std::string quote(std::string_view text, std::size_t max = 160) {
    std::string t(trim(text));
    if (t.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t = t.substr(0, cut) + "\xE2\x80\xA6";
    }
    return "\"" + t + "\"";
}

// The span recorded for a flag of the study, or for its design.
std::string flag_span(const Study& study, const std::string& flag) {
    for (const auto& reason : study.reasons)
        if (reason.field == "flags" && reason.rule == "flag:" + flag && !reason.span.empty()) return reason.span;
    return {};
}

std::string design_span(const Study& study) {
    for (const auto& reason : study.reasons)
        if (reason.field == "design" && !reason.span.empty()) return reason.span;
    return {};
}

std::string describe(const Study& study) {
    std::string text = study_name(study) + " (" + std::string(to_string(study.design));
    if (study.pilot) text += ", pilot";
    if (study.design == Design::rct && study.blinding != Blinding::unknown)
        text += ", " + std::string(to_string(study.blinding)) + "-blind";
    text += ", level " + std::to_string(study.level());
    if (study.n) text += ", n=" + std::to_string(*study.n);
    return text + ")";
}

// The support label of one citation and the flags it brings.
void label_citation(Citation& citation, const AuditClaim& claim, const Audit& audit, const GradingRules& rules) {
    if (citation.page_test) return;  // labelled where the page's test was found (page_tests.cpp)
    citation.flags.clear();
    const Study* study = cited_study(audit, citation);
    const AuditReference* reference =
        citation.reference ? &audit.references[*citation.reference] : nullptr;
    if (reference && !reference->duplicate_of.empty() && !reference->body_block)
        add_flag(citation.flags, "duplicate-citation");
    if (!study) {
        citation.support = Support::not_resolved;
        if (!reference && !citation.allusion) {
            citation.reason = "the page has no reference numbered " + citation.label;
            add_flag(citation.flags, "unresolvable-citation");
            return;
        }
        if (reference) {
            for (const auto& flag : reference->flags)
                if (flag == "unpublished" || flag == "unresolvable-citation") add_flag(citation.flags, flag);
            citation.reason = reference->note.empty() ? "the reference could not be resolved to a study" : reference->note;
        }
        if (!contains(citation.flags, "unpublished")) add_flag(citation.flags, "unresolvable-citation");
        return;
    }
    if (study->retracted) add_flag(citation.flags, "retracted");
    if (study->is_notice) {
        citation.support = Support::does_not_address;
        citation.reason = "a retraction or correction notice, not a study";
        return;
    }
    if (rules.not_testing_designs.count(study->design)) {
        citation.support = Support::does_not_address;
        const std::string flag = study->design == Design::hypothesis ? "hypothesis-paper" : std::string(to_string(study->design));
        add_flag(citation.flags, flag);
        const std::string span = design_span(*study);
        citation.reason = "a " + std::string(to_string(study->design)) + " paper does not test the effect in people" +
                          (span.empty() ? "" : ": " + quote(span));
        return;
    }
    for (const auto& flag : study->flags) {
        if (!rules.not_testing_flags.count(flag)) continue;
        citation.support = Support::does_not_address;
        add_flag(citation.flags, flag);
        const std::string span = flag_span(*study, flag);
        citation.reason = "a " + flag + " does not test the effect" + (span.empty() ? "" : ": " + quote(span));
        return;
    }
    if (!claim.claim.condition.empty() && !contains(study->conditions, claim.claim.condition)) {
        citation.support = Support::does_not_address;
        add_flag(citation.flags, "citation-off-topic");
        std::string topics;
        for (const auto& c : study->conditions) topics += (topics.empty() ? "" : ", ") + c;
        citation.reason = "it is not about " + claim.claim.condition +
                          (topics.empty() ? " (no condition of the vocabulary)" : " (it is about " + topics + ")");
        return;
    }
    // On the claim's condition (or the claim names none): its own flags, then the claim's details.
    for (const auto& flag : study->flags)
        if (contains(known_flags(), flag)) add_flag(citation.flags, flag);
    // A study of narrow populations (the elderly, pregnant women, ...) speaks for a claim only
    // when the claim names one of them.
    bool narrow = false, shared = false;
    for (const auto& population : study->population) {
        if (!rules.narrow_populations.count(population)) continue;
        narrow = true;
        shared = shared || contains(claim.claim.population, population);
    }
    if (narrow && !shared) add_flag(citation.flags, "population-mismatch");
    const auto& intervention = study->intervention;
    if (!claim.claim.form.empty() && !intervention.form.empty() && claim.claim.form != intervention.form)
        add_flag(citation.flags, "form-mismatch");
    if (claim.claim.dose_mg && intervention.daily_dose_mg &&
        std::fabs(*claim.claim.dose_mg - *intervention.daily_dose_mg) > rules.dose_tolerance * *intervention.daily_dose_mg)
        add_flag(citation.flags, "dose-mismatch");
    switch (study->result_direction) {
        case ResultDirection::positive:
        case ResultDirection::mixed:
            citation.support = Support::supports;
            citation.reason = study->result_direction == ResultDirection::mixed ? "it found an effect on some outcomes, not on others"
                                                                                 : "it found an effect";
            break;
        case ResultDirection::null:
        case ResultDirection::negative:
            citation.support = Support::contradicts;
            citation.reason = study->result_direction == ResultDirection::null ? "it found no effect" : "it found the opposite effect";
            break;
        case ResultDirection::unclear:
            citation.support = Support::does_not_address;
            citation.reason = "it is on the condition but its abstract states no finding on it";
            break;
    }
    for (const auto& reason : study->reasons)
        if (reason.field == "result_direction" && !reason.span.empty()) {
            citation.reason += ": " + quote(reason.span);
            break;
        }
}

int needed_level(ClaimStrength strength, const GradingRules& rules) {
    switch (strength) {
        case ClaimStrength::definite: return rules.definite_max_level;
        case ClaimStrength::hedged: return rules.hedged_max_level;
        case ClaimStrength::superlative: return rules.superlative_max_level;
    }
    return rules.definite_max_level;
}

bool compares(const Study& study, const GradingRules& rules) {
    return has_any_word(study.title + " " + study.abstract_text(), rules.comparison_words);
}

std::vector<std::string> serious_of(const Citation& citation, const GradingRules& rules) {
    std::vector<std::string> serious;
    for (const auto& flag : citation.flags)
        if (rules.serious_flags.count(flag)) serious.push_back(flag);
    return serious;
}

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
    return out;
}

// "[2] Hornyak et al. 1998 (uncontrolled-trial, level 4, n=10) supports: it found an effect: "…";
// small-n: "…"; no-control: "…"."
std::string citation_sentence(const Citation& citation, const Audit& audit) {
    const Study* study = cited_study(audit, citation);
    if (citation.page_test)
        return "The page's own test " + std::string(to_string(citation.support)) + ": " + citation.reason + " (" +
               join(citation.flags) + ").";
    std::string text = (citation.allusion ? "" : "[" + citation.label + "] ");
    text += study ? describe(*study) : (citation.reference ? audit.references[*citation.reference].raw.substr(0, 80) : citation.label);
    text += " " + std::string(to_string(citation.support)) + ": " + citation.reason;
    if (study)
        for (const auto& flag : citation.flags) {
            const std::string span = flag_span(*study, flag);
            text += "; " + flag + (span.empty() ? "" : " " + quote(span, 120));
        }
    else if (!citation.flags.empty())
        text += " (" + join(citation.flags) + ")";
    return text + ".";
}

}  // namespace

void grade_claim(AuditClaim& claim, const Audit& audit, const GradingRules& rules, const std::vector<std::string>& units) {
    for (auto& citation : claim.citations) label_citation(citation, claim, audit, rules);
    const std::vector<std::string> mismatches = number_mismatches(claim, audit, rules, units);

    // Duplicates of one work cited twice for the same claim.
    std::set<std::string> keys;
    for (auto& citation : claim.citations)
        if (const Study* study = cited_study(audit, citation); study && !keys.insert(study->key()).second)
            add_flag(citation.flags, "duplicate-citation");

    std::optional<int> best_support, best_contra;
    for (const auto& citation : claim.citations) {
        if (citation.support != Support::supports && citation.support != Support::contradicts) continue;
        const Study* study = cited_study(audit, citation);
        if (!study) continue;
        // Evidence of no effect in another population (overweight women given magnesium, for a
        // claim about everyone) is shown but does not contradict the claim.
        if (citation.support == Support::contradicts && contains(citation.flags, "population-mismatch")) continue;
        auto& best = citation.support == Support::supports ? best_support : best_contra;
        if (!best || study->level() < *best) best = study->level();
    }
    claim.level.reset();
    if (best_support) claim.level = best_support;
    if (best_contra && (!claim.level || *best_contra < *claim.level)) claim.level = best_contra;

    claim.flags.clear();
    for (const auto& flag : known_flags())
        for (const auto& citation : claim.citations)
            if (contains(citation.flags, flag)) {
                claim.flags.push_back(flag);
                break;
            }

    const int needed = needed_level(claim.claim.strength, rules);
    claim.needed_level = needed;
    const std::string strength(to_string(claim.claim.strength));
    std::string why;
    const bool all_unresolved = !claim.citations.empty() &&
        std::all_of(claim.citations.begin(), claim.citations.end(), [](const Citation& c) { return c.support == Support::not_resolved; });
    if (claim.citations.empty()) {
        claim.verdict = Verdict::unsupported;
        claim.rule = "no-citation";
        why = "Nothing on the page backs this claim: no marker, no allusion to a study, and no reference shares its details.";
    } else if (all_unresolved) {
        claim.verdict = Verdict::unverifiable;
        claim.rule = "citations-unresolved";
        why = "Every work it cites could not be resolved to a study, so it cannot be checked.";
    } else if (best_contra && *best_contra <= rules.contradict_max_level && (!best_support || *best_support > *best_contra)) {
        claim.verdict = Verdict::contradicted;
        claim.rule = "contradicted";
        why = "Level-" + std::to_string(*best_contra) + " evidence it cites found no effect or the opposite" +
              (best_support ? ", stronger than anything supporting it (level " + std::to_string(*best_support) + ")." : ".");
    } else if (!best_support) {
        claim.verdict = Verdict::unsupported;
        claim.rule = "nothing-addresses";
        why = best_contra ? "No cited study supports it; the only evidence on the condition found no effect."
                          : "No cited study tests the claimed effect in people.";
    } else {
        std::vector<const Citation*> strong;
        for (const auto& citation : claim.citations)
            if (citation.support == Support::supports && cited_study(audit, citation)->level() <= needed) strong.push_back(&citation);
        const bool superlative = claim.claim.strength == ClaimStrength::superlative;
        const bool head_to_head = std::any_of(strong.begin(), strong.end(),
                                              [&](const Citation* c) { return compares(*cited_study(audit, *c), rules); });
        std::vector<std::string> strong_flags;
        const bool all_flagged = !strong.empty() && std::all_of(strong.begin(), strong.end(), [&](const Citation* c) {
            return !serious_of(*c, rules).empty();
        });
        for (const Citation* c : strong)
            for (const auto& flag : serious_of(*c, rules))
                if (!contains(strong_flags, flag)) strong_flags.push_back(flag);
        if (superlative && !head_to_head) {
            claim.verdict = Verdict::overstated;
            claim.rule = "superlative-untested";
            why = "A superlative needs a head-to-head comparison in people at level " + std::to_string(needed) +
                  " or stronger; no cited study makes one.";
        } else if (*best_support > needed) {
            claim.verdict = Verdict::overstated;
            claim.rule = "too-weak";
            why = "A " + strength + " claim needs evidence at level " + std::to_string(needed) +
                  " or stronger; the best study supporting it is level " + std::to_string(*best_support) + ".";
        } else if (all_flagged) {
            claim.verdict = Verdict::overstated;
            claim.rule = "serious-flags";
            why = "The evidence strong enough for its wording carries serious flags: " + join(strong_flags) + ".";
        } else {
            claim.verdict = Verdict::supported;
            claim.rule = "supported";
            why = "Supported by level-" + std::to_string(*best_support) + " evidence on the condition without serious flags.";
        }
    }
    std::string rationale = why;
    for (const auto& citation : claim.citations) rationale += " " + citation_sentence(citation, audit);
    for (const auto& mismatch : mismatches) rationale += " Number check: " + mismatch + ".";
    if (const auto check = design_check(claim, audit, rules); !check.empty()) rationale += " Design check: " + check + ".";
    claim.rationale = rationale;
    claim.notes = regulatory_notes(claim, audit, rules);
}

std::vector<std::string> regulatory_notes(const AuditClaim& claim, const Audit& audit, const GradingRules& rules) {
    std::vector<std::string> notes;
    const std::string text = ascii_lower(claim.claim.heading + " " + claim.claim.text);
    for (const auto& entry : rules.regulatory) {
        const bool names_substance = text.find(entry.substance) != std::string::npos || !claim.claim.form.empty();
        if (!names_substance) continue;
        if (entry.kind == "authorised-claim") {
            if (!claim.claim.condition.empty() && contains(entry.conditions, claim.claim.condition))
                notes.push_back("Authorised wording (" + entry.source + "): \"" + entry.wording + "\" [" + entry.id + "]");
        } else if (entry.kind == "upper-limit") {
            if (claim.claim.dose_mg && *claim.claim.dose_mg > entry.limit_mg)
                notes.push_back("The claim's dose of " + number_text(*claim.claim.dose_mg) + " mg/day is above the " +
                                number_text(entry.limit_mg) + " mg/day upper limit (" + entry.source + "; " + entry.wording +
                                ") [" + entry.id + "]");
            for (const auto& citation : claim.citations) {
                const Study* study = cited_study(audit, citation);
                if (citation.support != Support::supports || !study || !study->intervention.daily_dose_mg) continue;
                if (study->intervention.substance != entry.substance || *study->intervention.daily_dose_mg <= entry.limit_mg) continue;
                notes.push_back(study_name(*study) + " gave " + number_text(*study->intervention.daily_dose_mg) +
                                " mg/day, above the " + number_text(entry.limit_mg) + " mg/day upper limit (" + entry.source +
                                ") [" + entry.id + "]");
            }
        }
    }
    return notes;
}

}  // namespace evidex
