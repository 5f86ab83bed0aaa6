// A small pseudo-random generator whose output is the same on every platform and standard
// library: SplitMix64, mapped to ranges with `%` (the standard distributions are not portable).
// The generated baseline and the query mix are functions of the seed alone.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace evidex::bench {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // A value in [0, range); range > 0. The modulo bias is negligible for the small ranges used.
    std::uint64_t below(std::uint64_t range) { return next() % range; }

    // A value in [low, high].
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    // True with the given chance in percent.
    bool percent(unsigned chance) { return below(100) < chance; }

private:
    std::uint64_t state_;
};

// The generator for one record: a function of the run's seed and the record's number alone,
// so a record is the same however the records are split into files.
inline SplitMix64 record_generator(std::uint64_t seed, std::uint64_t record) {
    SplitMix64 mixer(seed ^ (record * 0xd1342543de82ef95ULL));
    return SplitMix64(mixer.next());
}

// Picks entries of a list with a Zipf-like skew: entry r is chosen with weight 1/(r+1), so the
// first words are common and the tail is rare, as in real text. Integer weights keep it portable.
class ZipfPicker {
public:
    explicit ZipfPicker(std::size_t size) {
        cumulative_.reserve(size);
        std::uint64_t total = 0;
        for (std::size_t rank = 0; rank < size; ++rank) {
            total += 1'000'000'000ULL / (rank + 1);
            cumulative_.push_back(total);
        }
    }

    std::size_t pick(SplitMix64& rng) const {
        const std::uint64_t target = rng.below(cumulative_.back());
        return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), target) -
                                        cumulative_.begin());
    }

private:
    std::vector<std::uint64_t> cumulative_;
};

// A list of words with its picker.
class WordList {
public:
    explicit WordList(std::span<const std::string_view> words) : words_(words), picker_(words.size()) {}
    std::string_view pick(SplitMix64& rng) const { return words_[picker_.pick(rng)]; }
    std::string_view uniform(SplitMix64& rng) const { return words_[rng.below(words_.size())]; }
    std::span<const std::string_view> words() const { return words_; }

private:
    std::span<const std::string_view> words_;
    ZipfPicker picker_;
};

}  // namespace evidex::bench
