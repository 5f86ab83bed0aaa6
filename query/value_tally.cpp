#include "query/value_tally.h"

#include <cstring>

namespace evidex {

namespace {

std::uint64_t hash_bytes(std::string_view bytes) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + at, 8);
        h = (h ^ word) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    std::uint64_t tail = 0;
    if (at < bytes.size()) std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 32);
}

constexpr std::size_t initial_slots = 4096;  // a power of two

}  // namespace

ValueTally::ValueTally() : slots_(initial_slots) {}

void ValueTally::add(std::string_view value, std::size_t times) {
    const std::uint64_t hash = hash_bytes(value);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.entry == 0) {
            entries_.emplace_back(std::string(value), times);
            slot = {hash, static_cast<std::uint32_t>(entries_.size())};
            // At most half full, so a probe meets an empty slot soon.
            if (entries_.size() * 2 > slots_.size()) grow();
            return;
        }
        if (slot.hash == hash && entries_[slot.entry - 1].first == value) {
            entries_[slot.entry - 1].second += times;
            return;
        }
    }
}

void ValueTally::merge(const ValueTally& other) {
    for (const auto& [value, count] : other.entries_) add(value, count);
}

void ValueTally::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.entry == 0) continue;
        std::size_t i = slot.hash & mask;
        while (slots_[i].entry != 0) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

}  // namespace evidex
