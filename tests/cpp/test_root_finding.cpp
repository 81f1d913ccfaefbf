// Tests for socinv/economics/root_finding.hpp: sign-change bounds, the two NPV forms, find_rate and find_all_rates.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "socinv/economics/root_finding.hpp"

using socinv::detail::find_all_rates;
using socinv::detail::find_rate;
using socinv::detail::limits_of;
using socinv::detail::periodic_npv;
using socinv::detail::roots_beyond;
using socinv::detail::timed_npv;

namespace {

std::optional<double> rate_of(const std::vector<double>& amounts, double guess) {
    std::vector<double> scratch(2 * amounts.size());
    return find_rate(periodic_npv(amounts), limits_of(amounts), guess, scratch);
}

std::optional<double> timed_rate_of(const std::vector<double>& times, const std::vector<double>& amounts, double guess) {
    std::vector<double> scratch(2 * amounts.size());
    return find_rate(timed_npv(times, amounts), limits_of(amounts), guess, scratch);
}

// Σ a_k (1 + r)^-k, directly.
double npv_at(const std::vector<double>& amounts, double r) {
    double v = 0;
    for (std::size_t k = 0; k < amounts.size(); ++k) v += amounts[k] * std::pow(1 + r, -static_cast<double>(k));
    return v;
}

}  // namespace

TEST(RootFinding, LimitsCountSignChangesSkippingZeros) {
    const std::vector<double> a{0, -100, 0, 50, 60, -10, 0};
    const auto l = limits_of(a);
    EXPECT_EQ(l.sign_changes, 2);
    EXPECT_EQ(l.at_infinity, -1);    // the earliest non-zero amount
    EXPECT_EQ(l.near_minus_one, -1);  // the latest non-zero amount
    const auto one = limits_of(std::vector<double>{-5, 1, 1, 1});
    EXPECT_EQ(one.sign_changes, 1);
    EXPECT_EQ(one.at_infinity, -1);
    EXPECT_EQ(one.near_minus_one, 1);
    const auto none = limits_of(std::vector<double>{0, 0});
    EXPECT_EQ(none.sign_changes, 0);
    EXPECT_EQ(none.at_infinity, 0);
    EXPECT_EQ(none.near_minus_one, 0);
}

TEST(RootFinding, RootsBeyondCountsSignChangesOfRunningSums) {
    // Running sums from the front: -1, 1, -1 → two changes; from the back: -1, 1, -1 as well.
    const std::vector<double> t{-1, 2, -2};
    EXPECT_EQ(roots_beyond(t, +1, 5), 2);
    // From the back: -2, 0 → a running sum at zero makes the bound uncertain.
    EXPECT_EQ(roots_beyond(t, -1, 5), -1);
    // -3, 1, 1: front sums -3, -2, -1 (none), back sums 1, 2, -1 (one).
    const std::vector<double> u{-3, 1, 1};
    EXPECT_EQ(roots_beyond(u, +1, 5), 0);
    EXPECT_EQ(roots_beyond(u, -1, 5), 1);
}

TEST(RootFinding, PeriodicAndTimedFormsAgreeWithTheDefinition) {
    const std::vector<double> a{-1000, 300, 420, 0, 680, -50};
    const std::vector<double> times{0, 1, 2, 3, 4, 5};
    const periodic_npv p(a);
    const timed_npv t(times, a);
    EXPECT_EQ(p.latest(), 5.0);
    EXPECT_EQ(t.latest(), 5.0);
    for (const double r : {-0.9, -0.3, 0.0, 0.07, 0.5, 3.0}) {
        const double u = std::log1p(r);
        const auto pp = p.at(u), tp = t.at(u);
        // h(u) = f(r) · e^{c u} with c = the latest time below u = 0.
        const double scale = u < 0 ? std::exp(5.0 * u) : 1.0;
        EXPECT_NEAR(pp.value, npv_at(a, r) * scale, 1e-9 * pp.magnitude) << r;
        EXPECT_NEAR(tp.value, pp.value, 1e-9 * pp.magnitude) << r;
        EXPECT_NEAR(tp.slope, pp.slope, 1e-9 * pp.spread) << r;
        EXPECT_NEAR(tp.curvature, pp.curvature, 1e-9 * pp.spread) << r;
        EXPECT_NEAR(tp.magnitude, pp.magnitude, 1e-9 * pp.magnitude) << r;
        // The slope is the derivative of the value (central difference).
        const double h = 1e-6;
        const double numeric = (p.at(u + h).value - p.at(u - h).value) / (2 * h);
        if (u + h < 0 || u - h >= 0) {
            EXPECT_NEAR(pp.slope, numeric, 1e-5 * pp.spread) << r;
        }
    }
}

// -1 + 2.3 x - 1.32 x² with x = 1 / (1 + r) = -1.32 (x - 1/1.1)(x - 1/1.2): roots at 10 % and 20 %.
TEST(RootFinding, TwoRootsTheOneClosestToTheGuess) {
    const std::vector<double> a{-1, 2.3, -1.32};
    EXPECT_NEAR(*rate_of(a, 0.0), 0.1, 1e-13);
    EXPECT_NEAR(*rate_of(a, 0.14), 0.1, 1e-13);
    EXPECT_NEAR(*rate_of(a, 0.16), 0.2, 1e-13);
    EXPECT_NEAR(*rate_of(a, 5.0), 0.2, 1e-13);
    EXPECT_NEAR(*timed_rate_of({0, 1, 2}, a, 0.16), 0.2, 1e-13);
    const auto all = find_all_rates(periodic_npv(a), limits_of(a), -0.99, 10.0);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_NEAR(all[0], 0.1, 1e-12);
    EXPECT_NEAR(all[1], 0.2, 1e-12);
    // A range that holds only one of them.
    const auto upper = find_all_rates(periodic_npv(a), limits_of(a), 0.15, 10.0);
    ASSERT_EQ(upper.size(), 1u);
    EXPECT_NEAR(upper[0], 0.2, 1e-12);
}

TEST(RootFinding, OneSignChangeHasOneRateWhateverTheGuess) {
    const std::vector<double> a{-100, 39, 59, 55, 20};  // pyxirr's example: 28.094842115996 %
    for (const double guess : {-0.95, -0.5, 0.0, 0.1, 0.28, 1.0, 50.0})
        EXPECT_NEAR(*rate_of(a, guess), 0.28094842115996, 1e-12) << guess;
    // Flows at fractional times: -100 now, 121 after two years, so 10 %.
    EXPECT_NEAR(*timed_rate_of({0, 2}, {-100, 121}, 0.5), 0.1, 1e-14);
    EXPECT_NEAR(*timed_rate_of({0, 0.5}, {-100, 121}, 0.5), 0.4641, 1e-14);
}

TEST(RootFinding, NoSignChangeNoRate) {
    EXPECT_FALSE(rate_of({}, 0.1));
    EXPECT_FALSE(rate_of({-100}, 0.1));
    EXPECT_FALSE(rate_of({0, 0, 0}, 0.1));
    EXPECT_FALSE(rate_of({10, 20, 0, 30}, 0.1));
    EXPECT_TRUE(find_all_rates(periodic_npv(std::vector<double>{10, 20}), limits_of(std::vector<double>{10, 20}), -0.9, 1).empty());
}

TEST(RootFinding, SignChangesButNoRealRoot) {
    // -1 + x - x² < 0 for every real x: two sign changes and no root.
    const std::vector<double> a{-1, 1, -1};
    EXPECT_EQ(limits_of(a).sign_changes, 2);
    EXPECT_FALSE(rate_of(a, 0.1));
    EXPECT_TRUE(find_all_rates(periodic_npv(a), limits_of(a), -0.99, 10.0).empty());
}

TEST(RootFinding, TouchingRootIsFoundWithoutASignChange) {
    // -(1 - 1.1 x)² = -1 + 2.2 x - 1.21 x²: a double root at 10 %.
    const std::vector<double> a{-1, 2.2, -1.21};
    const auto r = rate_of(a, 0.0);
    ASSERT_TRUE(r);
    EXPECT_NEAR(*r, 0.1, 1e-6);
    const auto all = find_all_rates(periodic_npv(a), limits_of(a), -0.5, 1.0);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_NEAR(all[0], 0.1, 1e-6);
}

TEST(RootFinding, RatesNearMinusOneAndVeryLarge) {
    // -1 + 1e-6 x: x = 1e6, so 1 + r = 1e-6.
    const auto near = rate_of({-1, 1e-6}, 0.1);
    ASSERT_TRUE(near);
    EXPECT_NEAR(1 + *near, 1e-6, 1e-15);  // a double holds -0.999999 to about 1e-16
    // -1 + 1e9 x: 1 + r = 1e9.
    const auto large = rate_of({-1, 1e9}, 0.1);
    ASSERT_TRUE(large);
    EXPECT_NEAR(*large, 1e9 - 1, 1e9 * 1e-14);
    // Within 1e-14 of -100 % a double does not hold the rate: none.
    EXPECT_FALSE(rate_of({-1, 1e-16}, 0.1));
}

TEST(RootFinding, ScalingTheAmountsLeavesTheRate) {
    const std::vector<double> a{-1000, 300, 420, 0, 680, -50};
    const auto r = rate_of(a, 0.1);
    ASSERT_TRUE(r);
    EXPECT_NEAR(npv_at(a, *r), 0.0, 1e-9);
    for (const double k : {1e-3, 1e6}) {
        std::vector<double> scaled(a);
        for (auto& x : scaled) x *= k;
        EXPECT_NEAR(*rate_of(scaled, 0.1), *r, 1e-13) << k;
    }
}
