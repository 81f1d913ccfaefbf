#include <gtest/gtest.h>

#include "socinv/io/assessment_json.hpp"
#include "socinv/report/text_report.hpp"
#include "socinv/rules/assessment.hpp"
#include "socinv/rules/builtin_rule_sets.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using socinv::testing::example;

TEST(Assessment, PinnedVerdictsOfTheExamples) {
    struct expectation {
        const char* file;
        bool eligible;
    };
    for (const auto& [file, eligible] : std::vector<expectation>{{"sot.json", true},
                                                                 {"varberga-oxhagen.json", true},
                                                                 {"aktiv-24.json", false},
                                                                 {"kalmar-esf.json", false},
                                                                 {"for-profit-partner.json", false},
                                                                 {"single-administration.json", false},
                                                                 {"sot-extension.json", true}})
        EXPECT_EQ(assess(example(file), default_rule_set()).eligible, eligible) << file;
}

TEST(Assessment, SpreadsTheRequestOverBudgetYearsExactly) {
    const auto a = assess(example("sot.json"), default_rule_set());
    ASSERT_EQ(a.budget_years.size(), 4u);
    money total;
    for (const auto& y : a.budget_years) total += y.amount;
    EXPECT_EQ(total, money::from_sek(4'100'000));
    EXPECT_EQ(a.budget_years[0].year, 2014);
    EXPECT_EQ(a.budget_years[0].amount.ore(), 102'874'088);
}

TEST(Assessment, UsesTheBudgetWhenGiven) {
    const auto a = assess(example("aktiv-24.json"), default_rule_set());
    money total;
    for (const auto& y : a.budget_years) {
        EXPECT_TRUE(y.from_budget);
        total += y.amount;
    }
    EXPECT_EQ(total, money::from_sek(216'540));
}

TEST(Assessment, JsonHasTheFieldsProgramsRelyOn) {
    const auto j = to_json(assess(example("aktiv-24.json"), default_rule_set()), language::sv);
    EXPECT_EQ(j.at("id"), "umea-2008-aktiv-24");
    EXPECT_EQ(j.at("eligible"), false);
    ASSERT_FALSE(j.at("findings").empty());
    for (const auto& f : j.at("findings")) {
        for (const char* key : {"code", "severity", "pointer", "message", "message_en", "message_sv"})
            EXPECT_TRUE(f.contains(key)) << key;
        EXPECT_EQ(f.at("message"), f.at("message_sv"));
    }
    ASSERT_EQ(j.at("checklist").size(), 9u);
    for (const auto& c : j.at("checklist")) {
        EXPECT_TRUE(c.contains("criterion"));
        EXPECT_TRUE(c.contains("verdict"));
    }
}

TEST(Assessment, TextReportInBothLanguages) {
    const auto app = example("sot.json");
    const auto a = assess(app, default_rule_set());
    const auto en = text_report(a, app, language::en);
    const auto sv = text_report(a, app, language::sv);
    EXPECT_NE(en.find("Eligibility: ELIGIBLE"), std::string::npos);
    EXPECT_NE(en.find("rule B"), std::string::npos);
    EXPECT_NE(en.find("SEK 4,100,000"), std::string::npos) << en;
    EXPECT_NE(en.find("lead applicant"), std::string::npos) << en;
    EXPECT_NE(sv.find("4 100 000 kr"), std::string::npos) << sv;
    EXPECT_NE(sv.find("Behörighet: BEHÖRIG"), std::string::npos);
    EXPECT_NE(sv.find("regel B"), std::string::npos);
    EXPECT_NE(sv.find("huvudsökande"), std::string::npos) << sv;
    EXPECT_NE(sv.find("(36 hela månader, 1096 dagar)"), std::string::npos) << sv;
}
