#include "query/page_tests.h"

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/tsv.h"

namespace evidex {

PageTestRules load_page_test_rules(const std::filesystem::path& schemas_dir) {
    const TsvTable table = load_tsv(schemas_dir / "page-test-cues.tsv", {"rule", "kind", "pattern"});
    PageTestRules rules;
    std::set<std::string> ids;
    for (const auto& row : table.rows) {
        PageTestCue cue;
        cue.rule = row.at("rule");
        if (cue.rule.empty() || !ids.insert(cue.rule).second) table.fail(row.line, "missing or repeated rule '" + cue.rule + "'");
        const std::string& kind = row.at("kind");
        if (kind != "report" && kind != "in-vitro") table.fail(row.line, "unknown kind '" + kind + "' (report or in-vitro)");
        cue.in_vitro = kind == "in-vitro";
        std::string error;
        auto pattern = parse_cue_pattern(row.at("pattern"), error);
        if (!pattern) table.fail(row.line, error);
        cue.pattern = std::move(*pattern);
        rules.cues.push_back(std::move(cue));
    }
    return rules;
}

namespace {

// The first sentence of `text` that matches a cue of the kind asked for, with the cue's rule.
std::optional<std::pair<std::string, std::string>> find_test_cue(const std::string& text, const PageTestRules& rules,
                                                                 bool in_vitro) {
    for (const auto& sentence : split_cue_sentences(text))
        for (const auto& cue : rules.cues)
            if (cue.in_vitro == in_vitro && find_cue(sentence, cue.pattern))
                return std::make_pair(cue.rule, std::string(sentence.text));
    return std::nullopt;
}

struct PageTest {
    std::size_t block = 0;  // where the report is
    std::string rule, sentence;
};

}  // namespace

void link_page_tests(Audit& audit, const Page& page, const PageTestRules& rules, const ConditionVocabulary& conditions,
                     const GradingRules& grading) {
    std::vector<PageTest> reports;
    for (std::size_t b = 0; b < page.blocks.size(); ++b)
        if (auto hit = find_test_cue(page.blocks[b].text, rules, false)) reports.push_back({b, hit->first, hit->second});
    if (reports.empty()) return;
    for (auto& claim : audit.claims) {
        if (claim.link != LinkKind::none && claim.link != LinkKind::inferred) continue;
        if (claim.claim.condition.empty()) continue;
        const std::size_t at = claim.claim.block;
        // The first report within reach before the claim that names the claim's condition
        // ("bioavailability tests").
        const PageTest* report = nullptr;
        for (const auto& r : reports) {
            if (r.block > at || at - r.block > grading.page_test_reach) continue;
            for (const auto& [id, span] : conditions.match(page.blocks[r.block].text))
                if (id == claim.claim.condition) report = &r;
            if (report) break;
        }
        if (!report) continue;
        std::optional<std::pair<std::string, std::string>> method;
        for (std::size_t b = report->block; b <= at && b < page.blocks.size() && !method; ++b)
            method = find_test_cue(page.blocks[b].text, rules, true);
        Citation citation;
        citation.label = "page";
        citation.page_test = true;
        citation.link_reason = "described on the page " + std::to_string(at - report->block) + " blocks before the claim";
        citation.support = Support::does_not_address;
        citation.flags.push_back("self-conducted-test");
        if (method) citation.flags.push_back("in-vitro");
        citation.reason = "a test the page describes itself, not a published study: \"" + report->sentence + "\" [" +
                          report->rule + "]";
        if (method) citation.reason += "; a test-tube method: \"" + method->second + "\" [" + method->first + "]";
        claim.citations.push_back(std::move(citation));
        if (claim.link == LinkKind::none) claim.link = LinkKind::vague;
    }
}

}  // namespace evidex
