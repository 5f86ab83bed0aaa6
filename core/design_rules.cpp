#include "core/design_rules.h"

#include <algorithm>

#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

DesignRules load_design_rules(const std::filesystem::path& file) {
    const TsvTable table = load_tsv(file, {"rule", "match", "value", "design"});
    DesignRules rules;
    for (const auto& row : table.rows) {
        DesignRule rule;
        rule.id = row.at("rule");
        if (rule.id.empty()) table.fail(row.line, "empty rule id");
        const std::string& match = row.at("match");
        if (match == "publication_type") rule.match = DesignMatch::publication_type;
        else if (match == "mesh") rule.match = DesignMatch::mesh;
        else if (match == "mesh-without-humans") rule.match = DesignMatch::mesh_without_humans;
        else table.fail(row.line, "unknown match '" + match + "' (publication_type, mesh, mesh-without-humans)");
        rule.value = ascii_lower(row.at("value"));
        if (rule.value.empty()) table.fail(row.line, "empty value");
        const auto design = parse_design(row.at("design"));
        if (!design) table.fail(row.line, "unknown design '" + row.at("design") + "'");
        rule.design = *design;
        rules.push_back(std::move(rule));
    }
    return rules;
}

namespace {

bool has_mesh(const Study& study, std::string_view descriptor) {
    return std::any_of(study.mesh.begin(), study.mesh.end(),
                       [&](const MeshHeading& h) { return ascii_lower(h.descriptor) == descriptor; });
}

// The record's text that the rule matched, or empty when it does not match.
std::string matched_span(const Study& study, const DesignRule& rule) {
    switch (rule.match) {
        case DesignMatch::publication_type:
            for (const auto& type : study.publication_types)
                if (ascii_lower(type) == rule.value) return "publication type: " + type;
            return {};
        case DesignMatch::mesh:
            return has_mesh(study, rule.value) ? "MeSH: " + rule.value : std::string();
        case DesignMatch::mesh_without_humans:
            return has_mesh(study, rule.value) && !has_mesh(study, "humans") ? "MeSH: " + rule.value + ", no Humans"
                                                                             : std::string();
    }
    return {};
}

}  // namespace

void classify_design(Study& study, const DesignRules& rules) {
    for (const auto& rule : rules) {
        std::string span = matched_span(study, rule);
        if (span.empty()) continue;
        study.design = rule.design;
        study.reasons.push_back({"design", rule.id, std::move(span)});
        return;
    }
}

}  // namespace evidex
