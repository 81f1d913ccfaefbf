#include <gtest/gtest.h>

#include <random>

#include "socinv/io/load.hpp"
#include "socinv/application/transfer_schedule_of.hpp"
#include "socinv/io/transfer_json.hpp"
#include "socinv/transfer/schedule.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using json = nlohmann::json;

namespace {

return_transfer_agreement agreement(std::int64_t share_ppm = ppm_one, int first = 2015, int last = 2020, int lag = 0) {
    return_transfer_agreement a;
    a.share_ppm = share_ppm;
    a.first_year = first;
    a.last_year = last;
    a.lag_years = lag;
    return a;
}

money kr(std::int64_t sek) { return money::from_sek(sek); }

}  // namespace

TEST(Schedule, ShareLagAndYearsByHand) {
    // Half of each saving, a year later, only 2016-2017 open.
    auto a = agreement(500'000, 2016, 2017, 1);
    const std::vector<saving> savings{{"Soc", 2015, kr(100'001), saving_basis::forecast},
                                      {"Soc", 2016, kr(50'000), saving_basis::forecast},
                                      {"Soc", 2017, kr(70'000), saving_basis::forecast}};  // returns in 2018: outside
    const auto s = make_schedule(a, savings, {}, kr(1'000'000));
    ASSERT_EQ(s.lines.size(), 2u);
    EXPECT_EQ(s.lines[0].year, 2016);
    EXPECT_EQ(s.lines[0].amount, kr(50'000) + money::from_ore(50));  // 100 001 × 0.5 = 50 000,50
    EXPECT_EQ(s.lines[1].year, 2017);
    EXPECT_EQ(s.lines[1].amount, kr(25'000));
    EXPECT_EQ(s.total, kr(75'000) + money::from_ore(50));
    EXPECT_FALSE(s.capped);
}

TEST(Schedule, ShareRoundsDownToTheOre) {
    auto a = agreement(333'333);
    const auto s = make_schedule(a, {{"Soc", 2015, money::from_ore(100), saving_basis::forecast}}, {}, kr(1));
    EXPECT_EQ(s.total, money::from_ore(33));  // 33.3333 öre: never more than share × saving
}

TEST(Schedule, MinimumIsNotTaken) {
    auto a = agreement();
    a.minimum = kr(10'000);
    const auto s = make_schedule(a, {{"Soc", 2015, kr(9'999), saving_basis::forecast}, {"Soc", 2016, kr(10'000), saving_basis::forecast}},
                                 {}, kr(1));
    ASSERT_EQ(s.lines.size(), 1u);
    EXPECT_EQ(s.lines[0].year, 2016);
}

TEST(Schedule, CapAtTheInvestmentSplitsTheLastYearExactly) {
    auto a = agreement();
    a.cap.kind = cap_kind::invested;
    const std::vector<saving> savings{{"A", 2015, kr(60), saving_basis::forecast},
                                      {"A", 2016, kr(30), saving_basis::forecast},
                                      {"B", 2016, kr(30), saving_basis::forecast},
                                      {"A", 2017, kr(50), saving_basis::forecast}};
    const auto s = make_schedule(a, savings, {}, kr(100));
    EXPECT_TRUE(s.capped);
    EXPECT_EQ(s.total, kr(100));
    EXPECT_EQ(s.uncapped_total, kr(170));
    EXPECT_EQ(s.total_for("A"), kr(80));  // 60 + 20 of the 40 left in 2016, shared 30:30
    EXPECT_EQ(s.total_for("B"), kr(20));
    for (const auto& l : s.lines) EXPECT_LT(l.year, 2017);
}

TEST(Schedule, ActualsReplaceForecastsAndBookedYearsAreTruedUp) {
    auto a = agreement();
    const std::vector<saving> savings{{"A", 2015, kr(100), saving_basis::forecast},
                                      {"A", 2015, kr(80), saving_basis::actual},
                                      {"A", 2016, kr(50), saving_basis::forecast}};
    // 100 was booked for 2015 on the forecast; the actual is 80: 20 over-returned.
    const auto s = make_schedule(a, savings, {{"A", 2015, kr(100)}}, kr(1'000));
    EXPECT_EQ(s.total, kr(130));  // 80 + 50: the true-up gives back 20
    bool found = false;
    for (const auto& l : s.lines)
        if (l.kind == schedule_line_kind::true_up) {
            found = true;
            EXPECT_EQ(l.year, 2016);
            EXPECT_EQ(l.amount, kr(-20));
        }
    EXPECT_TRUE(found);
}

TEST(Schedule, FixedSplitDistributesRemainders) {
    auto a = agreement();
    a.split_by_saving = false;
    a.split = {{"A", 333'334}, {"B", 333'333}, {"C", 333'333}};
    a.payers = {"A", "B", "C"};
    const auto s = make_schedule(a, {{"A", 2015, money::from_ore(100), saving_basis::actual}}, {}, kr(1));
    EXPECT_EQ(s.total, money::from_ore(100));
    EXPECT_EQ(s.total_for("A"), money::from_ore(34));
    EXPECT_EQ(s.total_for("B"), money::from_ore(33));
}

TEST(Schedule, PropertiesOverRandomAgreements) {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 2000; ++trial) {
        auto a = agreement(static_cast<std::int64_t>(rng() % (ppm_one + 1)), 2015, 2015 + static_cast<int>(rng() % 8),
                           static_cast<int>(rng() % 3));
        a.minimum = money::from_ore(static_cast<std::int64_t>(rng() % 5000));
        if (rng() % 2) {
            a.cap.kind = cap_kind::amount;
            a.cap.amount = money::from_ore(static_cast<std::int64_t>(rng() % 5'000'000));
        }
        const bool fixed = rng() % 3 == 0;
        if (fixed) {
            a.split_by_saving = false;
            const auto first = static_cast<std::int64_t>(rng() % (ppm_one + 1));
            a.split = {{"A", first}, {"B", ppm_one - first}};
        }
        std::vector<saving> savings;
        for (int y = 2015; y < 2025; ++y)
            for (const char* p : {"A", "B"})
                if (rng() % 3) savings.push_back({p, y, money::from_ore(static_cast<std::int64_t>(rng() % 1'000'000)),
                                                  rng() % 2 ? saving_basis::actual : saving_basis::forecast});
        const auto s = make_schedule(a, savings, {}, kr(1));
        money sum;
        for (const auto& l : s.lines) {
            sum += l.amount;
            EXPECT_GE(l.year, a.first_year);
            EXPECT_LE(l.year, a.last_year);
            EXPECT_FALSE(l.amount.is_negative());
            if (!fixed) {
                // No reduction exceeds share × the saving it comes from.
                money largest;
                for (const auto& sv : savings)
                    if (sv.payer == l.payer && sv.year == l.saving_year) largest = std::max(largest, sv.amount);
                EXPECT_LE(static_cast<double>(l.amount.ore()),
                          static_cast<double>(largest.ore()) * static_cast<double>(a.share_ppm) / ppm_one + 1e-9);
            }
        }
        EXPECT_EQ(sum, s.total);  // every öre accounted for
        if (a.cap.kind == cap_kind::amount) {
            EXPECT_LE(s.total, a.cap.amount);
        }
        EXPECT_LE(s.total, s.uncapped_total);
    }
}

TEST(Schedule, SotExampleFromJson) {
    const auto app = socinv::testing::example("sot.json");
    const auto s = schedule_from(app);
    EXPECT_EQ(s.total, kr(4'100'000));  // capped at the amount granted
    EXPECT_TRUE(s.capped);
    const auto j = to_json(s);
    EXPECT_EQ(j.at("total"), "4100000.00");
    EXPECT_TRUE(j.at("schedule").at(0).contains("payer"));
}

TEST(Schedule, BadAgreementsNameTheEntry) {
    auto base = to_json(socinv::testing::example("sot.json"));
    auto expect_pointer = [&](const std::function<void(json&)>& edit, const std::string& pointer) {
        json j = base;
        edit(j);
        try {
            application_from_json(j);
            ADD_FAILURE() << "no error for " << pointer;
        } catch (const input_error& e) {
            EXPECT_EQ(e.pointer(), pointer) << e.what();
        }
    };
    expect_pointer([](json& j) { j["savings"][0]["amount"] = -5; }, "/savings/0/amount");
    expect_pointer([](json& j) { j["savings"][0]["payer"] = "Tekniska förvaltningen"; }, "/savings/0/payer");
    expect_pointer([](json& j) { j["savings"][0]["year"] = 2010; }, "/savings/0/year");
    expect_pointer([](json& j) { j["savings"][1] = j["savings"][0]; }, "/savings/1");
    expect_pointer([](json& j) { j["return_transfer"]["split"] = json::array({{{"payer", "A"}, {"share", 0.5}}, {{"payer", "B"}, {"share", 0.4}}}); },
                   "/return_transfer/split");
    expect_pointer([](json& j) { j["return_transfer"]["last_year"] = 2010; }, "/return_transfer/last_year");
    expect_pointer([](json& j) { j["return_transfer"]["share"] = 1.5; }, "/return_transfer/share");
    expect_pointer([](json& j) { j["return_transfer"]["booked"][0]["year"] = 2030; }, "/return_transfer/booked/0/year");
    expect_pointer([](json& j) { j["return_transfer"]["cap"] = "everything"; }, "/return_transfer/cap");
}
