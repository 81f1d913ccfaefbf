#pragma once
// Counter-based random numbers: draw i of a seeded run is the same whatever thread computes it.

#include <cstdint>

namespace socinv {

// SplitMix64 seeds a xoshiro256** stream per (seed, draw), so Monte Carlo results depend only on
// the seed and the number of draws, never on the number of threads or their scheduling.
class draw_stream {
public:
    draw_stream(std::uint64_t seed, std::uint64_t draw) {
        std::uint64_t x = seed ^ (draw * 0x9E3779B97F4A7C15ull + 0xD1B54A32D192ED03ull);
        for (auto& s : state_) s = splitmix(x);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in the open interval (0, 1): never 0 or 1, so inverse CDFs stay finite.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t state_[4];
};

}  // namespace socinv
