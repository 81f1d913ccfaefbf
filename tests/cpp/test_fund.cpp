// Tests for socinv/application/fund.hpp: an application as an investment of the fund, and the
// simulation's years against the portfolio's.
#include <gtest/gtest.h>

#include <cmath>

#include "expect_input_error.hpp"
#include "socinv/application/fund.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using socinv::testing::expect_input_error;

TEST(Fund, AnInvestmentPaysTheGrantByBudgetYearInProportionToTheCost) {
    const application app = socinv::testing::example("sot.json");
    const portfolio_item item = portfolio_item_from(app, true, "/portfolio/0");
    EXPECT_EQ(item.id, app.id);
    EXPECT_TRUE(item.granted);
    EXPECT_EQ(item.invested, invested_amount(app).sek());
    const auto years = money_by_budget_year(app);
    ASSERT_EQ(item.payments.size(), years.size());
    double paid = 0;
    money cost;
    for (const auto& y : years) cost += y.amount;
    for (std::size_t i = 0; i < years.size(); ++i) {
        EXPECT_EQ(item.payments[i].year, years[i].year);
        paid += item.payments[i].amount;
        // Each year's share of the grant follows its share of the cost, to the öre.
        EXPECT_NEAR(item.payments[i].amount, item.invested * (years[i].amount.sek() / cost.sek()), 0.01);
    }
    EXPECT_NEAR(paid, item.invested, 1e-6);  // the parts add up to the whole
    EXPECT_EQ(item.agreement, agreement_from(app));
    EXPECT_DOUBLE_EQ(evaluate(item.model).npv, evaluate(cost_model_from(app)).npv);
}

TEST(Fund, AnInvestmentNeedsACostModelAndAnAgreement) {
    application app = socinv::testing::example("sot.json");
    app.return_transfer.reset();
    expect_input_error([&] { portfolio_item_from(app, false, "/portfolio/3"); }, "/portfolio/3", "\"" + app.id + "\"",
                       app.id + " has no return-transfer agreement");
    app.economics.reset();
    expect_input_error([&] { portfolio_item_from(app, false, "/portfolio/3"); }, "/portfolio/3", "\"" + app.id + "\"",
                       app.id + " has no cost model (an \"economics\" section) to simulate");
}

TEST(Fund, TheSimulationsYearsMustMeetThePortfolios) {
    fund_simulation_options sim;
    sim.start_year = 2030;
    sim.horizon_years = 5;
    expect_input_error([&] { check_simulation_years(sim, 2014, 2017, "/simulation/start_year"); }, "/simulation/start_year",
                       "2030",
                       "the simulation's years 2030-2034 lie outside every investment of the portfolio (its budget years "
                       "are 2014-2017)");
    sim.start_year = 2010;  // 2010-2014 reaches the first year
    EXPECT_NO_THROW(check_simulation_years(sim, 2014, 2017, "/simulation/start_year"));
    sim.start_year = 2009;
    EXPECT_THROW(check_simulation_years(sim, 2014, 2017, "/simulation/start_year"), input_error);
}

TEST(Fund, ThePortfolioInFileOrder) {
    fund_file fund;
    fund.applications = {socinv::testing::example("sot.json"), socinv::testing::example("varberga-oxhagen.json")};
    fund.granted = {true, false};
    const auto items = portfolio_of(fund);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].id, fund.applications[0].id);
    EXPECT_FALSE(items[1].granted);
}
