#pragma once
// The cost model that an application's `economics` section and the rest of the application imply.

#include <algorithm>
#include <map>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/core/allocation.hpp"
#include "socinv/economics/cost_model.hpp"

namespace socinv {

// The default exclusion costs changed as the section says.
inline exclusion_cost_profile exclusion_costs_of(const exclusion_cost_inputs& in) {
    exclusion_cost_profile p = default_exclusion_costs();
    if (in.items) {
        p.name = "custom";
        p.items = *in.items;
    }
    for (auto& item : p.items)
        if (auto it = in.overrides.find(item.name); it != in.overrides.end()) item.per_year = it->second;
    if (in.scale) p.scale = *in.scale;
    if (in.age_from) p.age_from = *in.age_from;
    if (in.age_to) p.age_to = *in.age_to;
    return p;
}

// The participants per year the cost model counts when the section gives no cohorts: its own
// figure, else the application's places per year; neither is bad input, found when it is read.
inline double participants_per_year_of(const application& app, const economics_section& e) {
    if (e.participants_per_year) return *e.participants_per_year;
    if (app.places_per_year) return static_cast<double>(*app.places_per_year);
    throw input_error("/economics/participants_per_year", "",
                      "the cost model needs participants: give economics.participants_per_year, economics.cohorts "
                      "or the application's places_per_year");
}

inline const economics_section& economics_of(const application& app) {
    if (!app.economics) throw input_error("/economics", "", "the application has no cost model (no economics section)");
    return *app.economics;
}

// The application's cost model. Costs come from its budget by year or, without a budget, its
// total cost spread over the period by days; cohorts from `cohorts`, else from
// `participants_per_year` (default: the application's places_per_year) in each project year.
inline cost_model cost_model_from(const application& app) {
    const economics_section& e = economics_of(app);
    cost_model m;
    m.base_year = e.base_year.value_or(app.period.first_year());
    if (e.view) m.view = *e.view;
    if (e.horizon_years) m.horizon_years = *e.horizon_years;
    if (e.discount) m.discount = *e.discount;
    if (e.start_lag_years) m.start_lag_years = *e.start_lag_years;

    const money total = app.total_cost();
    if (!app.budget.empty()) {
        std::map<int, double> by_year;
        for (const auto& line : app.budget) by_year[line.year] += line.amount.sek();
        for (const auto& [year, amount] : by_year) m.intervention_costs.push_back({year, amount});
    } else {
        std::vector<std::int64_t> weights;
        const auto years = app.period.budget_years();
        for (const auto& y : years) weights.push_back(y.days);
        const auto parts = allocate(total, weights);
        for (std::size_t i = 0; i < years.size(); ++i) m.intervention_costs.push_back({years[i].year, parts[i].sek()});
    }
    if (!total.is_zero()) {
        m.cost_payers.push_back({"Sociala investeringsfonden", app.requested.sek() / total.sek()});  // the fund, by its name
        for (const auto& c : app.co_financing) m.cost_payers.push_back({c.funder, c.amount.sek() / total.sek()});
    }

    if (e.cohorts) {
        m.cohorts = *e.cohorts;
    } else {
        const double per_year = participants_per_year_of(app, e);
        const int project_years = std::max(1, (app.period.whole_months() + 11) / 12);
        for (int k = 0; k < project_years; ++k) m.cohorts.push_back({app.period.first_year() + k, per_year});
    }

    m.success_rate = e.success_rate;
    if (e.deadweight) m.deadweight = *e.deadweight;
    if (e.attribution) m.attribution = *e.attribution;
    if (e.displacement) m.displacement = *e.displacement;
    if (e.drop_off) m.drop_off = *e.drop_off;
    if (e.effect_years) m.effect_years = *e.effect_years;
    if (e.cost_factor) m.cost_factor = *e.cost_factor;
    if (e.exclusion_cost) m.exclusion = exclusion_costs_of(*e.exclusion_cost);
    return m;
}

}  // namespace socinv
