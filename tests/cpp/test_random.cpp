// Tests for socinv/economics/random.hpp: counter-based streams and their uniforms.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>

#include "socinv/economics/random.hpp"

using socinv::draw_stream;

TEST(DrawStream, TheSameSeedAndDrawGiveTheSameNumbers) {
    draw_stream a(42, 7), b(42, 7);
    for (int i = 0; i < 100; ++i) ASSERT_EQ(a.next(), b.next()) << i;
}

TEST(DrawStream, DrawsAndSeedsHaveStreamsOfTheirOwn) {
    std::set<std::uint64_t> firsts;
    for (std::uint64_t seed : {0ull, 1ull, 2ull, 0xFFFFFFFFFFFFFFFFull})
        for (std::uint64_t draw = 0; draw < 250; ++draw) firsts.insert(draw_stream(seed, draw).next());
    EXPECT_EQ(firsts.size(), 1000u);
    // Seed s, draw d and seed d, draw s are different streams.
    EXPECT_NE(draw_stream(3, 5).next(), draw_stream(5, 3).next());
}

namespace {

// SplitMix64's finalizer as in Vigna's splitmix64.c, written out again to pin the stream's start.
constexpr std::uint64_t reference_mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

constexpr std::uint64_t golden = 0x9E3779B97F4A7C15ull;

}  // namespace

TEST(DrawStream, KnownValues) {
    // splitmix64.c's first output from state 0 is the published 0xE220A8397B1DCDAF.
    static_assert(reference_mix(golden) == 0xE220A8397B1DCDAFull);
    // Draw d of seed s starts at mix(mix(s + golden) + d · golden) and then steps as SplitMix64.
    for (std::uint64_t seed : {0ull, 1ull, 12345ull})
        for (std::uint64_t d : {0ull, 1ull, 1000000ull}) {
            std::uint64_t state = reference_mix(reference_mix(seed + golden) + d * golden);
            draw_stream s(seed, d);
            for (int k = 0; k < 3; ++k) EXPECT_EQ(s.next(), reference_mix(state += golden)) << seed << " " << d;
        }
    // The uniform is the top 53 bits, centred in their cell.
    draw_stream a(5, 6), b(5, 6);
    EXPECT_EQ(a.uniform(), (static_cast<double>(b.next() >> 11) + 0.5) * 0x1.0p-53);
}

TEST(DrawStream, UniformsLieInTheOpenIntervalAndAreEvenlySpread) {
    constexpr int n = 200'000, bins = 20;
    std::array<int, bins> counts{};
    double lo = 1, hi = 0, sum = 0;
    for (int d = 0; d < n / 10; ++d) {
        draw_stream s(9, static_cast<std::uint64_t>(d));
        for (int k = 0; k < 10; ++k) {
            const double u = s.uniform();
            lo = std::min(lo, u);
            hi = std::max(hi, u);
            sum += u;
            ++counts[static_cast<std::size_t>(u * bins)];
        }
    }
    EXPECT_GT(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
    // Pearson's chi-square with 19 degrees of freedom: its 99.9th percentile is 43.8.
    double chi2 = 0;
    const double expected = static_cast<double>(n) / bins;
    for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
    EXPECT_LT(chi2, 43.8);
}

TEST(DrawStream, NeighbouringDrawsAreUncorrelated) {
    constexpr int n = 50'000;
    double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
    for (int d = 0; d < n; ++d) {
        const double x = draw_stream(1, static_cast<std::uint64_t>(d)).uniform();
        const double y = draw_stream(1, static_cast<std::uint64_t>(d + 1)).uniform();
        sx += x, sy += y, sxy += x * y, sxx += x * x, syy += y * y;
    }
    const double cov = sxy / n - sx / n * sy / n;
    const double r = cov / std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    EXPECT_LT(std::abs(r), 4 / std::sqrt(n));  // four standard errors of a zero correlation
}
