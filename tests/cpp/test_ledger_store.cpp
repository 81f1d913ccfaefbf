#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <set>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "socinv/io/fund_json.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/store/ledger_store.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using namespace socinv::store;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

ledger_entry entry(std::string id, const char* on, entry_kind kind, std::int64_t sek, std::string app = "") {
    return {std::move(id), parse_iso_date(on), kind, money::from_sek(sek), std::move(app), "", ""};
}

// Eight entries over two grants: the ledger the tampering tests change.
std::vector<ledger_entry> eight_entries() {
    return {entry("c", "2013-06-10", entry_kind::capital, 65'000'000),
            entry("g1", "2014-03-18", entry_kind::grant, 4'100'000, "sot"),
            entry("p1", "2014-04-01", entry_kind::payment, 1'000'000, "sot"),
            entry("g2", "2014-10-01", entry_kind::grant, 10'400'000, "varberga"),
            entry("r1", "2016-12-31", entry_kind::return_transfer, 200'000, "sot"),
            entry("p2", "2017-01-15", entry_kind::payment, 2'000'000, "varberga"),
            entry("t", "2017-06-01", entry_kind::top_up, 15'000'000),
            entry("w", "2018-01-01", entry_kind::write_off, 500'000, "sot")};
}

class LedgerStore : public ::testing::Test {
protected:
    void SetUp() override {
        dir = socinv::testing::make_temp_dir("socinv_store");
        db = (dir / "ledger.db").string();
    }
    void TearDown() override { fs::remove_all(dir); }

    std::set<std::string> listing() const {
        std::set<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
        return names;
    }

    ledger_store make(const std::vector<ledger_entry>& entries, const std::string& path = "") {
        auto s = ledger_store::create(path.empty() ? db : path, "Testfonden");
        for (const auto& e : entries) s.append(e);
        return s;
    }

    // SQL run on the database behind the store's back, as an attacker with the file would.
    static void raw(const std::string& path, const std::string& sql) {
        const std::string error = socinv::testing::run_sql(path, sql);
        ASSERT_EQ(error, "");
    }
    static std::string raw_error(const std::string& path, const std::string& sql) { return socinv::testing::run_sql(path, sql); }

    fs::path dir;
    std::string db;
};

}  // namespace

TEST_F(LedgerStore, AppendsAndReadsBackTheSameLedgerAsInMemory) {
    fund_ledger memory("Testfonden");
    {
        auto s = ledger_store::create(db, "Testfonden");
        for (const auto& e : eight_entries()) EXPECT_EQ(s.append(e), memory.append(e));
        EXPECT_EQ(s.size(), 8u);
    }
    const auto s = ledger_store::open(db);
    EXPECT_EQ(s.fund(), "Testfonden");
    const auto loaded = s.load();
    EXPECT_EQ(loaded.entries(), memory.entries());
    EXPECT_EQ(loaded.history(), memory.history());
    EXPECT_EQ(s.balances(), memory.balances());
    for (const char* day : {"2013-06-09", "2014-04-01", "2016-12-30", "2017-06-01", "2030-01-01"})
        EXPECT_EQ(s.balances(parse_iso_date(day)), memory.balances_on(parse_iso_date(day))) << day;
    const auto report = s.verify();
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.entries, 8u);
    EXPECT_EQ(report.head, chain_hashes(memory.entries()).back());
    EXPECT_TRUE(report.warnings.empty());
}

TEST_F(LedgerStore, TheHashIsSha256OfTheDocumentedCanonicalForm) {
    const ledger_entry e{"2014-001", parse_iso_date("2014-03-18"), entry_kind::return_transfer, money::from_ore(410000000),
                         "orebro-2014-sot", "KS 2014-03-18 § 45", ""};
    EXPECT_EQ(canonical_entry(e, 1, genesis_hash),
              "21:socinv-ledger-entry/1,64:" + std::string(genesis_hash) +
                  ",1:1,8:2014-001,10:2014-03-18,6:return,9:410000000,15:orebro-2014-sot,19:KS 2014-03-18 § 45,0:,");
    // Computed independently, with Python's hashlib over the same bytes.
    EXPECT_EQ(entry_hash(e, 1, genesis_hash), "59e937ad1eae8d077ef6b3100ffe9183de23d609c82b03f8847bc8ecc6ea6163");
}

TEST_F(LedgerStore, ARefusedEntryLeavesNothingAndNamesTheField) {
    auto s = make(eight_entries());
    const auto before = s.balances();
    try {
        s.append(entry("big", "2018-02-01", entry_kind::grant, 1'000'000'000, "big"));
        ADD_FAILURE() << "accepted a grant beyond what is available";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/8/amount") << e.what();
        EXPECT_EQ(e.source(), db);
    }
    EXPECT_THROW(s.append(entry("c", "2018-02-01", entry_kind::top_up, 1)), input_error);  // a used id
    EXPECT_THROW(s.append(entry("x", "2012-01-01", entry_kind::top_up, 1)), input_error);  // before the last
    EXPECT_EQ(s.size(), 8u);
    EXPECT_EQ(s.balances(), before);
    EXPECT_TRUE(s.verify().ok());
}

TEST_F(LedgerStore, TheDatabaseRefusesUpdatesAndDeletes) {
    make(eight_entries()).close();
    EXPECT_NE(raw_error(db, "UPDATE entries SET amount = 1 WHERE seq = 2").find("append-only"), std::string::npos);
    EXPECT_NE(raw_error(db, "DELETE FROM entries WHERE seq = 7").find("append-only"), std::string::npos);
    EXPECT_NE(raw_error(db, "UPDATE meta SET value = 'x'").find("cannot be changed"), std::string::npos);
    EXPECT_TRUE(ledger_store::open(db).verify().ok());
}

TEST_F(LedgerStore, SchemaVersionMigrationsAndOtherFiles) {
    make({}).close();
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(st, 0), ledger_store::schema_version);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
    sqlite3_finalize(st);
    sqlite3_close(h);

    raw(db, "PRAGMA user_version = 99");
    try {
        ledger_store::open(db);
        ADD_FAILURE() << "opened a newer schema";
    } catch (const input_error& e) {
        EXPECT_NE(e.message().find("schema version 99"), std::string::npos) << e.what();
    }
    const std::string other = (dir / "other.db").string();
    raw(other, "CREATE TABLE t (x)");
    EXPECT_THROW(ledger_store::open(other), input_error);
    const std::string text = (dir / "text.db").string();
    std::ofstream(text) << "this is not a database, it is a long enough line of text to be read as a header......";
    EXPECT_THROW(ledger_store::open(text), input_error);
    EXPECT_THROW(ledger_store::open((dir / "missing.db").string()), input_error);
    EXPECT_THROW(ledger_store::create(other, "x"), input_error);  // an existing file
}

TEST_F(LedgerStore, TheHorizonRefusesFarFutureDates) {
    store_options options;
    options.policy = ledger_policy::horizon(parse_iso_date("2024-05-01"));
    auto s = ledger_store::create(db, "f", options);
    s.append(entry("c", "2024-01-01", entry_kind::capital, 100));
    try {
        s.append(entry("far", "8999-12-31", entry_kind::top_up, 1));
        ADD_FAILURE();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/1/date");
        EXPECT_NE(e.message().find("2034-05-01"), std::string::npos) << e.what();
    }
    s.append(entry("ok", "2034-05-01", entry_kind::top_up, 1));
    EXPECT_EQ(s.size(), 2u);
}

TEST_F(LedgerStore, EightProcessesAppendingAtOnceLoseNothing) {
    make({entry("c", "2020-01-01", entry_kind::capital, 1'000'000)}).close();
    int go[2];
    ASSERT_EQ(::pipe(go), 0);
    std::vector<pid_t> children;
    for (int c = 0; c < 8; ++c) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(go[1]);
            char byte;
            (void)!::read(go[0], &byte, 1);  // all start when the parent closes the pipe
            try {
                auto s = ledger_store::open(db);
                const std::string app = "app-" + std::to_string(c);
                for (int i = 0; i < 25; ++i) {
                    const std::string id = app + "-" + std::to_string(i);
                    if (i == 0) s.append(entry(id, "2020-06-01", entry_kind::grant, 10'000, app));
                    else if (i % 3 == 1) s.append(entry(id, "2020-06-01", entry_kind::payment, 100, app));
                    else if (i % 3 == 2) s.append(entry(id, "2020-06-01", entry_kind::return_transfer, 50, app));
                    else s.append(entry(id, "2020-06-01", entry_kind::top_up, 1'000));
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "child %d: %s\n", c, e.what());
                ::_exit(1);
            }
            ::_exit(0);
        }
        children.push_back(pid);
    }
    ::close(go[0]);
    ::close(go[1]);
    for (pid_t pid : children) {
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed";
    }
    const auto s = ledger_store::open(db);
    EXPECT_EQ(s.size(), 201u);  // the capital and 8 × 25
    const auto report = s.verify();
    EXPECT_TRUE(report.ok()) << (report.problem ? report.problem->reason : "");
    // The balances equal the sums of the entries: per child a grant of 10 000, 8 payments of
    // 100, 8 returns of 50 and 8 top-ups of 1 000.
    std::map<entry_kind, money> sums;
    const auto loaded = s.load();
    for (const auto& e : loaded.entries()) sums[e.kind] += e.amount;
    const auto b = s.balances();
    EXPECT_EQ(sums[entry_kind::top_up], money::from_sek(8 * 8 * 1'000));
    EXPECT_EQ(b.capital, sums[entry_kind::capital] + sums[entry_kind::top_up]);
    EXPECT_EQ(b.paid, sums[entry_kind::payment]);
    EXPECT_EQ(b.paid, money::from_sek(8 * 8 * 100));
    EXPECT_EQ(b.returned, sums[entry_kind::return_transfer]);
    EXPECT_EQ(b.committed, sums[entry_kind::grant] - sums[entry_kind::payment]);
    EXPECT_EQ(b.cash, b.capital + b.returned - b.paid);
}

TEST_F(LedgerStore, KillNineDuringAppendsKeepsExactlyWhatReportedSuccess) {
    make({entry("c", "2020-01-01", entry_kind::capital, 1'000'000)}).close();
    std::mt19937 rng(7);
    std::set<std::string> all_reported;
    for (int run = 0; run < 25; ++run) {
        int report[2];
        ASSERT_EQ(::pipe(report), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(report[0]);
            auto s = ledger_store::open(db);
            for (int i = 0; i < 5000; ++i) {
                char line[32];
                const int n = std::snprintf(line, sizeof line, "A%02d-%04d\n", run, i);  // about to append
                (void)!::write(report[1], line, static_cast<std::size_t>(n));
                s.append(entry(std::string(line + 1, 7), "2020-06-01", entry_kind::top_up, 1));
                line[0] = 'D';  // done: committed
                (void)!::write(report[1], line, static_cast<std::size_t>(n));
            }
            ::_exit(0);
        }
        ::close(report[1]);
        // Wait for a few successes, then kill at a random moment.
        const int wanted = static_cast<int>(rng() % 6);
        std::string received;
        int done = 0;
        char buffer[256];
        while (done < wanted) {
            const ssize_t n = ::read(report[0], buffer, sizeof buffer);
            ASSERT_GT(n, 0);
            received.append(buffer, static_cast<std::size_t>(n));
            done = 0;
            for (std::size_t at = 0; (at = received.find('D', at)) != std::string::npos; ++at) ++done;
        }
        ::usleep(static_cast<useconds_t>(rng() % 4000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;) received.append(buffer, static_cast<std::size_t>(n));
        ::close(report[0]);

        std::set<std::string> started, reported;
        std::string last_started;
        for (std::size_t at = 0; at + 9 <= received.size(); at += 9) {
            const std::string id = received.substr(at + 1, 7);
            if (received[at] == 'A') started.insert(last_started = id);
            if (received[at] == 'D') reported.insert(id);
        }
        const auto s = ledger_store::open(db);
        const auto report_ = s.verify();
        ASSERT_TRUE(report_.ok()) << "run " << run << ": " << report_.problem->reason;
        char prefix[8];
        std::snprintf(prefix, sizeof prefix, "%02d-", run);
        std::set<std::string> stored;
        const auto loaded = s.load();
        for (const auto& e : loaded.entries())
            if (e.id.rfind(prefix, 0) == 0) stored.insert(e.id);
        // Every append that reported success is there; nothing that was never started is; at
        // most the one append in flight when the kill came committed without being reported.
        for (const auto& id : reported) EXPECT_TRUE(stored.count(id)) << "lost " << id;
        for (const auto& id : stored) EXPECT_TRUE(started.count(id)) << "invented " << id;
        std::set<std::string> extra;
        for (const auto& id : stored)
            if (!reported.count(id)) extra.insert(id);
        EXPECT_LE(extra.size(), 1u);
        if (!extra.empty()) {
            EXPECT_EQ(*extra.begin(), last_started);
        }
        all_reported.insert(reported.begin(), reported.end());
    }
    EXPECT_GE(all_reported.size(), 25u);
    // Once the last connection closes, SQLite folds the WAL into the database: no stray files.
    EXPECT_EQ(listing(), std::set<std::string>{"ledger.db"});
}

TEST_F(LedgerStore, VerifyNamesTheFirstTamperedEntry) {
    make(eight_entries()).close();
    const std::string pristine = (dir / "pristine.db").string();
    fs::copy_file(db, pristine);
    const std::string untrigger = "DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete; ";
    struct tampering {
        const char* what;
        std::string sql;
        std::size_t position;
        const char* id;
    };
    const std::vector<tampering> cases = {
        {"edit an amount", "UPDATE entries SET amount = amount - 100000 WHERE seq = 4", 4, "r1"},
        {"edit a date", "UPDATE entries SET date = '2016-06-30' WHERE seq = 4", 4, "r1"},
        {"move a return to another grant", "UPDATE entries SET application = 'varberga' WHERE seq = 4", 4, "r1"},
        {"edit a decision", "UPDATE entries SET decision = 'KS 2099' WHERE seq = 1", 1, "g1"},
        {"edit a balance", "UPDATE entries SET cash = cash + 1 WHERE seq = 6", 6, "t"},
        {"delete an entry", "DELETE FROM entries WHERE seq = 4", 4, "p2"},
        {"delete the first entry", "DELETE FROM entries WHERE seq = 0", 0, "g1"},
        {"reorder two", "UPDATE entries SET seq = 1000 WHERE seq = 4; UPDATE entries SET seq = 4 WHERE seq = 5; "
                        "UPDATE entries SET seq = 5 WHERE seq = 1000",
         4, "p2"},
    };
    for (const auto& c : cases) {
        fs::copy_file(pristine, db, fs::copy_options::overwrite_existing);
        raw(db, untrigger + c.sql);
        const auto s = ledger_store::open(db);
        const auto report = s.verify();
        ASSERT_FALSE(report.ok()) << c.what;
        EXPECT_EQ(report.problem->position, c.position) << c.what << ": " << report.problem->reason;
        EXPECT_EQ(report.problem->id, c.id) << c.what;
        EXPECT_FALSE(report.warnings.empty()) << c.what;  // the triggers are gone
        try {
            s.load();
            ADD_FAILURE() << c.what << ": loaded";
        } catch (const chain_error& e) {
            EXPECT_EQ(e.pointer(), "/entries/" + std::to_string(c.position)) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.id), std::string::npos) << e.what();
        }
        EXPECT_THROW((void)s.export_json(), chain_error) << c.what;
    }
}

TEST_F(LedgerStore, ExportAndImportCarryTheChain) {
    auto s = make(eight_entries());
    const std::string text = s.export_json();
    const json j = json::parse(text);
    EXPECT_EQ(j["chain"], "sha256/1");
    EXPECT_EQ(j["entries"][7]["hash"], s.verify().head);
    const std::string copy = (dir / "copy.db").string();
    auto c = ledger_store::create(copy, "");
    EXPECT_EQ(c.import_json(text), 8u);
    EXPECT_EQ(c.fund(), "Testfonden");
    EXPECT_EQ(c.hashes(), s.hashes());
    EXPECT_EQ(c.export_json(), text);
    EXPECT_THROW(c.import_json(text), input_error);  // only into an empty ledger

    // A file without hashes (the shipped example) starts a new chain.
    const std::string example = (dir / "example.db").string();
    auto e = ledger_store::create(example, "");
    EXPECT_EQ(e.import_file(socinv::testing::example_path("funds/orebro.json")), 14u);
    EXPECT_TRUE(e.verify().ok());
    // Export to a file is atomic and leaves no temporary file.
    s.export_file((dir / "out.json").string());
    EXPECT_EQ(load_ledger((dir / "out.json").string()).entries(), s.load().entries());
}

TEST_F(LedgerStore, ImportRefusesATamperedFileNamingTheEntry) {
    const json good = json::parse(make(eight_entries()).export_json());
    auto refused = [&](const char* what, const std::function<void(json&)>& edit, const std::string& pointer) {
        json j = good;
        edit(j);
        const std::string target = (dir / "import.db").string();
        fs::remove(target);
        auto s = ledger_store::create(target, "");
        try {
            s.import_json(j.dump(), "tampered.json");
            ADD_FAILURE() << what << ": imported";
        } catch (const input_error& e) {
            EXPECT_EQ(e.pointer(), pointer) << what << ": " << e.what();
            EXPECT_EQ(e.source(), "tampered.json");
        }
        EXPECT_EQ(s.size(), 0u) << what;  // all or nothing
    };
    auto without_cash_after = [](json& j) {
        for (auto& e : j["entries"]) e.erase("cash_after");
    };
    refused("edit an amount", [](json& j) { j["entries"][4]["amount"] = "100000.00"; }, "/entries/4/hash");
    refused("edit an amount, no cash_after", [&](json& j) { without_cash_after(j); j["entries"][4]["amount"] = "100000.00"; }, "/entries/4/hash");
    refused("edit a date", [](json& j) { j["entries"][4]["date"] = "2016-06-30"; }, "/entries/4/hash");
    refused("move a return", [](json& j) { j["entries"][4]["application"] = "varberga"; }, "/entries/4/hash");
    refused("edit a note", [](json& j) { j["entries"][2]["note"] = "\u001b[2J"; }, "/entries/2/hash");
    refused("delete an entry", [](json& j) { j["entries"].erase(4); }, "/entries/4/hash");
    refused("reorder two", [](json& j) { std::swap(j["entries"][4], j["entries"][5]); }, "/entries/4/hash");
    refused("drop one hash", [](json& j) { j["entries"][3].erase("hash"); }, "/entries/3/hash");
    refused("a cash_after that does not hold", [](json& j) { j["entries"][5]["cash_after"] = "1.00"; }, "/entries/5/cash_after");
    // Hashes recomputed by the attacker still meet the ledger's rules: a write-off beyond what
    // was granted and unpaid is refused.
    json j = good;
    j.erase("chain");
    for (auto& e : j["entries"]) {
        e.erase("hash");
        e.erase("cash_after");
    }
    j["entries"][7]["amount"] = "3500000.00";
    auto s = ledger_store::create((dir / "rules.db").string(), "");
    try {
        s.import_json(j.dump());
        ADD_FAILURE();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/7/amount") << e.what();
    }
}

TEST_F(LedgerStore, AFundFileMayKeepItsLedgerInADatabase) {
    {
        auto s = ledger_store::create(db, "");
        s.import_file(socinv::testing::example_path("funds/orebro.json"));
    }
    json fund = json::parse(io::read_file(socinv::testing::example_path("funds/orebro.json")));
    for (const char* key : {"entries", "format", "version"}) fund.erase(key);
    fund["ledger"] = "ledger.db";
    for (auto& p : fund["portfolio"])
        p["application"] = socinv::testing::example_path("applications/" + fs::path(p["application"].get<std::string>()).filename().string());
    fund["format"] = "socinv-fund-ledger";
    fund["version"] = 1;
    const std::string path = (dir / "fund.json").string();
    std::ofstream(path) << fund.dump(2);
    EXPECT_THROW(load_fund(path), input_error);  // no reader for databases given
    const auto loaded = load_fund(path, {}, read_ledger_database);
    EXPECT_EQ(loaded.ledger_database, db);
    EXPECT_EQ(loaded.ledger.balances(), load_fund(socinv::testing::example_path("funds/orebro.json")).ledger.balances());
    // Saving a ledger into that fund file is refused rather than detaching the database.
    EXPECT_THROW(save_ledger(loaded.ledger, path), input_error);
}

// Timings are in bench/bench_ledger.py; this checks that a large import is whole and verifies.
TEST_F(LedgerStore, TwentyThousandEntriesImportLoadAndVerify) {
    fund_ledger l("big");
    l.append(entry("c", "2000-01-01", entry_kind::capital, 1'000'000'000));
    for (int i = 1; i < 20'000; ++i)
        l.append({"e" + std::to_string(i), parse_iso_date("2001-01-01"), entry_kind::top_up, money::from_ore(i), "", "", ""});
    auto s = ledger_store::create(db, "");
    EXPECT_EQ(s.import_json(to_json(l).dump()), 20'000u);
    const auto loaded = s.load();  // every hash and every rule
    EXPECT_EQ(loaded.entries(), l.entries());
    EXPECT_EQ(s.balances(), l.balances());
    const auto report = s.verify();
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.entries, 20'000u);
    EXPECT_EQ(report.head, chain_hashes(l.entries()).back());
}
