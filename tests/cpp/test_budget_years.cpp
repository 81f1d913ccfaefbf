// Tests for socinv/application/budget_years.hpp: an application's money by budget year.
#include <gtest/gtest.h>

#include <numeric>

#include "socinv/application/budget_years.hpp"
#include "test_helpers.hpp"

using namespace socinv;

TEST(BudgetYears, FromTheBudgetLinesSummedByYear) {
    const application app = socinv::testing::example("aktiv-24.json");
    ASSERT_FALSE(app.budget.empty());
    const auto years = money_by_budget_year(app);
    ASSERT_EQ(years.size(), 2u);  // 2008-11-03 .. 2009-04-30
    EXPECT_EQ(years[0].year, 2008);
    EXPECT_EQ(years[0].days, 59);
    EXPECT_EQ(years[0].amount, money::from_sek(71'374));
    EXPECT_EQ(years[1].days, 120);
    EXPECT_EQ(years[1].amount, money::from_sek(145'166));
    money sum;
    for (const auto& y : years) {
        EXPECT_TRUE(y.from_budget);
        sum += y.amount;
    }
    money budget;
    for (const auto& line : app.budget) budget += line.amount;
    EXPECT_EQ(sum, budget);
}

TEST(BudgetYears, WithoutABudgetTheRequestIsSpreadByDaysAndAddsUpExactly) {
    application app = socinv::testing::with_parties(
        {{{"name", "Socialförvaltningen"}, {"kind", "municipal_administration"}, {"role", "lead"}}}, "2015-07-01",
        "2017-06-30");
    app.requested = money::from_ore(100'000'001);  // an öre that must land somewhere
    const auto years = money_by_budget_year(app);
    ASSERT_EQ(years.size(), 3u);
    EXPECT_EQ(years[0].days, 184);  // 1 July - 31 December 2015
    EXPECT_EQ(years[1].days, 366);  // 2016 is a leap year
    EXPECT_EQ(years[2].days, 181);
    money sum;
    for (const auto& y : years) {
        EXPECT_FALSE(y.from_budget);
        sum += y.amount;
    }
    EXPECT_EQ(sum, app.requested);
    // In proportion to the days, to the öre.
    EXPECT_LE(std::llabs(years[1].amount.ore() - 100'000'001LL * 366 / 731), 1);
}
