// Tests for socinv/transfer/fund_simulation.hpp: balances, returns and paid-back shares under each return rule.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "socinv/transfer/fund_simulation.hpp"

using namespace socinv;

namespace {

// One investment, everything fixed: 10 participants start in 2020, half succeed, each success
// saves payer "A" 100 000 SEK a year for two years from 2021 (start lag 1). Savings in 2021 and
// 2022 of 500 000 each come back a year later, in 2022 and 2023. Paid out: 500 000 in 2020 and
// 300 000 in 2022, of 800 000 granted.
portfolio_item fixed_item() {
    portfolio_item item;
    item.id = "one";
    item.invested = 800'000;
    item.payments = {{2020, 500'000}, {2022, 300'000}};
    cost_model& m = item.model;
    m.base_year = 2020;
    m.cohorts = {{2020, 10}};
    m.success_rate = distribution::fixed(0.5);
    m.effect_years = distribution::fixed(2);
    m.start_lag_years = 1;
    m.exclusion.items = {{"cost", "A", payer_level::municipality, cost_nature::resource, distribution::fixed(100'000), ""}};
    item.agreement.first_year = 2020;
    item.agreement.last_year = 2030;
    item.agreement.lag_years = 1;
    return item;
}

fund_simulation_options fixed_options() {
    fund_simulation_options o;
    o.start_year = 2020;
    o.horizon_years = 5;
    o.capital = 1'000'000;
    o.min_grant = 300'000;
    o.draws = 7;
    o.threads = 1;
    return o;
}

const rule_outcome& outcome(const fund_simulation_result& r, const std::string& rule) {
    for (const auto& o : r.outcomes)
        if (o.rule == rule) return o;
    throw std::logic_error("no rule " + rule);
}

}  // namespace

TEST(FundSimulation, HandComputedBalancesUnderEveryRule) {
    const auto r = simulate_fund({fixed_item()}, fixed_options());
    EXPECT_EQ(r.draws, 7u);
    EXPECT_EQ(r.min_grant, 300'000);
    ASSERT_EQ(r.investments, std::vector<std::string>{"one"});
    ASSERT_EQ(r.outcomes.size(), 5u);
    struct expected {
        std::string rule;
        std::vector<double> balance;
        double returns;
        double paid_back;
    };
    for (const auto& e : std::vector<expected>{
             {"agreement", {500'000, 500'000, 700'000, 1'200'000, 1'200'000}, 1'000'000, 1},
             {"100 %", {500'000, 500'000, 700'000, 1'200'000, 1'200'000}, 1'000'000, 1},
             {"50 %", {500'000, 500'000, 450'000, 700'000, 700'000}, 500'000, 0},
             // 500 000 back in 2022, then the 300 000 left to the cap of 800 000 in 2023.
             {"capped at investment", {500'000, 500'000, 700'000, 1'000'000, 1'000'000}, 800'000, 1},
             {"no return", {500'000, 500'000, 200'000, 200'000, 200'000}, 0, 0}}) {
        const auto& o = outcome(r, e.rule);
        EXPECT_EQ(o.years, (std::vector<int>{2020, 2021, 2022, 2023, 2024})) << e.rule;
        ASSERT_EQ(o.balance_mean.size(), 5u);
        for (std::size_t t = 0; t < 5; ++t) {
            EXPECT_NEAR(o.balance_mean[t], e.balance[t], 0.05) << e.rule << " " << t;
            for (int q : {5, 25, 50, 75, 95}) EXPECT_NEAR(o.balance_percentiles.at(q)[t], e.balance[t], 0.05) << e.rule;
        }
        EXPECT_NEAR(o.mean_total_returns, e.returns, 1e-6) << e.rule;
        EXPECT_NEAR(o.mean_end_balance, e.balance.back(), 0.05) << e.rule;
        ASSERT_EQ(o.probability_paid_back.size(), 1u);
        EXPECT_EQ(o.probability_paid_back[0], e.paid_back) << e.rule;
        if (e.returns > 0) {
            EXPECT_NEAR(o.expected_reductions.at("A"), e.returns, 1e-6) << e.rule;
            ASSERT_EQ(o.expected_reductions_by_year.at("A").size(), 5u);
            EXPECT_EQ(o.expected_reductions_by_year.at("A")[0], 0.0);
            EXPECT_EQ(o.expected_reductions_by_year.at("A")[1], 0.0);
            EXPECT_EQ(o.expected_reductions_by_year.at("A")[4], 0.0);
        } else {
            EXPECT_TRUE(o.expected_reductions.empty()) << e.rule;
        }
    }
    // Only with no return does the balance fall below 300 000, in 2022 (year 2 of the horizon).
    EXPECT_EQ(outcome(r, "no return").probability_exhausted, 1.0);
    EXPECT_EQ(outcome(r, "no return").median_years_to_exhaustion, 2.0);
    EXPECT_EQ(outcome(r, "agreement").probability_exhausted, 0.0);
    EXPECT_FALSE(outcome(r, "agreement").median_years_to_exhaustion);
}

TEST(FundSimulation, AgreementTermsShareCapMinimumAndYears) {
    auto item = fixed_item();
    item.agreement.share_ppm = 400'000;  // 40 %: 200 000 a year
    auto o = fixed_options();
    o.rules = {{"agreement", true, 1.0, false}};
    EXPECT_NEAR(simulate_fund({item}, o).outcomes[0].mean_total_returns, 400'000, 1e-6);
    item.agreement.cap = {cap_kind::amount, money::from_ore(25'000'000)};  // 250 000 SEK
    EXPECT_NEAR(simulate_fund({item}, o).outcomes[0].mean_total_returns, 250'000, 1e-6);
    item.agreement.cap = {};
    item.agreement.minimum = money::from_ore(20'000'001);  // reductions below 200 000,01 SEK are not taken
    EXPECT_EQ(simulate_fund({item}, o).outcomes[0].mean_total_returns, 0.0);
    item.agreement.minimum = {};
    item.agreement.last_year = 2022;  // returns taken in 2022 only
    const auto last = simulate_fund({item}, o).outcomes[0];
    EXPECT_NEAR(last.mean_total_returns, 200'000, 1e-6);
    EXPECT_NEAR(last.expected_reductions_by_year.at("A")[2], 200'000, 1e-6);
    EXPECT_EQ(last.expected_reductions_by_year.at("A")[3], 0.0);
    item.agreement.last_year = 2030;
    item.agreement.payers = {"B"};  // an agreement with another payer takes nothing from A
    EXPECT_EQ(simulate_fund({item}, o).outcomes[0].mean_total_returns, 0.0);
}

TEST(FundSimulation, TheSameDrawsOnAnyNumberOfThreads) {
    auto item = fixed_item();
    item.model.success_rate = distribution::triangular(0.1, 0.4, 0.8);
    auto o = fixed_options();
    o.draws = 1000;
    o.threads = 1;
    const auto one = simulate_fund({item, item}, o);
    o.threads = 2;
    const auto two = simulate_fund({item, item}, o);
    for (std::size_t r = 0; r < one.outcomes.size(); ++r) {
        EXPECT_EQ(one.outcomes[r].balance_mean, two.outcomes[r].balance_mean);
        EXPECT_EQ(one.outcomes[r].balance_percentiles, two.outcomes[r].balance_percentiles);
        EXPECT_EQ(one.outcomes[r].mean_total_returns, two.outcomes[r].mean_total_returns);
        EXPECT_EQ(one.outcomes[r].probability_paid_back, two.outcomes[r].probability_paid_back);
    }
    // An uncertain success rate spreads the balances: the percentiles rise and differ.
    const auto& p = one.outcomes[0].balance_percentiles;
    EXPECT_LT(p.at(5)[4], p.at(50)[4]);
    EXPECT_LT(p.at(50)[4], p.at(95)[4]);
    // Mean returns: 2 investments × 2 years × 10 × 100 000 × E[success] (0.4333…).
    EXPECT_NEAR(one.outcomes[1].mean_total_returns, 4e6 * (0.1 + 0.4 + 0.8) / 3, 4e6 * 0.02);
    o.seed = 2;
    EXPECT_NE(simulate_fund({item, item}, o).outcomes[1].mean_total_returns, one.outcomes[1].mean_total_returns);
}

TEST(FundSimulation, DefaultMinGrantIsTheSmallestInvestment) {
    auto small = fixed_item();
    small.invested = 250'000;
    auto o = fixed_options();
    o.min_grant = 0;
    EXPECT_EQ(simulate_fund({fixed_item(), small}, o).min_grant, 250'000);
    EXPECT_EQ(simulate_fund({}, o).min_grant, 0);
}

TEST(FundSimulation, BadOptionsAreRefused) {
    auto o = fixed_options();
    o.draws = 0;
    try {
        simulate_fund({fixed_item()}, o);
        ADD_FAILURE() << "draws 0 accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "simulate_fund: draws must be at least 1");
    }
    o = fixed_options();
    o.horizon_years = 0;
    try {
        simulate_fund({fixed_item()}, o);
        ADD_FAILURE() << "horizon 0 accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "simulate_fund: horizon_years must be at least 1");
    }
}

// Draws made in consecutive ranges (as socinv.dask makes them) and merged give the one run's
// summary value for value, and the ranges hold exactly the one run's balances.
TEST(FundSimulation, RangesOfDrawsMergeIntoTheWholeRun) {
    auto item = fixed_item();
    item.model.success_rate = distribution::triangular(0.1, 0.4, 0.8);
    const std::vector<portfolio_item> portfolio{item, item};
    auto o = fixed_options();
    o.draws = 1300;
    const auto whole = draw_fund(portfolio, o);
    std::vector<fund_draws> parts;
    for (const auto& [first, count] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 512}, {512, 256}, {768, 532}}) {
        auto part = o;
        part.first_draw = first;
        part.draws = count;
        part.threads = 1;
        parts.push_back(draw_fund(portfolio, part));
    }
    const auto merged = merge_fund_draws(parts);
    EXPECT_EQ(merged.draws, 1300u);
    EXPECT_EQ(merged.balances, whole.balances);
    EXPECT_EQ(merged.exhausted_after, whole.exhausted_after);
    const auto a = summarize_fund(portfolio, o, merged), b = simulate_fund(portfolio, o);
    for (std::size_t r = 0; r < a.outcomes.size(); ++r) {
        EXPECT_EQ(a.outcomes[r].balance_mean, b.outcomes[r].balance_mean);
        EXPECT_EQ(a.outcomes[r].balance_percentiles, b.outcomes[r].balance_percentiles);
        EXPECT_EQ(a.outcomes[r].mean_total_returns, b.outcomes[r].mean_total_returns);  // the same sums, digit for digit
        EXPECT_EQ(a.outcomes[r].expected_reductions_by_year, b.outcomes[r].expected_reductions_by_year);
        EXPECT_EQ(a.outcomes[r].probability_paid_back, b.outcomes[r].probability_paid_back);
    }
    // A range that does not end on a block boundary can only come last; gaps are refused.
    std::swap(parts[1], parts[2]);
    EXPECT_THROW(merge_fund_draws(parts), std::invalid_argument);
    std::swap(parts[1], parts[2]);
    parts.erase(parts.begin() + 1);
    EXPECT_THROW(merge_fund_draws(parts), std::invalid_argument);
}
