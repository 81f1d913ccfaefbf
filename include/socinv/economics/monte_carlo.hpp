#pragma once
// Monte Carlo over a cost model's uncertain inputs: reproducible for a seed on any number of threads.

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "socinv/detail/default_init_allocator.hpp"
#include "socinv/detail/parallel.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/economics/percentile.hpp"
#include "socinv/economics/sampler.hpp"

namespace socinv {

// The most draws a run may ask for: a run keeps three doubles per draw (NPV and the present
// values of costs and savings), so 10^8 draws already take 2.4 GB. `socinv simulate --draws`
// is checked against it and its help shows it.
inline constexpr std::size_t max_simulation_draws = 100'000'000;

struct simulation_options {
    std::size_t draws = 10'000;
    std::uint64_t seed = 1;
    std::size_t threads = 0;  // 0: all cores
};

struct simulation_result {
    std::size_t draws = 0;
    std::uint64_t seed = 0;
    using per_draw = std::vector<double, detail::default_init_allocator<double>>;
    per_draw npv;  // per draw, in the model's view
    per_draw pv_costs;
    per_draw pv_savings;
    double mean_npv = 0;
    double probability_break_even = 0;  // share of draws with NPV >= 0

    // The p-quantile (p in 0..1, clamped) of the NPV, as socinv::quantile defines it (linear
    // interpolation between order statistics, numpy's default).
    double npv_percentile(double p) const {
        return quantile(std::span<const double>(npv.data(), npv.size()), std::clamp(p, 0.0, 1.0));
    }
};

// Draw i takes its inputs, in the order of uncertain_inputs, from its own stream seeded by
// (seed, i): the same seed gives the same draws whatever the thread count.
inline simulation_result simulate(const cost_model& m, const simulation_options& options = {}) {
    if (options.draws == 0) throw std::invalid_argument("simulate: draws must be at least 1");
    const auto inputs = uncertain_inputs(m);
    // Only the uncertain inputs are drawn; a fixed one keeps its value in every draw.
    std::vector<std::pair<std::size_t, sampler>> drawn;
    std::vector<double> fixed(inputs.size());
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        fixed[k] = inputs[k].dist->mean();
        if (!inputs[k].dist->is_fixed()) drawn.emplace_back(k, sampler(*inputs[k].dist));
    }
    const present_value_kernel kernel(m);
    simulation_result r;
    r.draws = options.draws;
    r.seed = options.seed;
    r.npv.resize(options.draws);
    r.pv_costs.resize(options.draws);
    r.pv_savings.resize(options.draws);
    const std::size_t threads = options.threads == 0 ? detail::worker_count() : options.threads;
    // A task takes a block of draws; within it, lanes of draws are drawn input by input (one
    // stream per draw, so each draw gets the values it would get alone) and then evaluated.
    constexpr std::size_t block = 1024, lane = 64;
    const std::size_t blocks = (options.draws + block - 1) / block;
    // Each block's NPV sum and break-even count, added up in block order afterwards: the same
    // digits whatever the thread count, and the NPVs are summed while still in cache.
    std::vector<double> block_sum(blocks);
    std::vector<std::size_t> block_breaks_even(blocks);
    detail::parallel_for(
        blocks,
        [&](std::size_t b) {
            std::vector<draw_stream> streams;
            streams.reserve(lane);
            // A lane of values per input: drawn ones are filled per lane, fixed ones once.
            std::vector<double> lanes(inputs.size() * lane);
            std::vector<const double*> lane_of(inputs.size());
            for (std::size_t k = 0; k < inputs.size(); ++k) {
                std::fill_n(&lanes[k * lane], lane, fixed[k]);
                lane_of[k] = &lanes[k * lane];
            }
            const std::size_t end = std::min(options.draws, (b + 1) * block);
            for (std::size_t first = b * block; first < end; first += lane) {
                const std::size_t n = std::min(lane, end - first);
                streams.clear();
                for (std::size_t j = 0; j < n; ++j) streams.emplace_back(options.seed, first + j);
                for (const auto& [k, draw] : drawn) draw.fill(streams.data(), n, &lanes[k * lane]);
                kernel.evaluate(lane_of.data(), n, &r.pv_costs[first], &r.pv_savings[first]);
                for (std::size_t j = first; j < first + n; ++j) r.npv[j] = r.pv_savings[j] - r.pv_costs[j];
            }
            double npv_sum = 0;
            std::size_t breaking_even = 0;
            for (std::size_t j = b * block; j < end; ++j) {
                npv_sum += r.npv[j];
                breaking_even += r.npv[j] >= 0;
            }
            block_sum[b] = npv_sum;
            block_breaks_even[b] = breaking_even;
        },
        threads, 1);
    double sum = 0;
    std::size_t breaks_even = 0;
    for (std::size_t b = 0; b < blocks; ++b) {
        sum += block_sum[b];
        breaks_even += block_breaks_even[b];
    }
    r.mean_npv = sum / static_cast<double>(r.npv.size());
    r.probability_break_even = static_cast<double>(breaks_even) / static_cast<double>(r.npv.size());
    return r;
}

// One-way sensitivity: each uncertain input at its low and high quantile, the others at
// their means. Sorted by swing, widest first (the tornado).
struct sensitivity_bar {
    std::string input;
    double low_value = 0, high_value = 0;  // the input's quantiles
    double npv_at_low = 0, npv_at_high = 0;
    double swing() const { return std::abs(npv_at_high - npv_at_low); }
};

inline std::vector<sensitivity_bar> tornado(const cost_model& m, double low_quantile = 0.1, double high_quantile = 0.9) {
    const auto inputs = uncertain_inputs(m);
    const present_value_kernel kernel(m);
    std::vector<double> base;
    for (const auto& in : inputs) base.push_back(in.dist->mean());
    std::vector<sensitivity_bar> bars;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        if (inputs[k].dist->is_fixed()) continue;
        sensitivity_bar bar{inputs[k].name, inputs[k].dist->quantile(low_quantile), inputs[k].dist->quantile(high_quantile), 0, 0};
        auto v = base;
        v[k] = bar.low_value;
        bar.npv_at_low = evaluate_present_values(m, values_from(v), kernel).npv();
        v[k] = bar.high_value;
        bar.npv_at_high = evaluate_present_values(m, values_from(v), kernel).npv();
        bars.push_back(bar);
    }
    std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.swing() > b.swing(); });
    return bars;
}

}  // namespace socinv
