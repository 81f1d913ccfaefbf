#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "socinv/economics/irr.hpp"

using socinv::cash_flow;
using socinv::date;
using socinv::day_count;

namespace {

date d(const char* iso) { return socinv::parse_iso_date(iso); }

std::vector<cash_flow> microsoft_example() {
    return {{d("2008-01-01"), -10000}, {d("2008-03-01"), 2750}, {d("2008-10-30"), 4250},
            {d("2009-02-15"), 3250},   {d("2009-04-01"), 2750}};
}

// The size of the terms of the XNPV at `rate`, for tolerances relative to it.
double magnitude(double rate, const std::vector<cash_flow>& flows) {
    date first = flows.front().on;
    for (const auto& f : flows) first = std::min(first, f.on);
    double sum = 0.0;
    for (const auto& f : flows)
        sum += std::abs(f.amount) * std::pow(1 + rate, -socinv::year_fraction(first, f.on, day_count::act_365_first));
    return sum;
}

// A project: one to three outflows, then inflows with the odd outflow, on random days.
std::vector<cash_flow> random_project(std::mt19937_64& rng) {
    std::uniform_int_distribution<int> count(4, 40), gap(15, 120), outflows(1, 3);
    std::uniform_real_distribution<double> size(100.0, 5000.0), chance(0.0, 1.0);
    std::vector<cash_flow> flows;
    date on = d("2010-01-01") + boost::gregorian::days(gap(rng) * 10);
    const int n = count(rng), out = outflows(rng);
    for (int k = 0; k < n; ++k) {
        const bool outflow = k < out || chance(rng) < 0.1;
        flows.push_back({on, outflow ? -size(rng) * (k < out ? 4.0 : 1.0) : size(rng)});
        on += boost::gregorian::days(gap(rng));
    }
    return flows;
}

}  // namespace

// --- known answers -----------------------------------------------------------------------------

TEST(Xirr, MicrosoftExample) {
    const auto rate = socinv::xirr(microsoft_example());
    ASSERT_TRUE(rate);
    EXPECT_NEAR(*rate, 0.3733625335188, 1e-12);
}

TEST(Xirr, LeapYearExample) {
    // 2020 is a leap year: the second flow is 366/365 years out.
    const std::vector<cash_flow> flows{{d("2020-01-01"), -1000}, {d("2021-01-01"), 750}, {d("2022-01-01"), 500}};
    EXPECT_NEAR(*socinv::xirr(flows), 0.17500926461545127, 1e-14);
    // In act/act-isda the years are whole, so the periodic IRR of the same amounts.
    EXPECT_NEAR(*socinv::xirr(flows, {}, day_count::act_act_isda), *socinv::irr(std::vector<double>{-1000, 750, 500}),
                1e-14);
}

TEST(Irr, ExcelExamples) {
    const std::vector<double> values{-70000, 12000, 15000, 18000, 21000, 26000};
    EXPECT_NEAR(*socinv::irr(values), 0.0866309480365316, 1e-14);
    EXPECT_NEAR(*socinv::irr(std::span(values).first(5)), -0.021244848273411, 1e-14);
    EXPECT_NEAR(*socinv::irr(std::span(values).first(3), -0.1), -0.443506941334741, 1e-14);
}

TEST(Irr, PyxirrExample) { EXPECT_NEAR(*socinv::irr(std::vector<double>{-100, 39, 59, 55, 20}), 0.28094842115996, 1e-13); }

TEST(Mirr, ExcelExamples) {
    const std::vector<double> values{-120000, 39000, 30000, 21000, 37000, 46000};
    EXPECT_NEAR(socinv::mirr(values, 0.10, 0.12), 0.126094130365905, 1e-14);
    EXPECT_NEAR(socinv::mirr(std::span(values).first(4), 0.10, 0.12), -0.0480446552499809, 1e-14);
    EXPECT_NEAR(socinv::mirr(values, 0.10, 0.14), 0.134759110828315, 1e-14);
}

TEST(Mirr, NeedsBothSigns) {
    try {
        socinv::mirr(std::vector<double>{100, 200}, 0.1, 0.1);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_NE(e.message().find("no negative"), std::string::npos);
    }
    EXPECT_THROW(socinv::mirr(std::vector<double>{-100, 200}, -1.0, 0.1), socinv::input_error);
}

// --- no rate -----------------------------------------------------------------------------------

TEST(Xirr, NoRateWithoutASignChange) {
    EXPECT_FALSE(socinv::xirr(std::vector<cash_flow>{}));
    EXPECT_FALSE(socinv::xirr(std::vector<cash_flow>{{d("2020-01-01"), -100}}));
    EXPECT_FALSE(socinv::xirr(std::vector<cash_flow>{{d("2020-01-01"), 0}, {d("2021-01-01"), 0}}));
    EXPECT_FALSE(socinv::xirr(std::vector<cash_flow>{{d("2020-01-01"), 100}, {d("2021-01-01"), 50}}));
    EXPECT_FALSE(socinv::irr(std::vector<double>{0, 0, 0}));
    EXPECT_FALSE(socinv::irr(std::vector<double>{-1, -2, 0, -3}));
    EXPECT_FALSE(socinv::irr(std::vector<double>{5}));
    // Flows on the same day are one flow: -100 and +100 on the first day cancel out.
    EXPECT_FALSE(socinv::xirr(std::vector<cash_flow>{
        {d("2020-01-01"), -100}, {d("2020-01-01"), 100}, {d("2021-01-01"), 10}}));
}

TEST(Irr, NoRealRootDespiteSignChanges) {
    // 1 - x + x^2 > 0 for every x: two sign changes and no root.
    EXPECT_FALSE(socinv::irr(std::vector<double>{1, -1, 1}));
    EXPECT_TRUE(socinv::all_rates(std::vector<double>{1, -1, 1}).empty());
}

// --- pitfalls ----------------------------------------------------------------------------------

TEST(Xirr, RateNearMinusOneHundredPercent) {
    // Almost everything lost: 1e-6 back after a year, and after thirty years.
    const std::vector<cash_flow> year{{d("2019-01-01"), -100}, {d("2020-01-01"), 1e-4}};
    EXPECT_NEAR(*socinv::xirr(year), std::pow(1e-6, 365.0 / 365.0) - 1, 1e-15);
    const std::vector<cash_flow> thirty{{d("2000-01-01"), -100}, {d("2030-01-01"), 1e-4}};
    const double t = socinv::year_fraction(d("2000-01-01"), d("2030-01-01"), day_count::act_365_first);
    const auto rate = socinv::xirr(thirty);
    ASSERT_TRUE(rate);
    EXPECT_NEAR(*rate, std::pow(1e-6, 1 / t) - 1, 1e-14);
    // Periodic, 1e-12 back after one period.
    EXPECT_NEAR(*socinv::irr(std::vector<double>{-1, 1e-12}), -1 + 1e-12, 2e-16);
    EXPECT_NEAR(*socinv::irr(std::vector<double>{-1, 0, 0, 0, 1e-12}), std::pow(1e-12, 0.25) - 1, 1e-15);
}

TEST(Xirr, VeryLargeRates) {
    // Doubling in a day: (1 + r) = 2^365, about 1e110.
    const std::vector<cash_flow> flows{{d("2020-01-01"), -1}, {d("2020-01-02"), 2}};
    const auto rate = socinv::xirr(flows);
    ASSERT_TRUE(rate);
    EXPECT_NEAR(std::log1p(*rate), 365 * std::log(2.0), 1e-12);
    // Times a thousand in a day: 1000^365 is beyond a double, so no rate.
    EXPECT_FALSE(socinv::xirr(std::vector<cash_flow>{{d("2020-01-01"), -1}, {d("2020-01-02"), 1000}}));
    EXPECT_NEAR(*socinv::irr(std::vector<double>{-1, 1e15}), 1e15 - 1, 1e-13 * 1e15);
}

TEST(Xirr, UnsortedDatesAndDatesBeforeTheFirst) {
    auto flows = microsoft_example();
    std::swap(flows[0], flows[4]);  // the first listed is now the last date
    EXPECT_NEAR(*socinv::xirr(flows), 0.3733625335188, 1e-12);
    std::swap(flows[1], flows[3]);
    EXPECT_NEAR(*socinv::xirr(flows), 0.3733625335188, 1e-12);
}

TEST(Xirr, ZeroAmountsAndTheirDatesDoNotMatter) {
    auto flows = microsoft_example();
    flows.push_back({d("2007-06-01"), 0.0});
    flows.push_back({d("2008-05-01"), 0.0});
    EXPECT_NEAR(*socinv::xirr(flows), 0.3733625335188, 1e-12);
}

TEST(Xirr, BadInputIsAnError) {
    EXPECT_THROW(socinv::xirr(microsoft_example(), -1.0), socinv::input_error);
    EXPECT_THROW(socinv::xirr(microsoft_example(), NAN), socinv::input_error);
    auto flows = microsoft_example();
    flows[1].amount = NAN;
    try {
        socinv::xirr(flows);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/1/amount");
    }
    flows[1] = {date(boost::gregorian::not_a_date_time), 1.0};
    EXPECT_THROW(socinv::xirr(flows), socinv::input_error);
}

// --- several roots -----------------------------------------------------------------------------

TEST(Irr, SeveralRootsTheOneClosestToTheGuess) {
    // -100 + 230 x - 132 x^2 with x = 1/(1+r): roots at 10 % and 20 %.
    const std::vector<double> values{-100, 230, -132};
    EXPECT_NEAR(*socinv::irr(values), 0.1, 1e-14);
    EXPECT_NEAR(*socinv::irr(values, 0.14), 0.1, 1e-14);
    EXPECT_NEAR(*socinv::irr(values, 0.16), 0.2, 1e-14);
    EXPECT_NEAR(*socinv::irr(values, 5.0), 0.2, 1e-14);
    EXPECT_NEAR(*socinv::irr(values, -0.5), 0.1, 1e-14);
    const auto rates = socinv::all_rates(values);
    ASSERT_EQ(rates.size(), 2u);
    EXPECT_NEAR(rates[0], 0.1, 1e-14);
    EXPECT_NEAR(rates[1], 0.2, 1e-14);
    EXPECT_TRUE(socinv::all_rates(values, 0.15, 0.5).size() == 1);
}

TEST(Irr, RootsFarApartAndNearMinusOne) {
    // -1 + 5x - 6x^2: x = 1/2, 1/3, so r = 100 % and 200 %.
    const std::vector<double> values{-1, 5, -6};
    EXPECT_NEAR(*socinv::irr(values), 1.0, 1e-14);
    EXPECT_NEAR(*socinv::irr(values, 2.4), 2.0, 1e-14);
    const auto rates = socinv::all_rates(values);
    ASSERT_EQ(rates.size(), 2u);
    EXPECT_NEAR(rates[1], 2.0, 1e-13);
}

TEST(Irr, ARootThatRoundsToMinusOneDoesNotCount) {
    // -1 + 3x - 2e-16 x^2: x = 1/3 (r = 200 %) and x = 1.5e16, where 1 + r = 6.7e-17 and the rate
    // rounds to -1. The latter is closer to the guess, but only the former can be returned.
    const std::vector<double> values{-1, 3, -2e-16};
    EXPECT_NEAR(*socinv::irr(values), 2.0, 1e-12);
    EXPECT_NEAR(*socinv::irr(values, -0.5), 2.0, 1e-12);
}

TEST(Irr, ReturnsTheListedRootClosestToTheGuess) {
    // Series that change sign several times: irr agrees with the closest of all_rates.
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> amount(-1.0, 1.0);
    int several = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::vector<double> values(static_cast<std::size_t>(3 + trial % 8));
        for (auto& v : values) v = amount(rng);
        const double guess = trial % 3 == 0 ? 0.1 : trial % 3 == 1 ? -0.3 : 0.8;
        const auto rates = socinv::all_rates(values, -0.999, 1e3);
        const auto rate = socinv::irr(values, guess);
        several += rates.size() > 1;
        if (rates.empty()) continue;  // (roots beyond the range or none: nothing to compare)
        double closest = rates[0];
        for (const double r : rates)
            if (std::abs(r - guess) < std::abs(closest - guess)) closest = r;
        ASSERT_TRUE(rate) << trial;
        if (std::abs(*rate - guess) <= std::abs(closest - guess) + 1e-9) {
            EXPECT_NEAR(*rate, closest, 1e-9 * std::max(1.0, std::abs(closest))) << trial;
        } else {
            ADD_FAILURE() << trial << ": irr " << *rate << " but " << closest << " is closer to " << guess;
        }
    }
    EXPECT_GT(several, 300);
}

TEST(Xirr, ReturnsTheListedRootClosestToTheGuess) {
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> amount(-1.0, 1.0);
    std::uniform_int_distribution<int> gap(1, 400);
    int several = 0;
    for (int trial = 0; trial < 1500; ++trial) {
        std::vector<cash_flow> flows;
        date on = d("2012-02-01");
        for (int k = 0; k < 4 + trial % 12; ++k) {
            flows.push_back({on, amount(rng)});
            on += boost::gregorian::days(gap(rng));
        }
        const double guess = trial % 2 == 0 ? 0.1 : -0.2;
        const auto rates = socinv::all_rates(flows, -0.999, 1e3);
        const auto rate = socinv::xirr(flows, guess);
        several += rates.size() > 1;
        if (rates.empty()) continue;
        double closest = rates[0];
        for (const double r : rates)
            if (std::abs(r - guess) < std::abs(closest - guess)) closest = r;
        ASSERT_TRUE(rate) << trial;
        if (*rate < -0.999) {
            // A root nearer -100 % than all_rates looked: closer still, and a root.
            EXPECT_LT(std::abs(*rate - guess), std::abs(closest - guess)) << trial;
            const double below = -1 + (1 + *rate) * 0.999, above = -1 + (1 + *rate) * 1.001;
            EXPECT_LT(socinv::xnpv(below, flows) * socinv::xnpv(above, flows), 0.0) << trial;
        } else if (std::abs(*rate - guess) <= std::abs(closest - guess) + 1e-9) {
            EXPECT_NEAR(*rate, closest, 1e-9 * std::max(1.0, std::abs(closest))) << trial;
        } else {
            ADD_FAILURE() << trial << ": xirr " << *rate << " but " << closest << " is closer to " << guess;
        }
    }
    EXPECT_GT(several, 100);
}

TEST(Irr, TouchingRoot) {
    // (1 - 1.05 x)^2 touches zero at r = 5 % without changing sign.
    const std::vector<double> values{1, -2.1, 1.1025};
    const auto rate = socinv::irr(values);
    ASSERT_TRUE(rate);
    EXPECT_NEAR(*rate, 0.05, 1e-7);
    const auto rates = socinv::all_rates(values);
    ASSERT_EQ(rates.size(), 1u);
    EXPECT_NEAR(rates[0], 0.05, 1e-7);
}

TEST(Xirr, AllRatesOfDatedFlows) {
    const std::vector<cash_flow> flows{{d("2015-01-01"), -100}, {d("2016-01-01"), 230}, {d("2017-01-01"), -132}};
    const auto rates = socinv::all_rates(flows, -0.99, 10.0, day_count::act_act_isda);
    ASSERT_EQ(rates.size(), 2u);
    EXPECT_NEAR(rates[0], 0.1, 1e-13);
    EXPECT_NEAR(rates[1], 0.2, 1e-13);
    EXPECT_THROW(socinv::all_rates(flows, 0.5, 0.1), socinv::input_error);
    EXPECT_THROW(socinv::all_rates(flows, -1.0, 0.1), socinv::input_error);
}

// --- properties --------------------------------------------------------------------------------

TEST(Xirr, TheRateMakesXnpvZero) {
    std::mt19937_64 rng(20240601);
    int found = 0, ordinary = 0;
    for (int trial = 0; trial < 2000; ++trial) {
        const auto flows = random_project(rng);
        const auto rate = socinv::xirr(flows);
        if (!rate) continue;
        ++found;
        // Ordinary rates: the XNPV is zero to rounding.
        if (*rate > -0.9 && *rate < 10.0) {
            ++ordinary;
            EXPECT_LE(std::abs(socinv::xnpv(*rate, flows)), 1e-12 * magnitude(*rate, flows)) << trial;
        }
        // Any rate, however close to -100 % or large: the XNPV changes sign across it (near -100 %
        // a double cannot resolve 1 + rate finely, so the step is a few units in the last place).
        const double step = std::clamp(8 * std::numeric_limits<double>::epsilon() / (1 + *rate), 1e-9, 0.5);
        const double below = -1 + (1 + *rate) * (1 - step), above = -1 + (1 + *rate) * (1 + step);
        EXPECT_LT(socinv::xnpv(below, flows) * socinv::xnpv(above, flows), 0.0) << trial;
    }
    EXPECT_GT(found, 1900);
    EXPECT_GT(ordinary, 1500);
}

TEST(Xirr, ScalingTheFlowsLeavesTheRate) {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 500; ++trial) {
        auto flows = random_project(rng);
        const auto rate = socinv::xirr(flows);
        if (!rate) continue;
        for (const double scale : {1e-3, 1e6, -1.0}) {
            auto scaled = flows;
            for (auto& f : scaled) f.amount *= scale;
            const auto again = socinv::xirr(scaled);
            ASSERT_TRUE(again) << trial;
            EXPECT_NEAR(*again, *rate, 1e-12 * std::max(1.0, std::abs(*rate))) << trial << " " << scale;
        }
    }
}

TEST(Irr, TheRateMakesNpvZeroAndIsUniqueForOneSignChange) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> inflow(0.0, 300.0);
    for (int trial = 0; trial < 1000; ++trial) {
        std::vector<double> values{-1000};
        const int n = 2 + trial % 60;
        for (int i = 1; i < n; ++i) values.push_back(inflow(rng));
        const auto rate = socinv::irr(values);
        ASSERT_TRUE(rate) << trial;
        double scale = 0;
        for (int i = 0; i < n; ++i) scale += std::abs(values[static_cast<std::size_t>(i)]) * std::pow(1 + *rate, -i);
        EXPECT_LE(std::abs(socinv::npv(*rate, values)), 1e-12 * scale) << trial;
        // One sign change: one root, whatever the guess.
        EXPECT_NEAR(*socinv::irr(values, 3.0), *rate, 1e-12 * std::max(1.0, std::abs(*rate)));
        EXPECT_NEAR(*socinv::irr(values, -0.9), *rate, 1e-12 * std::max(1.0, std::abs(*rate)));
        EXPECT_EQ(socinv::all_rates(values, -0.999999, 1e3).size(), 1u) << trial;
    }
}

TEST(Irr, AgreesWithXirrOnYearlyDatesInActAct) {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> amount(-200.0, 400.0);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<double> values{-1000};
        std::vector<cash_flow> flows{{d("2001-01-01"), -1000}};
        for (int i = 1; i < 12; ++i) {
            values.push_back(amount(rng));
            flows.push_back({date(static_cast<unsigned short>(2001 + i), 1, 1), values.back()});
        }
        const auto a = socinv::irr(values), b = socinv::xirr(flows, {}, day_count::act_act_isda);
        ASSERT_EQ(a.has_value(), b.has_value()) << trial;
        if (a) {
            EXPECT_NEAR(*a, *b, 1e-12 * std::max(1.0, std::abs(*a))) << trial;
        }
    }
}

// The bug report's flows: two roots below -99 % (-0.999303 and -0.995697) and none above, so the
// default guess must find them; pyxirr's "minus 0.993" sample has its rate there too.
TEST(Irr, RootsBetweenMinusOneHundredAndMinusNinetyNinePercent) {
    const std::vector<double> values{-1e6, 5000, -3, 0};
    const auto rate = socinv::irr(values);
    ASSERT_TRUE(rate.has_value());
    EXPECT_NEAR(*rate, 1 / ((5000 - std::sqrt(13e6)) / 6) - 1, 1e-12);  // -0.995697, the closer to 10 %
    const auto all = socinv::all_rates(values, -1 + 1e-9, 10.0);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_NEAR(all[0], 1 / ((5000 + std::sqrt(13e6)) / 6) - 1, 1e-12);
}

// Property: roots planted in (-100 %, -99 %), one or two whose 1 + rate differ by a factor of 10
// or more, and maybe one ordinary root, times a factor with no positive root, and maybe trailing
// zeros. Every planted
// root is found from the default guess when it is the closest to it, and from a guess beside it.
TEST(Irr, FindsEveryRootPlantedBelowMinusNinetyNinePercent) {
    std::mt19937_64 rng(20261203);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int trial = 0; trial < 400; ++trial) {
        std::vector<double> roots;  // rates
        const int deep = 1 + static_cast<int>(unit(rng) * 2);
        const double first_exponent = -2.0 - 5.0 * unit(rng);  // 1 + rate in (1e-7, 1e-2)
        roots.push_back(std::pow(10.0, first_exponent) - 1);
        if (deep == 2) roots.push_back(std::pow(10.0, first_exponent - 1.0 - 2.0 * unit(rng)) - 1);
        const bool ordinary = unit(rng) < 0.5;
        if (ordinary) roots.push_back(-0.5 + unit(rng));
        // NPV as a polynomial in x = 1 / (1 + r): values[k] is the coefficient of x^k. Start from
        // x^2 + b x + c with complex roots (no sign change of its own) or a constant, times each (x - x_i).
        const double b = 0.5 + unit(rng), c = b * b / 4 + 0.5 + unit(rng);
        std::vector<double> values = unit(rng) < 0.5 ? std::vector<double>{c, b, 1.0} : std::vector<double>{-3.0};
        for (const double r : roots) {
            const double x = 1 / (1 + r);
            std::vector<double> next(values.size() + 1, 0.0);
            for (std::size_t k = 0; k < values.size(); ++k) {
                next[k + 1] += values[k];
                next[k] -= x * values[k];
            }
            values = next;
        }
        // Trailing zero flows move the latest time without adding a term, as in the report.
        for (int zeros = static_cast<int>(unit(rng) * 3); zeros > 0; --zeros) values.push_back(0.0);
        SCOPED_TRACE("trial " + std::to_string(trial));
        double closest = roots.front();
        for (const double r : roots)
            if (std::abs(r - 0.1) < std::abs(closest - 0.1)) closest = r;
        const auto rate = socinv::irr(values);
        ASSERT_TRUE(rate.has_value());
        EXPECT_NEAR(*rate, closest, 1e-6 * (1 + closest));
        for (const double r : roots) {
            const auto beside = socinv::irr(values, r + 1e-3 * (1 + r));
            ASSERT_TRUE(beside.has_value());
            EXPECT_NEAR(*beside, r, 1e-6 * (1 + r));
        }
    }
}

// numpy-financial's gh-15: amounts falling by 10^-9 a period, so that from the guess one term
// dominates and Newton steps of about 1/30 in ln(1 + r) crept towards the root at ln(1 + r) = -20.8
// until the iterations ran out (the rate was -0.99999999903791, where the NPV is -245). The
// root, as the issue and numpy-financial's test give it: -0.9999999990596069.
TEST(Irr, AmountsSpanningThreeHundredOrdersOfMagnitude) {
    const std::vector<double> v{
        -3000.0, 2.3926932267015667e-07, 4.1672087103345505e-16, 5.3965110036378706e-25, 5.1962551071806174e-34,
        3.7202955645436402e-43, 1.9804961711632469e-52, 7.8393517651814181e-62, 2.3072565113911438e-71,
        5.0491839233308912e-81, 8.2159177668499263e-91, 9.9403244366963527e-101, 8.942410813633967e-111,
        5.9816122646481191e-121, 2.9750309031844241e-131, 1.1002067043497954e-141, 3.0252876563518021e-152,
        6.1854121948207909e-163, 9.4032980015353301e-174, 1.0629218520017728e-184, 8.9337141847171845e-196,
        5.5830607698467935e-207, 2.5943122036622652e-218, 8.9635842466507006e-230, 2.3027710094332358e-241,
        4.3987510596745562e-253, 6.2476630372575209e-265, 6.598046841695288e-277, 5.1811095266842017e-289,
        3.0250999925830644e-301, 1.3133070599585015e-313};
    const auto rate = socinv::irr(v);
    ASSERT_TRUE(rate.has_value());
    EXPECT_NEAR((1.0 + *rate) / (1.0 - 0.9999999990596069), 1.0, 1e-6) << *rate;
}

// Tolerances are relative to the size of the terms: amounts near the smallest doubles give the
// rates their ordinary-sized copies give.
TEST(Irr, TinyAmountsGiveTheRatesOfTheirOrdinaryCopies) {
    const std::vector<double> ordinary{-1000, 300, 400, 500, -50};
    for (const double scale : {1e-290, 1e-300, 1e-305}) {
        std::vector<double> tiny;
        for (double a : ordinary) tiny.push_back(a * scale);
        const auto expected = socinv::irr(ordinary), got = socinv::irr(tiny);
        ASSERT_TRUE(expected && got) << scale;
        EXPECT_NEAR(*got, *expected, 1e-14) << scale;
    }
}
