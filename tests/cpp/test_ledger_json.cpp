// Tests for socinv/io/ledger_json.hpp: ledger files read, replayed and saved.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "expect_input_error.hpp"
#include "ledger_helpers.hpp"
#include "socinv/io/fund_json.hpp"
#include "socinv/io/ledger_json.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using json = nlohmann::json;
using socinv::testing::entry;
using socinv::testing::expect_input_error;
using socinv::testing::small_ledger;

TEST(LedgerJson, SaveAndLoadGiveTheSameLedger) {
    const auto l = small_ledger();
    const std::string path = ::testing::TempDir() + "socinv_ledger.json";
    save_ledger(l, path);
    const auto back = load_ledger(path);
    EXPECT_EQ(back.entries(), l.entries());
    EXPECT_EQ(back.history(), l.history());
    std::remove(path.c_str());
}

TEST(LedgerJson, SavingReplacesTheFileWhole) {
    const std::string path = ::testing::TempDir() + "socinv_ledger_atomic.json";
    std::ofstream(path) << "old";
    save_ledger(small_ledger(), path);
    EXPECT_EQ(load_ledger(path).entries().size(), 4u);
    std::ifstream probe(path + ".tmp." + std::to_string(::getpid()));
    EXPECT_FALSE(probe.good());  // no temporary file left behind
    std::remove(path.c_str());
}

TEST(LedgerJson, SavingTheLedgerOfAFundFileKeepsItsPortfolioAndSimulation) {
    const std::string path = ::testing::TempDir() + "socinv_fund_keep.json";
    json fund = json::parse(io::read_file(socinv::testing::example_path("funds/orebro.json")));
    for (auto& p : fund["portfolio"])
        p["application"] = socinv::testing::example_path("applications/" +
                                                         std::filesystem::path(p["application"].get<std::string>()).filename().string());
    fund["x-owner"] = "the fund's administrator";
    std::ofstream(path) << fund.dump(2);
    auto loaded = load_fund(path);
    loaded.ledger.append(entry("2099-001", "2020-01-01", entry_kind::top_up, 1));
    save_ledger(loaded.ledger, path);
    const json back = json::parse(io::read_file(path));
    EXPECT_EQ(back["portfolio"], fund["portfolio"]);
    EXPECT_EQ(back["simulation"], fund["simulation"]);
    EXPECT_EQ(back["x-owner"], fund["x-owner"]);
    EXPECT_EQ(back["entries"].size(), fund["entries"].size() + 1);
    const auto again = load_fund(path);
    EXPECT_EQ(again.applications.size(), loaded.applications.size());
    EXPECT_EQ(again.simulation.start_year, loaded.simulation.start_year);
    std::remove(path.c_str());
}

TEST(LedgerJson, ALargeLedgerReadsBackWholeAndADuplicateIdAtItsEndIsFound) {
    fund_ledger l("big");
    l.append(entry("c", "2000-01-01", entry_kind::capital, 1'000'000'000));
    for (int i = 1; i < 50'000; ++i)
        l.append({"entry-" + std::to_string(i), parse_iso_date("2001-01-01"), entry_kind::top_up, money::from_ore(i), "", "", ""});
    auto j = to_json(l);
    const auto back = ledger_from_json(j);
    ASSERT_EQ(back.entries().size(), 50'000u);
    EXPECT_EQ(back.balances(), l.balances());
    EXPECT_EQ(back.entries().back(), l.entries().back());

    auto last = j["entries"].back();
    last["id"] = "entry-17";
    last["cash_after"] = format_decimal(l.balances().cash + money::from_ore(49'999));
    j["entries"].push_back(last);
    try {
        ledger_from_json(j);
        FAIL() << "a duplicate id was accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/50000/id");
        EXPECT_NE(e.message().find("used by an earlier entry"), std::string::npos) << e.message();
    }
}

TEST(LedgerJson, TamperedFilesAreRefusedWithThePointer) {
    const json good = to_json(small_ledger());
    auto refused = [&](const std::function<void(json&)>& edit, const std::string& pointer) {
        json j = good;
        edit(j);
        try {
            ledger_from_json(j);
            ADD_FAILURE() << "accepted a ledger tampered at " << pointer;
        } catch (const input_error& e) {
            EXPECT_EQ(e.pointer(), pointer) << e.what();
        }
    };
    refused([](json& j) { j["entries"][2]["amount"] = "999.00"; }, "/entries/2/cash_after");  // no longer balances
    refused([](json& j) { j["entries"][3]["application"] = "other"; }, "/entries/3/application");
    refused([](json& j) { j["entries"][3]["id"] = "g"; }, "/entries/3/id");
    refused([](json& j) { j["entries"][1]["date"] = "2012-01-01"; }, "/entries/1/date");
    refused([](json& j) { j["entries"][1]["kind"] = "gift"; }, "/entries/1/kind");
    refused([](json& j) { j["version"] = 7; }, "/version");
    refused([](json& j) { j["entries"].erase(0); }, "/entries/0/amount");  // a grant with no capital to draw on
}


TEST(LedgerJson, TheFilesFormVersionAndChainAreChecked) {
    const json good = to_json(small_ledger());
    auto text_with = [&](const char* key, json value) {
        json j = good;
        j[key] = std::move(value);
        return j.dump();
    };
    expect_input_error([&] { ledger_from_text(text_with("format", "socinv-application")); }, "/format",
                       "\"socinv-application\"", "not a socinv fund ledger (format \"socinv-application\")");
    expect_input_error([&] { ledger_from_text(text_with("chain", "md5")); }, "/chain", "\"md5\"",
                       "unknown hash chain \"md5\" (this is \"sha256/1\")");
    expect_input_error([&] { ledger_from_text(text_with("version", 2)); }, "/version", "2",
                       "ledger format version 2 is not supported (this is version 1)");
}

TEST(LedgerJson, HashesAreAllOrNothingAndOfTheirForm) {
    json j = to_json(small_ledger());
    const std::string hash(64, 'a');
    j["entries"][0]["hash"] = hash;
    expect_input_error([&] { ledger_document_from_text(j.dump()); }, "/entries/1/hash", "",
                       "entry \"g\" has no hash, unlike the entries of a hash-chained file");
    for (auto& e : j["entries"]) e["hash"] = hash;
    const ledger_document doc = ledger_document_from_text(j.dump());
    EXPECT_EQ(doc.hashes.size(), 4u);
    EXPECT_EQ(doc.entries.size(), 4u);
    j["entries"][2]["hash"] = std::string(64, 'A');
    expect_input_error([&] { ledger_document_from_text(j.dump()); }, "/entries/2/hash", "\"" + std::string(57, 'A') + "...\"",
                       "a hash is 64 lowercase hexadecimal digits (SHA-256)");
}

TEST(LedgerJson, DuplicateKeysAnywhereAreRefused) {
    const std::string text = to_json(small_ledger()).dump();
    const std::string twice = text.substr(0, text.size() - 1) + ",\"fund\":\"again\"}";
    expect_input_error([&] { ledger_from_text(twice); }, "/fund", "\"again\"", "field \"fund\" is given twice");
}
