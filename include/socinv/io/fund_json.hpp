#pragma once
// A fund file: the ledger, the portfolio of investments and the simulation's settings.

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/application/transfer_schedule_of.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/io/load.hpp"
#include "socinv/io/transfer_json.hpp"
#include "socinv/rules/assessment.hpp"
#include "socinv/transfer/fund_simulation.hpp"

namespace socinv {

struct fund_file {
    fund_ledger ledger;
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

// Reads a fund file. Portfolio entries are {"application": PATH or an inline application,
// "status": "granted" | "planned"}; paths are relative to the fund file.
inline fund_file load_fund(const std::string& path) {
    using namespace io;
    fund_file fund;
    try {
        const json j = parse_json(read_file(path));
        require_object(j, "");
        reject_unknown_keys(j, "", {"format", "version", "fund", "entries", "portfolio", "simulation"});
        fund.ledger = ledger_from_json(j);
        const auto base = std::filesystem::path(path).parent_path();
        int first_year = 9999;
        if (const json* portfolio = optional(j, "portfolio")) {
            require_array(*portfolio, "/portfolio");
            for (std::size_t i = 0; i < portfolio->size(); ++i) {
                const std::string at = join_pointer("/portfolio", i);
                const json& p = require_object((*portfolio)[i], at);
                reject_unknown_keys(p, at, {"application", "status"});
                const json& a = required(p, "application", at);
                application app;
                if (a.is_string()) {
                    const auto file = (base / a.get<std::string>()).string();
                    app = load_application(file);
                } else {
                    app = at_pointer(at + "/application", [&] { return application_from_json(a); });
                }
                bool granted = true;
                if (const json* s = optional(p, "status")) {
                    const std::string status = read_string(*s, at + "/status");
                    if (status != "granted" && status != "planned")
                        throw input_error(at + "/status", describe(*s), "status must be \"granted\" or \"planned\"");
                    granted = status == "granted";
                }
                (void)portfolio_item_from(app, granted, at);
                first_year = std::min(first_year, app.period.first_year());
                fund.applications.push_back(std::move(app));
                fund.granted.push_back(granted);
            }
        }
        auto& sim = fund.simulation;
        sim.start_year = first_year == 9999 ? (fund.ledger.entries().empty() ? 2000 : static_cast<int>(fund.ledger.entries().front().on.year()))
                                            : first_year;
        sim.capital = fund.ledger.balances().capital.sek();
        if (const json* s = optional(j, "simulation")) {
            require_object(*s, "/simulation");
            reject_unknown_keys(*s, "/simulation", {"start_year", "horizon_years", "draws", "seed", "min_grant"});
            if (const json* x = optional(*s, "start_year"))
                sim.start_year = static_cast<int>(read_integer(*x, "/simulation/start_year", 1400, 9999));
            if (const json* x = optional(*s, "horizon_years"))
                sim.horizon_years = static_cast<int>(read_integer(*x, "/simulation/horizon_years", 1, 200));
            if (const json* x = optional(*s, "draws"))
                sim.draws = static_cast<std::size_t>(read_integer(*x, "/simulation/draws", 1, 10'000'000));
            if (const json* x = optional(*s, "seed"))
                sim.seed = static_cast<std::uint64_t>(read_integer(*x, "/simulation/seed", 0, INT64_MAX));
            if (const json* x = optional(*s, "min_grant")) sim.min_grant = read_money(*x, "/simulation/min_grant").sek();
        }
    } catch (const input_error& e) {
        throw e.source().empty() ? e.with_source(path) : e;
    }
    return fund;
}

inline std::vector<portfolio_item> portfolio_of(const fund_file& fund) {
    std::vector<portfolio_item> items;
    for (std::size_t i = 0; i < fund.applications.size(); ++i)
        items.push_back(portfolio_item_from(fund.applications[i], fund.granted[i], "/portfolio/" + std::to_string(i)));
    return items;
}

inline io::json to_json(const fund_simulation_result& r) {
    using io::json;
    json outcomes = json::array();
    for (const auto& o : r.outcomes) {
        json bands = json::object();
        for (const auto& [p, row] : o.balance_percentiles) bands["p" + std::to_string(p)] = row;
        json paid_back = json::object();
        for (std::size_t i = 0; i < r.investments.size(); ++i) paid_back[r.investments[i]] = o.probability_paid_back[i];
        outcomes.push_back({{"rule", o.rule},
                            {"years", o.years},
                            {"balance_mean", o.balance_mean},
                            {"balance_percentiles", bands},
                            {"probability_paid_back", paid_back},
                            {"probability_exhausted", o.probability_exhausted},
                            {"median_years_to_exhaustion",
                             o.median_years_to_exhaustion ? json(*o.median_years_to_exhaustion) : json(nullptr)},
                            {"expected_reductions", o.expected_reductions},
                            {"expected_reductions_by_year", o.expected_reductions_by_year},
                            {"mean_total_returns", o.mean_total_returns},
                            {"mean_end_balance", o.mean_end_balance}});
    }
    return {{"draws", r.draws}, {"seed", r.seed}, {"min_grant", r.min_grant}, {"investments", r.investments},
            {"outcomes", outcomes}};
}

}  // namespace socinv
