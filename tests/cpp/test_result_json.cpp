// Tests for the result writers (write_json in io/economic_result_json.hpp, transfer_json.hpp,
// follow_up_json.hpp, ledger_json.hpp, fund_json.hpp): each writes, without building a document,
// the document nlohmann's dump() would write (keys sorted), with the values the model computed.
#include <gtest/gtest.h>

#include <string>

#include "socinv/application/follow_up_of.hpp"
#include "socinv/application/fund.hpp"
#include "socinv/economics/monte_carlo.hpp"
#include "socinv/io/economic_result_json.hpp"
#include "socinv/io/follow_up_json.hpp"
#include "socinv/io/fund_json.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/io/transfer_json.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using nlohmann::json;

namespace {

// Every object's keys in sorted order, as nlohmann writes a document.
void expect_sorted_keys(const nlohmann::ordered_json& j, const std::string& at = "") {
    if (j.is_object()) {
        std::string previous;
        bool first = true;
        for (const auto& [key, value] : j.items()) {
            EXPECT_TRUE(first || previous < key) << "\"" << key << "\" after \"" << previous << "\" at " << at;
            previous = key;
            first = false;
            expect_sorted_keys(value, at + "/" + key);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) expect_sorted_keys(j[i], at + "/" + std::to_string(i));
    }
}

// The writer's text parses, its keys are sorted, and it is nlohmann's text for the same document
// but for numbers: the writer gives each double its shortest round-trip digits, where nlohmann
// may give a seventeenth (443804.4442534103 and 443804.44425341027 are one double).
json parsed_as_nlohmann_writes_it(const std::string& text) {
    expect_sorted_keys(nlohmann::ordered_json::parse(text));
    const json j = json::parse(text);
    EXPECT_EQ(json::parse(j.dump()), j);
    return j;
}

}  // namespace

TEST(ResultJson, CostModelSimulationAndTornado) {
    for (const char* name : {"sot.json", "varberga-oxhagen.json", "kalmar-esf.json", "aktiv-24.json"}) {
        const auto app = socinv::testing::example(name);
        if (!app.economics) continue;
        const cost_model model = cost_model_from(app);
        const economic_result point = evaluate(model);
        const json e = parsed_as_nlohmann_writes_it(io::json_text(point));
        EXPECT_DOUBLE_EQ(e["npv"].get<double>(), point.npv) << name;
        EXPECT_EQ(e["by_year"].size(), point.years.size()) << name;
        EXPECT_EQ(e["by_payer"].size(), point.by_payer.size()) << name;
        EXPECT_EQ(e["view"], to_string(point.view)) << name;

        simulation_options options;
        options.draws = 2000;
        const simulation_result mc = simulate(model, options);
        const json s = parsed_as_nlohmann_writes_it(io::json_text(mc, true));
        EXPECT_EQ(s["npv"].size(), 2000u);
        EXPECT_DOUBLE_EQ(s["npv_percentiles"]["p50"].get<double>(), mc.npv_percentile(0.5));
        EXPECT_FALSE(json::parse(io::json_text(mc)).contains("npv"));  // draws only on request

        const auto bars = tornado(model);
        const json t = parsed_as_nlohmann_writes_it(io::json_text(bars));
        ASSERT_EQ(t.size(), bars.size());
        ASSERT_FALSE(bars.empty()) << name;
        EXPECT_DOUBLE_EQ(t[0]["swing"].get<double>(), bars[0].swing());
    }
}

TEST(ResultJson, UnreachableRatiosAreNull) {
    economic_result r;
    r.benefit_cost_ratio = std::numeric_limits<double>::infinity();
    r.break_even_successes = std::numeric_limits<double>::quiet_NaN();
    const json j = parsed_as_nlohmann_writes_it(io::json_text(r));
    EXPECT_TRUE(j["benefit_cost_ratio"].is_null());
    EXPECT_TRUE(j["break_even_successes"].is_null());
    EXPECT_TRUE(j["payback_year"].is_null());
}

TEST(ResultJson, TransferScheduleSumsByPayerExactly) {
    const auto app = socinv::testing::example("sot.json");
    const transfer_schedule schedule = schedule_from(app);
    const json j = parsed_as_nlohmann_writes_it(io::json_text(schedule));
    ASSERT_EQ(j["schedule"].size(), schedule.lines.size());
    money sum;
    for (const auto& [payer, total] : j["by_payer"].items()) sum += parse_sek(total.get<std::string>());
    EXPECT_EQ(sum, schedule.total);
    EXPECT_EQ(j["total"], format_decimal(schedule.total));
}

TEST(ResultJson, FollowUpWithIdAndReconciliation) {
    const auto app = socinv::testing::example("sot.json");
    ASSERT_TRUE(app.follow_up && app.savings && app.return_transfer);
    const follow_up_evaluation r = evaluate_follow_up(app);
    const reconciliation rec = reconcile(app);
    std::string text;
    io::json_writer w(text);
    write_json(w, r, app.id, &rec);
    const json j = parsed_as_nlohmann_writes_it(text);
    EXPECT_EQ(j["id"], app.id);
    EXPECT_EQ(j["measures"].size(), r.measures.size());
    EXPECT_EQ(j["reconciliation"]["true_up"], "51500.00");  // SöT's true-up (docs/outcomes.md)
    EXPECT_EQ(j["reconciliation"], json::parse(io::json_text(rec)));
    // Without the extras the evaluation stands alone.
    const json alone = parsed_as_nlohmann_writes_it(io::json_text(r));
    EXPECT_FALSE(alone.contains("id"));
    EXPECT_FALSE(alone.contains("reconciliation"));
}

TEST(ResultJson, FundBalancesGrantsAndSimulation) {
    fund_file fund = load_fund(socinv::testing::example_path("funds/orebro.json"));
    const json b = parsed_as_nlohmann_writes_it(io::json_text(fund.ledger.balances()));
    EXPECT_EQ(b["capital"], format_decimal(fund.ledger.balances().capital));
    const json g = parsed_as_nlohmann_writes_it(io::json_text(fund.ledger.grants()));
    EXPECT_EQ(g.size(), fund.ledger.grants().size());
    fund.simulation.draws = 500;
    const auto sim = simulate_fund(portfolio_of(fund), fund.simulation);
    const json s = parsed_as_nlohmann_writes_it(io::json_text(sim));
    ASSERT_EQ(s["outcomes"].size(), sim.outcomes.size());
    EXPECT_EQ(s["outcomes"][0]["probability_paid_back"].size(), sim.investments.size());
    EXPECT_EQ(s["draws"], 500);
}
