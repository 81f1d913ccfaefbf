#pragma once
// Simulating a revolving fund over the years: payments out, returns in, under several return rules.

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "socinv/detail/default_init_allocator.hpp"
#include "socinv/detail/parallel.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/economics/percentile.hpp"
#include "socinv/economics/random.hpp"
#include "socinv/economics/sampler.hpp"
#include "socinv/transfer/agreement.hpp"

namespace socinv {

// One investment of the portfolio: its payments by budget year, its cost model (for savings by
// payer) and its agreement (whose payers, years and lag every return rule uses).
struct portfolio_item {
    std::string id;
    bool granted = true;  // false: planned, not yet decided
    double invested = 0;  // SEK: the amount granted (or requested)
    std::vector<yearly_amount> payments;
    cost_model model;
    return_transfer_agreement agreement;
};

// A return rule to compare: the agreement's own terms, or a share with or without a cap at the
// amount invested (Norrköping after 2021: no return at all).
struct return_rule {
    std::string name;
    bool use_agreement = false;
    double share = 1.0;
    bool cap_at_invested = false;
};

inline std::vector<return_rule> standard_return_rules() {
    return {{"agreement", true, 1.0, false},
            {"100 %", false, 1.0, false},
            {"50 %", false, 0.5, false},
            {"capped at investment", false, 1.0, true},
            {"no return", false, 0.0, false}};
}

// The most draws a fund simulation may ask for; fewer than for one cost model because each draw
// walks every investment and every return rule year by year. `socinv fund --draws` is checked
// against it, as is a fund file's `simulation.draws`.
inline constexpr std::size_t max_fund_simulation_draws = 10'000'000;

struct fund_simulation_options {
    int start_year = 0;
    int horizon_years = 20;
    double capital = 0;      // cash at the start of start_year
    double min_grant = 0;    // below this balance the fund can make no new grant (0: smallest investment)
    std::size_t draws = 10'000;
    std::uint64_t seed = 1;
    std::size_t threads = 0;
    std::vector<return_rule> rules = standard_return_rules();
    // The index of the first draw: a run of draws [first_draw, first_draw + draws) holds exactly
    // those draws of the whole run (see draw_fund and merge_fund_draws).
    std::size_t first_draw = 0;
};

struct rule_outcome {
    std::string rule;
    std::vector<int> years;
    std::vector<double> balance_mean;
    std::map<int, std::vector<double>> balance_percentiles;  // 5, 25, 50, 75, 95 → by year
    std::vector<double> probability_paid_back;               // per investment, in portfolio order
    double probability_exhausted = 0;                        // balance fell below min_grant within the horizon
    std::optional<double> median_years_to_exhaustion;        // among draws that exhaust it
    std::map<std::string, double> expected_reductions;       // per administration, over the horizon
    std::map<std::string, std::vector<double>> expected_reductions_by_year;
    double mean_total_returns = 0;
    double mean_end_balance = 0;
};

struct fund_simulation_result {
    std::size_t draws = 0;
    std::uint64_t seed = 0;
    double min_grant = 0;
    std::vector<std::string> investments;
    std::vector<rule_outcome> outcomes;  // one per rule, all on the same draws
};

namespace detail {

// An investment prepared for many draws: what does not change from draw to draw, so that a
// draw costs its samples, its effect years and its return years, whatever the cohorts and items.
struct prepared_investment {
    std::vector<sampler> inputs;                 // in the order of uncertain_inputs
    std::vector<std::pair<int, double>> cohorts;  // first saving year (from start_year), participants
    std::vector<std::size_t> returning_payers;   // payer indices the agreement takes returns from, sorted
    std::vector<std::vector<std::size_t>> payer_items;  // per returning payer: its exclusion-cost items
    int first_saving = 0, last_saving = 0;       // saving years (from start_year) whose return falls in the horizon
    std::vector<double> share, cap;              // per rule
    double minimum = 0;
};

inline prepared_investment prepare_investment(const portfolio_item& item, const std::vector<std::string>& payers,
                                              const fund_simulation_options& options) {
    const auto& m = item.model;
    const auto& a = item.agreement;
    prepared_investment p;
    for (const auto& in : uncertain_inputs(m)) p.inputs.emplace_back(*in.dist);
    for (const auto& c : m.cohorts) p.cohorts.emplace_back(c.year + m.start_lag_years - options.start_year, c.participants);
    for (std::size_t payer = 0; payer < payers.size(); ++payer) {
        if (!a.knows_payer(payers[payer])) continue;
        std::vector<std::size_t> items;
        for (std::size_t i = 0; i < m.exclusion.items.size(); ++i)
            if (m.exclusion.items[i].payer == payers[payer]) items.push_back(i);
        p.returning_payers.push_back(payer);
        p.payer_items.push_back(std::move(items));
    }
    // Returns are taken in budget years [first_year, last_year] and within the horizon, from
    // savings lag_years earlier.
    p.first_saving = std::max(0, a.first_year - a.lag_years - options.start_year);
    p.last_saving = std::min(options.horizon_years - 1 - a.lag_years, a.last_year - a.lag_years - options.start_year);
    for (const auto& rule : options.rules) {
        p.share.push_back(rule.use_agreement ? static_cast<double>(a.share_ppm) / ppm_one : rule.share);
        double cap = INFINITY;
        if (rule.use_agreement && a.cap.kind == cap_kind::invested) cap = item.invested;
        if (rule.use_agreement && a.cap.kind == cap_kind::amount) cap = a.cap.amount.sek();
        if (!rule.use_agreement && rule.cap_at_invested) cap = item.invested;
        p.cap.push_back(cap);
    }
    p.minimum = a.minimum.sek();
    return p;
}

// One draw of an investment's savings: per returning payer its yearly saving in the first
// effect year (`per_payer`), and the weight of each saving year (`profile`: participants of
// every cohort in effect that year, times the drop-off-reduced share of the first year).
inline void draw_savings(const prepared_investment& p, draw_stream& rng, std::vector<double>& v,
                         std::vector<double>& per_payer, std::vector<double>& profile) {
    for (std::size_t k = 0; k < p.inputs.size(); ++k) v[k] = p.inputs[k](rng);
    // v: success_rate, deadweight, attribution, displacement, drop_off, effect_years, cost_factor, scale, items...
    const double per_participant = share(v[0]) * adjustment_factor(v[1], v[2], v[3]) * non_negative(v[7]);
    for (std::size_t j = 0; j < p.returning_payers.size(); ++j) {
        double annual = 0;
        for (std::size_t i : p.payer_items[j]) annual += non_negative(v[8 + i]);
        per_payer[j] = per_participant * annual;
    }
    std::fill(profile.begin(), profile.end(), 0.0);
    for (const auto& [first, participants] : p.cohorts)
        for_each_effect_year(first, v[5], v[4], p.last_saving + 1, [&](int t, double w) {
            if (t >= p.first_saving) profile[static_cast<std::size_t>(t)] += participants * w;
        });
}

}  // namespace detail

// The draws of a fund simulation over [first_draw, first_draw + draws), before they are summed
// up: every balance, paid-back flag and exhaustion year, and the returns added up per block of
// fund_draw_block draws. Runs over consecutive ranges merge (merge_fund_draws) into the run over
// their union, so the draws can be made anywhere (socinv.dask) and summed up in one place.
inline constexpr std::size_t fund_draw_block = 256;

struct fund_draws {
    std::uint64_t seed = 0;
    std::size_t first_draw = 0, draws = 0;
    std::size_t horizon = 0, investments = 0;
    using balance_rows = std::vector<float, detail::default_init_allocator<float>>;
    std::vector<balance_rows> balances;                     // per rule: [draw][year]
    std::vector<std::vector<unsigned char>> paid_back;      // per rule: [draw][investment]
    std::vector<std::vector<int>> exhausted_after;          // per rule: per draw, the year index or -1
    // Each block's sums, kept apart and added up in block order at the end: adding them as the
    // threads finish would make the last digits depend on the thread count and timing.
    struct block_sums {
        std::vector<std::map<std::string, std::vector<double>>> reductions;  // per rule: payer → by year
        std::vector<double> total;                                            // per rule
    };
    std::vector<block_sums> blocks;
};

namespace detail {

inline void check_fund_simulation(const fund_simulation_options& options) {
    if (options.draws == 0) throw std::invalid_argument("simulate_fund: draws must be at least 1");
    if (options.horizon_years < 1) throw std::invalid_argument("simulate_fund: horizon_years must be at least 1");
    if (options.first_draw > std::numeric_limits<std::size_t>::max() - options.draws)
        throw std::invalid_argument("simulate_fund: first_draw + draws is past the last draw index");
}

// Below this balance the fund can make no new grant: the option, else the smallest investment.
inline double effective_min_grant(const std::vector<portfolio_item>& portfolio, const fund_simulation_options& options) {
    if (options.min_grant > 0) return options.min_grant;
    double min_grant = INFINITY;
    for (const auto& p : portfolio) min_grant = std::min(min_grant, p.invested);
    return std::isfinite(min_grant) ? min_grant : 0;
}

}  // namespace detail

// The draws [options.first_draw, options.first_draw + options.draws), on options.threads cores.
inline fund_draws draw_fund(const std::vector<portfolio_item>& portfolio, const fund_simulation_options& options) {
    detail::check_fund_simulation(options);
    const auto horizon = static_cast<std::size_t>(options.horizon_years);
    const std::size_t rules = options.rules.size();
    const double min_grant = detail::effective_min_grant(portfolio, options);
    // Payers in sorted order: the order in which a cap is used up within a year.
    std::vector<std::string> payers;
    for (const auto& item : portfolio)
        for (const auto& cost : item.model.exclusion.items) payers.push_back(cost.payer);
    std::sort(payers.begin(), payers.end());
    payers.erase(std::unique(payers.begin(), payers.end()), payers.end());
    std::vector<detail::prepared_investment> prepared;
    for (const auto& item : portfolio) prepared.push_back(detail::prepare_investment(item, payers, options));
    std::vector<double> payments(horizon, 0.0);
    for (const auto& p : portfolio)
        for (const auto& pay : p.payments) {
            const int t = pay.year - options.start_year;
            if (t >= 0 && t < options.horizon_years) payments[static_cast<std::size_t>(t)] += pay.amount;
        }

    fund_draws out;
    out.seed = options.seed;
    out.first_draw = options.first_draw;
    out.draws = options.draws;
    out.horizon = horizon;
    out.investments = portfolio.size();
    // Every balance is written by the draws' threads: no zeros first (see default_init_allocator).
    out.balances.resize(rules);
    for (auto& rows : out.balances) rows.resize(options.draws * horizon);  // resized, not copied: untouched
    out.paid_back.assign(rules, std::vector<unsigned char>(options.draws * portfolio.size()));
    out.exhausted_after.assign(rules, std::vector<int>(options.draws, -1));
    auto& balances = out.balances;
    auto& paid_back = out.paid_back;
    auto& exhausted_after = out.exhausted_after;

    constexpr std::size_t block = fund_draw_block;
    const std::size_t blocks = (options.draws + block - 1) / block;
    out.blocks.resize(blocks);
    std::size_t inputs = 0;
    for (const auto& p : prepared) inputs = std::max(inputs, p.inputs.size());
    detail::parallel_for(
        blocks,
        [&](std::size_t b) {
            // Reductions by rule, payer and year, flat (only positive amounts are added).
            std::vector<double> by_payer(rules * payers.size() * horizon, 0.0);
            std::vector<double> local_total(rules, 0.0);
            std::vector<double> returns(rules * horizon);
            std::vector<double> drawn(inputs), per_payer(payers.size()), profile(horizon);
            for (std::size_t d = b * block; d < std::min(options.draws, (b + 1) * block); ++d) {
                draw_stream rng(options.seed, options.first_draw + d);
                std::fill(returns.begin(), returns.end(), 0.0);
                for (std::size_t i = 0; i < portfolio.size(); ++i) {
                    const auto& p = prepared[i];
                    const int lag = portfolio[i].agreement.lag_years;
                    detail::draw_savings(p, rng, drawn, per_payer, profile);
                    for (std::size_t r = 0; r < rules; ++r) {
                        const double share = p.share[r], cap = p.cap[r];
                        double taken = 0;
                        for (int t = p.first_saving; t <= p.last_saving && taken < cap; ++t) {
                            const auto rt = static_cast<std::size_t>(t + lag);
                            double year_total = 0;
                            for (std::size_t j = 0; j < p.returning_payers.size(); ++j) {
                                double amount = std::min(share * per_payer[j] * profile[static_cast<std::size_t>(t)], cap - taken);
                                if (amount < p.minimum) amount = 0;
                                if (amount <= 0) continue;
                                taken += amount;
                                year_total += amount;
                                by_payer[(r * payers.size() + p.returning_payers[j]) * horizon + rt] += amount;
                            }
                            returns[r * horizon + rt] += year_total;
                        }
                        paid_back[r][d * portfolio.size() + i] = taken >= portfolio[i].invested - 0.005;
                        local_total[r] += taken;
                    }
                }
                for (std::size_t r = 0; r < rules; ++r) {
                    double balance = options.capital;
                    for (std::size_t t = 0; t < horizon; ++t) {
                        balance += returns[r * horizon + t] - payments[t];
                        balances[r][d * horizon + t] = static_cast<float>(balance);
                        if (exhausted_after[r][d] < 0 && balance < min_grant) exhausted_after[r][d] = static_cast<int>(t);
                    }
                }
            }
            std::vector<std::map<std::string, std::vector<double>>> local_reductions(rules);
            for (std::size_t r = 0; r < rules; ++r)
                for (std::size_t payer = 0; payer < payers.size(); ++payer) {
                    const auto row = by_payer.begin() + static_cast<std::ptrdiff_t>((r * payers.size() + payer) * horizon);
                    const auto row_end = row + static_cast<std::ptrdiff_t>(horizon);
                    if (std::any_of(row, row_end, [](double x) { return x > 0; }))
                        local_reductions[r][payers[payer]].assign(row, row_end);
                }
            out.blocks[b] = {std::move(local_reductions), std::move(local_total)};
        },
        options.threads == 0 ? detail::worker_count() : options.threads, 1);
    return out;
}

// Runs of one fund and seed over consecutive draw ranges, joined into the run over their union.
// Every run but the last holds a whole number of blocks (fund_draw_block draws), so that the
// blocks, and therefore the digits of every sum, are those of one draw_fund over the union.
inline fund_draws merge_fund_draws(std::span<const fund_draws> parts) {
    if (parts.empty()) throw std::invalid_argument("merge_fund_draws: no runs to merge");
    const auto& head = parts.front();
    fund_draws out;
    out.seed = head.seed;
    out.first_draw = head.first_draw;
    out.horizon = head.horizon;
    out.investments = head.investments;
    const std::size_t rules = head.balances.size();
    std::size_t next = head.first_draw;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const auto& p = parts[k];
        if (p.seed != out.seed || p.horizon != out.horizon || p.investments != out.investments || p.balances.size() != rules)
            throw std::invalid_argument("merge_fund_draws: the runs are of different seeds, horizons, portfolios or rules");
        if (p.first_draw != next)
            throw std::invalid_argument("merge_fund_draws: the runs are not consecutive: draw " + std::to_string(next) +
                                        " expected, a run starts at " + std::to_string(p.first_draw));
        if (k + 1 < parts.size() && p.draws % fund_draw_block != 0)
            throw std::invalid_argument("merge_fund_draws: a run other than the last holds " + std::to_string(p.draws) +
                                        " draws, not a multiple of " + std::to_string(fund_draw_block));
        next += p.draws;
    }
    out.draws = next - out.first_draw;
    out.balances.resize(rules);
    out.paid_back.resize(rules);
    out.exhausted_after.resize(rules);
    for (std::size_t r = 0; r < rules; ++r) {
        out.balances[r].reserve(out.draws * out.horizon);
        out.paid_back[r].reserve(out.draws * out.investments);
        out.exhausted_after[r].reserve(out.draws);
        for (const auto& p : parts) {
            out.balances[r].insert(out.balances[r].end(), p.balances[r].begin(), p.balances[r].end());
            out.paid_back[r].insert(out.paid_back[r].end(), p.paid_back[r].begin(), p.paid_back[r].end());
            out.exhausted_after[r].insert(out.exhausted_after[r].end(), p.exhausted_after[r].begin(), p.exhausted_after[r].end());
        }
    }
    for (const auto& p : parts) out.blocks.insert(out.blocks.end(), p.blocks.begin(), p.blocks.end());
    return out;
}

// The summary of a fund's draws: balance bands by year, the chance of paying back each
// investment and of exhausting the fund, and the expected returns by administration.
inline fund_simulation_result summarize_fund(const std::vector<portfolio_item>& portfolio,
                                             const fund_simulation_options& options, const fund_draws& draws) {
    detail::check_fund_simulation(options);
    const std::size_t horizon = draws.horizon, rules = options.rules.size(), count = draws.draws;
    if (horizon != static_cast<std::size_t>(options.horizon_years) || draws.balances.size() != rules ||
        draws.investments != portfolio.size())
        throw std::invalid_argument("summarize_fund: the draws are of another horizon, rule list or portfolio");
    std::vector<std::map<std::string, std::vector<double>>> reductions(rules);
    std::vector<double> total_returns(rules, 0.0);
    for (const auto& p : draws.blocks)
        for (std::size_t r = 0; r < rules; ++r) {
            total_returns[r] += p.total[r];
            for (const auto& [payer, row] : p.reductions[r]) {
                auto& target = reductions[r][payer];
                if (target.empty()) target.assign(horizon, 0.0);
                for (std::size_t t = 0; t < horizon; ++t) target[t] += row[t];
            }
        }
    const auto& balances = draws.balances;

    fund_simulation_result result;
    result.draws = count;
    result.seed = draws.seed;
    result.min_grant = detail::effective_min_grant(portfolio, options);
    for (const auto& p : portfolio) result.investments.push_back(p.id);
    const double n = static_cast<double>(count);
    // The mean and percentiles of each rule's balance in each year, the years on all cores.
    constexpr std::array<int, 5> balance_quantiles{5, 25, 50, 75, 95};
    struct year_stats {
        double mean = 0;
        std::array<double, 5> percentiles{};
    };
    std::vector<year_stats> balance_stats(rules * horizon);
    detail::parallel_for(
        rules * horizon,
        [&](std::size_t rt) {
            const std::size_t r = rt / horizon, t = rt % horizon;
            std::vector<float> column(count);
            double sum = 0;
            for (std::size_t d = 0; d < count; ++d) {
                column[d] = balances[r][d * horizon + t];
                sum += column[d];
            }
            balance_stats[rt].mean = sum / n;
            // Rising percentiles (socinv::quantile's definition), each selected in what is left
            // above the previous one rather than by sorting the column.
            auto from = column.begin();
            for (std::size_t q = 0; q < balance_quantiles.size(); ++q)
                balance_stats[rt].percentiles[q] =
                    select_quantile(column.begin(), column.end(), balance_quantiles[q] / 100.0, from);
        },
        options.threads == 0 ? detail::worker_count() : options.threads, 1);
    for (std::size_t r = 0; r < rules; ++r) {
        rule_outcome out;
        out.rule = options.rules[r].name;
        for (std::size_t t = 0; t < horizon; ++t) {
            out.years.push_back(options.start_year + static_cast<int>(t));
            out.balance_mean.push_back(balance_stats[r * horizon + t].mean);
            for (std::size_t q = 0; q < balance_quantiles.size(); ++q)
                out.balance_percentiles[balance_quantiles[q]].push_back(balance_stats[r * horizon + t].percentiles[q]);
        }
        double end_sum = 0;
        for (std::size_t d = 0; d < count; ++d) end_sum += balances[r][d * horizon + horizon - 1];
        out.mean_end_balance = end_sum / n;
        for (std::size_t i = 0; i < portfolio.size(); ++i) {
            std::size_t paid = 0;
            for (std::size_t d = 0; d < count; ++d) paid += draws.paid_back[r][d * portfolio.size() + i];
            out.probability_paid_back.push_back(static_cast<double>(paid) / n);
        }
        std::vector<int> exhausted;
        for (int e : draws.exhausted_after[r])
            if (e >= 0) exhausted.push_back(e);
        out.probability_exhausted = static_cast<double>(exhausted.size()) / n;
        if (!exhausted.empty()) {
            std::sort(exhausted.begin(), exhausted.end());
            out.median_years_to_exhaustion = exhausted[exhausted.size() / 2];
        }
        for (auto& [payer, row] : reductions[r]) {
            double total = 0;
            for (auto& x : row) {
                x /= n;
                total += x;
            }
            out.expected_reductions[payer] = total;
            out.expected_reductions_by_year[payer] = row;
        }
        out.mean_total_returns = total_returns[r] / n;
        result.outcomes.push_back(std::move(out));
    }
    return result;
}

inline fund_simulation_result simulate_fund(const std::vector<portfolio_item>& portfolio, const fund_simulation_options& options) {
    return summarize_fund(portfolio, options, draw_fund(portfolio, options));
}

}  // namespace socinv
