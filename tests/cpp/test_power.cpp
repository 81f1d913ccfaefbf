#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "socinv/outcomes/power.hpp"

TEST(MinimumDetectableDifference, ProportionAgreesWithScipy) {
    // scipy: (norm.isf(0.025) + norm.ppf(0.8)) √(p0 (1 − p0) / n).
    EXPECT_NEAR(socinv::minimum_detectable_difference_proportion(0.6, 382), 0.07022274091027997, 1e-15);
    EXPECT_NEAR(socinv::minimum_detectable_difference_proportion(0.5, 30), 0.2557485701222506, 1e-15);
    EXPECT_EQ(socinv::minimum_detectable_difference_proportion(1.0, 30), 0.0);
}

TEST(MinimumDetectableDifference, MeanUsesStudentsT) {
    // scipy: (t.isf(0.025, 29) + t.ppf(0.8, 29)) · 3.1 / √30.
    EXPECT_NEAR(socinv::minimum_detectable_difference_mean(3.1, 30), 1.641014583694658, 1e-13);
}

TEST(MinimumDetectableDifference, BadArguments) {
    EXPECT_THROW(socinv::minimum_detectable_difference_proportion(1.2, 30), std::invalid_argument);
    EXPECT_THROW(socinv::minimum_detectable_difference_proportion(0.5, 0), std::invalid_argument);
    EXPECT_THROW(socinv::minimum_detectable_difference_proportion(0.5, 30, 0.05, 1.0), std::invalid_argument);
    EXPECT_THROW(socinv::minimum_detectable_difference_mean(-1, 30), std::invalid_argument);
    EXPECT_THROW(socinv::minimum_detectable_difference_mean(1, 1), std::invalid_argument);
}
