#pragma once
// Simulating a revolving fund over the years: payments out, returns in, under several return rules.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "socinv/detail/parallel.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/economics/random.hpp"
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

struct fund_simulation_options {
    int start_year = 0;
    int horizon_years = 20;
    double capital = 0;      // cash at the start of start_year
    double min_grant = 0;    // below this balance the fund can make no new grant (0: smallest investment)
    std::size_t draws = 10'000;
    std::uint64_t seed = 1;
    std::size_t threads = 0;
    std::vector<return_rule> rules = standard_return_rules();
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

// An investment prepared for many draws: its uncertain inputs in order, and for each of its
// cost items the index of the payer in the simulation's payer table (names in sorted order).
struct prepared_investment {
    std::vector<const distribution*> inputs;
    std::vector<std::size_t> item_payer;
    std::vector<unsigned char> returns_from;  // per payer: the agreement takes returns from it
};

// Draws the investment's inputs into `values` (sized by values_from) from the draw's stream.
inline void sample_into(const prepared_investment& p, draw_stream& rng, std::vector<double>& v, model_values& values) {
    v.resize(p.inputs.size());
    for (std::size_t k = 0; k < p.inputs.size(); ++k) v[k] = p.inputs[k]->sample(rng);
    values.success_rate = v[0], values.deadweight = v[1], values.attribution = v[2], values.displacement = v[3];
    values.drop_off = v[4], values.effect_years = v[5], values.cost_factor = v[6], values.scale = v[7];
    values.item_per_year.assign(v.begin() + 8, v.end());
}

// Yearly savings per payer (rows of `out`, by payer index) of one investment for one draw,
// years counted from start_year.
inline void draw_savings(const cost_model& m, const prepared_investment& p, const model_values& v, int start_year,
                         int horizon, std::vector<std::vector<double>>& out) {
    for (auto& row : out) std::fill(row.begin(), row.end(), 0.0);
    const double adjust = adjustment_factor(v);
    for (const auto& c : m.cohorts) {
        const double successes = c.participants * share(v.success_rate) * adjust;
        for_each_effect_year(m, c, v, start_year, horizon, [&](int t, double w) {
            for (std::size_t i = 0; i < m.exclusion.items.size(); ++i)
                out[p.item_payer[i]][static_cast<std::size_t>(t)] += successes * w * non_negative(v.item_per_year[i] * v.scale);
        });
    }
}

}  // namespace detail

inline fund_simulation_result simulate_fund(const std::vector<portfolio_item>& portfolio, const fund_simulation_options& options) {
    if (options.draws == 0) throw std::invalid_argument("simulate_fund: draws must be at least 1");
    if (options.horizon_years < 1) throw std::invalid_argument("simulate_fund: horizon_years must be at least 1");
    const auto horizon = static_cast<std::size_t>(options.horizon_years);
    const std::size_t rules = options.rules.size();
    double min_grant = options.min_grant;
    if (min_grant <= 0) {
        min_grant = INFINITY;
        for (const auto& p : portfolio) min_grant = std::min(min_grant, p.invested);
        if (!std::isfinite(min_grant)) min_grant = 0;
    }
    // Payers in sorted order: the order in which a cap is used up within a year.
    std::vector<std::string> payers;
    for (const auto& item : portfolio)
        for (const auto& cost : item.model.exclusion.items) payers.push_back(cost.payer);
    std::sort(payers.begin(), payers.end());
    payers.erase(std::unique(payers.begin(), payers.end()), payers.end());
    std::vector<detail::prepared_investment> prepared;
    for (const auto& item : portfolio) {
        detail::prepared_investment p;
        for (const auto& in : uncertain_inputs(item.model)) p.inputs.push_back(in.dist);
        for (const auto& cost : item.model.exclusion.items)
            p.item_payer.push_back(static_cast<std::size_t>(std::lower_bound(payers.begin(), payers.end(), cost.payer) - payers.begin()));
        for (const auto& name : payers) p.returns_from.push_back(item.agreement.knows_payer(name));
        prepared.push_back(std::move(p));
    }
    std::vector<double> payments(horizon, 0.0);
    for (const auto& p : portfolio)
        for (const auto& pay : p.payments) {
            const int t = pay.year - options.start_year;
            if (t >= 0 && t < options.horizon_years) payments[static_cast<std::size_t>(t)] += pay.amount;
        }

    // Per draw and rule: balances by year, paid-back flags, exhaustion year, returns by payer and year.
    std::vector<std::vector<float>> balances(rules, std::vector<float>(options.draws * horizon));
    std::vector<std::vector<unsigned char>> paid_back(rules, std::vector<unsigned char>(options.draws * portfolio.size()));
    std::vector<std::vector<int>> exhausted_after(rules, std::vector<int>(options.draws, -1));
    std::vector<std::map<std::string, std::vector<double>>> reductions(rules);
    std::vector<double> total_returns(rules, 0.0);

    constexpr std::size_t block = 256;
    const std::size_t blocks = (options.draws + block - 1) / block;
    // Each block's sums are kept and added up in block order afterwards: adding them as the
    // threads finish would make the last digits depend on the thread count and timing.
    struct block_sums {
        std::vector<std::map<std::string, std::vector<double>>> reductions;
        std::vector<double> total;
    };
    std::vector<block_sums> partial(blocks);
    detail::parallel_for(
        blocks,
        [&](std::size_t b) {
            std::vector<std::vector<std::vector<double>>> by_payer(rules, std::vector<std::vector<double>>(payers.size()));
            std::vector<double> local_total(rules, 0.0);
            std::vector<std::vector<double>> savings(payers.size(), std::vector<double>(horizon));
            std::vector<std::vector<double>> returns(rules, std::vector<double>(horizon));
            std::vector<double> drawn;
            model_values values{};
            for (std::size_t d = b * block; d < std::min(options.draws, (b + 1) * block); ++d) {
                draw_stream rng(options.seed, d);
                for (auto& r : returns) std::fill(r.begin(), r.end(), 0.0);
                for (std::size_t i = 0; i < portfolio.size(); ++i) {
                    const auto& item = portfolio[i];
                    detail::sample_into(prepared[i], rng, drawn, values);
                    detail::draw_savings(item.model, prepared[i], values, options.start_year, options.horizon_years, savings);
                    for (std::size_t r = 0; r < rules; ++r) {
                        const auto& rule = options.rules[r];
                        const auto& a = item.agreement;
                        const double share = rule.use_agreement ? static_cast<double>(a.share_ppm) / ppm_one : rule.share;
                        double cap = INFINITY;
                        if (rule.use_agreement && a.cap.kind == cap_kind::invested) cap = item.invested;
                        if (rule.use_agreement && a.cap.kind == cap_kind::amount) cap = a.cap.amount.sek();
                        if (!rule.use_agreement && rule.cap_at_invested) cap = item.invested;
                        double taken = 0;
                        for (std::size_t t = 0; t < horizon; ++t) {
                            const int saving_year = options.start_year + static_cast<int>(t);
                            const int year = saving_year + a.lag_years;
                            if (year < a.first_year || year > a.last_year) continue;
                            const auto rt = static_cast<std::size_t>(year - options.start_year);
                            if (rt >= horizon) continue;
                            for (std::size_t payer = 0; payer < payers.size(); ++payer) {
                                if (!prepared[i].returns_from[payer]) continue;
                                double amount = std::min(share * savings[payer][t], cap - taken);
                                if (amount < a.minimum.sek()) amount = 0;
                                if (amount <= 0) continue;
                                taken += amount;
                                returns[r][rt] += amount;
                                auto& red = by_payer[r][payer];
                                if (red.empty()) red.assign(horizon, 0.0);
                                red[rt] += amount;
                            }
                        }
                        paid_back[r][d * portfolio.size() + i] = taken >= item.invested - 0.005;
                        local_total[r] += taken;
                    }
                }
                for (std::size_t r = 0; r < rules; ++r) {
                    double balance = options.capital;
                    for (std::size_t t = 0; t < horizon; ++t) {
                        balance += returns[r][t] - payments[t];
                        balances[r][d * horizon + t] = static_cast<float>(balance);
                        if (exhausted_after[r][d] < 0 && balance < min_grant) exhausted_after[r][d] = static_cast<int>(t);
                    }
                }
            }
            std::vector<std::map<std::string, std::vector<double>>> local_reductions(rules);
            for (std::size_t r = 0; r < rules; ++r)
                for (std::size_t payer = 0; payer < payers.size(); ++payer)
                    if (!by_payer[r][payer].empty()) local_reductions[r][payers[payer]] = std::move(by_payer[r][payer]);
            partial[b] = {std::move(local_reductions), std::move(local_total)};
        },
        options.threads == 0 ? detail::worker_count() : options.threads, 1);
    for (const auto& p : partial)
        for (std::size_t r = 0; r < rules; ++r) {
            total_returns[r] += p.total[r];
            for (const auto& [payer, row] : p.reductions[r]) {
                auto& target = reductions[r][payer];
                if (target.empty()) target.assign(horizon, 0.0);
                for (std::size_t t = 0; t < horizon; ++t) target[t] += row[t];
            }
        }

    fund_simulation_result result;
    result.draws = options.draws;
    result.seed = options.seed;
    result.min_grant = min_grant;
    for (const auto& p : portfolio) result.investments.push_back(p.id);
    const double n = static_cast<double>(options.draws);
    for (std::size_t r = 0; r < rules; ++r) {
        rule_outcome out;
        out.rule = options.rules[r].name;
        std::vector<float> column(options.draws);
        for (std::size_t t = 0; t < horizon; ++t) {
            out.years.push_back(options.start_year + static_cast<int>(t));
            double sum = 0;
            for (std::size_t d = 0; d < options.draws; ++d) {
                column[d] = balances[r][d * horizon + t];
                sum += column[d];
            }
            out.balance_mean.push_back(sum / n);
            std::sort(column.begin(), column.end());
            for (int p : {5, 25, 50, 75, 95}) {
                const auto at = static_cast<std::size_t>(std::llround(p / 100.0 * (n - 1)));
                out.balance_percentiles[p].push_back(column[at]);
            }
        }
        double end_sum = 0;
        for (std::size_t d = 0; d < options.draws; ++d) end_sum += balances[r][d * horizon + horizon - 1];
        out.mean_end_balance = end_sum / n;
        for (std::size_t i = 0; i < portfolio.size(); ++i) {
            std::size_t count = 0;
            for (std::size_t d = 0; d < options.draws; ++d) count += paid_back[r][d * portfolio.size() + i];
            out.probability_paid_back.push_back(static_cast<double>(count) / n);
        }
        std::vector<int> exhausted;
        for (int e : exhausted_after[r])
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

}  // namespace socinv
