// A page's text through load_page_text and extract_claims, with the real claim cues and
// condition vocabulary of schemas/ (loaded once). extract_claims has no error channel.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "core/claims.h"
#include "core/conditions.h"
#include "core/page.h"

namespace {

const std::filesystem::path schemas = std::filesystem::path(EVIDEX_SOURCE_DATA_DIR) / "schemas";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto rules = evidex::load_claim_rules(schemas);
    static const auto conditions = evidex::ConditionVocabulary::load(schemas / "conditions.tsv");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto page = evidex::load_page_text(text, "fuzz.txt");
    std::size_t touched = 0;
    for (const auto& claim : evidex::extract_claims(page, rules, conditions)) {
        touched += claim.text.size() + claim.numbers.size() + claim.markers.size() + claim.condition.size();
        if (claim.dose_mg) touched += static_cast<std::size_t>(*claim.dose_mg > 0);
    }
    return touched == static_cast<std::size_t>(-1) ? 1 : 0;
}
