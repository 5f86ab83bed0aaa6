#include "query/audit.h"

#include <set>

namespace evidex {

std::string_view to_string(Support s) {
    switch (s) {
        case Support::supports: return "supports";
        case Support::contradicts: return "contradicts";
        case Support::does_not_address: return "does-not-address";
        case Support::not_resolved: return "not-resolved";
    }
    return "not-resolved";
}

std::string_view to_string(Verdict v) {
    switch (v) {
        case Verdict::supported: return "supported";
        case Verdict::overstated: return "overstated";
        case Verdict::unsupported: return "unsupported";
        case Verdict::contradicted: return "contradicted";
        case Verdict::unverifiable: return "unverifiable";
    }
    return "unverifiable";
}

std::string_view to_string(LinkKind k) {
    switch (k) {
        case LinkKind::marker: return "marker";
        case LinkKind::inferred: return "inferred";
        case LinkKind::vague: return "vague";
        case LinkKind::none: return "none";
    }
    return "none";
}

const std::vector<Verdict>& all_verdicts() {
    static const std::vector<Verdict> verdicts{Verdict::supported, Verdict::overstated, Verdict::unsupported,
                                               Verdict::contradicted, Verdict::unverifiable};
    return verdicts;
}

const Study* cited_study(const Audit& audit, const Citation& citation) {
    if (citation.reference && *citation.reference < audit.references.size()) {
        const auto& reference = audit.references[*citation.reference];
        return reference.study ? &*reference.study : nullptr;
    }
    if (citation.allusion && *citation.allusion < audit.allusions.size()) {
        const auto& allusion = audit.allusions[*citation.allusion];
        return allusion.study ? &*allusion.study : nullptr;
    }
    return nullptr;
}

std::vector<Study> audit_reference_studies(const Audit& audit) {
    std::vector<Study> studies;
    std::set<std::string> seen;
    for (const auto& reference : audit.references)
        if (reference.study && seen.insert(reference.study->key()).second) studies.push_back(*reference.study);
    return studies;
}

std::string study_name(const Study& study) {
    std::string name;
    if (!study.authors.empty()) {
        const Author& first = study.authors.front();
        name = first.collective.empty() ? first.family : first.collective;
        if (study.authors.size() > 1) name += " et al.";
    }
    if (study.year) name += (name.empty() ? "" : " ") + std::to_string(*study.year);
    if (name.empty()) name = study.key();
    return name;
}

}  // namespace evidex
