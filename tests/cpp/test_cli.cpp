#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "test_helpers.hpp"

namespace {

struct run_result {
    int code;
    std::string out;
    std::string err;
};

run_result run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = socinv::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

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
    EXPECT_NE(r.err.find("--format must be text or json"), std::string::npos);
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
