#include <gtest/gtest.h>

#include "socinv/economics/cost_model.hpp"
#include "socinv/io/economics_json.hpp"
#include "socinv/rules/assessment.hpp"
#include "socinv/rules/builtin_rule_sets.hpp"
#include "test_helpers.hpp"

using namespace socinv;

namespace {

// A model small enough to compute by hand: 1 MSEK in 2020, ten participants starting in 2020,
// half succeed, 100 000 kr a year saved per success for two years from 2021, half of it lost
// to drop-off in the second year, discounted at 10 %.
cost_model hand_model() {
    cost_model m;
    m.base_year = 2020;
    m.horizon_years = 5;
    m.discount = discount_schedule::constant(0.10);
    m.view = economic_view::municipality;
    m.intervention_costs = {{2020, 1'000'000}};
    m.cost_payers = {{"fund", 1.0}};
    m.cohorts = {{2020, 10}};
    m.exclusion.items = {{"assistance", "Socialförvaltningen", payer_level::municipality, cost_nature::transfer,
                          distribution::fixed(100'000), ""},
                         {"lost production", "society", payer_level::society, cost_nature::resource,
                          distribution::fixed(200'000), ""}};
    m.success_rate = distribution::fixed(0.5);
    m.drop_off = distribution::fixed(0.5);
    m.effect_years = distribution::fixed(2);
    m.start_lag_years = 1;
    return m;
}

}  // namespace

TEST(CostModel, HandComputedPresentValues) {
    const auto r = evaluate(hand_model());
    // 5 successes × 100 000 in 2021 (÷1.1) and × 50 000 in 2022 (÷1.21).
    const double pv_savings = 500'000 / 1.1 + 250'000 / 1.21;
    EXPECT_NEAR(r.pv_savings, pv_savings, 1e-6);
    EXPECT_NEAR(r.pv_costs, 1'000'000, 1e-9);
    EXPECT_NEAR(r.npv, pv_savings - 1'000'000, 1e-6);
    EXPECT_NEAR(r.benefit_cost_ratio, pv_savings / 1e6, 1e-12);
    EXPECT_NEAR(r.value_per_success, pv_savings / 5, 1e-6);
    EXPECT_NEAR(r.break_even_successes, 1e6 / (pv_savings / 5), 1e-9);
    EXPECT_NEAR(r.break_even_success_rate, 1e6 / (pv_savings / 5) / 10, 1e-12);
    EXPECT_FALSE(r.payback_year);
    // Society's view: only the real resource (lost production), twice the amount.
    EXPECT_NEAR(r.sroi_ratio, 2 * pv_savings / 1e6, 1e-9);
    ASSERT_EQ(r.years.size(), 5u);
    EXPECT_DOUBLE_EQ(r.savings_by_payer.at("Socialförvaltningen")[1], 500'000);
    EXPECT_DOUBLE_EQ(r.savings_by_payer.at("society")[2], 500'000);
}

TEST(CostModel, ViewsCountTheRightItems) {
    auto m = hand_model();
    m.view = economic_view::society;
    const double society = evaluate(m).pv_savings;
    m.view = economic_view::public_sector;
    const double public_sector = evaluate(m).pv_savings;
    m.view = economic_view::municipality;
    const double municipality = evaluate(m).pv_savings;
    EXPECT_NEAR(society, 2 * municipality, 1e-6);  // lost production 200k, a resource
    EXPECT_NEAR(public_sector, municipality, 1e-6);  // the transfer counts for the public sector
}

TEST(CostModel, SroiAdjustmentsMultiply) {
    auto m = hand_model();
    const double base = evaluate(m).pv_savings;
    m.deadweight = distribution::fixed(0.2);
    m.attribution = distribution::fixed(0.25);
    m.displacement = distribution::fixed(0.1);
    EXPECT_NEAR(evaluate(m).pv_savings, base * 0.8 * 0.75 * 0.9, 1e-6);
}

TEST(CostModel, PaybackYearAndFractionalEffectYears) {
    auto m = hand_model();
    m.success_rate = distribution::fixed(1.0);
    m.drop_off = distribution::fixed(0.0);
    m.effect_years = distribution::fixed(2.5);
    const auto r = evaluate(m);
    // 1 000 000 a year from 2021 (10 successes × 100 000): cumulative discounted net passes 0 in 2022.
    EXPECT_EQ(r.payback_year, 2022);
    EXPECT_DOUBLE_EQ(r.savings[3], 500'000);  // half of 2023
}

TEST(CostModel, NpvFallsAsTheDiscountRateRises) {
    auto m = hand_model();
    double previous = INFINITY;
    for (double rate : {0.0, 0.02, 0.04, 0.08, 0.16}) {
        m.discount = discount_schedule::constant(rate);
        const double npv = evaluate(m).npv;
        EXPECT_LT(npv, previous);
        previous = npv;
    }
}

TEST(CostModel, DefaultExclusionCostsMatchTheSources) {
    const auto p = default_exclusion_costs();
    const double lifetime = p.lifetime_cost();
    EXPECT_GE(lifetime, 10e6);  // the sources: 10-20 MSEK from 20 to retirement
    EXPECT_LE(lifetime, 20e6);
    EXPECT_NEAR(lifetime, 15e6, 0.1e6);
    // Society's view leaves the social-assistance transfer out.
    EXPECT_LT(p.lifetime_cost(true), lifetime);
}

TEST(CostModel, FromTheSotApplication) {
    const auto app = socinv::testing::example("sot.json");
    const auto m = cost_model_from(app);
    EXPECT_EQ(m.base_year, 2014);
    ASSERT_EQ(m.cohorts.size(), 3u);  // 36 months: three project years of 10 places
    EXPECT_DOUBLE_EQ(m.cohorts[2].participants, 10);
    double costs = 0;
    for (const auto& c : m.intervention_costs) costs += c.amount;
    EXPECT_NEAR(costs, 4'100'000, 1e-6);
    const auto a = assess(app, default_rule_set());
    ASSERT_TRUE(a.economics);
    EXPECT_NEAR(a.economics->participants, 30, 1e-12);
}

TEST(CostModel, EconomicsErrorsNameThePointer) {
    auto j = to_json(socinv::testing::example("sot.json"));
    j["economics"]["success_rate"] = 1.5;
    try {
        application_from_json(j);
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/economics/success_rate");
    }
    j["economics"]["success_rate"] = {{"dist", "triangular"}, {"low", 0.5}, {"mode", 0.1}, {"high", 0.9}};
    try {
        application_from_json(j);
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/economics/success_rate");
        EXPECT_NE(e.message().find("low <= mode <= high"), std::string::npos);
    }
    j["economics"]["success_rate"] = {{"dist", "beta"}};
    try {
        application_from_json(j);
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/economics/success_rate/dist");
    }
}

TEST(CostModel, ReducedResourceNeedsComesFromTheModel) {
    auto j = to_json(socinv::testing::example("sot.json"));
    j["economics"]["success_rate"] = 0.0;
    const auto none = assess(application_from_json(j), default_rule_set());
    for (const auto& item : none.checklist) {
        if (item.criterion != criterion::reduced_future_resource_needs) continue;
        EXPECT_EQ(item.verdict, verdict::not_met);
    }
    j["economics"]["success_rate"] = 0.9;
    const auto lots = assess(application_from_json(j), default_rule_set());
    for (const auto& item : lots.checklist) {
        if (item.criterion != criterion::reduced_future_resource_needs) continue;
        EXPECT_EQ(item.verdict, verdict::met);
        EXPECT_EQ(item.decided_by, decided_by::data);
    }
}
