#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "query/value_tally.h"

using evidex::ValueTally;

namespace {

std::map<std::string, std::size_t> as_map(const ValueTally& tally) {
    std::map<std::string, std::size_t> out;
    for (const auto& [value, count] : tally.entries()) {
        CHECK(out.count(value) == 0);  // each value once
        out[value] = count;
    }
    return out;
}

}  // namespace

TEST_CASE("ValueTally counts like a map, past many table growths and for values of every length") {
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> pick(0, 20000);
    ValueTally tally;
    std::map<std::string, std::size_t> expected;
    for (int i = 0; i < 200000; ++i) {
        const int n = pick(rng);
        // Lengths 0 to about 40: the hash reads whole eight-byte words and a tail.
        const std::string value = std::string(static_cast<std::size_t>(n % 41), 'x') + "|" + std::to_string(n);
        tally.add(value);
        ++expected[value];
    }
    tally.add("", 3);
    expected[""] += 3;
    CHECK(as_map(tally) == expected);
}

TEST_CASE("ValueTally merges another tally's counts") {
    ValueTally a;
    ValueTally b;
    a.add("rct|2|2019||insomnia", 2);
    a.add("cohort|3|2001||");
    b.add("rct|2|2019||insomnia", 5);
    b.add("case-report|5|||");
    a.merge(b);
    const std::map<std::string, std::size_t> expected{
        {"rct|2|2019||insomnia", 7}, {"cohort|3|2001||", 1}, {"case-report|5|||", 1}};
    CHECK(as_map(a) == expected);
}
