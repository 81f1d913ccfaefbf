#include <gtest/gtest.h>

#include "socinv/rules/assessment.hpp"
#include "socinv/rules/builtin_rule_sets.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using socinv::testing::example;
using socinv::testing::has_code;
using json = nlohmann::json;

namespace {
const checklist_item& item(const assessment& a, criterion c) {
    for (const auto& i : a.checklist)
        if (i.criterion == c) return i;
    throw std::runtime_error("no item");
}

application sot_with(const std::function<void(json&)>& edit) {
    json j = to_json(example("sot.json"));
    edit(j);
    return application_from_json(j);
}
}  // namespace

TEST(Checklist, HasTheFiveCriteriaAndFourAdvisoryItems) {
    const auto a = assess(example("sot.json"), default_rule_set());
    ASSERT_EQ(a.checklist.size(), 9u);
    int advisory = 0;
    for (const auto& i : a.checklist) advisory += i.advisory;
    EXPECT_EQ(advisory, 4);
}

TEST(Checklist, CollaborationIsDecidedFromTheParties) {
    const auto sot = assess(example("sot.json"), default_rule_set());
    EXPECT_EQ(item(sot, criterion::collaborative).verdict, verdict::met);
    EXPECT_EQ(item(sot, criterion::collaborative).decided_by, decided_by::data);
    const auto alone = assess(example("single-administration.json"), default_rule_set());
    EXPECT_EQ(item(alone, criterion::collaborative).verdict, verdict::not_met);
    EXPECT_FALSE(alone.passes());
}

TEST(Checklist, JudgementCriteriaNeedAnEvaluatorAndAreNeverMetByDefault) {
    const auto app = sot_with([](json& j) {
        j.erase("criteria");
        j.erase("economics");  // with a cost model, reduced future resource needs is decided by the data
    });
    const auto a = assess(app, default_rule_set());
    for (criterion c : {criterion::innovative, criterion::reduced_future_resource_needs, criterion::evidence_base,
                        criterion::built_to_scale, criterion::evaluation_plan}) {
        EXPECT_EQ(item(a, c).verdict, verdict::needs_information) << to_string(c);
        EXPECT_EQ(item(a, c).decided_by, decided_by::nobody);
    }
    EXPECT_EQ(item(a, criterion::not_budget_supplement).verdict, verdict::needs_information);
}

TEST(Checklist, EvaluatorVerdictIsUsedWithItsComment) {
    const auto app = sot_with([](json& j) {
        j["criteria"]["innovative"] = {{"assessment", {{"verdict", "not_met"}, {"comment", "done before"}, {"by", "AR"}}}};
    });
    const auto a = assess(app, default_rule_set());
    EXPECT_EQ(item(a, criterion::innovative).verdict, verdict::not_met);
    EXPECT_EQ(item(a, criterion::innovative).decided_by, decided_by::evaluator);
    EXPECT_EQ(item(a, criterion::innovative).comment, "done before");
    EXPECT_FALSE(a.passes());
    EXPECT_TRUE(a.eligible);
}

TEST(Checklist, MeasurableNeedsBaselineAndTarget) {
    // Before any follow-up: the effect measures as the application states them.
    const auto none = sot_with([](json& j) {
        j.erase("effect_measures");
        j.erase("follow_up");
    });
    EXPECT_EQ(item(assess(none, default_rule_set()), criterion::measurable).verdict, verdict::not_met);
    const auto partial = sot_with([](json& j) {
        j.erase("follow_up");
        j["effect_measures"] = json::array({{{"name", "cost"}, {"unit", "SEK"}, {"baseline", 100}, {"target", nullptr}}});
    });
    EXPECT_EQ(item(assess(partial, default_rule_set()), criterion::measurable).verdict, verdict::needs_information);
    const auto full = sot_with([](json& j) {
        j.erase("follow_up");
        j["effect_measures"] = json::array({{{"name", "cost"}, {"unit", "SEK"}, {"baseline", 100}, {"target", 60}}});
    });
    EXPECT_EQ(item(assess(full, default_rule_set()), criterion::measurable).verdict, verdict::met);
}

namespace {
bool has_evidence(const checklist_item& i, const std::string& part) {
    for (const auto& e : i.evidence)
        if (e.en.find(part) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST(Checklist, MeasurableFromTheFollowUpWhenThereIsOne) {
    // Kalmar's one targeted measure has follow-up data: met, by the data.
    const auto kalmar = assess(example("kalmar-esf.json"), default_rule_set());
    const auto& measured = item(kalmar, criterion::measurable);
    EXPECT_EQ(measured.verdict, verdict::met);
    EXPECT_EQ(measured.decided_by, decided_by::data);
    EXPECT_TRUE(has_evidence(measured, "followed up (as of 2020-06-30)"));

    // The same measure without follow-up data: the follow-up cannot show it yet.
    json j = to_json(example("kalmar-esf.json"));
    j["follow_up"]["measures"] = json::array();
    const auto without_data = assess(application_from_json(j), default_rule_set());
    const auto& missing = item(without_data, criterion::measurable);
    EXPECT_EQ(missing.verdict, verdict::needs_information);
    EXPECT_TRUE(has_evidence(missing, "has a target but no follow-up data (as of 2020-06-30)"));
    EXPECT_FALSE(has_evidence(missing, "followed up"));

    // SöT follows up, but none of its effect measures has a target to judge against; without the
    // follow-up the same measures (no baseline, no target) are judged as stated, which is not met.
    const auto sot_assessment = assess(example("sot.json"), default_rule_set());
    const auto& sot = item(sot_assessment, criterion::measurable);
    EXPECT_EQ(sot.verdict, verdict::needs_information);
    EXPECT_TRUE(has_evidence(sot, "no effect measure has a target"));
    const auto before_follow_up = assess(sot_with([](json& k) { k.erase("follow_up"); }), default_rule_set());
    const auto& before = item(before_follow_up, criterion::measurable);
    EXPECT_NE(before.verdict, verdict::met);
    EXPECT_FALSE(has_evidence(before, "no effect measure has a target"));
}

TEST(Checklist, DataOverridesAContraryEvaluatorAndSaysSo) {
    const auto app = sot_with([](json& j) {
        j.erase("effect_measures");
        j.erase("follow_up");
        j["criteria"]["measurable"] = {{"assessment", {{"verdict", "met"}}}};
    });
    const auto a = assess(app, default_rule_set());
    EXPECT_EQ(item(a, criterion::measurable).verdict, verdict::not_met);
    EXPECT_TRUE(has_code(a.findings, "evaluator_verdict_differs_from_data"));
}

TEST(Checklist, AnOverlongPeriodIsABudgetSupplement) {
    const auto a = assess(example("kalmar-esf.json"), default_rule_set());
    EXPECT_EQ(item(a, criterion::not_budget_supplement).verdict, verdict::not_met);
}

TEST(Checklist, ReturnTransferAgreementFromTheData) {
    EXPECT_EQ(item(assess(example("sot.json"), default_rule_set()), criterion::return_transfer_agreement).verdict,
              verdict::met);
    const auto without = sot_with([](json& j) {
        j.erase("return_transfer");
        j.erase("savings");
    });
    EXPECT_EQ(item(assess(without, default_rule_set()), criterion::return_transfer_agreement).verdict,
              verdict::needs_information);
}
