#include <gtest/gtest.h>

#include "socinv/rules/builtin_rule_sets.hpp"
#include "socinv/rules/eligibility.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using socinv::testing::example;
using socinv::testing::find_code;
using socinv::testing::has_code;
using socinv::testing::with_parties;
using json = nlohmann::json;

namespace {
const alternative_outcome& alternative(const eligibility_result& r, const std::string& id) {
    for (const auto& a : r.alternatives)
        if (a.id == id) return a;
    throw std::runtime_error("no alternative " + id);
}
}  // namespace

TEST(Eligibility, SotIsEligibleUnderRuleB) {
    const auto r = assess_eligibility(example("sot.json"), default_rule_set());
    EXPECT_TRUE(r.eligible);
    EXPECT_FALSE(alternative(r, "A").met);
    EXPECT_TRUE(alternative(r, "B").met);
    EXPECT_EQ(alternative(r, "B").requirements[0].counted, std::vector<std::string>{"Kultivera"});
    EXPECT_EQ(r.whole_months, 36);
}

TEST(Eligibility, VarbergaIsEligibleUnderRuleA) {
    const auto r = assess_eligibility(example("varberga-oxhagen.json"), default_rule_set());
    EXPECT_TRUE(r.eligible);
    EXPECT_TRUE(alternative(r, "A").met);
    EXPECT_EQ(alternative(r, "A").requirements[0].counted.size(), 2u);
}

TEST(Eligibility, Aktiv24IsShorterThanAYear) {
    const auto r = assess_eligibility(example("aktiv-24.json"), default_rule_set());
    EXPECT_FALSE(r.eligible);
    const finding* f = find_code(r.findings, "period_too_short");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, severity::error);
    EXPECT_EQ(f->pointer, "/period");
    EXPECT_NE(f->message_en.find("5 whole months"), std::string::npos) << f->message_en;
    EXPECT_NE(f->message_sv.find("kortare än minst 12 månader"), std::string::npos) << f->message_sv;
}

TEST(Eligibility, ForProfitCompaniesNeverCount) {
    const auto app = example("for-profit-partner.json");
    const auto r = assess_eligibility(app, default_rule_set());
    EXPECT_FALSE(r.eligible);
    EXPECT_TRUE(has_code(r.findings, "no_eligibility_rule_met"));
    const finding* f = find_code(r.findings, "party_kind_not_counted");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->value, "\"for_profit_company\"");
    const auto index = std::stoul(f->pointer.substr(std::string("/parties/").size()));
    EXPECT_EQ(app.parties.at(index).kind, party_kind::for_profit_company);
    EXPECT_EQ(f->pointer, "/parties/" + std::to_string(index) + "/kind");
}

TEST(Eligibility, OneAdministrationAloneIsNotEnough) {
    const auto r = assess_eligibility(example("single-administration.json"), default_rule_set());
    EXPECT_FALSE(r.eligible);
    EXPECT_TRUE(has_code(r.findings, "no_eligibility_rule_met"));
}

TEST(Eligibility, KalmarFailsOrebroRulesButPassesCrossMunicipalOnes) {
    const auto app = example("kalmar-esf.json");
    EXPECT_FALSE(assess_eligibility(app, default_rule_set()).eligible);
    const auto cross = load_rule_set(socinv::testing::example_path("rules/cross-municipal.json"));
    const auto r = assess_eligibility(app, cross);
    EXPECT_TRUE(r.eligible) << (r.findings.empty() ? "" : r.findings.back().message_en);
}

TEST(Eligibility, ExtensionIsJudgedOnItsOwn) {
    const auto r = assess_eligibility(example("sot-extension.json"), default_rule_set());
    EXPECT_TRUE(r.eligible);
    EXPECT_TRUE(has_code(r.findings, "extension_judged_separately"));
}

TEST(Eligibility, PartnersDoNotCountTowardsTheRules) {
    const auto app = with_parties(json::parse(R"([
        {"name": "Socialförvaltningen", "kind": "municipal_administration", "role": "lead"},
        {"name": "Röda korset", "kind": "civil_society", "form": "charity", "role": "partner"}])"));
    const auto r = assess_eligibility(app, default_rule_set());
    EXPECT_FALSE(r.eligible);
    EXPECT_TRUE(has_code(r.findings, "party_role_not_counted"));
}

TEST(Eligibility, AllFindingsAreCollectedNotJustTheFirst) {
    auto app = with_parties(json::parse(R"([{"name": "Bolaget AB", "kind": "for_profit_company"}])"),
                            "2015-01-01", "2015-03-31");
    assessment_context context;
    context.fund_available = money::from_sek(10);
    const auto r = assess_eligibility(app, default_rule_set(), context);
    for (const char* code : {"no_eligibility_rule_met", "party_kind_not_counted", "period_too_short",
                             "requested_exceeds_fund", "no_lead_party"})
        EXPECT_TRUE(has_code(r.findings, code)) << code;
}

TEST(Eligibility, DurationLimitsAreInclusiveOfExactlyOneAndThreeYears) {
    const json parties = json::parse(R"([{"name": "A", "kind": "municipal_administration", "role": "lead"},
                                         {"name": "B", "kind": "municipal_administration"}])");
    EXPECT_TRUE(assess_eligibility(with_parties(parties, "2015-03-01", "2016-02-29"), default_rule_set()).eligible);
    EXPECT_FALSE(assess_eligibility(with_parties(parties, "2015-03-01", "2016-02-28"), default_rule_set()).eligible);
    EXPECT_TRUE(assess_eligibility(with_parties(parties, "2015-01-01", "2017-12-31"), default_rule_set()).eligible);
    const auto too_long = assess_eligibility(with_parties(parties, "2015-01-01", "2018-01-01"), default_rule_set());
    EXPECT_FALSE(too_long.eligible);
    EXPECT_TRUE(has_code(too_long.findings, "period_too_long"));
}

TEST(Eligibility, RequestMustFitWhatIsLeftInTheFund) {
    const auto app = example("sot.json");
    assessment_context context;
    context.fund_available = money::from_sek(4'100'000);
    EXPECT_TRUE(assess_eligibility(app, default_rule_set(), context).eligible);
    context.fund_available = money::from_ore(409'999'999);
    const auto r = assess_eligibility(app, default_rule_set(), context);
    EXPECT_FALSE(r.eligible);
    const finding* f = find_code(r.findings, "requested_exceeds_fund");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->pointer, "/requested");
    EXPECT_NE(f->message_en.find("SEK 4,099,999.99"), std::string::npos) << f->message_en;
    EXPECT_NE(f->message_sv.find("4 099 999,99 kr"), std::string::npos) << f->message_sv;
}

TEST(Eligibility, GrantPerYearAndShareOfCostLimits) {
    const auto gavleborg = load_rule_set(socinv::testing::example_path("rules/gavleborg-2020.json"));
    ASSERT_TRUE(gavleborg.max_grant_per_year);
    ASSERT_TRUE(gavleborg.max_share_of_total_cost);
    // SöT asks 4.1 MSEK over three years (1.37 MSEK a year) and brings no co-financing.
    const auto r = assess_eligibility(example("sot.json"), gavleborg);
    EXPECT_TRUE(has_code(r.findings, "grant_per_year_exceeds_max"));
    EXPECT_TRUE(has_code(r.findings, "share_of_cost_exceeds_max"));
    EXPECT_FALSE(r.eligible);
}

// Messages speak each language properly: nouns agree with their numbers, no enum names in
// Swedish, English money in English, and a rule without a Swedish description falls back.
TEST(Eligibility, MessagesInGoodSwedishAndEnglish) {
    const auto r = assess_eligibility(example("sot.json"), default_rule_set());
    std::string sv, en;
    for (const auto& f : r.findings) sv += f.message_sv + "\n", en += f.message_en + "\n";
    EXPECT_NE(sv.find("minst 2 kommunala förvaltningar"), std::string::npos) << sv;
    EXPECT_NE(sv.find("minst 1 civil aktör"), std::string::npos) << sv;
    EXPECT_NE(en.find("at least 2 municipal administrations"), std::string::npos) << en;
    for (const char* english : {"municipal_administration", "civil_society", "co_applicant", "lead", "foundation"})
        EXPECT_EQ(sv.find(english), std::string::npos) << english << " in " << sv;

    auto rules = default_rule_set();
    rules.alternatives[0].description_sv.clear();
    rules.max_grant_per_year = money::from_sek(1'000'000);
    const auto fallback = assess_eligibility(example("sot.json"), rules);
    const finding* rule = find_code(fallback.findings, "eligibility_rule_not_met");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->message_sv.find("()"), std::string::npos) << rule->message_sv;
    EXPECT_NE(rule->message_sv.find(rules.alternatives[0].description_en), std::string::npos) << rule->message_sv;
    const finding* per_year = find_code(fallback.findings, "grant_per_year_exceeds_max");
    ASSERT_NE(per_year, nullptr);
    EXPECT_NE(per_year->message_en.find("SEK 1,000,000 a year"), std::string::npos) << per_year->message_en;
    EXPECT_NE(per_year->message_sv.find("1 000 000 kr per år"), std::string::npos) << per_year->message_sv;
}

TEST(Eligibility, PeriodLengthsAgreeWithTheirNumbers) {
    EXPECT_EQ(socinv::detail::length_text(1, 1, language::sv), "1 hel månad, 1 dag");
    EXPECT_EQ(socinv::detail::length_text(5, 153, language::sv), "5 hela månader, 153 dagar");
    EXPECT_EQ(socinv::detail::length_text(1, 31, language::en), "1 whole month, 31 days");
}
