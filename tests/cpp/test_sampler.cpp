#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "ks_distance.hpp"
#include "socinv/economics/sampler.hpp"

using socinv::distribution;
using socinv::draw_stream;
using socinv::sampler;

using socinv::testing::ks_distance;

namespace {

std::vector<double> draws_of(const distribution& d, std::size_t n, std::uint64_t seed = 7) {
    const sampler draw(d);
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) {
        draw_stream rng(seed, i);
        x[i] = draw(rng);
    }
    return x;
}


double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double triangular_cdf(double x, double a, double m, double b) {
    if (x <= a) return 0;
    if (x >= b) return 1;
    return x <= m ? (x - a) * (x - a) / ((b - a) * (m - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - m));
}

constexpr std::size_t n = 200'000;
// The KS distance exceeds 1.95 / sqrt(n) with probability 0.001 for a sample of the distribution.
const double ks_limit = 1.95 / std::sqrt(static_cast<double>(n));

}  // namespace

TEST(Sampler, EveryKindFollowsItsDistribution) {
    struct known {
        distribution d;
        std::function<double(double)> cdf;
    };
    const std::vector<known> cases{
        {distribution::uniform(2, 5), [](double x) { return std::clamp((x - 2) / 3, 0.0, 1.0); }},
        {distribution::triangular(0, 2, 3), [](double x) { return triangular_cdf(x, 0, 2, 3); }},
        {distribution::triangular(0, 0, 1), [](double x) { return triangular_cdf(x, 0, 0, 1); }},
        {distribution::triangular(0.9, 1.0, 1.3), [](double x) { return triangular_cdf(x, 0.9, 1.0, 1.3); }},
        {distribution::normal(5, 2), [](double x) { return normal_cdf((x - 5) / 2); }},
        {distribution::lognormal(0.2, 0.4), [](double x) { return x <= 0 ? 0.0 : normal_cdf((std::log(x) - 0.2) / 0.4); }},
    };
    for (const auto& c : cases)
        EXPECT_LT(ks_distance(draws_of(c.d, n), c.cdf), ks_limit) << socinv::to_string(c.d.kind);
}

TEST(Sampler, PertFollowsItsBetaAcrossShapes) {
    // Shapes (alpha, beta) from (1, 5) to (5, 1), the whole range PERT can have, and skewed ones
    // whose density rises steeply from zero (alpha just above 1).
    for (const auto& d : {distribution::pert(0, 0, 1), distribution::pert(0, 1, 1), distribution::pert(0, 0.5, 1),
                          distribution::pert(5, 10, 20), distribution::pert(0.1, 0.25, 0.45), distribution::pert(0, 0.001, 1)}) {
        const auto [alpha, beta] = d.pert_shape();
        const auto x = draws_of(d, n);
        const double lo = d.a, width = d.c - d.a;
        EXPECT_LT(ks_distance(x, [&](double v) { return socinv::detail::incomplete_beta((v - lo) / width, alpha, beta); }),
                  ks_limit)
            << "PERT(" << d.a << ", " << d.b << ", " << d.c << ")";
        double sum = 0, squares = 0;
        for (double v : x) sum += v, squares += v * v;
        const double mean = sum / n, variance = squares / n - mean * mean;
        const double s = alpha + beta;
        const double expected_variance = width * width * alpha * beta / (s * s * (s + 1));
        EXPECT_NEAR(mean, d.mean(), 5 * std::sqrt(expected_variance / n));
        EXPECT_NEAR(variance, expected_variance, 0.02 * expected_variance);
        EXPECT_GE(*std::min_element(x.begin(), x.end()), d.a);
        EXPECT_LE(*std::max_element(x.begin(), x.end()), d.c);
    }
}

TEST(Sampler, NormalTailsHaveTheirShare) {
    // Beyond |z| = 3.4426 the ziggurat switches to its tail method: 2 (1 - Φ(3.4426)) = 5.76e-4
    // of draws, about 576 of a million (standard deviation 24).
    const auto z = draws_of(distribution::normal(0, 1), 1'000'000, 3);
    const auto tail = std::count_if(z.begin(), z.end(), [](double v) { return std::abs(v) > 3.442619855899; });
    const double expected = 2 * (1 - normal_cdf(3.442619855899)) * 1e6;
    EXPECT_NEAR(static_cast<double>(tail), expected, 5 * std::sqrt(expected));
    const auto far = std::count_if(z.begin(), z.end(), [](double v) { return std::abs(v) > 4.5; });
    EXPECT_NEAR(static_cast<double>(far), 2 * (1 - normal_cdf(4.5)) * 1e6, 5 * std::sqrt(6.8) + 1);
}

TEST(Sampler, FillGivesTheDrawsOfSingleCalls) {
    for (const auto& d : {distribution::fixed(3), distribution::uniform(0, 1), distribution::triangular(1, 2, 4),
                          distribution::normal(0, 1), distribution::lognormal(0, 1), distribution::pert(0, 0.2, 1)}) {
        const sampler draw(d);
        std::vector<draw_stream> streams;
        for (std::uint64_t i = 0; i < 150; ++i) streams.emplace_back(11, i);
        std::vector<double> filled(streams.size());
        draw.fill(streams.data(), streams.size(), filled.data());
        for (std::uint64_t i = 0; i < 150; ++i) {
            draw_stream alone(11, i);
            ASSERT_EQ(filled[i], draw(alone)) << socinv::to_string(d.kind) << " draw " << i;
            // Both leave the stream at the same point.
            ASSERT_EQ(streams[i].next(), alone.next());
        }
    }
}

TEST(Sampler, FixedTakesNothingFromTheStream) {
    draw_stream a(1, 2), b(1, 2);
    EXPECT_EQ(sampler(distribution::fixed(4.5))(a), 4.5);
    EXPECT_EQ(a.next(), b.next());
}
