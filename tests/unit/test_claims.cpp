#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "core/claims.h"
#include "core/text.h"
#include "support/paths.h"

TEST_CASE("claims dump (scratch)") {
    const char* which = std::getenv("CLAIMS_DUMP");
    if (!which) return;
    const auto schemas = evidex::test::source_dir() / "schemas";
    const auto rules = evidex::load_claim_rules(schemas);
    const auto vocab = evidex::ConditionVocabulary::load(schemas / "conditions.tsv");
    std::string text;
    REQUIRE(evidex::read_file(which, text));
    const auto page = evidex::load_page(text, which);
    const auto claims = evidex::extract_claims(page, rules, vocab);
    for (const auto& c : claims) {
        std::cout << c.id << " [" << evidex::to_string(c.strength) << " " << c.strength_rule << " '" << c.strength_cue
                  << "'" << (c.hedge_rule.empty() ? "" : " hedge=" + c.hedge_cue) << "] cond=" << c.condition
                  << " form=" << c.form;
        for (auto& p : c.population) std::cout << " pop=" << p;
        if (c.dose_mg) std::cout << " dose=" << *c.dose_mg;
        for (auto& n : c.numbers) std::cout << " num=" << n.value << "|" << n.unit << "|" << n.text;
        if (!c.heading.empty()) std::cout << " H<" << c.heading << ">";
        std::cout << "\n    " << c.text << "\n";
    }
    std::cout << "TOTAL " << claims.size() << "\n";
}
