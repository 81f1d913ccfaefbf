#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "socinv/outcomes/effect_size.hpp"

namespace {
void expect_rel(double actual, double expected, double tol = 1e-9) {
    EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::fabs(expected))) << "expected " << expected;
}
}  // namespace

TEST(EffectsizeSmd, AgreesWithStatsmodels) {
    // statsmodels: effectsize_smd(12.4, 3.1, 40, 10.9, 3.4, 38).
    const auto e = socinv::effectsize_smd(12.4, 3.1, 40, 10.9, 3.4, 38);
    expect_rel(e.effect, 0.45703709962021416);
    expect_rel(e.variance, 0.05272601706232354);
}

TEST(EffectsizeSmd, SignFollowsTheDifferenceAndEqualMeansGiveZero) {
    EXPECT_LT(socinv::effectsize_smd(1, 1, 10, 2, 1, 10).effect, 0);
    EXPECT_EQ(socinv::effectsize_smd(2, 1, 10, 2, 3, 12).effect, 0);
}

TEST(EffectsizeSmd, BadArguments) {
    EXPECT_THROW(socinv::effectsize_smd(1, -1, 10, 2, 1, 10), std::invalid_argument);
    EXPECT_THROW(socinv::effectsize_smd(1, 1, 1, 2, 1, 10), std::invalid_argument);
    EXPECT_THROW(socinv::effectsize_smd(1, 0, 10, 2, 0, 10), std::invalid_argument);
}

TEST(CoxEffectSize, IsTheLogOddsRatioOver165) {
    // statsmodels: effectsize_2proportions(40, 120, 25, 118, statistic="odds-ratio"), divided by
    // 1.65 and 1.65².
    const auto e = socinv::cox_effect_size(40, 120, 25, 118);
    expect_rel(e.effect, 0.3761069622576423);
    expect_rel(e.variance, 0.03241604707880368);
    expect_rel(e.effect * 1.65, std::log((40.0 / 80) / (25.0 / 93)));
}

TEST(CoxEffectSize, ZeroCellsGetHalfAdded) {
    // statsmodels: effectsize_2proportions(0, 20, 5, 20, statistic="odds-ratio", zero_correction=0.5).
    const auto e = socinv::cox_effect_size(0, 20, 5, 20);
    expect_rel(e.effect, -1.6227152333439592);
    expect_rel(e.variance, 0.8430173732434594);
    EXPECT_THROW(socinv::cox_effect_size(0, 20, 5, 20, 0.0), std::invalid_argument);
}
