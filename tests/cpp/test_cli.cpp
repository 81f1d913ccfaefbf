#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "socinv/economics/monte_carlo.hpp"
#include "socinv/transfer/fund_simulation.hpp"
#include "test_helpers.hpp"

namespace {

struct run_result {
    int code;
    std::string out;
    std::string err;
};

run_result run(std::vector<std::string> args, const std::string& stdin_text = "") {
    std::istringstream in(stdin_text);
    std::ostringstream out, err;
    const int code = socinv::cli::run(args, in, out, err);
    return {code, out.str(), err.str()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string example(const std::string& name) { return socinv::testing::example_path("applications/" + name); }

// A file in the temp directory that is removed at the end of the test.
struct temp_file {
    std::string path;
    explicit temp_file(const std::string& name, const std::string& content) : path(::testing::TempDir() + name) {
        std::ofstream(path) << content;
    }
    ~temp_file() { std::remove(path.c_str()); }
};

}  // namespace

TEST(Cli, HelpAndVersion) {
    auto r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("socinv assess FILE..."), std::string::npos);
    r = run({"assess", "--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("--fund-available"), std::string::npos);
    EXPECT_EQ(run({"--version"}).out, "socinv 0.1.0\n");
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(run({}).code, 2);
    EXPECT_EQ(run({"asses", "x.json"}).code, 2);
    EXPECT_EQ(run({"assess"}).code, 2);
    auto r = run({"assess", example("sot.json"), "--format", "xml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--format: must be text or json"), std::string::npos);
    r = run({"assess", example("sot.json"), "--rules", "nowhere-2013"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown rule set"), std::string::npos);
}

TEST(Cli, ExitZeroForAnEligibleApplicationOneOtherwise) {
    auto r = run({"assess", example("sot.json")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Eligibility: ELIGIBLE"), std::string::npos);
    EXPECT_EQ(run({"assess", example("aktiv-24.json")}).code, 1);
    EXPECT_EQ(run({"assess", example("sot.json"), example("aktiv-24.json")}).code, 1);
}

TEST(Cli, JsonOutputOneObjectPerApplication) {
    const auto r = run({"assess", example("batch.jsonl"), "--format", "json", "--lang", "sv"});
    EXPECT_EQ(r.code, 1);
    std::istringstream lines(r.out);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        const auto j = nlohmann::json::parse(line);
        EXPECT_TRUE(j.at("eligible").is_boolean());
        EXPECT_EQ(j.at("checklist").size(), 9u);
        ++count;
    }
    EXPECT_EQ(count, 7);
}

TEST(Cli, BadInputNamesFileLinePointerAndValueAndTheRestGoesOn) {
    std::ifstream in(example("sot.json"));
    std::string sot((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto j = nlohmann::json::parse(sot);
    auto bad = j;
    bad["period"]["end"] = "2014-02-30";
    const temp_file batch("socinv_cli_batch.jsonl", j.dump() + "\n" + bad.dump() + "\n" + j.dump() + "\n");
    const auto r = run({"assess", batch.path, "--format", "json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(batch.path + ":2: /period/end"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2014-02-30"), std::string::npos);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);  // the good lines were still assessed
}

TEST(Cli, MalformedJsonAndMissingFiles) {
    const temp_file broken("socinv_cli_broken.json", "{\"id\": \"x\",\n \"title\": }");
    auto r = run({"assess", broken.path});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("malformed JSON at line 2"), std::string::npos) << r.err;
    r = run({"assess", "/no/such/file.json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("/no/such/file.json"), std::string::npos);
}

TEST(Cli, FundAvailableAndCustomRules) {
    EXPECT_EQ(run({"assess", example("sot.json"), "--fund-available", "1 000 000"}).code, 1);
    EXPECT_EQ(run({"assess", example("sot.json"), "--fund-available=65000000"}).code, 0);
    EXPECT_EQ(run({"assess", example("sot.json"), "--fund-available", "lots"}).code, 2);
    const auto rules = socinv::testing::example_path("rules/cross-municipal.json");
    const auto r = run({"assess", example("kalmar-esf.json"), "--rules", rules, "--format", "json"});
    EXPECT_TRUE(nlohmann::json::parse(r.out).at("eligible").get<bool>()) << r.out;
}

TEST(Cli, RulesCommand) {
    auto r = run({"rules"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("orebro-2013"), std::string::npos);
    r = run({"rules", "orebro-2013"});
    EXPECT_EQ(nlohmann::json::parse(r.out).at("name"), "orebro-2013");
}

// ---- the dispatcher: help, usage errors and input errors, each in one place ---------------------

TEST(Cli, HelpExitsZeroForEveryCommandAndExplainsEachOption) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
        {"assess", {"FILE", "--rules", "--format", "--lang", "--fund-available", "--input-format", "Exit codes"}},
        {"simulate", {"FILE", "--draws", "--seed", "--format", "--lang", "Exit codes"}},
        {"transfers", {"FILE", "--format", "JSON output", "Exit codes"}},
        {"fund", {"FUND.json", "--simulate", "--draws", "--seed", "--format", "Exit codes"}},
        {"rules", {"NAME|PATH", "Exit codes"}},
    };
    const auto main_help = run({"--help"});
    for (const auto& [command, words] : commands) {
        const auto r = run({command, "--help"});
        EXPECT_EQ(r.code, 0) << command;
        EXPECT_EQ(r.err, "");
        EXPECT_EQ(r.out.rfind("Usage: socinv " + command + " ", 0), 0u) << r.out;
        for (const auto& word : words) EXPECT_TRUE(contains(r.out, word)) << command << " --help lacks " << word;
        EXPECT_EQ(run({"help", command}).out, r.out);
        EXPECT_EQ(run({command, "-h"}).out, r.out);
        EXPECT_TRUE(contains(main_help.out, "\n  socinv " + command + " ")) << main_help.out;
        EXPECT_TRUE(contains(main_help.out, "\n  " + command + " ")) << main_help.out;
    }
    EXPECT_EQ(run({"help"}).out, main_help.out);
    EXPECT_TRUE(contains(main_help.out, "Exit codes"));
}

TEST(Cli, NoArgumentsPrintsTheHelpOnStandardError) {
    const auto r = run({});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, run({"--help"}).out);
}

TEST(Cli, UsageErrorsNameTheMistakeAndTheHelpToRead) {
    auto r = run({"assess", example("sot.json"), "--frob"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, "--frob")) << r.err;
    EXPECT_TRUE(contains(r.err, "(see socinv assess --help)")) << r.err;
    EXPECT_FALSE(contains(r.err, "internal error"));

    r = run({"asses", "x.json"});
    EXPECT_EQ(r.err, "socinv: unknown command \"asses\" (see socinv --help)\n");
    r = run({"--format", "json", "assess", example("sot.json")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "unknown option --format")) << r.err;

    r = run({"assess"});
    EXPECT_TRUE(contains(r.err, "FILE")) << r.err;
    r = run({"simulate", example("sot.json"), example("sot.json")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "not expected")) << r.err;
    r = run({"assess", example("sot.json"), "--format"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--format")) << r.err;
    r = run({"assess", example("sot.json"), "--input-format", "yaml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--input-format: must be auto, json or jsonl, not \"yaml\"")) << r.err;
    r = run({"simulate", example("sot.json"), "--lang", "de"});
    EXPECT_TRUE(contains(r.err, "--lang: must be en or sv, not \"de\"")) << r.err;
    r = run({"assess", example("sot.json"), "--fund-available=-5"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--fund-available: must not be negative")) << r.err;
}

TEST(Cli, LimitsComeFromTheLibraryAndAreShownInTheHelp) {
    const std::string max_draws = std::to_string(socinv::max_simulation_draws);
    const std::string max_fund_draws = std::to_string(socinv::max_fund_simulation_draws);
    const std::string max_seed = std::to_string(socinv::max_seed);
    auto r = run({"simulate", "--help"});
    EXPECT_TRUE(contains(r.out, "from 1 to " + max_draws)) << r.out;
    EXPECT_TRUE(contains(r.out, "from 0 to " + max_seed)) << r.out;
    r = run({"fund", "--help"});
    EXPECT_TRUE(contains(r.out, "from 1 to " + max_fund_draws)) << r.out;

    r = run({"simulate", example("sot.json"), "--draws", std::to_string(socinv::max_simulation_draws + 1)});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, "--draws")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 to " + max_draws)) << r.err;
    r = run({"simulate", example("sot.json"), "--draws=0"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "1 to " + max_draws)) << r.err;
    r = run({"fund", example("../funds/orebro.json"), "--simulate", "--draws", std::to_string(socinv::max_fund_simulation_draws + 1)});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--draws")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 to " + max_fund_draws)) << r.err;
    r = run({"simulate", example("sot.json"), "--seed", "18446744073709551616"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "--seed")) << r.err;
    EXPECT_TRUE(contains(r.err, max_seed)) << r.err;
}

TEST(Cli, CountsAreDecimalWholeNumbers) {
    // CLI11 alone would read "010" as octal and "-1" as 2^64 - 1.
    auto r = run({"simulate", example("sot.json"), "--draws", "20", "--seed", "010", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out).at("simulation");
    EXPECT_EQ(j.at("seed"), 10);
    EXPECT_EQ(j.at("draws"), 20);
    r = run({"simulate", example("sot.json"), "--draws", "20", "--seed", std::to_string(socinv::max_seed), "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("simulation").at("seed").get<std::uint64_t>(), socinv::max_seed);
    for (const std::string bad : {"-1", "0x10", "1e3", "12abc", ""}) {
        r = run({"simulate", example("sot.json"), "--seed=" + bad});
        EXPECT_EQ(r.code, 2) << bad;
        EXPECT_TRUE(contains(r.err, "--seed")) << r.err;
    }
}

TEST(Cli, AnOptionGivenTwiceTakesItsLastValue) {
    const auto r = run({"assess", example("sot.json"), "--format", "text", "--format", "json"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("id"), "orebro-2014-sot");
}

TEST(Cli, AnInputErrorThatEndsACommandIsReportedOnceWithItsFileAndPointer) {
    auto r = run({"simulate", example("aktiv-24.json")});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "socinv: " + example("aktiv-24.json") +
                         ": /economics: the application has no cost model (an \"economics\" section)\n");
    r = run({"transfers", "/no/such/file.json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "socinv: /no/such/file.json")) << r.err;
    EXPECT_FALSE(contains(r.err, "internal error"));
    r = run({"rules", "/no/such/rules.json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "/no/such/rules.json")) << r.err;
    const temp_file broken("socinv_cli_broken_fund.json", "{\"fund\": ");
    r = run({"fund", broken.path});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, broken.path + ": /: malformed JSON")) << r.err;
}

TEST(Cli, StandardInputComesFromTheGivenStream) {
    std::ifstream in(example("sot.json"));
    const std::string sot((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto r = run({"assess", "-", "--format", "json"}, sot);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("id"), "orebro-2014-sot");
    r = run({"assess", "-", "-"}, sot);
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(contains(r.err, "standard input is named twice")) << r.err;
    r = run({"transfers", "-", "--format", "json"}, sot);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(nlohmann::json::parse(r.out).contains("schedule"));
}

TEST(CliFollowUp, ExitCodesZeroOneTwo) {
    // Kalmar's target is met; SöT has no target, so nothing was missed (vacuously met).
    EXPECT_EQ(run({"follow-up", example("kalmar-esf.json")}).code, 0);
    auto sot = run({"follow-up", example("sot.json")});
    EXPECT_EQ(sot.code, 0) << sot.err;
    EXPECT_TRUE(contains(sot.out, "with n = 30 only a true difference of 22.6 percentage points")) << sot.out;
    EXPECT_TRUE(contains(sot.out, "true-up 51 500 kr")) << sot.out;
    EXPECT_FALSE(contains(sot.out, "3 920 000"));
    // A target of 75 %: 70 % of 382 is wholly below it.
    std::ifstream in(example("kalmar-esf.json"));
    nlohmann::json j = nlohmann::json::parse(in);
    j["effect_measures"][0]["target"] = 75;
    temp_file missed("follow_up_missed.json", j.dump());
    EXPECT_EQ(run({"follow-up", missed.path}).code, 1);
    // Bad input in one file: reported, the others still judged, exit 2 at the end.
    auto mixed = run({"follow-up", example("aktiv-24.json"), example("kalmar-esf.json")});
    EXPECT_EQ(mixed.code, 2);
    EXPECT_TRUE(contains(mixed.err, "/follow_up")) << mixed.err;
    EXPECT_TRUE(contains(mixed.out, "kalmar")) << mixed.out;
    EXPECT_EQ(run({"follow-up", missed.path, example("aktiv-24.json")}).code, 2);
}

TEST(CliFollowUp, SwedishVerdictsAndWarnings) {
    auto r = run({"follow-up", example("kalmar-esf.json"), "--lang", "sv"});
    EXPECT_TRUE(contains(r.out, "bedömning: uppnått")) << r.out;
    EXPECT_FALSE(contains(r.out, "verdict"));
    r = run({"follow-up", example("sot.json"), "--lang", "sv"});
    EXPECT_TRUE(contains(r.out, "varning: måttet har inget mål; med n = 30")) << r.out;
    EXPECT_TRUE(contains(r.out, "justering 51 500 kr")) << r.out;
}

TEST(CliFollowUp, AlphaSetsTheLevel) {
    auto at95 = nlohmann::json::parse(run({"follow-up", example("kalmar-esf.json"), "--format", "json"}).out);
    auto at99 = nlohmann::json::parse(
        run({"follow-up", example("kalmar-esf.json"), "--format", "json", "--alpha", "0.01"}).out);
    EXPECT_EQ(at99["alpha"], 0.01);
    // Wider at 99 %: statsmodels' Wilson interval for 267 of 382 at alpha 0.01 starts lower.
    EXPECT_LT(at99["measures"][0]["ci"][0].get<double>(), at95["measures"][0]["ci"][0].get<double>());
    EXPECT_TRUE(contains(run({"follow-up", example("kalmar-esf.json"), "--alpha", "0.01"}).out, "99 %"));
    EXPECT_EQ(run({"follow-up", example("kalmar-esf.json"), "--alpha", "0.9"}).code, 2);
    auto sot = nlohmann::json::parse(run({"follow-up", example("sot.json"), "--format", "json"}).out);
    EXPECT_EQ(sot["reconciliation"]["true_up"], "51500.00");
    EXPECT_EQ(sot["all_targets_met"], true);
}
