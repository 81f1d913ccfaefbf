#pragma once
// Counter-based random numbers: draw i of a seeded run is the same whatever thread computes it.

#include <cstdint>
#include <limits>

namespace socinv {

// Every 64-bit value is a seed; the command line checks `--seed` against this range.
inline constexpr std::uint64_t min_seed = 0;
inline constexpr std::uint64_t max_seed = std::numeric_limits<std::uint64_t>::max();

// Draw i of a run with a seed has a stream of its own: SplitMix64 (Steele, Lea and Flood, 2014)
// started at a point hashed from (seed, i). Monte Carlo results therefore depend only on the
// seed and the number of draws, never on the number of threads or their scheduling. A draw
// needs a few dozen numbers; streams of that length from scattered starting points overlap
// with a probability near 1e-6 even for 10^6 draws, and SplitMix64 passes BigCrush. Its state
// is one word, so a stream costs one hash to start and each number one add and one hash.
class draw_stream {
public:
    draw_stream(std::uint64_t seed, std::uint64_t draw) : state_(mix(mix(seed + golden) + draw * golden)) {}

    std::uint64_t next() { return mix(state_ += golden); }

    // Uniform in the open interval (0, 1): never 0 or 1, so inverse CDFs stay finite.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

private:
    static constexpr std::uint64_t golden = 0x9E3779B97F4A7C15ull;  // 2^64 / the golden ratio, odd

    // SplitMix64's finalizer: a bijection of 64-bit words that mixes every bit into every other.
    static constexpr std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    std::uint64_t state_;
};

}  // namespace socinv
