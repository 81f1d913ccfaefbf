// Tests for socinv/economics/beta_sampler.hpp: exact Beta draws for PERT shapes, one by one and in batches.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <vector>

#include "ks_distance.hpp"
#include "socinv/economics/beta_sampler.hpp"

using socinv::draw_stream;
using socinv::detail::beta_sampler;

using socinv::testing::ks_distance;

namespace {

std::vector<double> draws(const beta_sampler& b, std::size_t n, std::uint64_t seed) {
    std::vector<double> x(n);
    for (std::size_t d = 0; d < n; ++d) {
        draw_stream s(seed, d);
        x[d] = b(s);
    }
    return x;
}


}  // namespace

TEST(BetaSampler, RefusesShapesBelowOneOrNotFinite) {
    for (const auto& [a, b] : std::vector<std::pair<double, double>>{
             {0.5, 2}, {2, 0.999}, {NAN, 2}, {2, INFINITY}, {INFINITY, INFINITY}, {-1, -1}}) {
        try {
            beta_sampler s(a, b);
            ADD_FAILURE() << a << ", " << b << " accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_STREQ(e.what(), "beta_sampler needs finite shapes of at least 1");
        }
    }
}

TEST(BetaSampler, ClosedFormCdfs) {
    constexpr std::size_t n = 100'000;
    const double bound = 1.95 / std::sqrt(static_cast<double>(n));  // KS at the 0.1 % level
    // Beta(1, 1) is uniform, Beta(2, 1) has CDF x², Beta(1, 3) 1 - (1 - x)³, Beta(2, 2) 3x² - 2x³.
    EXPECT_LT(ks_distance(draws(beta_sampler(1, 1), n, 1), [](double x) { return x; }), bound);
    EXPECT_LT(ks_distance(draws(beta_sampler(2, 1), n, 2), [](double x) { return x * x; }), bound);
    EXPECT_LT(ks_distance(draws(beta_sampler(1, 3), n, 3), [](double x) { return 1 - std::pow(1 - x, 3); }), bound);
    EXPECT_LT(ks_distance(draws(beta_sampler(2, 2), n, 4), [](double x) { return x * x * (3 - 2 * x); }), bound);
    // And a wrong CDF is told apart: Beta(2, 2) draws against the uniform.
    EXPECT_GT(ks_distance(draws(beta_sampler(2, 2), n, 4), [](double x) { return x; }), 10 * bound);
}

TEST(BetaSampler, MeanAndVarianceOfSkewedPertShapes) {
    constexpr std::size_t n = 100'000;
    for (const auto& [a, b] : std::vector<std::pair<double, double>>{{1.2, 4.8}, {5, 1}, {3, 3}, {1.0001, 5}}) {
        const auto x = draws(beta_sampler(a, b), n, 11);
        double sum = 0, sq = 0;
        for (double v : x) {
            ASSERT_GT(v, 0.0);
            ASSERT_LT(v, 1.0);
            sum += v, sq += v * v;
        }
        const double mean = a / (a + b), var = a * b / ((a + b) * (a + b) * (a + b + 1));
        EXPECT_NEAR(sum / n, mean, 4 * std::sqrt(var / n)) << a << ", " << b;
        EXPECT_NEAR(sq / n - (sum / n) * (sum / n), var, 0.02 * var) << a << ", " << b;
    }
}

TEST(BetaSampler, FillGivesTheDrawsOfSingleCalls) {
    const beta_sampler b(1.7, 4.3);
    constexpr std::size_t n = 1000;  // several chunks of 64 and a partial one
    std::vector<draw_stream> one, many;
    for (std::size_t d = 0; d < n; ++d) one.emplace_back(21, d), many.emplace_back(21, d);
    std::vector<double> filled(n);
    b.fill(many.data(), n, filled.data());
    for (std::size_t d = 0; d < n; ++d) {
        ASSERT_EQ(filled[d], b(one[d])) << d;
        ASSERT_EQ(many[d].next(), one[d].next()) << d;  // the streams are left where single calls leave them
    }
}
