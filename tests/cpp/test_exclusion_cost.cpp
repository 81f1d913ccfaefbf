// Tests for socinv/economics/exclusion_cost.hpp: the default profile and its lifetime cost.
#include <gtest/gtest.h>

#include "socinv/economics/exclusion_cost.hpp"

using namespace socinv;

TEST(ExclusionCost, DefaultProfileCostsAbout15MsekFrom20To65) {
    const auto p = default_exclusion_costs();
    EXPECT_EQ(p.name, "socinv-default-2013");
    EXPECT_EQ(p.working_years(), 45);
    ASSERT_EQ(p.items.size(), 6u);
    // 96 000 + 24 000 + 25 000 + 40 000 + 15 000 + 133 000 = 333 000 SEK a year, for 45 years.
    EXPECT_DOUBLE_EQ(p.lifetime_cost(), 333'000.0 * 45);
    // Society's view leaves out the one transfer, social assistance: 237 000 a year.
    EXPECT_DOUBLE_EQ(p.lifetime_cost(true), 237'000.0 * 45);
    // The scale triangular(2/3, 1, 4/3) has mean 1: the point estimate stays.
    EXPECT_DOUBLE_EQ(p.scale.mean(), 1.0);
}

TEST(ExclusionCost, LifetimeCostFollowsScaleAndAgeSpan) {
    auto p = default_exclusion_costs();
    p.scale = distribution::fixed(2.0);
    p.age_from = 30;
    p.age_to = 40;
    EXPECT_DOUBLE_EQ(p.lifetime_cost(), 333'000.0 * 2 * 10);
    p.items.clear();
    EXPECT_DOUBLE_EQ(p.lifetime_cost(), 0.0);
}

TEST(ExclusionCost, OnlyTheAssistanceIsATransfer) {
    const auto p = default_exclusion_costs();
    int transfers = 0;
    for (const auto& item : p.items) {
        EXPECT_FALSE(item.source.empty()) << item.name;
        if (item.nature == cost_nature::transfer) {
            ++transfers;
            EXPECT_EQ(item.level, payer_level::municipality);
            EXPECT_EQ(item.per_year.mean(), 96'000);
        }
    }
    EXPECT_EQ(transfers, 1);
}

TEST(ExclusionCost, StableNames) {
    EXPECT_EQ(to_string(payer_level::municipality), "municipality");
    EXPECT_EQ(to_string(payer_level::region), "region");
    EXPECT_EQ(to_string(payer_level::state), "state");
    EXPECT_EQ(to_string(payer_level::household), "household");
    EXPECT_EQ(to_string(payer_level::society), "society");
    EXPECT_EQ(to_string(cost_nature::resource), "resource");
    EXPECT_EQ(to_string(cost_nature::transfer), "transfer");
}
