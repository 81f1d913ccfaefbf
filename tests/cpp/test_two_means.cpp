#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "socinv/outcomes/two_means.hpp"

TEST(ConfintMeans2indep, WelchAgreesWithScipy) {
    // scipy: Welch–Satterthwaite df, then (m1 − m2) ∓ t.isf(0.025, df) √(s1²/n1 + s2²/n2).
    const auto ci = socinv::confint_means_2indep(12.4, 3.1, 40, 10.9, 3.4, 38);
    EXPECT_NEAR(ci.low, 0.029901321377697743, 1e-12);
    EXPECT_NEAR(ci.high, 2.9700986786223025, 1e-12);
}

TEST(ConfintMeans2indep, NoSpreadIsThePoint) {
    const auto ci = socinv::confint_means_2indep(3, 0, 5, 1, 0, 5);
    EXPECT_EQ(ci.low, 2.0);
    EXPECT_EQ(ci.high, 2.0);
}

TEST(ConfintMeans2indep, BadArguments) {
    EXPECT_THROW(socinv::confint_means_2indep(1, -1, 5, 1, 1, 5), std::invalid_argument);
    EXPECT_THROW(socinv::confint_means_2indep(1, 1, 1, 1, 1, 5), std::invalid_argument);
}
