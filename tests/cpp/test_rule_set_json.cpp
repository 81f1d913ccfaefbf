#include <gtest/gtest.h>

#include "socinv/io/load.hpp"
#include "socinv/rules/builtin_rule_sets.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using json = nlohmann::json;

TEST(RuleSetJson, BuiltInOrebro2013) {
    const auto r = default_rule_set();
    EXPECT_EQ(r.name, "orebro-2013");
    ASSERT_EQ(r.alternatives.size(), 2u);
    EXPECT_EQ(r.alternatives[0].requirements[0].at_least, 2);
    EXPECT_EQ(r.duration.min_months, 12);
    EXPECT_EQ(r.duration.max_months, 36);
    EXPECT_TRUE(r.never_counts(party_kind::for_profit_company));
    EXPECT_EQ(load_rule_set("orebro-2013"), r);
}

TEST(RuleSetJson, BuiltInAgreesWithTheShippedFile) {
    EXPECT_EQ(load_rule_set(socinv::testing::example_path("rules/orebro-2013.json")), default_rule_set());
}

TEST(RuleSetJson, RoundTrips) {
    for (const char* f : {"rules/gavleborg-2020.json", "rules/cross-municipal.json"}) {
        const auto r = load_rule_set(socinv::testing::example_path(f));
        EXPECT_EQ(rule_set_from_json(to_json(r)), r) << f;
    }
}

TEST(RuleSetJson, ErrorsNameThePointer) {
    json j = to_json(default_rule_set());
    j["eligibility"]["alternatives"][1]["requires"][0]["kinds"][0] = "guild";
    try {
        rule_set_from_json(j);
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/eligibility/alternatives/1/requires/0/kinds/0");
    }
    j = to_json(default_rule_set());
    j["max_share_of_total_cost"] = 1.5;
    EXPECT_THROW(rule_set_from_json(j), input_error);
    j = to_json(default_rule_set());
    j["duration"] = {{"min_months", 40}, {"max_months", 36}};
    EXPECT_THROW(rule_set_from_json(j), input_error);
}

TEST(RuleSetJson, UnknownNameListsTheBuiltIns) {
    try {
        load_rule_set("orebro-1999");
        FAIL();
    } catch (const input_error& e) {
        EXPECT_NE(e.message().find("orebro-2013"), std::string::npos);
    }
}
