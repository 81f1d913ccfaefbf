#pragma once
// Monte Carlo over a cost model's uncertain inputs: reproducible for a seed on any number of threads.

#include <algorithm>
#include <cstdint>
#include <limits>
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
    // The index of the first draw: a run of draws [first_draw, first_draw + draws) holds exactly
    // those draws of the whole run, so runs over consecutive ranges merge into it (merge_simulations).
    std::size_t first_draw = 0;
};

struct simulation_result {
    std::size_t draws = 0;
    std::uint64_t seed = 0;
    std::size_t first_draw = 0;
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

namespace detail {

// The NPVs are summed in blocks of this many draws, each block on its own and the blocks in
// order: the same digits whatever the thread count, or the ranges a run was split into.
inline constexpr std::size_t npv_sum_block = 1024;

inline double block_npv_sum(const double* first, const double* last) {
    double sum = 0;
    for (; first != last; ++first) sum += *first;
    return sum;
}

inline std::size_t breaking_even(const double* first, const double* last) {
    std::size_t count = 0;
    for (; first != last; ++first) count += *first >= 0;
    return count;
}

}  // namespace detail

// Draw i takes its inputs, in the order of uncertain_inputs, from its own stream seeded by
// (seed, i): the same seed gives the same draws whatever the thread count.
inline simulation_result simulate(const cost_model& m, const simulation_options& options = {}) {
    if (options.draws == 0) throw std::invalid_argument("simulate: draws must be at least 1");
    if (options.first_draw > std::numeric_limits<std::size_t>::max() - options.draws)
        throw std::invalid_argument("simulate: first_draw + draws is past the last draw index");
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
    r.first_draw = options.first_draw;
    r.npv.resize(options.draws);
    r.pv_costs.resize(options.draws);
    r.pv_savings.resize(options.draws);
    const std::size_t threads = options.threads == 0 ? detail::worker_count() : options.threads;
    // A task takes a block of draws; within it, lanes of draws are drawn input by input (one
    // stream per draw, so each draw gets the values it would get alone) and then evaluated.
    constexpr std::size_t block = detail::npv_sum_block, lane = 64;
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
                for (std::size_t j = 0; j < n; ++j) streams.emplace_back(options.seed, options.first_draw + first + j);
                for (const auto& [k, draw] : drawn) draw.fill(streams.data(), n, &lanes[k * lane]);
                kernel.evaluate(lane_of.data(), n, &r.pv_costs[first], &r.pv_savings[first]);
                for (std::size_t j = first; j < first + n; ++j) r.npv[j] = r.pv_savings[j] - r.pv_costs[j];
            }
            block_sum[b] = detail::block_npv_sum(&r.npv[b * block], r.npv.data() + end);
            block_breaks_even[b] = detail::breaking_even(&r.npv[b * block], r.npv.data() + end);
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

// Runs of one model and seed over consecutive draw ranges, joined into the run over their union:
// the same draws and the same summary, digit for digit, as one simulate() over the whole range,
// however the range was split (the NPVs are summed again in blocks counted from its start).
inline simulation_result merge_simulations(std::span<const simulation_result> parts) {
    if (parts.empty()) throw std::invalid_argument("merge_simulations: no runs to merge");
    simulation_result r;
    r.seed = parts.front().seed;
    r.first_draw = parts.front().first_draw;
    std::size_t next = r.first_draw;
    for (const auto& p : parts) {
        if (p.seed != r.seed)
            throw std::invalid_argument("merge_simulations: runs of different seeds (" + std::to_string(r.seed) + " and " +
                                        std::to_string(p.seed) + ")");
        if (p.first_draw != next)
            throw std::invalid_argument("merge_simulations: the runs are not consecutive: draw " + std::to_string(next) +
                                        " expected, a run starts at " + std::to_string(p.first_draw));
        next += p.draws;
    }
    r.draws = next - r.first_draw;
    r.npv.resize(r.draws);
    r.pv_costs.resize(r.draws);
    r.pv_savings.resize(r.draws);
    std::size_t at = 0;
    for (const auto& p : parts) {
        std::copy(p.npv.begin(), p.npv.end(), r.npv.begin() + static_cast<std::ptrdiff_t>(at));
        std::copy(p.pv_costs.begin(), p.pv_costs.end(), r.pv_costs.begin() + static_cast<std::ptrdiff_t>(at));
        std::copy(p.pv_savings.begin(), p.pv_savings.end(), r.pv_savings.begin() + static_cast<std::ptrdiff_t>(at));
        at += p.draws;
    }
    double sum = 0;
    std::size_t breaks_even = 0;
    for (std::size_t first = 0; first < r.draws; first += detail::npv_sum_block) {
        const double* begin = r.npv.data() + first;
        const double* end = r.npv.data() + std::min(r.draws, first + detail::npv_sum_block);
        sum += detail::block_npv_sum(begin, end);
        breaks_even += detail::breaking_even(begin, end);
    }
    r.mean_npv = sum / static_cast<double>(r.draws);
    r.probability_break_even = static_cast<double>(breaks_even) / static_cast<double>(r.draws);
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
