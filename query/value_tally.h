// How often each distinct string was seen: the facet values of a match set, a few thousand
// distinct ones met across up to millions of matches. One flat open-addressing table with a hash
// that reads eight bytes at a time; a node-based std::unordered_map spends most of such a count
// following pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evidex {

class ValueTally {
public:
    ValueTally();

    void add(std::string_view value, std::size_t times = 1);
    // Adds every count of other to this one.
    void merge(const ValueTally& other);

    // The distinct values with their counts, in the order first seen.
    [[nodiscard]] const std::vector<std::pair<std::string, std::size_t>>& entries() const { return entries_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t entry = 0;  // index into entries_ plus one; 0 for an empty slot
    };
    void grow();

    std::vector<Slot> slots_;
    std::vector<std::pair<std::string, std::size_t>> entries_;
};

}  // namespace evidex
