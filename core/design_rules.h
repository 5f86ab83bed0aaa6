// Study design from publication types and MeSH headings, by the rules of
// schemas/design-rules.tsv.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/study.h"

namespace evidex {

enum class DesignMatch { publication_type, mesh, mesh_without_humans };

struct DesignRule {
    std::string id;
    DesignMatch match = DesignMatch::publication_type;
    std::string value;  // lower-cased
    Design design = Design::other;
};

using DesignRules = std::vector<DesignRule>;

// Throws FatalError ("file:line: what") on a bad line.
DesignRules load_design_rules(const std::filesystem::path& file);

// Sets study.design from the first rule that matches and records the reason; leaves the
// design untouched when none does.
void classify_design(Study& study, const DesignRules& rules);

}  // namespace evidex
