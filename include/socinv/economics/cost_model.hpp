#pragma once
// The cost model of a social investment: what it costs, what it saves for whom, and when.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "socinv/detail/enum_names.hpp"
#include "socinv/economics/discount_schedule.hpp"
#include "socinv/economics/distribution.hpp"
#include "socinv/core/catalogue.hpp"
#include "socinv/core/language.hpp"
#include "socinv/economics/exclusion_cost.hpp"

namespace socinv {

// Whose savings count: society's (real resources of every payer, transfers left out), the
// public sector's (municipality, region and state, transfers included) or the municipality's.
enum class economic_view { society, public_sector, municipality };

inline constexpr detail::enum_names<economic_view, 3> economic_view_names{{
    {economic_view::society, "society"},
    {economic_view::public_sector, "public_sector"},
    {economic_view::municipality, "municipality"},
}};
inline std::string_view to_string(economic_view v) { return detail::name_of(v, economic_view_names); }

// "the municipality's view", "kommunens perspektiv": a view named in a message.
inline std::string_view view_name(economic_view v, language lang) { return term("perspective", to_string(v), lang); }

inline bool counts_in_view(const exclusion_cost_item& item, economic_view view) {
    switch (view) {
        case economic_view::society: return item.nature == cost_nature::resource;
        case economic_view::public_sector:
            return item.level == payer_level::municipality || item.level == payer_level::region ||
                   item.level == payer_level::state;
        case economic_view::municipality: return item.level == payer_level::municipality;
    }
    return false;
}

struct cohort {
    int year = 0;             // the budget year the participants start
    double participants = 0;  // people
    friend bool operator==(const cohort&, const cohort&) = default;
};

struct yearly_amount {
    int year = 0;
    double amount = 0;  // SEK
};

// Who pays the intervention's costs, as shares of them: the fund and any co-financiers.
struct cost_payer {
    std::string name;
    double share = 0;
};

struct cost_model {
    int base_year = 0;        // flows in this budget year are not discounted
    int horizon_years = 30;   // years counted from base_year
    discount_schedule discount = discount_schedule::constant(0.035);
    economic_view view = economic_view::society;
    std::vector<yearly_amount> intervention_costs;
    std::vector<cost_payer> cost_payers;
    std::vector<cohort> cohorts;
    exclusion_cost_profile exclusion = default_exclusion_costs();
    // SROI adjustments and effects (Social Value UK): the share of participants who leave
    // exclusion; deadweight (would have happened anyway), attribution (others' credit),
    // displacement (moved, not removed); drop-off per year after the first; how long it lasts.
    distribution success_rate = distribution::fixed(0.0);
    distribution deadweight = distribution::fixed(0.0);
    distribution attribution = distribution::fixed(0.0);
    distribution displacement = distribution::fixed(0.0);
    distribution drop_off = distribution::fixed(0.0);
    distribution effect_years = distribution::fixed(10.0);
    distribution cost_factor = distribution::fixed(1.0);  // cost overrun (1 = as budgeted)
    int start_lag_years = 1;                               // savings start the year after a cohort starts
};

// One value for every uncertain input of a model, in the order of `uncertain_inputs`.
struct model_values {
    double success_rate, deadweight, attribution, displacement, drop_off, effect_years, cost_factor, scale;
    std::vector<double> item_per_year;
};

// The named uncertain inputs of a model, in a fixed order (Monte Carlo and tornado use it).
struct named_input {
    std::string name;
    const distribution* dist;
};

inline std::vector<named_input> uncertain_inputs(const cost_model& m) {
    std::vector<named_input> inputs{{"success_rate", &m.success_rate}, {"deadweight", &m.deadweight},
                                    {"attribution", &m.attribution},   {"displacement", &m.displacement},
                                    {"drop_off", &m.drop_off},         {"effect_years", &m.effect_years},
                                    {"cost_factor", &m.cost_factor},   {"exclusion_cost_scale", &m.exclusion.scale}};
    for (const auto& item : m.exclusion.items) inputs.push_back({"exclusion_cost: " + item.name, &item.per_year});
    return inputs;
}

// An uncertain input named in a report: "success rate", "andel lyckade deltagare"; an exclusion
// cost item keeps its own name.
inline std::string input_label(std::string_view name, language lang) {
    struct label {
        std::string_view name, en, sv;
    };
    static constexpr label labels[] = {
        {"success_rate", "success rate", "andel lyckade deltagare"},
        {"deadweight", "deadweight", "dödvikt"},
        {"attribution", "attribution", "tillskrivning"},
        {"displacement", "displacement", "undanträngning"},
        {"drop_off", "drop-off", "avtagande effekt"},
        {"effect_years", "years of effect", "effektens varaktighet i år"},
        {"cost_factor", "cost factor", "kostnadsfaktor"},
        {"exclusion_cost_scale", "scale of the exclusion costs", "skala för utanförskapets kostnader"},
    };
    for (const label& l : labels)
        if (l.name == name) return std::string(lang == language::sv ? l.sv : l.en);
    constexpr std::string_view item = "exclusion_cost: ";
    if (name.substr(0, item.size()) == item)
        return std::string(lang == language::sv ? "utanförskapskostnad: " : "exclusion cost: ") + std::string(name.substr(item.size()));
    return std::string(name);
}

inline model_values values_from(const std::vector<double>& v) {
    model_values out{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], std::vector<double>(v.begin() + 8, v.end())};
    return out;
}

// Every input at its mean: the point estimate.
inline model_values mean_values(const cost_model& m) {
    std::vector<double> v;
    for (const auto& in : uncertain_inputs(m)) v.push_back(in.dist->mean());
    return values_from(v);
}

struct payer_row {
    std::string payer;
    std::string level;        // payer_level name, or "funder" for those who pay the intervention
    double pv_costs_paid = 0;  // their share of the intervention's cost
    double pv_savings = 0;     // what the effects save them
    double net() const { return pv_savings - pv_costs_paid; }
};

struct economic_result {
    economic_view view = economic_view::society;
    std::vector<int> years;
    std::vector<double> costs;                                  // intervention costs by year
    std::map<std::string, std::vector<double>> savings_by_payer;  // every item of the payer, by year
    std::vector<double> savings;                                // savings counted in the view, by year
    std::vector<double> discount_factors;
    double pv_costs = 0;
    double pv_savings = 0;
    double npv = 0;
    double benefit_cost_ratio = 0;
    double sroi_ratio = 0;  // society's present value of impacts per krona invested
    std::optional<int> payback_year;  // the first year the discounted cumulative net turns non-negative
    double participants = 0;
    double expected_successes = 0;  // after deadweight, attribution and displacement
    double value_per_success = 0;   // present value in the view of one success
    double break_even_successes = 0;
    double break_even_success_rate = 0;  // share of participants who must succeed (before adjustments)
    std::vector<payer_row> by_payer;
};

namespace detail {

// Shares drawn from an unbounded distribution (a normal) are clamped to [0, 1], and factors to >= 0.
inline double share(double x) { return std::clamp(x, 0.0, 1.0); }
inline double non_negative(double x) { return std::max(x, 0.0); }

// What is left of a success after deadweight, attribution and displacement (each a share).
inline double adjustment_factor(double deadweight, double attribution, double displacement) {
    return (1 - share(deadweight)) * (1 - share(attribution)) * (1 - share(displacement));
}

inline double adjustment_factor(const model_values& v) {
    return adjustment_factor(v.deadweight, v.attribution, v.displacement);
}

// Calls f(t, weight) for each year t in [0, end) of an effect that starts in year `first` and
// lasts `effect_years`: weight is the drop-off-reduced share of the first year's saving (a
// fractional last year counts in part).
template <class F>
void for_each_effect_year(int first, double effect_years, double drop_off, int end, F&& f) {
    const double years = std::max(0.0, effect_years);
    const int whole = static_cast<int>(std::floor(years));
    const double keep = 1 - share(drop_off);
    double weight = 1;
    for (int k = 0; k <= whole; ++k) {
        const double part = k < whole ? 1.0 : years - whole;
        if (part <= 0) break;
        const int t = first + k;
        if (t >= end) break;
        if (t >= 0) f(t, weight * part);
        weight *= keep;
    }
}

// The same for a cohort of a model, counting years from origin_year up to the horizon.
template <class F>
void for_each_effect_year(const cost_model& m, const cohort& c, const model_values& v, int origin_year, int horizon,
                          F&& f) {
    for_each_effect_year(c.year + m.start_lag_years - origin_year, v.effect_years, v.drop_off, horizon, std::forward<F>(f));
}

}  // namespace detail

inline std::vector<double> discount_factors(const cost_model& m) {
    std::vector<double> df(static_cast<std::size_t>(std::max(0, m.horizon_years)));
    for (std::size_t t = 0; t < df.size(); ++t) df[t] = m.discount.factor(static_cast<double>(t));
    return df;
}

// What a model's present values need that does not change from draw to draw: the discounted
// cost at a cost factor of 1, the items counted in the model's view, and the discounted
// participants k years into their effect (Σ over cohorts of participants × discount factor,
// within the horizon). A draw then costs O(effect years + items) whatever the number of cohorts.
struct present_value_kernel {
    double pv_costs = 0;
    std::vector<std::size_t> items_in_view;
    std::vector<double> participants_by_effect_year;

    explicit present_value_kernel(const cost_model& m) {
        const auto df = discount_factors(m);
        for (const auto& c : m.intervention_costs) {
            const int t = c.year - m.base_year;
            if (t >= 0 && t < m.horizon_years) pv_costs += c.amount * df[static_cast<std::size_t>(t)];
        }
        for (std::size_t i = 0; i < m.exclusion.items.size(); ++i)
            if (counts_in_view(m.exclusion.items[i], m.view)) items_in_view.push_back(i);
        int earliest = m.horizon_years;
        for (const auto& c : m.cohorts) earliest = std::min(earliest, c.year + m.start_lag_years - m.base_year);
        participants_by_effect_year.assign(static_cast<std::size_t>(std::max(0, m.horizon_years - earliest)), 0.0);
        for (const auto& c : m.cohorts) {
            const int first = c.year + m.start_lag_years - m.base_year;
            for (std::size_t k = 0; k < participants_by_effect_year.size(); ++k) {
                const int t = first + static_cast<int>(k);
                if (t >= m.horizon_years) break;
                if (t >= 0) participants_by_effect_year[k] += c.participants * df[static_cast<std::size_t>(t)];
            }
        }
    }

    // Inputs per draw, in the order of uncertain_inputs (success_rate, deadweight, attribution,
    // displacement, drop_off, effect_years, cost_factor, scale, then the items).
    enum input : std::size_t { success_rate, deadweight, attribution, displacement, drop_off, effect_years, cost_factor, scale, items };

    // The present values of n draws: inputs[k][i] is input k of draw i. The savings weigh
    // participants_by_effect_year[k] as detail::for_each_effect_year does: keep^k in each whole
    // year of effect, times the part of a last year. Written draw-parallel in lanes of 64 (each
    // loop over the draws of a lane does the same arithmetic) so that compilers vectorize it.
    void evaluate(const double* const* inputs, std::size_t n, double* costs, double* savings) const {
        using detail::non_negative, detail::share;
        constexpr std::size_t lane = 64;
        const auto& g = participants_by_effect_year;
        const auto effect_span = static_cast<double>(g.size());
        double per_participant[lane], keep[lane], years[lane], weight[lane], factor[lane];
        for (std::size_t first = 0; first < n; first += lane) {
            const std::size_t m = std::min(lane, n - first);
            const auto at = [&](input k) { return inputs[k] + first; };
            for (std::size_t j = 0; j < m; ++j) per_participant[j] = 0;
            for (std::size_t item : items_in_view) {
                const double* x = inputs[items + item] + first;
                for (std::size_t j = 0; j < m; ++j) per_participant[j] += non_negative(x[j]);
            }
            double longest = 0;
            for (std::size_t j = 0; j < m; ++j) {
                costs[first + j] = pv_costs * non_negative(at(cost_factor)[j]);
                per_participant[j] *= non_negative(at(scale)[j]) * share(at(success_rate)[j]) *
                                      detail::adjustment_factor(at(deadweight)[j], at(attribution)[j], at(displacement)[j]);
                keep[j] = 1 - share(at(drop_off)[j]);
                years[j] = std::max(0.0, at(effect_years)[j]);
                longest = std::max(longest, years[j]);
                weight[j] = 1;
                factor[j] = 0;
            }
            // Effect years 0 .. floor(longest), within the span of participants_by_effect_year.
            const auto effect = static_cast<std::size_t>(std::min(std::floor(longest) + 1, effect_span));
            // Two years per pass over the lane halve the loads and stores of the running sums.
            std::size_t k = 0;
            for (; k + 1 < effect; k += 2) {
                const double year = static_cast<double>(k), g0 = g[k], g1 = g[k + 1];
                for (std::size_t j = 0; j < m; ++j) {
                    // 1 in a whole year, the fraction in the last, 0 after: min and max, no branches.
                    const double part0 = std::min(std::max(years[j] - year, 0.0), 1.0);
                    const double part1 = std::min(std::max(years[j] - (year + 1), 0.0), 1.0);
                    const double w = weight[j];
                    factor[j] += w * part0 * g0 + w * keep[j] * part1 * g1;
                    weight[j] = w * keep[j] * keep[j];
                }
            }
            if (k < effect) {
                const double year = static_cast<double>(k), gk = g[k];
                for (std::size_t j = 0; j < m; ++j) factor[j] += weight[j] * std::min(std::max(years[j] - year, 0.0), 1.0) * gk;
            }
            for (std::size_t j = 0; j < m; ++j) savings[first + j] = per_participant[j] * factor[j];
        }
    }
};

// The present values only, for Monte Carlo and sensitivity.
struct present_values {
    double costs = 0;
    double savings = 0;
    double npv() const { return savings - costs; }
};

inline present_values evaluate_present_values(const cost_model&, const model_values& v, const present_value_kernel& kernel) {
    std::vector<const double*> inputs{&v.success_rate, &v.deadweight,   &v.attribution, &v.displacement,
                                      &v.drop_off,     &v.effect_years, &v.cost_factor, &v.scale};
    for (const double& item : v.item_per_year) inputs.push_back(&item);
    present_values pv;
    kernel.evaluate(inputs.data(), 1, &pv.costs, &pv.savings);
    return pv;
}

// The whole result for one set of input values (the point estimate uses mean_values).
inline economic_result evaluate(const cost_model& m, const model_values& v) {
    economic_result r;
    r.view = m.view;
    const auto n = static_cast<std::size_t>(std::max(0, m.horizon_years));
    r.discount_factors = discount_factors(m);
    for (std::size_t t = 0; t < n; ++t) r.years.push_back(m.base_year + static_cast<int>(t));
    r.costs.assign(n, 0.0);
    r.savings.assign(n, 0.0);
    for (const auto& c : m.intervention_costs) {
        const int t = c.year - m.base_year;
        if (t >= 0 && t < m.horizon_years) r.costs[static_cast<std::size_t>(t)] += c.amount * detail::non_negative(v.cost_factor);
    }
    const double adjust = detail::adjustment_factor(v);
    std::vector<double> society(n, 0.0);
    // Each item's payer row, looked up on the item's first saving rather than in every effect year
    // (a payer without any saving gets no row).
    std::vector<std::vector<double>*> payer_rows(m.exclusion.items.size(), nullptr);
    for (const auto& c : m.cohorts) {
        r.participants += c.participants;
        const double successes = c.participants * detail::share(v.success_rate) * adjust;
        r.expected_successes += successes;
        detail::for_each_effect_year(m, c, v, m.base_year, m.horizon_years, [&](int t, double w) {
            const auto ti = static_cast<std::size_t>(t);
            for (std::size_t i = 0; i < m.exclusion.items.size(); ++i) {
                const auto& item = m.exclusion.items[i];
                const double saving = successes * w * detail::non_negative(v.item_per_year[i]) * detail::non_negative(v.scale);
                if (!payer_rows[i]) {
                    payer_rows[i] = &r.savings_by_payer[item.payer];
                    if (payer_rows[i]->empty()) payer_rows[i]->assign(n, 0.0);
                }
                (*payer_rows[i])[ti] += saving;
                if (counts_in_view(item, m.view)) r.savings[ti] += saving;
                if (counts_in_view(item, economic_view::society)) society[ti] += saving;
            }
        });
    }
    double cumulative = 0, pv_society = 0;
    for (std::size_t t = 0; t < n; ++t) {
        r.pv_costs += r.costs[t] * r.discount_factors[t];
        r.pv_savings += r.savings[t] * r.discount_factors[t];
        pv_society += society[t] * r.discount_factors[t];
        cumulative += (r.savings[t] - r.costs[t]) * r.discount_factors[t];
        if (!r.payback_year && cumulative >= 0 && r.pv_costs > 0) r.payback_year = r.years[t];
    }
    r.npv = r.pv_savings - r.pv_costs;
    r.benefit_cost_ratio = r.pv_costs > 0 ? r.pv_savings / r.pv_costs : NAN;
    r.sroi_ratio = r.pv_costs > 0 ? pv_society / r.pv_costs : NAN;

    // Break-even (WSIPP): successes needed = cost ÷ value per success. The value of a success
    // comes from the model at a 100 % success rate, so it exists even when the rate is zero.
    model_values all = v;
    all.success_rate = 1.0;
    const double pv_per_all = evaluate_present_values(m, all, present_value_kernel(m)).savings;
    const double max_successes = r.participants * adjust;
    r.value_per_success = max_successes > 0 ? pv_per_all / max_successes : 0;
    r.break_even_successes = r.value_per_success > 0 ? r.pv_costs / r.value_per_success : INFINITY;
    r.break_even_success_rate = max_successes > 0 ? r.break_even_successes / max_successes : INFINITY;

    for (const auto& payer : m.cost_payers) r.by_payer.push_back({payer.name, "funder", r.pv_costs * payer.share, 0});
    for (const auto& [payer, row] : r.savings_by_payer) {
        double pv = 0;
        for (std::size_t t = 0; t < n; ++t) pv += row[t] * r.discount_factors[t];
        std::string level;
        for (const auto& item : m.exclusion.items)
            if (item.payer == payer) level = std::string(to_string(item.level));
        r.by_payer.push_back({payer, level, 0, pv});
    }
    return r;
}

inline economic_result evaluate(const cost_model& m) { return evaluate(m, mean_values(m)); }

}  // namespace socinv
