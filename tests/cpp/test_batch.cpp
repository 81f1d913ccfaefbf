#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "socinv/detail/parallel.hpp"
#include "socinv/io/batch.hpp"
#include "test_helpers.hpp"

using namespace socinv;

TEST(Batch, JsonLinesGiveTheSameVerdictsAsSingleFiles) {
    const std::string text = io::read_file(socinv::testing::example_path("applications/batch.jsonl"));
    const auto inputs = json_lines_inputs(text, "batch.jsonl");
    const auto results = assess_batch(inputs, default_rule_set());
    ASSERT_EQ(results.size(), 7u);
    const char* files[] = {"sot.json", "varberga-oxhagen.json", "aktiv-24.json", "kalmar-esf.json",
                           "for-profit-partner.json", "single-administration.json", "sot-extension.json"};
    std::map<std::string, bool> single;
    for (const char* f : files) {
        const auto app = socinv::testing::example(f);
        single[app.id] = assess(app, default_rule_set()).eligible;
    }
    for (const auto& r : results) {
        ASSERT_TRUE(r.assessment) << r.error->what();
        EXPECT_FALSE(r.error);
        ASSERT_TRUE(single.count(r.application->id)) << r.application->id;
        EXPECT_EQ(r.assessment->eligible, single[r.application->id]) << r.application->id;
    }
    EXPECT_EQ(inputs[0].source, "batch.jsonl:1");
}

TEST(Batch, ABadLineIsAnErrorResultAndTheOthersGoOn) {
    // The SöT file spans many lines; as JSON Lines only whole-line documents are valid.
    const std::string one_line = nlohmann::json::parse(io::read_file(socinv::testing::example_path("applications/sot.json"))).dump();
    const std::string lines = "{}\n\n" + one_line + "\nnot json\n";
    const auto results = assess_batch(json_lines_inputs(lines, "x.jsonl"), default_rule_set());
    ASSERT_EQ(results.size(), 3u);
    ASSERT_TRUE(results[0].error);
    EXPECT_EQ(results[0].error->pointer(), "/id");
    EXPECT_EQ(results[0].error->source(), "x.jsonl:1");
    ASSERT_TRUE(results[1].assessment);
    EXPECT_TRUE(results[1].assessment->eligible);
    ASSERT_TRUE(results[2].error);
    EXPECT_EQ(results[2].error->source(), "x.jsonl:4");
}

TEST(Batch, ParallelForVisitsEveryIndexOnceAndPropagatesErrors) {
    std::vector<std::atomic<int>> seen(10000);
    detail::parallel_for(seen.size(), [&](std::size_t i) { seen[i]++; });
    for (const auto& s : seen) EXPECT_EQ(s.load(), 1);
    EXPECT_THROW(detail::parallel_for(1000, [](std::size_t i) { if (i == 777) throw std::runtime_error("x"); }),
                 std::runtime_error);
}

// Every kind of failure caused by data is an input error of its own line, with the pointer and
// the value; the good lines between them are all assessed.
TEST(Batch, EveryKindOfBadValueCostsOnlyItsOwnLine) {
    const auto sot = nlohmann::json::parse(io::read_file(socinv::testing::example_path("applications/sot.json")));
    const std::string good = sot.dump();
    auto with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    };
    struct bad_line {
        std::string text;
        std::string pointer;  // expected pointer ("" where the document as a whole is at fault)
    };
    const std::vector<bad_line> bad = {
        {with("\"end\":\"2017-03-31\"", "\"end\":\"9999-12-31\""), "/period/end"},
        {with("\"places_per_year\":10", "\"places_per_year\":1e400"), "/places_per_year"},
        {with("\"requested\":4100000", "\"requested\":\"92 233 720 368 547 758\",\"co_financing\":[{\"funder\":\"ESF\",\"amount\":1}]"),
         "/budget"},
        {with("\"id\":", "\"id\":\"dup\",\"id\":"), "/id"},
        {with("\"title\":\"", "\"title\":\"\xff"), ""},
        {std::string(200, '[') + std::string(200, ']'), "/0/0/0"},
        {with("\"horizon_years\":30", "\"horizon_years\":30,\"cohorts\":[{\"year\":2014,\"participants\":1e308}]"),
         "/economics"},
    };
    std::string text;
    for (const auto& b : bad) text += good + "\n" + b.text + "\n";
    text += good + "\n";
    const auto results = assess_batch(json_lines_inputs(text, "mixed.jsonl"), default_rule_set());
    ASSERT_EQ(results.size(), 2 * bad.size() + 1);
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (i % 2 == 0) {
            ASSERT_TRUE(results[i].assessment) << i << ": " << results[i].error->what();
            continue;
        }
        const auto& expected = bad[i / 2];
        ASSERT_TRUE(results[i].error) << "line " << i + 1 << " was accepted";
        EXPECT_EQ(results[i].error->source(), "mixed.jsonl:" + std::to_string(i + 1));
        EXPECT_TRUE(results[i].error->pointer().rfind(expected.pointer, 0) == 0)
            << results[i].error->pointer() << " for " << results[i].error->what();
    }
}
