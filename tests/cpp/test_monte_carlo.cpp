#include <gtest/gtest.h>

#include "socinv/economics/monte_carlo.hpp"

using namespace socinv;

namespace {
cost_model uncertain_model() {
    cost_model m;
    m.base_year = 2020;
    m.horizon_years = 10;
    m.discount = discount_schedule::constant(0.0);
    m.view = economic_view::municipality;
    m.intervention_costs = {{2020, 1'000'000}};
    m.cohorts = {{2020, 10}};
    m.exclusion.items = {{"assistance", "municipality", payer_level::municipality, cost_nature::transfer,
                          distribution::fixed(100'000), ""}};
    m.effect_years = distribution::fixed(4);
    m.success_rate = distribution::uniform(0, 1);
    return m;
}
}  // namespace

TEST(MonteCarlo, SameSeedSameDrawsOnAnyNumberOfThreads) {
    const auto m = uncertain_model();
    const auto one = simulate(m, {5000, 7, 1});
    const auto two = simulate(m, {5000, 7, 2});
    const auto four = simulate(m, {5000, 7, 4});
    EXPECT_EQ(one.npv, two.npv);
    EXPECT_EQ(one.npv, four.npv);
    EXPECT_NE(one.npv, simulate(m, {5000, 8, 2}).npv);
}

TEST(MonteCarlo, ProbabilityOfBreakingEvenMatchesTheAnalyticAnswer) {
    // NPV = 10 × s × 100 000 × 4 − 1 000 000 ≥ 0 exactly when s ≥ 0.25: P = 0.75 for s ~ U(0, 1).
    const auto r = simulate(uncertain_model(), {200'000, 1, 0});
    EXPECT_NEAR(r.probability_break_even, 0.75, 0.005);
    EXPECT_NEAR(r.mean_npv, 1'000'000, 10'000);  // at s = 0.5: 2 MSEK saved − 1 MSEK
    EXPECT_NEAR(r.npv_percentile(0.5), 1'000'000, 20'000);
    EXPECT_LE(r.npv_percentile(0.1), r.npv_percentile(0.9));
}

TEST(MonteCarlo, TornadoRanksTheWidestInputFirst) {
    auto m = uncertain_model();
    m.cost_factor = distribution::triangular(0.95, 1.0, 1.05);
    const auto bars = tornado(m);
    ASSERT_EQ(bars.size(), 2u);
    EXPECT_EQ(bars[0].input, "success_rate");
    EXPECT_NEAR(bars[0].npv_at_low, 10 * 0.1 * 400'000 - 1e6, 1e-6);
    EXPECT_NEAR(bars[0].npv_at_high, 10 * 0.9 * 400'000 - 1e6, 1e-6);
    EXPECT_EQ(bars[1].input, "cost_factor");
}

TEST(MonteCarlo, FixedInputsGiveOneValue) {
    auto m = uncertain_model();
    m.success_rate = distribution::fixed(0.5);
    const auto r = simulate(m, {100, 3, 0});
    for (double x : r.npv) EXPECT_DOUBLE_EQ(x, r.npv[0]);
    EXPECT_NEAR(r.npv[0], evaluate(m).npv, 1e-6);
    EXPECT_TRUE(tornado(m).empty());
}

// Runs over consecutive ranges of draws (as socinv.dask makes them) merge into the one run:
// the same draws and the same mean, digit for digit, for ranges of any length.
TEST(MonteCarlo, RangesOfDrawsMergeIntoTheWholeRun) {
    const auto m = uncertain_model();
    const auto whole = simulate(m, {5000, 7, 2});
    std::vector<simulation_result> parts;
    for (const auto& [first, count] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {1, 1500}, {1501, 3499}}) {
        simulation_options o{count, 7, 1};
        o.first_draw = first;
        parts.push_back(simulate(m, o));
        EXPECT_EQ(parts.back().first_draw, first);
    }
    EXPECT_EQ(parts[1].npv[0], whole.npv[1]);
    const auto merged = merge_simulations(parts);
    EXPECT_EQ(merged.draws, 5000u);
    EXPECT_EQ(merged.npv, whole.npv);
    EXPECT_EQ(merged.pv_costs, whole.pv_costs);
    EXPECT_EQ(merged.mean_npv, whole.mean_npv);
    EXPECT_EQ(merged.probability_break_even, whole.probability_break_even);
    std::swap(parts[0], parts[1]);
    EXPECT_THROW(merge_simulations(parts), std::invalid_argument);
    parts[0] = simulate(m, {1, 8, 1});
    EXPECT_THROW(merge_simulations(parts), std::invalid_argument);
}
