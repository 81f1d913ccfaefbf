#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "socinv/outcomes/measure_verdict.hpp"

using socinv::effect_direction;
using socinv::effect_measure;
using socinv::follow_up;
using socinv::mean_observation;
using socinv::proportion_observation;
using socinv::target_verdict;

namespace {

follow_up at(std::vector<socinv::measure_outcome> measures) {
    follow_up f;
    f.as_of = socinv::date(2020, 6, 30);
    f.measures = std::move(measures);
    return f;
}

}  // namespace

TEST(VerdictAgainst, IntervalAgainstTargetBothDirections) {
    using socinv::verdict_against;
    EXPECT_EQ(verdict_against({0.65, 0.74}, 0.60, effect_direction::increase), target_verdict::met);
    EXPECT_EQ(verdict_against({0.60, 0.74}, 0.60, effect_direction::increase), target_verdict::met);
    EXPECT_EQ(verdict_against({0.40, 0.55}, 0.60, effect_direction::increase), target_verdict::not_met);
    EXPECT_EQ(verdict_against({0.55, 0.65}, 0.60, effect_direction::increase), target_verdict::inconclusive);
    EXPECT_EQ(verdict_against({0.40, 0.55}, 0.60, effect_direction::decrease), target_verdict::met);
    EXPECT_EQ(verdict_against({0.65, 0.74}, 0.60, effect_direction::decrease), target_verdict::not_met);
    EXPECT_EQ(verdict_against({0.55, 0.60}, 0.60, effect_direction::decrease), target_verdict::met);
}

TEST(ShareScale, PercentAndShare) {
    EXPECT_EQ(socinv::share_scale("procent"), 100.0);
    EXPECT_EQ(socinv::share_scale("Percent"), 100.0);
    EXPECT_EQ(socinv::share_scale("%"), 100.0);
    EXPECT_EQ(socinv::share_scale("andel"), 1.0);
    EXPECT_EQ(socinv::share_scale("share"), 1.0);
    EXPECT_FALSE(socinv::share_scale("kronor"));
}

TEST(Evaluate, KalmarSeventyPercentOf382AgainstSixtyPercentIsMet) {
    const std::vector<effect_measure> measures{
        {"occupation", "procent", std::nullopt, 60.0, effect_direction::increase}};
    auto f = at({{"occupation", proportion_observation{267, 382}, {}, {}, {}}});
    f.participants = socinv::participants_reached{418, 382};
    const auto r = socinv::evaluate(f, measures);
    ASSERT_EQ(r.measures.size(), 1u);
    const auto& m = r.measures[0];
    EXPECT_NEAR(m.observed, 267.0 / 382, 1e-15);
    EXPECT_NEAR(m.ci.low, 0.6511588397655438, 1e-15);  // statsmodels Wilson
    EXPECT_EQ(m.target, 0.6);
    EXPECT_EQ(m.unit_scale, 100.0);
    EXPECT_EQ(m.verdict, target_verdict::met);
    EXPECT_NEAR(m.minimum_detectable_difference, 0.07022274091027997, 1e-15);  // at p0 = 0.6, n = 382
    EXPECT_TRUE(m.warnings.empty());
    EXPECT_TRUE(r.all_targets_met());
    ASSERT_TRUE(r.reach);
    EXPECT_NEAR(r.reach->share, 382.0 / 418, 1e-15);
    ASSERT_TRUE(r.reach->ci);
    EXPECT_TRUE(r.reach->ci->contains(r.reach->share));
}

TEST(Evaluate, SotsThirtyPeopleAreInconclusiveAndSaySo) {
    const std::vector<effect_measure> measures{{"work", "andel", 0.35, 0.5, effect_direction::increase}};
    const auto r = socinv::evaluate(at({{"work", proportion_observation{15, 30}, {}, {}, {}}}), measures);
    const auto& m = r.measures[0];
    EXPECT_EQ(m.verdict, target_verdict::inconclusive);
    EXPECT_NEAR(m.ci.low, 0.3315412564053376, 1e-15);
    EXPECT_NEAR(m.minimum_detectable_difference, 0.2557485701222506, 1e-15);
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_EQ(m.warnings[0].code, "small_sample");
    // In percentage points: the unit "andel" is a share out of 1, so 0.26 of it would read badly.
    EXPECT_EQ(m.warnings[0].message_en,
              "with n = 30 the follow-up can only detect a difference of 25.6 percentage points or more from the "
              "target with 80 % power at the 95 % level; the target is 15 percentage points from the baseline, so an "
              "inconclusive verdict says little (a small group)");
    EXPECT_NE(m.warnings[0].message_sv.find("med n = 30 kan uppföljningen bara upptäcka en skillnad på 25.6 procentenheter"),
              std::string::npos)
        << m.warnings[0].message_sv;
    EXPECT_FALSE(r.all_targets_met());
}

TEST(Evaluate, AMeasureWithoutATargetSaysWhatItsNCanDetect) {
    // SöT's 8 of 30 in work, with no target: (1.96 + 0.8416) √(8/30 · 22/30 / 30) = 0.2262 (scipy).
    const std::vector<effect_measure> measures{{"work", "personer", std::nullopt, std::nullopt, effect_direction::increase}};
    const auto r = socinv::evaluate(at({{"work", proportion_observation{8, 30}, {}, {}, {}}}), measures);
    const auto& m = r.measures[0];
    EXPECT_FALSE(m.verdict);
    EXPECT_NEAR(m.minimum_detectable_difference, 0.22619254607077405, 1e-12);
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_EQ(m.warnings[0].code, "no_target");
    EXPECT_NE(m.warnings[0].message_en.find("with n = 30 only a true difference of 22.6 percentage points"),
              std::string::npos)
        << m.warnings[0].message_en;
    EXPECT_NE(m.warnings[0].message_sv.find("22.6 procentenheter"), std::string::npos) << m.warnings[0].message_sv;
    // Nothing with a target was missed: vacuously all met.
    EXPECT_TRUE(r.all_targets_met());
}

TEST(Evaluate, AllTargetsMetLooksOnlyAtMeasuresWithATarget) {
    const std::vector<effect_measure> measures{{"work", "procent", std::nullopt, 60.0, effect_direction::increase},
                                               {"other", "procent", std::nullopt, std::nullopt, std::nullopt}};
    auto met = socinv::evaluate(at({{"work", proportion_observation{267, 382}, {}, {}, {}},
                                    {"other", proportion_observation{1, 30}, {}, {}, {}}}),
                                measures);
    EXPECT_TRUE(met.all_targets_met());
    auto missed = socinv::evaluate(at({{"work", proportion_observation{200, 382}, {}, {}, {}},
                                       {"other", proportion_observation{1, 30}, {}, {}, {}}}),
                                   measures);
    EXPECT_EQ(missed.measures[0].verdict, target_verdict::not_met);
    EXPECT_FALSE(missed.all_targets_met());
    EXPECT_EQ(socinv::swedish_name(target_verdict::met), "uppnått");
    EXPECT_EQ(socinv::swedish_name(target_verdict::not_met), "ej uppnått");
    EXPECT_EQ(socinv::swedish_name(target_verdict::inconclusive), "osäkert");
}

TEST(Evaluate, DecreasingMeanWithAComparisonAndBeforeAfter) {
    const std::vector<effect_measure> measures{{"costs", "kronor", 8000.0, 5000.0, effect_direction::decrease}};
    socinv::measure_outcome m{"costs", mean_observation{4200, 900, 30}, mean_observation{7900, 1000, 30},
                              mean_observation{7600, 1200, 40}, mean_observation{8000, 1100, 40}};
    const auto r = socinv::evaluate(at({m}), measures);
    const auto& e = r.measures[0];
    EXPECT_FALSE(e.proportion);
    EXPECT_EQ(e.verdict, target_verdict::met);
    EXPECT_EQ(e.unit_scale, 1.0);
    ASSERT_TRUE(e.difference && e.difference_ci && e.diff_in_diff);
    EXPECT_DOUBLE_EQ(*e.difference, -3400.0);
    EXPECT_LT(e.difference_ci->high, 0);
    EXPECT_DOUBLE_EQ(e.diff_in_diff->estimate, (4200.0 - 7900) - (7600.0 - 8000));
}

TEST(Evaluate, ProportionWithAComparisonGroupUsesNewcombe) {
    const std::vector<effect_measure> measures{{"work", "procent", 20.0, 30.0, std::nullopt}};
    const auto r = socinv::evaluate(
        at({{"work", proportion_observation{56, 70}, {}, proportion_observation{48, 80}, {}}}), measures);
    const auto& e = r.measures[0];
    EXPECT_EQ(e.direction, effect_direction::increase);  // read from baseline 20 → target 30
    ASSERT_TRUE(e.difference_ci);
    EXPECT_NEAR(e.difference_ci->low, 0.05243147240236498, 1e-15);
    EXPECT_NEAR(e.difference_ci->high, 0.33387265403690614, 1e-15);
    EXPECT_FALSE(e.diff_in_diff);
}

TEST(Evaluate, MeasuresWithoutATargetOrWithAnUnfitUnitGetNoVerdict) {
    const std::vector<effect_measure> measures{{"wellbeing", "poäng", std::nullopt, std::nullopt, std::nullopt},
                                               {"places", "personer", std::nullopt, 20.0, effect_direction::increase}};
    const auto r = socinv::evaluate(at({{"wellbeing", mean_observation{3.2, 0.8, 25}, {}, {}, {}},
                                        {"places", proportion_observation{12, 30}, {}, {}, {}}}),
                                    measures);
    EXPECT_FALSE(r.measures[0].verdict);
    EXPECT_FALSE(r.measures[1].verdict);
    ASSERT_EQ(r.measures[1].warnings.size(), 1u);
    EXPECT_EQ(r.measures[1].warnings[0].code, "unit_not_a_share");
    EXPECT_NE(r.measures[1].warnings[0].message_en.find("personer"), std::string::npos);
    ASSERT_EQ(r.measures[0].warnings.size(), 1u);
    EXPECT_EQ(r.measures[0].warnings[0].code, "no_target");
}

TEST(Evaluate, BadDataThrowsWithThePointer) {
    const std::vector<effect_measure> measures{{"work", "procent", std::nullopt, 50.0, effect_direction::increase}};
    try {
        socinv::evaluate(at({{"work", proportion_observation{15, 30}, {}, {}, {}},
                             {"work", proportion_observation{40, 120}, {}, {}, {}},
                             {"work", proportion_observation{31, 30}, {}, {}, {}}}),
                         measures);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/follow_up/measures/2/successes");
        EXPECT_EQ(e.value(), "31");
    }
    EXPECT_THROW(socinv::evaluate(at({}), measures, 0.0), std::invalid_argument);
}
