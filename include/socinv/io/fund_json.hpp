#pragma once
// Fund files read (the model is application/fund.hpp), and the fund simulation's result as JSON.

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "socinv/application/fund.hpp"
#include "socinv/io/application_json.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/json_writer.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/io/load.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/transfer/fund_simulation.hpp"

namespace socinv {

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
        // Its own parser: the portfolio's application files are read with the thread's parser
        // while this document is still being walked.
        json_parser parser;
        const std::string text = read_file(path);
        const element root = parser.parse(text);
        const dom_object j = require_object(root, "");
        check_keys(j, "", {"format", "version", "fund", "entries", "chain", "ledger", "portfolio", "simulation"});
        const auto base = std::filesystem::path(path).parent_path();
        if (const auto db = optional(j, "ledger")) {
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
            fund.ledger = replay_ledger(read_ledger_document(root), policy);
        }
        int first_year = 9999, last_year = 0;
        for_each_element(j, "portfolio", "", [&](element value, const std::string& at) {
            const dom_object p = require_object(value, at);
            check_keys(p, at, {"application", "status"});
            const element a = required(p, "application", at);
            application app = a.type() == element_type::STRING
                                  ? load_application((base / std::string(a.get_string().value_unsafe())).string())
                                  : at_pointer(at + "/application", [&] { return application_from_dom(a); });
            bool granted = true;
            if (const auto s = optional(p, "status")) {
                const std::string status = read_string(*s, pointer_ref(at, "status"));
                if (status != "granted" && status != "planned")
                    throw input_error(at + "/status", describe(*s), "status must be \"granted\" or \"planned\"");
                granted = status == "granted";
            }
            (void)portfolio_item_from(app, granted, at);
            first_year = std::min(first_year, app.period.first_year());
            last_year = std::max(last_year, app.period.last_year());
            fund.applications.push_back(std::move(app));
            fund.granted.push_back(granted);
        });
        auto& sim = fund.simulation;
        sim.start_year = first_year == 9999 ? (fund.ledger.entries().empty() ? 2000 : static_cast<int>(fund.ledger.entries().front().on.year()))
                                            : first_year;
        sim.capital = fund.ledger.balances().capital.sek();
        if (const auto s = optional(j, "simulation")) {
            const dom_object o = require_object(*s, "/simulation");
            check_keys(o, "/simulation", {"start_year", "horizon_years", "draws", "seed", "min_grant"});
            if (const auto x = optional(o, "start_year"))
                sim.start_year = static_cast<int>(read_integer(*x, "/simulation/start_year", 1400, 9999));
            if (const auto x = optional(o, "horizon_years"))
                sim.horizon_years = static_cast<int>(read_integer(*x, "/simulation/horizon_years", 1, 200));
            if (const auto x = optional(o, "draws"))
                sim.draws = static_cast<std::size_t>(read_integer(*x, "/simulation/draws", 1, 10'000'000));
            if (const auto x = optional(o, "seed"))
                sim.seed = static_cast<std::uint64_t>(read_integer(*x, "/simulation/seed", 0, INT64_MAX));
            if (const auto x = optional(o, "min_grant")) sim.min_grant = read_money(*x, "/simulation/min_grant").sek();
        }
        if (!fund.applications.empty()) check_simulation_years(sim, first_year, last_year, "/simulation/start_year");
    } catch (const input_error& e) {
        throw e.source().empty() ? e.with_source(path) : e;
    }
    return fund;
}

// The simulation's result, written without building a document (keys sorted as nlohmann writes
// them); percentile bands by name ("p5", "p25", ...), the chance of being paid back by investment.
inline void write_json(io::json_writer& w, const fund_simulation_result& r) {
    w.begin_object().member("draws", r.draws).key("investments").values(r.investments);
    w.member("min_grant", r.min_grant).key("outcomes").begin_array();
    for (const auto& o : r.outcomes) {
        std::map<std::string, const std::vector<double>*> bands;
        for (const auto& [p, row] : o.balance_percentiles) bands["p" + std::to_string(p)] = &row;
        std::map<std::string, double> paid_back;
        for (std::size_t i = 0; i < r.investments.size(); ++i) paid_back[r.investments[i]] = o.probability_paid_back[i];
        w.begin_object().key("balance_mean").values(o.balance_mean).key("balance_percentiles").begin_object();
        for (const auto& [name, row] : bands) w.key(name).values(*row);
        w.end_object().key("expected_reductions").begin_object();
        for (const auto& [payer, total] : o.expected_reductions) w.member(payer, total);
        w.end_object().key("expected_reductions_by_year").begin_object();
        for (const auto& [payer, row] : o.expected_reductions_by_year) w.key(payer).values(row);
        w.end_object()
            .member("mean_end_balance", o.mean_end_balance)
            .member("mean_total_returns", o.mean_total_returns)
            .member("median_years_to_exhaustion", o.median_years_to_exhaustion)
            .member("probability_exhausted", o.probability_exhausted)
            .key("probability_paid_back")
            .begin_object();
        for (const auto& [id, p] : paid_back) w.member(id, p);
        w.end_object().member("rule", o.rule).key("years").values(o.years).end_object();
    }
    w.end_array().member("seed", r.seed).end_object();
}

inline io::json to_json(const fund_simulation_result& r) { return io::json::parse(io::json_text(r)); }

}  // namespace socinv
