#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "socinv/outcomes/beta_update.hpp"

using socinv::beta_belief;

TEST(BetaUpdate, ConjugatePosteriorAgreesWithScipy) {
    const auto post = socinv::beta_update(beta_belief::of(2, 3), 15, 30);
    EXPECT_EQ(post.a, 17.0);
    EXPECT_EQ(post.b, 18.0);
    // scipy: beta(17, 18).mean(), .ppf(0.025), .isf(0.025), .sf(0.6).
    EXPECT_NEAR(post.mean(), 0.4857142857142857, 1e-15);
    const auto ci = post.interval(0.95);
    EXPECT_NEAR(ci.low, 0.3242692700213209, 1e-13);
    EXPECT_NEAR(ci.high, 0.648707162948588, 1e-13);
    EXPECT_NEAR(post.probability_at_least(0.6), 0.08716831503768198, 1e-13);
    EXPECT_EQ(post.probability_at_least(0.0), 1.0);
    EXPECT_EQ(post.probability_at_least(1.5), 0.0);
}

TEST(BetaUpdate, PertOnTheUnitIntervalIsItsOwnBeta) {
    const auto prior = socinv::beta_from_moments(socinv::distribution::pert(0, 0.4, 1));
    EXPECT_NEAR(prior.a, 1 + 4 * 0.4, 1e-12);
    EXPECT_NEAR(prior.b, 1 + 4 * 0.6, 1e-12);
}

TEST(BetaUpdate, MomentsAreMatched) {
    const auto d = socinv::distribution::triangular(0.1, 0.3, 0.6);
    const auto b = socinv::beta_from_moments(d);
    EXPECT_NEAR(b.mean(), d.mean(), 1e-14);
    EXPECT_NEAR(b.variance(), socinv::detail::variance_of(d), 1e-14);
    const auto post = socinv::beta_update(d, 267, 382);
    EXPECT_NEAR(post.a, b.a + 267, 1e-12);
}

TEST(BetaUpdate, DistributionsThatNoBetaMatchesAreRejected) {
    EXPECT_THROW(socinv::beta_from_moments(socinv::distribution::fixed(0.4)), std::invalid_argument);
    EXPECT_THROW(socinv::beta_from_moments(socinv::distribution::normal(0.5, 0.6)), std::invalid_argument);
    EXPECT_THROW(socinv::beta_from_moments(socinv::distribution::uniform(1, 2)), std::invalid_argument);
    EXPECT_THROW(beta_belief::of(0, 1), std::invalid_argument);
    EXPECT_THROW(socinv::beta_update(beta_belief::of(1, 1), 5, 4), std::invalid_argument);
    EXPECT_THROW(beta_belief::of(1, 1).interval(1.0), std::invalid_argument);
}
