#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "socinv/economics/percentile.hpp"

using namespace socinv;

namespace {
std::vector<double> values() { return {15, 20, 35, 40, 50}; }  // sorted; h = q * 4
}  // namespace

TEST(Percentile, InterpolatesLinearlyBetweenOrderStatistics) {
    const auto v = values();
    // By hand: h = p/100 * 4; P40 -> h 1.6 -> 20 + 0.6 * 15 = 29; P5 -> h 0.2 -> 15 + 0.2 * 5 = 16.
    EXPECT_DOUBLE_EQ(percentile(v, 40), 29);
    EXPECT_DOUBLE_EQ(percentile(v, 5), 16);
    EXPECT_DOUBLE_EQ(percentile(v, 50), 35);   // the median
    EXPECT_DOUBLE_EQ(percentile(v, 75), 40);   // h = 3 exactly
    EXPECT_DOUBLE_EQ(percentile(v, 90), 46);   // h 3.6 -> 40 + 0.6 * 10
    EXPECT_DOUBLE_EQ(percentile(v, 0), 15);
    EXPECT_DOUBLE_EQ(percentile(v, 100), 50);
    EXPECT_DOUBLE_EQ(quantile(v, 0.4), 29);
}

TEST(Percentile, OrderOfTheInputDoesNotMatter) {
    const std::vector<double> shuffled{40, 15, 50, 35, 20};
    EXPECT_DOUBLE_EQ(percentile(shuffled, 40), 29);
    EXPECT_DOUBLE_EQ(percentile(shuffled, 90), 46);
}

TEST(Percentile, EvenCountMedianIsTheMeanOfTheMiddleTwo) {
    const std::vector<double> v{1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(percentile(v, 50), 2.5);
    EXPECT_DOUBLE_EQ(percentile(v, 25), 1.75);  // h 0.75
}

TEST(Percentile, OneValueIsEveryPercentileAndNoValuesIsNaN) {
    const std::vector<double> one{7};
    EXPECT_DOUBLE_EQ(percentile(one, 0), 7);
    EXPECT_DOUBLE_EQ(percentile(one, 37), 7);
    EXPECT_DOUBLE_EQ(percentile(one, 100), 7);
    EXPECT_TRUE(std::isnan(percentile(std::vector<double>{}, 50)));
}

TEST(Percentile, EqualNeighboursGiveTheirValueExactly) {
    // NumPy's lerp from the nearer end: never outside [at, above], equal ends give that value.
    const std::vector<double> v{0.1, 0.1, 0.1};
    for (double p : {0.0, 13.0, 50.0, 77.0, 100.0}) EXPECT_EQ(percentile(v, p), 0.1) << p;
}

TEST(Percentile, BadArgumentsAreRefusedNamingTheValue) {
    const auto v = values();
    try {
        percentile(v, 101);
        FAIL() << "101 accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "percentiles lie in 0..100, not 101");
    }
    EXPECT_THROW(percentile(v, -1), std::invalid_argument);
    EXPECT_THROW(quantile(v, 1.5), std::invalid_argument);
    EXPECT_THROW(quantile(v, std::nan("")), std::invalid_argument);
    EXPECT_THROW(position_of_quantile(0.5, 0), std::invalid_argument);
}

TEST(Percentile, SelectionAgreesWithSortingForRisingQuantiles) {
    std::vector<float> column;
    for (int i = 0; i < 1001; ++i) column.push_back(static_cast<float>((i * 7919) % 1009) / 3.0f);
    std::vector<float> sorted = column;
    std::sort(sorted.begin(), sorted.end());
    auto from = column.begin();
    for (double q : {0.0, 0.05, 0.25, 0.333, 0.5, 0.75, 0.95, 1.0}) {
        const double selected = select_quantile(column.begin(), column.end(), q, from);
        EXPECT_EQ(selected, quantile_of_sorted(std::span<const float>(sorted), q)) << q;
    }
    // Without a previous position, on an even count.
    std::vector<double> v{4, 1, 3, 2};
    EXPECT_DOUBLE_EQ(select_quantile(v.begin(), v.end(), 0.5), 2.5);
}
