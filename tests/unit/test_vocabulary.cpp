#include <doctest/doctest.h>

#include "core/tsv.h"
#include "core/vocabulary.h"
#include "support/paths.h"

TEST_CASE("schemas/designs.tsv and the Design enum hold the same ids and levels") {
    const auto table = evidex::load_tsv(evidex::test::source_dir() / "schemas" / "designs.tsv", {"id", "level"});
    REQUIRE(table.rows.size() == static_cast<std::size_t>(evidex::design_count));
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        CAPTURE(row.at("id"));
        const auto design = evidex::parse_design(row.at("id"));
        REQUIRE(design.has_value());
        CHECK(static_cast<std::size_t>(*design) == i);
        CHECK(std::to_string(evidex::level_of(*design)) == row.at("level"));
    }
}

TEST_CASE("the contract's levels: RCT 2, meta-analysis 1, pilot without control 4, animal 5") {
    CHECK(evidex::level_of(evidex::Design::rct) == 2);
    CHECK(evidex::level_of(evidex::Design::meta_analysis) == 1);
    CHECK(evidex::level_of(evidex::Design::uncontrolled_trial) == 4);
    CHECK(evidex::level_of(evidex::Design::animal) == 5);
    CHECK(evidex::to_string(evidex::Blinding::double_blind) == "double");
    CHECK_FALSE(evidex::parse_design("RCT").has_value());
}
