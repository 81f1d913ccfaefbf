#pragma once
// Cost-model results, simulations and tornados as JSON, written without building a document
// (keys in sorted order, as nlohmann writes them); to_json gives the same as a document.

#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/economics/cost_model.hpp"
#include "socinv/economics/monte_carlo.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/json_writer.hpp"

namespace socinv {

// JSON has no infinity or NaN: a ratio or break-even that cannot be reached is null. Without
// `by_year`, the summary that assessments carry.
inline void write_json(io::json_writer& w, const economic_result& e, bool with_by_year = true) {
    w.begin_object()
        .member("benefit_cost_ratio", e.benefit_cost_ratio)
        .member("break_even_success_rate", e.break_even_success_rate)
        .member("break_even_successes", e.break_even_successes);
    w.key("by_payer").begin_array();
    for (const auto& p : e.by_payer)
        w.begin_object()
            .member("level", p.level)
            .member("net", p.net())
            .member("payer", p.payer)
            .member("pv_costs_paid", p.pv_costs_paid)
            .member("pv_savings", p.pv_savings)
            .end_object();
    w.end_array();
    if (with_by_year) {
        w.key("by_year").begin_array();
        for (std::size_t t = 0; t < e.years.size(); ++t) {
            w.begin_object().member("costs", e.costs[t]).member("discount_factor", e.discount_factors[t]);
            w.member("savings", e.savings[t]).key("savings_by_payer").begin_object();
            for (const auto& [payer, row] : e.savings_by_payer) w.member(payer, row[t]);
            w.end_object().member("year", e.years[t]).end_object();
        }
        w.end_array();
    }
    w.member("expected_successes", e.expected_successes)
        .member("npv", e.npv)
        .member("participants", e.participants)
        .member("payback_year", e.payback_year)
        .member("pv_costs", e.pv_costs)
        .member("pv_savings", e.pv_savings)
        .member("sroi_ratio", e.sroi_ratio)
        .member("value_per_success", e.value_per_success)
        .member("view", to_string(e.view))
        .end_object();
}

inline void write_json(io::json_writer& w, const simulation_result& s, bool with_draws = false) {
    w.begin_object().member("draws", s.draws).member("mean_npv", s.mean_npv);
    if (with_draws) w.key("npv").values(s.npv);
    w.key("npv_percentiles")
        .begin_object()
        .member("p10", s.npv_percentile(0.10))
        .member("p5", s.npv_percentile(0.05))
        .member("p50", s.npv_percentile(0.50))
        .member("p90", s.npv_percentile(0.90))
        .member("p95", s.npv_percentile(0.95))
        .end_object();
    w.member("probability_break_even", s.probability_break_even).member("seed", s.seed).end_object();
}

inline void write_json(io::json_writer& w, const std::vector<sensitivity_bar>& bars) {
    w.begin_array();
    for (const auto& b : bars)
        w.begin_object()
            .member("high_value", b.high_value)
            .member("input", b.input)
            .member("low_value", b.low_value)
            .member("npv_at_high", b.npv_at_high)
            .member("npv_at_low", b.npv_at_low)
            .member("swing", b.swing())
            .end_object();
    w.end_array();
}

inline io::json to_json(const economic_result& e) { return io::json::parse(io::json_text(e)); }
inline io::json to_json(const simulation_result& s, bool with_draws = false) {
    return io::json::parse(io::json_text(s, with_draws));
}
inline io::json to_json(const std::vector<sensitivity_bar>& bars) { return io::json::parse(io::json_text(bars)); }

}  // namespace socinv
