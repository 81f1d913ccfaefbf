#include <gtest/gtest.h>

#include <stdexcept>

#include "socinv/outcomes/interval.hpp"

TEST(Interval, ContainsAndWidth) {
    const socinv::confidence_interval ci{0.2, 0.5};
    EXPECT_TRUE(ci.contains(0.2));
    EXPECT_TRUE(ci.contains(0.5));
    EXPECT_FALSE(ci.contains(0.51));
    EXPECT_DOUBLE_EQ(ci.width(), 0.3);
}

TEST(Interval, CriticalValuesAgreeWithScipy) {
    // scipy: norm.isf(0.025), t.isf(0.025, 29).
    EXPECT_NEAR(socinv::detail::z_critical(0.05), 1.9599639845400545, 1e-15);
    EXPECT_NEAR(socinv::detail::t_critical(0.05, 29), 2.045229642132704, 1e-14);
}

TEST(Interval, AlphaOutsideZeroOneIsRejectedByValue) {
    try {
        socinv::detail::check_alpha(1.5);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "alpha 1.5 is not strictly between 0 and 1");
    }
}
