#pragma once
// A fund file: the ledger, the portfolio of investments and the simulation's settings.

#include <filesystem>
#include <functional>
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

// A path that names a ledger database rather than a JSON file.
inline bool is_ledger_database_path(std::string_view path) {
    auto ends_with = [&](std::string_view suffix) {
        return path.size() > suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
    };
    return ends_with(".db") || ends_with(".sqlite") || ends_with(".sqlite3");
}

// Opens, verifies and reads a ledger database: socinv::store::read_ledger_database
// (socinv/store/ledger_store.hpp, CMake target socinv::ledger_store) is one.
using ledger_database_reader = std::function<fund_ledger(const std::string& path, const ledger_policy& policy)>;

// Reads a fund file. Its ledger is either the file's own `entries` or, with `"ledger":
// "NAME.db"` (relative to the fund file), a ledger database read through `read_database`.
// Portfolio entries are {"application": PATH or an inline application, "status": "granted" |
// "planned"}; paths are relative to the fund file.
inline fund_file load_fund(const std::string& path, const ledger_policy& policy = {},
                           const ledger_database_reader& read_database = nullptr) {
    using namespace io;
    fund_file fund;
    try {
        const json j = parse_json(read_file(path));
        require_object(j, "");
        reject_unknown_keys(j, "", {"format", "version", "fund", "entries", "chain", "ledger", "portfolio", "simulation"});
        const auto base = std::filesystem::path(path).parent_path();
        if (const json* db = optional(j, "ledger")) {
            const std::string name = read_string(*db, "/ledger", false);
            if (optional(j, "entries"))
                throw input_error("/entries", "", "a fund file has either entries or a \"ledger\" database, not both");
            if (!is_ledger_database_path(name))
                throw input_error("/ledger", describe(*db), "a ledger database's name ends in .db, .sqlite or .sqlite3");
            if (!read_database)
                throw input_error("/ledger", describe(*db),
                                  "the fund's ledger is the database " + describe(*db) +
                                      ", and this program reads no ledger databases (link socinv::ledger_store and "
                                      "pass socinv::store::read_ledger_database)");
            fund.ledger_database = (base / name).string();
            fund.ledger = read_database(fund.ledger_database, policy);  // its errors name the database
        } else {
            fund.ledger = ledger_from_json(j, policy);
        }
        int first_year = 9999, last_year = 0;
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
                last_year = std::max(last_year, app.period.last_year());
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
        if (!fund.applications.empty()) check_simulation_years(sim, first_year, last_year, "/simulation/start_year");
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
