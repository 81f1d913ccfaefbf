// Tests for socinv/economics/normal_ziggurat.hpp: ziggurat draws follow the standard normal.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "socinv/economics/normal_ziggurat.hpp"

using socinv::draw_stream;
using socinv::detail::normal_ziggurat;
using socinv::detail::standard_normal;

namespace {

std::vector<double> draws(std::size_t n, std::uint64_t seed) {
    std::vector<double> x(n);
    for (std::size_t d = 0; d < n; ++d) {
        draw_stream s(seed, d);
        x[d] = standard_normal(s);
    }
    return x;
}

double phi(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

}  // namespace

TEST(NormalZiggurat, TheStripsCoverTheDensity) {
    // 128 strips of area v: r · f(r) + the tail ∫_r^∞ f = v (with f = exp(-x²/2)), Doornik's
    // constants for 128 strips.
    const double r = normal_ziggurat::r, v = normal_ziggurat::area;
    const double tail = std::sqrt(M_PI / 2) * std::erfc(r / std::sqrt(2.0));
    EXPECT_NEAR(r * std::exp(-0.5 * r * r) + tail, v, 1e-12);
    // The strips together hold the half-density's area √(π/2) and their overhang: a little more.
    EXPECT_GT(normal_ziggurat::strips * v, std::sqrt(M_PI / 2));
}

TEST(NormalZiggurat, MomentsAndKolmogorovSmirnov) {
    constexpr std::size_t n = 200'000;
    auto x = draws(n, 17);
    double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    for (double v : x) m1 += v, m2 += v * v, m3 += v * v * v, m4 += v * v * v * v;
    m1 /= n, m2 /= n, m3 /= n, m4 /= n;
    const double se = 1 / std::sqrt(static_cast<double>(n));
    EXPECT_NEAR(m1, 0.0, 4 * se);
    EXPECT_NEAR(m2, 1.0, 4 * std::sqrt(2.0) * se);
    EXPECT_NEAR(m3, 0.0, 4 * std::sqrt(15.0) * se);
    EXPECT_NEAR(m4, 3.0, 4 * std::sqrt(96.0) * se);
    std::sort(x.begin(), x.end());
    double d = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double f = phi(x[i]);
        d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
    }
    EXPECT_LT(d, 1.95 / std::sqrt(static_cast<double>(n)));  // KS at the 0.1 % level
}

TEST(NormalZiggurat, TailsAndWedgesHaveTheirShare) {
    constexpr std::size_t n = 400'000;
    const auto x = draws(n, 3);
    std::size_t beyond_r = 0, beyond_two = 0, within_one = 0, negative = 0;
    for (double v : x) {
        beyond_r += std::abs(v) > normal_ziggurat::r;
        beyond_two += std::abs(v) > 2;
        within_one += std::abs(v) < 1;
        negative += v < 0;
    }
    const auto near = [&](std::size_t count, double p) {
        EXPECT_NEAR(static_cast<double>(count) / n, p, 4 * std::sqrt(p * (1 - p) / n)) << p;
    };
    near(beyond_r, 2 * (1 - phi(normal_ziggurat::r)));  // 5.76e-4: only the tail method reaches here
    near(beyond_two, 2 * (1 - phi(2)));                 // 0.0455
    near(within_one, 0.682689492137086);
    near(negative, 0.5);
}

TEST(NormalZiggurat, DeterministicPerStream) {
    EXPECT_EQ(draws(50, 8), draws(50, 8));
    EXPECT_NE(draws(50, 8), draws(50, 9));
}
