#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "socinv/economics/xnpv.hpp"

using socinv::cash_flow;
using socinv::date;
using socinv::day_count;

namespace {

date d(const char* iso) { return socinv::parse_iso_date(iso); }

// Microsoft's XNPV/XIRR documentation example.
std::vector<cash_flow> microsoft_example() {
    return {{d("2008-01-01"), -10000}, {d("2008-03-01"), 2750}, {d("2008-10-30"), 4250},
            {d("2009-02-15"), 3250},   {d("2009-04-01"), 2750}};
}

}  // namespace

TEST(Xnpv, MicrosoftExample) {
    EXPECT_NEAR(socinv::xnpv(0.09, microsoft_example()), 2086.6476020315, 1e-9);
}

TEST(Xnpv, DatesNeedNotBeSorted) {
    auto flows = microsoft_example();
    std::swap(flows[0], flows[3]);
    std::swap(flows[1], flows[4]);
    EXPECT_NEAR(socinv::xnpv(0.09, flows), 2086.6476020315, 1e-9);
}

TEST(Xnpv, DiscountsToTheEarliestDateNotTheFirstListed) {
    // A flow dated before the one listed first moves the valuation date back to it.
    const std::vector<cash_flow> flows{{d("2020-01-01"), 100}, {d("2019-01-01"), -50}};
    EXPECT_NEAR(socinv::xnpv(0.1, flows), -50 + 100 / 1.1, 1e-12);
}

TEST(Xnpv, RateZeroIsTheSumAndEmptyIsZero) {
    EXPECT_DOUBLE_EQ(socinv::xnpv(0.0, microsoft_example()), 3000.0);
    EXPECT_EQ(socinv::xnpv(0.05, std::vector<cash_flow>{}), 0.0);
}

TEST(Xnpv, LeapYearsInActualAndActActConventions) {
    const std::vector<cash_flow> flows{{d("2016-01-01"), -100}, {d("2017-01-01"), 110}};
    EXPECT_NEAR(socinv::xnpv(0.1, flows, day_count::act_act_isda), 0.0, 1e-12);
    EXPECT_NEAR(socinv::xnpv(0.1, flows), -100 + 110 * std::pow(1.1, -366.0 / 365.0), 1e-12);
    EXPECT_NEAR(socinv::xnpv(0.1, flows, day_count::act_360), -100 + 110 * std::pow(1.1, -366.0 / 360.0), 1e-12);
}

TEST(Xnpv, RateAtOrBelowMinusOneIsAnError) {
    try {
        socinv::xnpv(-1.0, microsoft_example());
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.value(), "-1");
        EXPECT_NE(e.message().find("-100 %"), std::string::npos);
    }
    EXPECT_THROW(socinv::xnpv(-1.5, microsoft_example()), socinv::input_error);
    EXPECT_THROW(socinv::xnpv(NAN, microsoft_example()), socinv::input_error);
    EXPECT_NO_THROW(socinv::xnpv(-0.999, microsoft_example()));
}

TEST(Xnpv, NonFiniteAmountNamesItsPlace) {
    auto flows = microsoft_example();
    flows[2].amount = INFINITY;
    try {
        socinv::xnpv(0.1, flows);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/2/amount");
        EXPECT_EQ(e.value(), "inf");
    }
}

TEST(Npv, SpreadsheetNpvDiscountsTheFirstValue) {
    // Excel: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44
    const std::vector<double> values{-10000, 3000, 4200, 6800};
    EXPECT_NEAR(socinv::npv(0.1, values, false), 1188.4434123352, 1e-9);
    EXPECT_NEAR(socinv::npv(0.1, values), 1188.4434123352 * 1.1, 1e-9);
}

TEST(Npv, NumpyFinancialExample) {
    // numpy-financial's docs: npv(0.08, [-40000, 5000, 8000, 12000, 30000]) = 3065.22266817
    EXPECT_NEAR(socinv::npv(0.08, std::vector<double>{-40000, 5000, 8000, 12000, 30000}), 3065.2226681795, 1e-8);
}

TEST(Npv, FallsAsTheRateRisesForAConventionalProject) {
    const std::vector<double> values{-1000, 200, 300, 400, 500, 100};
    double previous = INFINITY;
    for (double rate = -0.9; rate < 5.0; rate += 0.01) {
        const double value = socinv::npv(rate, values);
        EXPECT_LT(value, previous) << rate;
        previous = value;
    }
}

TEST(Npv, BadInput) {
    EXPECT_THROW(socinv::npv(-1.0, std::vector<double>{1, 2}), socinv::input_error);
    try {
        socinv::npv(0.1, std::vector<double>{1, NAN});
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/1");
    }
    EXPECT_EQ(socinv::npv(0.1, std::vector<double>{}), 0.0);
}
