#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "socinv/economics/discount_schedule.hpp"

using socinv::discount_schedule;
using socinv::rate_step;

TEST(DiscountSchedule, ConstantRate) {
    const auto s = discount_schedule::constant(0.035);
    EXPECT_DOUBLE_EQ(s.factor(0), 1.0);
    EXPECT_NEAR(s.factor(10), std::pow(1.035, -10), 1e-15);
    EXPECT_NEAR(s.factor(2.5), std::pow(1.035, -2.5), 1e-15);
    EXPECT_NEAR(s.factor(-1), 1.035, 1e-15);  // before the valuation date: compounded
    EXPECT_EQ(s.rate(100), 0.035);
    EXPECT_DOUBLE_EQ(discount_schedule().factor(50), 1.0);
}

TEST(DiscountSchedule, GreenBookTable) {
    // HM Treasury Green Book: 3.5 % to year 30, then 3.0 % to 75, 2.5 % to 125, ...
    const auto g = discount_schedule::green_book();
    EXPECT_NEAR(g.factor(30), 0.3562784, 1e-7);
    EXPECT_NEAR(g.factor(31), 0.3562784 / 1.03, 1e-7);
    EXPECT_NEAR(g.factor(75), std::pow(1.035, -30) * std::pow(1.03, -45), 1e-15);
    EXPECT_NEAR(g.factor(76), g.factor(75) / 1.025, 1e-15);
    EXPECT_NEAR(g.factor(126), g.factor(125) / 1.02, 1e-15);
    EXPECT_NEAR(g.factor(201), g.factor(200) / 1.015, 1e-16);
    EXPECT_NEAR(g.factor(310), g.factor(300) * std::pow(1.01, -10), 1e-18);
    EXPECT_EQ(g.rate(0), 0.035);
    EXPECT_EQ(g.rate(30.5), 0.03);
    EXPECT_EQ(g.rate(500), 0.01);
    EXPECT_EQ(g.rate_steps().size(), 6u);
}

TEST(DiscountSchedule, StepsCompoundAcrossTheBreaks) {
    const auto s = discount_schedule::steps({{0, 0.05}, {2, 0.0}, {5.5, -0.02}});
    EXPECT_NEAR(s.factor(1), 1 / 1.05, 1e-15);
    EXPECT_NEAR(s.factor(4), 1 / (1.05 * 1.05), 1e-15);
    EXPECT_NEAR(s.factor(6.5), std::pow(1.05, -2) / 0.98, 1e-15);
}

TEST(DiscountSchedule, FactorsFallWithTimeForPositiveRates) {
    const auto g = discount_schedule::green_book();
    double previous = 2.0;
    for (double t = 0; t < 400; t += 0.25) {
        EXPECT_LT(g.factor(t), previous);
        previous = g.factor(t);
    }
}

TEST(DiscountSchedule, RealAndNominalByFisher) {
    const auto nominal = discount_schedule::constant(0.05);
    const auto real = nominal.to_real(0.02);
    EXPECT_NEAR(real.rate(3), 1.05 / 1.02 - 1, 1e-16);
    EXPECT_NEAR(real.factor(10), std::pow(1.05, -10) * std::pow(1.02, 10), 1e-15);
    const auto back = real.to_nominal(0.02);
    EXPECT_NEAR(back.rate(0), 0.05, 1e-16);

    // Steps of both: the union of the breaks.
    const auto g = discount_schedule::green_book().to_nominal(discount_schedule::steps({{0, 0.02}, {10, 0.03}}));
    EXPECT_EQ(g.rate_steps().size(), 7u);
    EXPECT_NEAR(g.rate(5), 1.035 * 1.02 - 1, 1e-16);
    EXPECT_NEAR(g.rate(20), 1.035 * 1.03 - 1, 1e-16);
    EXPECT_NEAR(g.rate(40), 1.03 * 1.03 - 1, 1e-16);
}

TEST(DiscountSchedule, InflationFromAPriceIndex) {
    // KPI-like levels at years 0..3; the real factor is the nominal times the price growth.
    const std::vector<double> levels{100, 102, 105, 106};
    const auto inflation = discount_schedule::from_index(levels);
    EXPECT_NEAR(inflation.rate(1.5), 105.0 / 102 - 1, 1e-16);
    EXPECT_NEAR(inflation.rate(10), 106.0 / 105 - 1, 1e-16);
    const auto real = discount_schedule::constant(0.04).to_real(inflation);
    for (int year = 0; year <= 3; ++year)
        EXPECT_NEAR(real.factor(year), std::pow(1.04, -year) * levels[static_cast<std::size_t>(year)] / 100, 1e-15);
}

TEST(DiscountSchedule, BadStepsNameTheProblem) {
    try {
        discount_schedule::steps({{0, 0.03}, {45, 0.02}, {30, 0.01}});
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/2/from_year");
        EXPECT_NE(e.message().find("year 30"), std::string::npos);
        EXPECT_NE(e.message().find("year 45"), std::string::npos);
    }
    try {
        discount_schedule::steps({{0, 0.03}, {10, -1.5}});
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/1/rate");
        EXPECT_EQ(e.value(), "-1.5");
    }
    EXPECT_THROW(discount_schedule::steps({{1, 0.03}}), socinv::input_error);
    EXPECT_THROW(discount_schedule::steps({}), socinv::input_error);
    EXPECT_THROW(discount_schedule::constant(NAN), socinv::input_error);
    EXPECT_THROW(discount_schedule::from_index(std::vector<double>{100}), socinv::input_error);
    EXPECT_THROW(discount_schedule::from_index(std::vector<double>{100, 0}), socinv::input_error);
}

TEST(DiscountSchedule, ValueSemantics) {
    auto a = discount_schedule::green_book();
    const auto b = a;
    EXPECT_EQ(a, b);
    a = discount_schedule::constant(0.01);
    EXPECT_FALSE(a == b);
    EXPECT_TRUE(std::isnan(b.factor(NAN)));
}
