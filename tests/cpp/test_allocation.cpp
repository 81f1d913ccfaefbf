#include <gtest/gtest.h>

#include <random>

#include "socinv/core/allocation.hpp"

using socinv::allocate;
using socinv::money;

TEST(Allocation, SplitsByWeightWithRemainderToLargestFractions) {
    // 100 öre over 1:1:1 = 33.33 each; the extra öre goes to the first.
    const auto parts = allocate(money::from_ore(100), {1, 1, 1});
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[0].ore(), 34);
    EXPECT_EQ(parts[1].ore(), 33);
    EXPECT_EQ(parts[2].ore(), 33);
}

TEST(Allocation, SotRequestOverBudgetYearsByDays) {
    // 4.1 MSEK over 2014-04-01 – 2017-03-31: 275, 365, 366, 90 days of 1096.
    const auto parts = allocate(money::from_sek(4'100'000), {275, 365, 366, 90});
    EXPECT_EQ(parts[0].ore(), 102'874'088);  // 410 000 000 × 275 / 1096 = 102 874 087.59
    EXPECT_EQ(parts[1].ore(), 136'541'971);  // 136 541 970.80
    EXPECT_EQ(parts[2].ore(), 136'916'058);  // 136 916 058.39
    EXPECT_EQ(parts[3].ore(), 33'667'883);   //  33 667 883.21
    EXPECT_EQ((parts[0] + parts[1] + parts[2] + parts[3]).ore(), 410'000'000);
}

TEST(Allocation, NegativeTotalsMirrorPositiveOnes) {
    const auto pos = allocate(money::from_ore(101), {2, 1});
    const auto neg = allocate(money::from_ore(-101), {2, 1});
    for (std::size_t i = 0; i < pos.size(); ++i) EXPECT_EQ(neg[i].ore(), -pos[i].ore());
}

TEST(Allocation, ZeroWeightsGetNothing) {
    const auto parts = allocate(money::from_ore(10), {0, 5, 0});
    EXPECT_EQ(parts[0].ore(), 0);
    EXPECT_EQ(parts[1].ore(), 10);
    EXPECT_EQ(parts[2].ore(), 0);
}

TEST(Allocation, RejectsBadWeights) {
    EXPECT_THROW(allocate(money::from_ore(10), {}), std::invalid_argument);
    EXPECT_THROW(allocate(money::from_ore(10), {0, 0}), std::invalid_argument);
    EXPECT_THROW(allocate(money::from_ore(10), {1, -1}), std::invalid_argument);
}

TEST(Allocation, PartsAlwaysSumToTheWholeAndStayWithinOneOre) {
    std::mt19937_64 rng(2024);
    for (int trial = 0; trial < 5000; ++trial) {
        const std::size_t n = 1 + rng() % 12;
        std::vector<std::int64_t> weights(n);
        long double weight_sum = 0;
        for (auto& w : weights) {
            w = static_cast<std::int64_t>(rng() % 1'000'000);
            weight_sum += static_cast<long double>(w);
        }
        if (weight_sum == 0) weights[0] = 1, weight_sum = 1;
        const auto total = money::from_ore(static_cast<std::int64_t>(rng() >> 20) * (trial % 2 ? 1 : -1));
        const auto parts = allocate(total, weights);
        money sum;
        for (std::size_t i = 0; i < n; ++i) {
            sum += parts[i];
            const long double exact = static_cast<long double>(total.ore()) * static_cast<long double>(weights[i]) / weight_sum;
            EXPECT_LT(std::fabs(static_cast<long double>(parts[i].ore()) - exact), 1.0L + 1e-6L);
        }
        EXPECT_EQ(sum, total);
    }
}
