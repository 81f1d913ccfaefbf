#include <gtest/gtest.h>

#include <cmath>

#include "socinv/outcomes/observation.hpp"

using socinv::mean_observation;
using socinv::proportion_observation;

namespace {
void expect_rel(double actual, double expected, double tol = 1e-9) {
    EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::fabs(expected))) << "expected " << expected;
}
}  // namespace

TEST(Observation, EstimateVarianceAndInterval) {
    const socinv::observation p = proportion_observation{15, 30};
    EXPECT_DOUBLE_EQ(socinv::estimate_of(p), 0.5);
    EXPECT_DOUBLE_EQ(socinv::variance_of(p), 0.25 / 30);
    EXPECT_NEAR(socinv::confint_of(p).low, 0.3315412564053376, 1e-15);

    const socinv::observation m = mean_observation{12.4, 3.1, 40};
    EXPECT_DOUBLE_EQ(socinv::estimate_of(m), 12.4);
    // scipy: 12.4 ∓ t.isf(0.025, 39) · 3.1 / √40.
    const auto ci = socinv::confint_of(m);
    expect_rel(ci.low, 11.40857190197206);
    expect_rel(ci.high, 13.39142809802794);
}

TEST(Observation, ImpossibleDataIsAnInputErrorWithItsPointer) {
    auto pointer_of = [](const socinv::observation& o) {
        try {
            socinv::validate(o, "/follow_up/measures/2");
        } catch (const socinv::input_error& e) {
            return e.pointer() + " = " + e.value();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(pointer_of(proportion_observation{31, 30}), "/follow_up/measures/2/successes = 31");
    EXPECT_EQ(pointer_of(proportion_observation{0, 0}), "/follow_up/measures/2/n = 0");
    EXPECT_EQ(pointer_of(proportion_observation{-1, 5}), "/follow_up/measures/2/successes = -1");
    EXPECT_EQ(pointer_of(mean_observation{1, -0.5, 10}), "/follow_up/measures/2/sd = -0.5");
    EXPECT_EQ(pointer_of(mean_observation{NAN, 1, 10}), "/follow_up/measures/2/mean = nan");
    EXPECT_EQ(pointer_of(mean_observation{1, 0, 1}), "/follow_up/measures/2/n = 1");
    EXPECT_EQ(pointer_of(proportion_observation{1, 1}), "accepted");
}
