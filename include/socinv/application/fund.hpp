#pragma once
// A fund as its file describes it: the ledger, the portfolio of applications it has granted or
// plans to, and the simulation's settings; and each application as an investment of the fund.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/application/budget_years.hpp"
#include "socinv/application/cost_model_of.hpp"
#include "socinv/application/transfer_schedule_of.hpp"
#include "socinv/core/allocation.hpp"
#include "socinv/transfer/fund_simulation.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv {

struct fund_file {
    fund_ledger ledger;
    std::string ledger_database;            // the database file the ledger was read from, or ""
    std::vector<application> applications;  // the portfolio, in file order
    std::vector<bool> granted;
    fund_simulation_options simulation;
};

// An application as an investment of the fund: the fund pays its share of each budget year's
// cost; its cost model gives the savings and its agreement the return terms.
inline portfolio_item portfolio_item_from(const application& app, bool granted, const std::string& at) {
    if (!app.economics)
        throw input_error(at, "\"" + app.id + "\"", app.id + " has no cost model (an \"economics\" section) to simulate");
    if (!app.return_transfer)
        throw input_error(at, "\"" + app.id + "\"", app.id + " has no return-transfer agreement");
    portfolio_item item;
    item.id = app.id;
    item.granted = granted;
    const money invested = invested_amount(app);
    item.invested = invested.sek();
    const auto years = money_by_budget_year(app);
    // Weights: each budget year's share of the cost, or its days when no year has any.
    std::vector<std::int64_t> weights;
    for (const auto& y : years) weights.push_back(std::max<std::int64_t>(0, y.amount.ore()));
    if (std::all_of(weights.begin(), weights.end(), [](auto w) { return w == 0; }))
        for (std::size_t i = 0; i < years.size(); ++i) weights[i] = years[i].days;
    const auto parts = allocate(invested, weights);
    for (std::size_t i = 0; i < years.size(); ++i) item.payments.push_back({years[i].year, parts[i].sek()});
    item.model = cost_model_from(app);
    item.agreement = agreement_from(app);
    return item;
}

// A simulation whose years miss every investment of the portfolio would run on no payments and
// no returns: refused, naming the years.
inline void check_simulation_years(const fund_simulation_options& sim, int first_year, int last_year, const std::string& at) {
    const int end = sim.start_year + sim.horizon_years - 1;
    if (sim.start_year > last_year || end < first_year)
        throw input_error(at, std::to_string(sim.start_year),
                          "the simulation's years " + std::to_string(sim.start_year) + "-" + std::to_string(end) +
                              " lie outside every investment of the portfolio (its budget years are " +
                              std::to_string(first_year) + "-" + std::to_string(last_year) + ")");
}

inline std::vector<portfolio_item> portfolio_of(const fund_file& fund) {
    std::vector<portfolio_item> items;
    for (std::size_t i = 0; i < fund.applications.size(); ++i)
        items.push_back(portfolio_item_from(fund.applications[i], fund.granted[i], "/portfolio/" + std::to_string(i)));
    return items;
}

}  // namespace socinv
