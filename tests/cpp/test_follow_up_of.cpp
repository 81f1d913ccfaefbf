#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "socinv/application/follow_up_of.hpp"
#include "socinv/io/application_json.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using socinv::testing::example;
using json = nlohmann::json;

namespace {

const std::string vaf = "Vuxenutbildnings- och arbetsmarknadsförvaltningen";
const std::string soc = "Socialförvaltningen";

money sek(std::int64_t kronor) { return money::from_ore(kronor * 100); }

application sot_with(const std::function<void(json&)>& edit) {
    json j = to_json(example("sot.json"));
    edit(j);
    return application_from_json(j);
}

std::string pointer_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const input_error& e) {
        return e.pointer();
    }
    return "no error";
}

}  // namespace

TEST(Reconcile, SotsTrueUpIsTheSchedulesFiftyOneThousandFiveHundred) {
    // SöT booked 180 000 kr in 2016 on the forecast 2015 saving; the actual was 231 500 kr, so
    // 51 500 kr more is due, booked as a true-up in 2017. Not the whole schedule's total.
    const application app = example("sot.json");
    const reconciliation r = reconcile(app);
    EXPECT_EQ(r.as_of, date(2017, 3, 31));
    ASSERT_EQ(r.transfers.size(), 1u);
    const auto& t = r.transfers[0];
    EXPECT_EQ(t.payer, vaf);
    EXPECT_EQ(t.returned_so_far, sek(180'000));
    EXPECT_EQ(t.due_forecast, sek(180'000));
    EXPECT_EQ(t.due_actual, sek(231'500));
    EXPECT_EQ(t.true_up, sek(51'500));
    EXPECT_EQ(r.returned_so_far(), sek(180'000));
    EXPECT_EQ(r.due(), sek(231'500));
    EXPECT_EQ(r.true_up(), sek(51'500));
    ASSERT_EQ(r.true_ups.size(), 1u);
    EXPECT_EQ(r.true_ups[0].year, 2017);
    EXPECT_EQ(r.true_ups[0].saving_year, 2015);

    // The same true-up lines as the schedule `socinv transfers` shows.
    std::vector<schedule_line> shown;
    for (const auto& l : schedule_from(app).lines)
        if (l.kind == schedule_line_kind::true_up) shown.push_back(l);
    EXPECT_EQ(r.true_ups, shown);

    // Both schedules meet the cap (the 4 100 000 kr invested): 4 530 000 kr of forecast
    // returns are cut to it, and so is the extra 51 500 kr.
    EXPECT_EQ(r.forecast_total, sek(4'100'000));
    EXPECT_EQ(r.actual_total, sek(4'100'000));
    EXPECT_EQ(r.actual_total, schedule_from(app).total);
}

TEST(Reconcile, SotsSavingsByPayerAndYear) {
    const reconciliation r = reconcile(example("sot.json"));
    ASSERT_EQ(r.savings.size(), 12u);
    const auto& first = r.savings[0];  // by payer, then year: Socialförvaltningen sorts first
    EXPECT_EQ(first.payer, soc);
    EXPECT_EQ(first.year, 2015);
    EXPECT_EQ(first.forecast, sek(24'000));
    EXPECT_FALSE(first.actual);
    EXPECT_FALSE(first.difference());
    bool seen = false;
    for (const auto& s : r.savings)
        if (s.payer == vaf && s.year == 2015) {
            seen = true;
            EXPECT_EQ(s.forecast, sek(180'000));
            EXPECT_EQ(s.actual, sek(231'500));
            EXPECT_EQ(s.difference(), sek(51'500));
        }
    EXPECT_TRUE(seen);
}

TEST(Reconcile, HandCheckedTwoPayersWithoutACap) {
    // Without a cap; actuals for Socialförvaltningen 2015 (30 000 against 24 000) and for the
    // administration 2016 (410 000 against 420 000); returns booked in 2016 and 2017, and one in
    // 2018, after the follow-up's date, which is left out.
    const application app = sot_with([](json& j) {
        j["return_transfer"]["cap"] = "none";
        j["return_transfer"]["booked"] = json::array({{{"payer", vaf}, {"year", 2016}, {"amount", 180000}},
                                                      {{"payer", soc}, {"year", 2016}, {"amount", 20000}},
                                                      {{"payer", vaf}, {"year", 2017}, {"amount", 400000}},
                                                      {{"payer", vaf}, {"year", 2018}, {"amount", 600000}}});
        j["savings"].push_back({{"payer", soc}, {"year", 2015}, {"amount", 30000}, {"basis", "actual"}});
        j["savings"].push_back({{"payer", vaf}, {"year", 2016}, {"amount", 410000}, {"basis", "actual"}});
    });
    const reconciliation r = reconcile(app);
    ASSERT_EQ(r.transfers.size(), 2u);
    const auto& s = r.transfers[0];
    EXPECT_EQ(s.payer, soc);
    EXPECT_EQ(s.returned_so_far, sek(20'000));
    EXPECT_EQ(s.due_forecast, sek(24'000));
    EXPECT_EQ(s.due_actual, sek(30'000));
    EXPECT_EQ(s.true_up, sek(10'000));
    const auto& v = r.transfers[1];
    EXPECT_EQ(v.payer, vaf);
    EXPECT_EQ(v.returned_so_far, sek(580'000));               // 180 000 + 400 000; not the 2018 booking
    EXPECT_EQ(v.due_forecast, sek(600'000));                  // 180 000 + 420 000
    EXPECT_EQ(v.due_actual, sek(641'500));                    // 231 500 + 410 000
    EXPECT_EQ(v.true_up, sek(61'500));
    EXPECT_EQ(r.true_up(), r.due() - r.returned_so_far());    // 71 500
    EXPECT_EQ(r.true_up(), sek(71'500));
    EXPECT_EQ(r.due_forecast(), sek(624'000));
    ASSERT_EQ(r.true_ups.size(), 2u);
    EXPECT_EQ(r.true_ups[0].payer, soc);  // 2017, the year after its last booked one
    EXPECT_EQ(r.true_ups[0].year, 2017);
    EXPECT_EQ(r.true_ups[1].payer, vaf);
    EXPECT_EQ(r.true_ups[1].year, 2018);
    EXPECT_EQ(r.true_ups[1].saving_year, 2016);
    // Uncapped totals: the forecasts' 4 530 000, and under the actuals 51 500 + 6 000 − 10 000 more.
    EXPECT_EQ(r.forecast_total, sek(4'530'000));
    EXPECT_EQ(r.actual_total, sek(4'577'500));

    // A later date takes in the 2018 booking: 600 000 returned against the forecast's 600 000.
    const reconciliation later = reconcile(app, date(2018, 12, 31));
    EXPECT_EQ(later.transfers[1].returned_so_far, sek(1'180'000));
    EXPECT_EQ(later.transfers[1].due_actual, sek(1'241'500));
}

TEST(Reconcile, NeedsAnAgreementAndAFollowUpDate) {
    EXPECT_EQ(pointer_of([] { reconcile(sot_with([](json& j) { j.erase("return_transfer"); })); }), "/return_transfer");
    EXPECT_EQ(pointer_of([] { reconcile(sot_with([](json& j) { j.erase("follow_up"); })); }), "/follow_up");
}

TEST(EvaluativeModel, SotsRateIsUpdatedByEightOfThirty) {
    // Triangular(0.1, 0.25, 0.4): mean 0.25, variance 0.0675 / 18 = 0.00375, so k = 0.1875 /
    // 0.00375 − 1 = 49 and the prior is Beta(12.25, 36.75); 8 of 30 gives Beta(20.25, 58.75).
    const evaluative_model e = evaluative_model_of(example("sot.json"));
    EXPECT_EQ(e.measure, "Deltagare som fått arbete");
    EXPECT_NEAR(e.prior.a, 12.25, 1e-9);
    EXPECT_NEAR(e.prior.b, 36.75, 1e-9);
    EXPECT_NEAR(e.posterior.a, 20.25, 1e-9);
    EXPECT_NEAR(e.posterior.b, 58.75, 1e-9);
    EXPECT_EQ(e.updated.success_rate.kind, distribution_kind::normal);
    EXPECT_NEAR(e.updated.success_rate.mean(), 20.25 / 79, 1e-12);
    EXPECT_NEAR(e.updated.success_rate.b, std::sqrt(20.25 * 58.75 / (79.0 * 79 * 80)), 1e-12);
    EXPECT_EQ(e.forecast.success_rate.kind, distribution_kind::triangular);  // the forecast is kept
}

TEST(EvaluativeModel, DataThatCannotUpdateIsAnInputErrorWithItsPointer) {
    const auto fixed = sot_with([](json& j) { j["economics"]["success_rate"] = 0.25; });
    EXPECT_EQ(pointer_of([&] { evaluative_model_of(fixed); }), "/economics/success_rate");
    try {
        evaluative_model_of(fixed);
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.message()).find("no spread"), std::string::npos) << e.message();
    }
    EXPECT_EQ(pointer_of([] { evaluative_model_of(example("sot.json"), "no such measure"); }), "/follow_up/measures");
    const auto means_only = sot_with([](json& j) {
        j["follow_up"]["measures"] = json::array({{{"measure", "Deltagare som fått arbete"}, {"mean", 3.0}, {"sd", 1.0}, {"n", 30}}});
    });
    EXPECT_EQ(pointer_of([&] { evaluative_model_of(means_only); }), "/follow_up/measures");
    EXPECT_EQ(pointer_of([] { evaluative_model_of(sot_with([](json& j) { j.erase("follow_up"); })); }), "/follow_up");
}

TEST(EvaluateFollowUp, SotHasNoTargetButSaysWhatThirtyCanShow) {
    const auto r = evaluate_follow_up(example("sot.json"));
    ASSERT_EQ(r.measures.size(), 1u);
    EXPECT_TRUE(r.all_targets_met());  // vacuously: no measure has a target
    ASSERT_EQ(r.measures[0].warnings.size(), 1u);
    EXPECT_EQ(r.measures[0].warnings[0].code, "no_target");
    EXPECT_NE(r.measures[0].warnings[0].message_en.find("n = 30"), std::string::npos);
}
