#pragma once
// An application's money by calendar budget year, as the municipality books it.

#include <cstdint>
#include <map>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/core/allocation.hpp"

namespace socinv {

// Money by calendar budget year, as the municipality books it.
struct budget_year_amount {
    int year = 0;
    long days = 0;
    money amount;
    bool from_budget = false;  // false: the amount requested spread over the period by days
};

// The application's money by budget year: its budget lines summed by year when it has a budget,
// else the amount requested spread over the period's budget years by days (parts add up exactly).
inline std::vector<budget_year_amount> money_by_budget_year(const application& app) {
    std::vector<budget_year_amount> out;
    const auto years = app.period.budget_years();
    if (!app.budget.empty()) {
        std::map<int, money> by_year;
        for (const auto& line : app.budget) by_year[line.year] += line.amount;
        for (const auto& y : years) out.push_back({y.year, y.days, by_year[y.year], true});
        return out;
    }
    std::vector<std::int64_t> weights;
    for (const auto& y : years) weights.push_back(y.days);
    const auto parts = allocate(app.requested, weights);
    for (std::size_t i = 0; i < years.size(); ++i) out.push_back({years[i].year, years[i].days, parts[i], false});
    return out;
}

}  // namespace socinv
