#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <filesystem>
#include <map>
#include <random>

#include "socinv/io/fund_json.hpp"
#include "socinv/core/text.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/report/ledger_text.hpp"
#include "socinv/transfer/ledger.hpp"
#include "ledger_helpers.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using json = nlohmann::json;

using socinv::testing::entry;
using socinv::testing::small_ledger;

TEST(Ledger, BalancesByHand) {
    const auto b = small_ledger().balances();
    EXPECT_EQ(b.capital, money::from_sek(65'000'000));
    EXPECT_EQ(b.committed, money::from_sek(3'100'000));
    EXPECT_EQ(b.paid, money::from_sek(1'000'000));
    EXPECT_EQ(b.returned, money::from_sek(200'000));
    EXPECT_EQ(b.cash, money::from_sek(64'200'000));
    EXPECT_EQ(b.available, money::from_sek(61'100'000));
    EXPECT_EQ(small_ledger().balances_on(parse_iso_date("2014-03-31")).committed, money::from_sek(4'100'000));
}

TEST(Ledger, RefusesWhatWouldBreakIt) {
    auto l = small_ledger();
    const auto before = l.balances();
    auto refused = [&](const ledger_entry& e, const std::string& field, const std::string& words) {
        try {
            l.append(e);
            ADD_FAILURE() << "accepted " << e.id;
        } catch (const input_error& err) {
            EXPECT_EQ(err.pointer(), "/entries/4" + field) << err.what();
            EXPECT_NE(err.message().find(words), std::string::npos) << err.message();
        }
        EXPECT_EQ(l.balances(), before);  // a refused entry changes nothing
        EXPECT_EQ(l.entries().size(), 4u);
    };
    refused(entry("g2", "2017-01-01", entry_kind::grant, 70'000'000, "big"), "/amount", "exceeds what is available");
    refused(entry("r2", "2017-01-01", entry_kind::return_transfer, 5, "never"), "/application", "never granted");
    refused(entry("c", "2017-01-01", entry_kind::top_up, 5), "/id", "used by an earlier entry");
    refused(entry("x", "2015-01-01", entry_kind::top_up, 5), "/date", "before the previous entry");
    refused(entry("p2", "2017-01-01", entry_kind::payment, 3'100'001, "sot"), "/amount", "exceeds what is left of the grant");
    refused(entry("c2", "2017-01-01", entry_kind::capital, 5), "/kind", "capital comes first");
    refused(entry("z", "2017-01-01", entry_kind::top_up, 0), "/amount", "must be positive");
    refused(entry("g3", "2017-01-01", entry_kind::grant, 5, "sot"), "/application", "already granted");
}

// Found by fuzz/fuzz_ledger (fuzz/corpus/ledger/crash-money-overflow-capital-plus-top-up.json):
// every amount was in range, but their sum overflowed and money_overflow escaped the loader.
TEST(Ledger, BalancesBeyondTheRangeOfMoneyAreRefusedAtTheEntry) {
    const money most = money::from_ore(INT64_MAX);
    fund_ledger l("test fund");
    l.append({"c", parse_iso_date("2014-01-01"), entry_kind::capital, most, "", "", ""});
    try {
        l.append({"t", parse_iso_date("2014-01-02"), entry_kind::top_up, money::from_ore(1), "", "", ""});
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/1/amount");
        EXPECT_EQ(e.value(), "\"0.01\"");
        EXPECT_NE(e.message().find("beyond 92 233 720 368 547 758,07"), std::string::npos) << e.message();
    }
    EXPECT_EQ(l.entries().size(), 1u);
    EXPECT_EQ(l.balances().cash, most);
    const auto file = json::parse(
        R"({"version": 1, "entries": [
            {"id": "a", "date": "2014-01-01", "kind": "capital", "amount": "92233720368547758.07"},
            {"id": "b", "date": "2014-01-02", "kind": "top_up", "amount": "92233720368547758.07"}]})");
    EXPECT_THROW((void)ledger_from_json(file), input_error);
}

TEST(Ledger, WriteOffClosesTheGrant) {
    auto l = small_ledger();
    l.append(entry("w", "2017-01-01", entry_kind::write_off, 50'000, "sot"));
    EXPECT_EQ(l.balances().committed, money{});
    EXPECT_EQ(l.balances().cash, money::from_sek(64'150'000));
    EXPECT_THROW(l.append(entry("p2", "2017-02-01", entry_kind::payment, 1, "sot")), input_error);
}

TEST(Ledger, AWriteOffLosesOnlyWhatWasGrantedAndNotPaid) {
    fund_ledger l;
    l.append(entry("c", "2020-01-01", entry_kind::capital, 1000));
    l.append(entry("g", "2020-01-02", entry_kind::grant, 100, "a"));
    // The issue's case: capital 1000, grant 100, write-off 900.
    try {
        l.append(entry("w", "2020-01-03", entry_kind::write_off, 900, "a"));
        ADD_FAILURE() << "wrote off more than was granted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/2/amount");
        EXPECT_NE(e.message().find("granted and not yet paid"), std::string::npos) << e.message();
    }
    l.append(entry("p", "2020-01-03", entry_kind::payment, 60, "a"));
    // 60 already left the cash with the payment; only the unpaid 40 can be lost.
    EXPECT_THROW(l.append(entry("w", "2020-01-04", entry_kind::write_off, 41, "a")), input_error);
    l.append(entry("w", "2020-01-04", entry_kind::write_off, 30, "a"));
    const auto b = l.balances();
    EXPECT_EQ(b.cash, money::from_sek(1000 - 60 - 30));
    EXPECT_EQ(b.committed, money{});  // the other 10 is released
    EXPECT_EQ(b.available, money::from_sek(910));
    EXPECT_EQ(b.cash, b.capital + b.returned - b.paid - b.written_off);
    // A fully paid grant has nothing left to write off.
    l.append(entry("g2", "2020-01-05", entry_kind::grant, 50, "b"));
    l.append(entry("p2", "2020-01-05", entry_kind::payment, 50, "b"));
    EXPECT_THROW(l.append(entry("w2", "2020-01-06", entry_kind::write_off, 1, "b")), input_error);
}

TEST(Ledger, DatesBeyondTheHorizonAreRefused) {
    fund_ledger l("f", ledger_policy::horizon(parse_iso_date("2024-02-29")));
    EXPECT_EQ(l.policy().latest, parse_iso_date("2034-02-28"));
    l.append(entry("c", "2024-01-01", entry_kind::capital, 1000));
    try {
        l.append(entry("far", "8999-12-31", entry_kind::top_up, 1));
        ADD_FAILURE();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/1/date") << e.what();
    }
    l.append(entry("near", "2034-02-28", entry_kind::top_up, 1));  // the last day allowed
    EXPECT_EQ(ledger_policy::horizon(parse_iso_date("8995-01-01")).latest, parse_iso_date("9000-12-31"));
    // The horizon applies on load too.
    json j = to_json(l);
    j["entries"][1]["date"] = "2035-01-01";
    j["entries"][1].erase("cash_after");
    EXPECT_NO_THROW(ledger_from_json(j));
    EXPECT_THROW(ledger_from_json(j, ledger_policy::horizon(parse_iso_date("2024-02-29"))), input_error);
}

TEST(Ledger, FundMoneyNamesNoApplication) {
    fund_ledger l;
    try {
        l.append(entry("c", "2020-01-01", entry_kind::capital, 1000, "a"));
        ADD_FAILURE();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/0/application");
    }
    l.append(entry("c", "2020-01-01", entry_kind::capital, 1000));
    EXPECT_THROW(l.append(entry("t", "2020-01-01", entry_kind::top_up, 1000, "a")), input_error);
}

TEST(Ledger, MessagesEscapeControlCharacters) {
    EXPECT_EQ(escape_control("Kultivera\x1b[2J\u009b31m\n\\ åäö"), "Kultivera\\x1b[2J\\u009b31m\\n\\\\ åäö");
    auto l = small_ledger();
    try {
        l.append(entry("c", "2020-01-01", entry_kind::return_transfer, 1, "\x1b]0;owned\x07"));
        ADD_FAILURE();
    } catch (const input_error& e) {
        const std::string text = e.what();
        EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
        EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
    }
}

TEST(Ledger, TextOutputEscapesControlCharacters) {
    fund_ledger l("Fonden\x1b[2J");
    l.append(entry("c", "2020-01-01", entry_kind::capital, 1000));
    l.append({"g\x1b]0;owned\x07", parse_iso_date("2020-01-02"), entry_kind::grant, money::from_sek(100), "app\xc2\x9b" "31m", "",
              "note\r\nforged line"});
    const std::string text = ledger_text(l, parse_iso_date("2020-01-01"));
    for (char c : text) EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << static_cast<int>(c);
    EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos);
    EXPECT_NE(text.find("Fonden\\x1b[2J"), std::string::npos) << text;
    EXPECT_NE(text.find("app\\u009b31m"), std::string::npos) << text;
    EXPECT_NE(text.find("Balances at the end of 2020-01-01"), std::string::npos);
    EXPECT_NE(text.find("SEK 1,000"), std::string::npos);
    const std::string sv = ledger_text(l, parse_iso_date("2020-01-01"), 10, language::sv);
    EXPECT_NE(sv.find("Saldon vid slutet av 2020-01-01"), std::string::npos) << sv;
    EXPECT_NE(sv.find("1 000 kr"), std::string::npos) << sv;
    EXPECT_NE(sv.find("beviljat"), std::string::npos) << sv;
}

// The load time of 200,000 entries is a benchmark (bench/bench_ledger.py), not a test: this
// checks that a large ledger reads back whole, and that the duplicate-id check (a hash set)
// still finds a duplicate at the end of it.
TEST(Ledger, EveryOreIsConservedOverTenThousandRandomLedgers) {
    std::mt19937_64 rng(11);
    const entry_kind kinds[] = {entry_kind::top_up, entry_kind::grant, entry_kind::payment, entry_kind::return_transfer,
                                entry_kind::write_off};
    std::size_t accepted_total = 0, refused_total = 0;
    for (int trial = 0; trial < 10'000; ++trial) {
        fund_ledger l;
        l.append(entry("c", "2013-01-01", entry_kind::capital, static_cast<std::int64_t>(1 + rng() % 1'000'000)));
        date day = parse_iso_date("2013-01-01");
        for (int i = 0; i < 25; ++i) {
            day += boost::gregorian::days(static_cast<long>(rng() % 3));  // several entries a day, too
            const auto kind = kinds[rng() % 5];
            const std::string app = kind == entry_kind::top_up ? "" : "app" + std::to_string(rng() % 4);
            try {
                l.append({"e" + std::to_string(i), day, kind, money::from_ore(1 + static_cast<std::int64_t>(rng() % 40'000'000)), app, "", ""});
                ++accepted_total;
            } catch (const input_error&) {
                ++refused_total;
            }
        }
        // Independently of the ledger's own arithmetic: at the end of every date, capital +
        // top-ups + returns − payments − write-offs is the cash, and grants − payments − what
        // write-offs released is what is committed.
        std::map<entry_kind, money> sum;
        const auto& entries = l.entries();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            sum[entries[i].kind] += entries[i].amount;
            if (i + 1 < entries.size() && entries[i + 1].on == entries[i].on) continue;
            const auto b = l.balances_on(entries[i].on);
            const money cash = sum[entry_kind::capital] + sum[entry_kind::top_up] + sum[entry_kind::return_transfer] -
                               sum[entry_kind::payment] - sum[entry_kind::write_off];
            ASSERT_EQ(b.cash, cash) << "trial " << trial << " on " << to_iso(entries[i].on);
            ASSERT_EQ(b.capital, sum[entry_kind::capital] + sum[entry_kind::top_up]);
            ASSERT_FALSE(b.cash.is_negative());
            ASSERT_FALSE(b.available.is_negative());
            ASSERT_LE(b.committed, sum[entry_kind::grant] - sum[entry_kind::payment]);
        }
    }
    EXPECT_GT(accepted_total, 100'000u);
    EXPECT_GT(refused_total, 10'000u);
}

TEST(Ledger, RandomLedgersBalanceAfterEveryEntry) {
    std::mt19937_64 rng(3);
    for (int trial = 0; trial < 200; ++trial) {
        fund_ledger l;
        l.append(entry("c", "2013-01-01", entry_kind::capital, 1'000'000));
        date day = parse_iso_date("2013-01-02");
        for (int i = 0; i < 60; ++i) {
            const auto kind = static_cast<entry_kind>(1 + rng() % 5);
            ledger_entry e{"e" + std::to_string(i), day, kind, money::from_ore(1 + static_cast<std::int64_t>(rng() % 50'000'000)),
                           kind == entry_kind::top_up ? "" : "app" + std::to_string(rng() % 4), "", ""};
            try {
                l.append(e);
            } catch (const input_error&) {
                // refused entries are part of the test: the ledger must stay balanced
            }
            day += boost::gregorian::days(static_cast<long>(rng() % 30));
            const auto& b = l.balances();
            EXPECT_EQ(b.cash, b.capital + b.returned - b.paid - b.written_off);
            EXPECT_FALSE(b.cash.is_negative());
            EXPECT_FALSE(b.available.is_negative());
        }
        const auto back = ledger_from_json(to_json(l));
        EXPECT_EQ(back.history(), l.history());
    }
}

