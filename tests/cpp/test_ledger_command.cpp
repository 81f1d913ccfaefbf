// `socinv ledger` (src/cli/ledger_command.cpp): init, append, show, verify, import, export.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "socinv/store/ledger_store.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

namespace fs = std::filesystem;

namespace {

struct run_result {
    int code;
    std::string out;
    std::string err;
};

run_result run(std::vector<std::string> args) {
    std::istringstream in;
    std::ostringstream out, err;
    const int code = socinv::cli::run(args, in, out, err);
    return {code, out.str(), err.str()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class LedgerCommand : public ::testing::Test {
protected:
    void SetUp() override {
        dir = socinv::testing::make_temp_dir("socinv_ledger_cli");
        db = (dir / "fund.db").string();
    }
    void TearDown() override { fs::remove_all(dir); }

    // Appends with a fixed "today", so the horizon does not depend on the day the test runs.
    run_result append(std::vector<std::string> args) {
        std::vector<std::string> line = {"ledger", "append", db, "--today", "2020-01-01"};
        line.insert(line.end(), args.begin(), args.end());
        return run(line);
    }

    void three_entries() {
        ASSERT_EQ(run({"ledger", "init", db, "--fund", "Testfonden"}).code, 0);
        ASSERT_EQ(append({"--id", "c", "--date", "2013-06-10", "--kind", "capital", "--amount", "65 000 000 kr"}).code, 0);
        ASSERT_EQ(append({"--id", "g1", "--date", "2014-03-18", "--kind", "grant", "--amount", "4100000",
                          "--application", "sot", "--decision", "KS 2014-03-18 § 45"})
                      .code,
                  0);
        ASSERT_EQ(append({"--id", "p1", "--date", "2014-04-01", "--kind", "payment", "--amount", "1028740.88",
                          "--application", "sot", "--note", "budget year 2014"})
                      .code,
                  0);
    }

    static void raw(const std::string& path, const std::string& sql) { ASSERT_EQ(socinv::testing::run_sql(path, sql), ""); }

    fs::path dir;
    std::string db;
};

}  // namespace

TEST_F(LedgerCommand, InitAppendShowVerifyExportImport) {
    three_entries();
    auto r = run({"ledger", "show", db});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Fund: Testfonden")) << r.out;
    EXPECT_TRUE(contains(r.out, "Ledger: 3 entries, the last on 2014-04-01")) << r.out;
    EXPECT_TRUE(contains(r.out, "SEK 63,971,259.12")) << r.out;  // cash: 65 000 000 − 1 028 740,88
    r = run({"ledger", "show", db, "--lang", "sv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Huvudbok: 3 poster, den senaste 2014-04-01")) << r.out;
    EXPECT_TRUE(contains(r.out, "63 971 259,12 kr")) << r.out;

    r = run({"ledger", "show", db, "--format", "json", "--on", "2014-03-31"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["entries"], 3);
    EXPECT_EQ(j["balances"]["cash"], "65000000.00");  // the payment came later
    EXPECT_EQ(j["balances"]["committed"], "4100000.00");
    EXPECT_EQ(j["grants"]["sot"]["paid"], "1028740.88");
    EXPECT_EQ(j["head"].get<std::string>().size(), 64u);

    r = run({"ledger", "verify", db});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "3 entries verified")) << r.out;
    EXPECT_TRUE(contains(r.out, j["head"].get<std::string>())) << r.out;

    const std::string file = (dir / "ledger.json").string();
    r = run({"ledger", "export", db, "-o", file});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto exported = nlohmann::json::parse(std::ifstream(file));
    EXPECT_EQ(exported["chain"], "sha256/1");
    EXPECT_EQ(exported["entries"][1]["decision"], "KS 2014-03-18 § 45");
    EXPECT_EQ(exported["entries"][2]["hash"], j["head"]);
    EXPECT_EQ(run({"ledger", "export", db}).out, socinv::store::ledger_store::open(db).export_json());

    const std::string copy = (dir / "copy.db").string();
    r = run({"ledger", "import", copy, file});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Imported 3 entries of the fund \"Testfonden\"")) << r.out;
    EXPECT_EQ(run({"ledger", "show", copy, "--format", "json"}).out, run({"ledger", "show", db, "--format", "json"}).out);
}

TEST_F(LedgerCommand, ARefusedEntryExitsTwoNamesTheFieldAndStoresNothing) {
    three_entries();
    // A write-off beyond what was granted and not paid.
    auto r = append({"--id", "w", "--date", "2015-01-01", "--kind", "write_off", "--amount", "3100000", "--application", "sot"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, db + ": /entries/3/amount")) << r.err;
    // A return for an application never granted; a duplicate id; a date before the last entry.
    r = append({"--id", "r", "--date", "2015-01-01", "--kind", "return", "--amount", "1", "--application", "nobody"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "/entries/3/application")) << r.err;
    r = append({"--id", "g1", "--date", "2015-01-01", "--kind", "top_up", "--amount", "1"});
    EXPECT_TRUE(contains(r.err, "/entries/3/id")) << r.err;
    r = append({"--id", "t", "--date", "2014-01-01", "--kind", "top_up", "--amount", "1"});
    EXPECT_TRUE(contains(r.err, "/entries/3/date")) << r.err;
    // Beyond the horizon: today (2020-01-01) plus 10 years, or plus --horizon-years.
    r = append({"--id", "t", "--date", "2030-01-02", "--kind", "top_up", "--amount", "1"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "after the ledger's horizon 2030-01-01")) << r.err;
    EXPECT_EQ(append({"--id", "t", "--date", "2030-01-02", "--kind", "top_up", "--amount", "1", "--horizon-years", "11"}).code, 0);
    EXPECT_EQ(socinv::store::ledger_store::open(db).size(), 4u);
    EXPECT_EQ(run({"ledger", "verify", db}).code, 0);
}

TEST_F(LedgerCommand, BadOptionsAreUsageErrors) {
    three_entries();
    auto r = append({"--id", "x", "--date", "2014-02-30", "--kind", "top_up", "--amount", "1"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--date: date \"2014-02-30\" does not exist")) << r.err;
    r = append({"--id", "x", "--date", "2015-01-01", "--kind", "gift", "--amount", "1"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "unknown entry kind \"gift\"")) << r.err;
    r = append({"--id", "x", "--date", "2015-01-01", "--kind", "top_up", "--amount", "12,345"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--amount")) << r.err;
    r = append({"--id", "x", "--date", "2015-01-01", "--kind", "top_up"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--amount is required")) << r.err;
    EXPECT_EQ(run({"ledger"}).code, 2);
    EXPECT_EQ(socinv::store::ledger_store::open(db).size(), 3u);

    r = run({"ledger", "init", db, "--fund", "Again"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "a file is already there")) << r.err;
    r = run({"ledger", "show", (dir / "missing.db").string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "no ledger database here")) << r.err;
    EXPECT_FALSE(fs::exists(dir / "missing.db"));

    const std::string not_db = (dir / "notes.db").string();
    std::ofstream(not_db) << "these are not the ledger";
    r = run({"ledger", "verify", not_db});
    EXPECT_EQ(r.code, 2);
    EXPECT_FALSE(contains(r.err, "internal error")) << r.err;
    EXPECT_TRUE(contains(r.err, not_db)) << r.err;
}

TEST_F(LedgerCommand, VerifyExitsOneNamingTheTamperedEntry) {
    three_entries();
    raw(db, "DROP TRIGGER entries_no_update; UPDATE entries SET amount = amount - 100 WHERE seq = 1");
    auto r = run({"ledger", "verify", db});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(contains(r.err, "/entries/1: entry 2 (\"g1\") does not match")) << r.err;
    EXPECT_TRUE(contains(r.err, "trigger")) << r.err;  // the warning that the triggers are gone
    // What reads the ledger refuses it.
    r = run({"ledger", "show", db});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "/entries/1")) << r.err;
    EXPECT_EQ(run({"ledger", "export", db}).code, 2);
}

TEST_F(LedgerCommand, ARefusedImportLeavesNoDatabase) {
    three_entries();
    const std::string file = (dir / "ledger.json").string();
    ASSERT_EQ(run({"ledger", "export", db, "-o", file}).code, 0);
    auto doc = nlohmann::json::parse(std::ifstream(file));
    doc["entries"][2]["note"] = "changed after the fact";
    std::ofstream(file) << doc.dump(2);
    const std::string copy = (dir / "copy.db").string();
    auto r = run({"ledger", "import", copy, file});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, file + ": /entries/2/hash")) << r.err;
    EXPECT_FALSE(fs::exists(copy));
    // Into a database that already has entries: refused, and the database keeps them.
    r = run({"ledger", "import", db, socinv::testing::example_path("funds/orebro.json")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "already holds 3 entries")) << r.err;
    EXPECT_EQ(socinv::store::ledger_store::open(db).size(), 3u);
}

TEST_F(LedgerCommand, TheFundCommandReadsALedgerDatabase) {
    const std::string ledger = (dir / "orebro.db").string();
    ASSERT_EQ(run({"ledger", "import", ledger, socinv::testing::example_path("funds/orebro.json")}).code, 0);
    auto fund = nlohmann::json::parse(std::ifstream(socinv::testing::example_path("funds/orebro.json")));
    const auto from_file = run({"fund", socinv::testing::example_path("funds/orebro.json"), "--format", "json"});
    for (const char* key : {"format", "version", "fund", "entries"}) fund.erase(key);
    for (auto& item : fund["portfolio"])  // paths are relative to the fund file, which moves
        if (item["application"].is_string())
            item["application"] = socinv::testing::example_path("funds/" + item["application"].get<std::string>());
    fund["ledger"] = "orebro.db";
    const std::string path = (dir / "fund.json").string();
    std::ofstream(path) << fund.dump(2);
    const auto from_db = run({"fund", path, "--format", "json"});
    ASSERT_EQ(from_db.code, 0) << from_db.err;
    EXPECT_EQ(from_db.out, from_file.out);
}
