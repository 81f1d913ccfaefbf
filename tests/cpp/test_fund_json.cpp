// Tests for socinv/io/fund_json.hpp: fund files with their ledger, portfolio and simulation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/fund_json.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using json = nlohmann::json;
using socinv::testing::expect_input_error;

namespace {

// The Örebro example fund with its application paths made absolute, changed by `edit` and saved
// under the test's temp directory; returns the path.
std::string orebro_fund_with(const std::string& name, const std::function<void(json&)>& edit) {
    json fund = json::parse(io::read_file(socinv::testing::example_path("funds/orebro.json")));
    for (auto& p : fund["portfolio"])
        if (p["application"].is_string())
            p["application"] = socinv::testing::example_path(
                "applications/" + std::filesystem::path(p["application"].get<std::string>()).filename().string());
    edit(fund);
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << fund.dump(2);
    return path;
}

}  // namespace

TEST(FundJson, ASimulationOutsideThePortfolioIsRefused) {
    json fund = json::parse(io::read_file(socinv::testing::example_path("funds/orebro.json")));
    for (auto& p : fund["portfolio"])
        p["application"] = socinv::testing::example_path("applications/" +
                                                         std::filesystem::path(p["application"].get<std::string>()).filename().string());
    const std::string path = ::testing::TempDir() + "socinv_fund_years.json";
    for (int start : {2040, 1990}) {
        fund["simulation"]["start_year"] = start;
        fund["simulation"]["horizon_years"] = 10;
        std::ofstream(path) << fund.dump(2);
        try {
            load_fund(path);
            ADD_FAILURE() << start;
        } catch (const input_error& e) {
            EXPECT_EQ(e.pointer(), "/simulation/start_year") << e.what();
            EXPECT_NE(e.message().find("outside every investment"), std::string::npos) << e.what();
        }
    }
    std::remove(path.c_str());
}

TEST(FundJson, OrebroExampleLoadsAndSimulates) {
    const auto fund = load_fund(socinv::testing::example_path("funds/orebro.json"));
    EXPECT_EQ(fund.ledger.balances().capital, money::from_sek(80'000'000));
    EXPECT_EQ(fund.ledger.balances().paid, money::from_sek(14'500'000));
    auto options = fund.simulation;
    options.draws = 2000;
    const auto r = simulate_fund(portfolio_of(fund), options);
    ASSERT_EQ(r.outcomes.size(), 5u);
    const auto& none = r.outcomes.back();
    EXPECT_EQ(none.rule, "no return");
    EXPECT_DOUBLE_EQ(none.mean_total_returns, 0.0);
    EXPECT_NEAR(none.mean_end_balance, 80e6 - 14.5e6, 1.0);  // capital less every payment
    for (const auto& o : r.outcomes) EXPECT_LE(o.mean_total_returns, r.outcomes[1].mean_total_returns + 1e-6);  // 100 % returns most
    // Capping at the investment never returns more than was invested.
    const auto& capped = r.outcomes[3];
    EXPECT_LE(capped.mean_total_returns, 14.5e6 + 1e-6);
    // Half the saving returns half of what 100 % does, when no cap binds.
    EXPECT_NEAR(r.outcomes[2].mean_total_returns, 0.5 * r.outcomes[1].mean_total_returns, 1e-3 * r.outcomes[1].mean_total_returns);
    // The same seed gives the same fund on any thread count.
    options.threads = 1;
    const auto one = simulate_fund(portfolio_of(fund), options);
    options.threads = 2;
    EXPECT_EQ(one.outcomes[0].balance_mean, simulate_fund(portfolio_of(fund), options).outcomes[0].balance_mean);
}

TEST(FundJson, AnInlineApplicationsErrorsCarryTheirPortfolioPointer) {
    const auto path = orebro_fund_with("socinv_fund_inline.json", [](json& f) {
        json app = json::parse(io::read_file(socinv::testing::example_path("applications/sot.json")));
        app["period"]["end"] = "2017-02-30";
        f["portfolio"][0]["application"] = app;
    });
    try {
        (void)load_fund(path);
        ADD_FAILURE() << "a bad inline application was accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/portfolio/0/application/period/end");
        EXPECT_EQ(e.source(), path);
    }
}

TEST(FundJson, AnInlineApplicationReadsAsItsFileDoes) {
    const auto path = orebro_fund_with("socinv_fund_inline_ok.json", [](json& f) {
        f["portfolio"][0]["application"] = json::parse(io::read_file(socinv::testing::example_path("applications/sot.json")));
    });
    const fund_file fund = load_fund(path);
    EXPECT_EQ(fund.applications[0], socinv::testing::example("sot.json"));
}

TEST(FundJson, StatusEntriesAndDatabaseAreChecked) {
    expect_input_error([] { load_fund(orebro_fund_with("socinv_fund_status.json", [](json& f) { f["portfolio"][0]["status"] = "maybe"; })); },
                       "/portfolio/0/status", "\"maybe\"", "status must be \"granted\" or \"planned\"");
    expect_input_error([] { load_fund(orebro_fund_with("socinv_fund_both.json", [](json& f) { f["ledger"] = "fund.db"; })); },
                       "/entries", "", "a fund file has either entries or a \"ledger\" database, not both");
    const auto db_only = orebro_fund_with("socinv_fund_db.json", [](json& f) {
        f.erase("entries");
        f["ledger"] = "fund.db";
    });
    expect_input_error([&] { load_fund(db_only); }, "/ledger", "\"fund.db\"",
                       "the fund's ledger is the database \"fund.db\", and this program reads no ledger databases (link "
                       "socinv::ledger_store and pass socinv::store::read_ledger_database)");
    expect_input_error([] { load_fund(orebro_fund_with("socinv_fund_txt.json", [](json& f) {
                           f.erase("entries");
                           f["ledger"] = "fund.txt";
                       })); },
                       "/ledger", "\"fund.txt\"", "a ledger database's name ends in .db, .sqlite or .sqlite3");
}

TEST(FundJson, SimulationSettingsAreRead) {
    const fund_file fund = load_fund(orebro_fund_with("socinv_fund_sim.json", [](json& f) {
        f["simulation"] = {{"start_year", 2014}, {"horizon_years", 12}, {"draws", 321}, {"seed", 9}, {"min_grant", "250000"}};
    }));
    EXPECT_EQ(fund.simulation.start_year, 2014);
    EXPECT_EQ(fund.simulation.horizon_years, 12);
    EXPECT_EQ(fund.simulation.draws, 321u);
    EXPECT_EQ(fund.simulation.seed, 9u);
    EXPECT_EQ(fund.simulation.min_grant, 250000.0);
    expect_input_error([] { load_fund(orebro_fund_with("socinv_fund_sim_bad.json", [](json& f) { f["simulation"] = {{"draws", 0}}; })); },
                       "/simulation/draws", "0", "value 0 is outside 1..10000000");
}
