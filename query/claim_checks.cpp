#include "query/claim_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/text.h"
#include "query/linker.h"

namespace evidex {

std::string number_text(double value) {
    char buffer[32];
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
    else
        std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// Whether `text` holds one of `words` (lower case) as a whole word, ignoring case.
bool has_any_word(const std::string& text, const std::vector<std::string>& words) {
    const std::string padded = " " + ascii_lower(text) + " ";
    for (const auto& word : words) {
        for (std::size_t at = padded.find(word); at != std::string::npos; at = padded.find(word, at + 1)) {
            if (!std::isalnum(static_cast<unsigned char>(padded[at - 1])) &&
                !std::isalnum(static_cast<unsigned char>(padded[at + word.size()])))
                return true;
        }
    }
    return false;
}

namespace {

bool is_quantity(const ClaimNumber& number, const GradingRules& rules) {
    if (number.unit == "%") return true;
    static const std::set<std::string> people{"", "people", "patients", "participants", "subjects", "adults",
                                              "women", "men", "children"};
    if (!people.count(number.unit)) return false;
    if (number.unit.empty() && number.value >= 1900 && number.value <= 2100) return false;  // a year
    return number.value >= rules.number_min_count;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

void add_flag(std::vector<std::string>& flags, const std::string& flag) {
    if (!contains(flags, flag)) flags.push_back(flag);
}

// Whether the claim presents `number` as a study's finding: always for a marker or an allusion;
// for an inferred link, when the sentence speaks of a study or of a difference (attribution-words).
bool attributes_number(const AuditClaim& claim, const GradingRules& rules) {
    if (claim.link == LinkKind::marker || claim.link == LinkKind::vague) return true;
    if (claim.link != LinkKind::inferred) return false;
    return has_any_word(claim.claim.text, rules.attribution_words);
}

// The numbers of the same kind the study states (percentages, or counts of the same order),
// nearest to `number` first, at most three.
std::vector<double> nearest_numbers(const Study& study, const ClaimNumber& number, const std::vector<std::string>& units) {
    std::vector<double> found;
    const auto consider = [&](double value, bool percent) {
        if (percent != (number.unit == "%")) return;
        if (!percent && (value < number.value / 10 || value > number.value * 10)) return;
        if (std::find(found.begin(), found.end(), value) == found.end()) found.push_back(value);
    };
    if (study.n) consider(*study.n, false);
    for (const auto& n : extract_claim_numbers(study.title + " " + study.abstract_text(), units)) consider(n.value, n.unit == "%");
    std::stable_sort(found.begin(), found.end(), [&](double a, double b) {
        return std::fabs(a - number.value) < std::fabs(b - number.value);
    });
    if (found.size() > 3) found.resize(3);
    return found;
}

}  // namespace

// Numbers the claim attributes to its studies that none of them reports.
std::vector<std::string> number_mismatches(AuditClaim& claim, const Audit& audit, const GradingRules& rules,
                                           const std::vector<std::string>& units) {
    std::vector<std::string> found;
    for (const auto& number : claim.claim.numbers) {
        if (!is_quantity(number, rules) || !attributes_number(claim, rules)) continue;
        std::vector<Citation*> addressing;
        bool stated = false;
        for (auto& citation : claim.citations) {
            const Study* study = cited_study(audit, citation);
            if (!study || citation.support == Support::not_resolved) continue;
            if (citation.support == Support::does_not_address && contains(citation.flags, "citation-off-topic")) continue;
            addressing.push_back(&citation);
            if (study_states_number(*study, number, units)) stated = true;
        }
        if (stated || addressing.empty()) continue;
        for (Citation* citation : addressing) {
            const Study* study = cited_study(audit, *citation);
            const auto nearest = nearest_numbers(*study, number, units);
            if (nearest.empty()) continue;
            add_flag(citation->flags, "number-mismatch");
            std::string reported;
            for (const double value : nearest)
                reported += (reported.empty() ? "" : ", ") + number_text(value) + (number.unit == "%" ? "%" : "");
            found.push_back("the page says " + number.text + "; " + study_name(*study) + " reports " + reported);
            break;
        }
    }
    return found;
}

// What the claim calls its study ("a clinical trial"), when no study behind it is one: "the page
// calls it a clinical trial; Orchard et al. 2014 is a cohort". Empty when it fits or says nothing.
std::string design_check(const AuditClaim& claim, const Audit& audit, const GradingRules& rules) {
    const std::string text = " " + ascii_lower(claim.claim.text) + " ";
    for (const auto& [words, designs] : rules.design_words) {
        if (!has_any_word(text, {words})) continue;
        std::vector<const Study*> addressing;
        for (const auto& citation : claim.citations) {
            const Study* study = cited_study(audit, citation);
            if (study && (citation.support == Support::supports || citation.support == Support::contradicts))
                addressing.push_back(study);
        }
        if (addressing.empty()) return {};
        const bool fits = std::any_of(addressing.begin(), addressing.end(),
                                      // An init-capture: clang before 16 cannot capture a structured binding.
                                      [&allowed = designs](const Study* s) { return allowed.count(s->design) > 0; });
        if (fits) return {};
        std::string what;
        for (const Study* s : addressing)
            what += (what.empty() ? "" : ", ") + study_name(*s) + " is a " + std::string(to_string(s->design));
        return "the page calls it a " + words + "; " + what;
    }
    return {};
}

}  // namespace evidex
