#pragma once
// Cost-model results, simulations and tornados as JSON.

#include <cmath>

#include <nlohmann/json.hpp>

#include "socinv/economics/cost_model.hpp"
#include "socinv/economics/monte_carlo.hpp"
#include "socinv/io/json_reader.hpp"

namespace socinv {

namespace detail {
// JSON has no infinity or NaN: a break-even that cannot be reached is null.
inline io::json finite_or_null(double x) { return std::isfinite(x) ? io::json(x) : io::json(nullptr); }
}  // namespace detail

inline io::json to_json(const economic_result& e) {
    using io::json;
    json payers = json::array();
    for (const auto& p : e.by_payer)
        payers.push_back({{"payer", p.payer}, {"level", p.level}, {"pv_costs_paid", p.pv_costs_paid},
                          {"pv_savings", p.pv_savings}, {"net", p.net()}});
    json by_year = json::array();
    for (std::size_t t = 0; t < e.years.size(); ++t) {
        json savings = json::object();
        for (const auto& [payer, row] : e.savings_by_payer) savings[payer] = row[t];
        by_year.push_back({{"year", e.years[t]}, {"discount_factor", e.discount_factors[t]}, {"costs", e.costs[t]},
                           {"savings", e.savings[t]}, {"savings_by_payer", savings}});
    }
    return {{"view", to_string(e.view)},
            {"pv_costs", e.pv_costs},
            {"pv_savings", e.pv_savings},
            {"npv", e.npv},
            {"benefit_cost_ratio", detail::finite_or_null(e.benefit_cost_ratio)},
            {"sroi_ratio", detail::finite_or_null(e.sroi_ratio)},
            {"payback_year", e.payback_year ? json(*e.payback_year) : json(nullptr)},
            {"participants", e.participants},
            {"expected_successes", e.expected_successes},
            {"value_per_success", e.value_per_success},
            {"break_even_successes", detail::finite_or_null(e.break_even_successes)},
            {"break_even_success_rate", detail::finite_or_null(e.break_even_success_rate)},
            {"by_payer", payers},
            {"by_year", by_year}};
}

inline io::json to_json(const simulation_result& s, bool with_draws = false) {
    io::json j = {{"draws", s.draws},
                  {"seed", s.seed},
                  {"mean_npv", s.mean_npv},
                  {"probability_break_even", s.probability_break_even},
                  {"npv_percentiles",
                   {{"p5", s.npv_percentile(0.05)},
                    {"p10", s.npv_percentile(0.10)},
                    {"p50", s.npv_percentile(0.50)},
                    {"p90", s.npv_percentile(0.90)},
                    {"p95", s.npv_percentile(0.95)}}}};
    if (with_draws) j["npv"] = s.npv;
    return j;
}

inline io::json to_json(const std::vector<sensitivity_bar>& bars) {
    io::json out = io::json::array();
    for (const auto& b : bars)
        out.push_back({{"input", b.input}, {"low_value", b.low_value}, {"high_value", b.high_value},
                       {"npv_at_low", b.npv_at_low}, {"npv_at_high", b.npv_at_high}, {"swing", b.swing()}});
    return out;
}

}  // namespace socinv
