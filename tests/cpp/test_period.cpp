#include <gtest/gtest.h>

#include "socinv/core/period.hpp"

using socinv::date;
using socinv::period;

TEST(Period, SotRunsThirtySixMonthsOverFourBudgetYears) {
    const period sot(date(2014, 4, 1), date(2017, 3, 31));
    EXPECT_EQ(sot.days(), 1096);
    EXPECT_EQ(sot.whole_months(), 36);
    EXPECT_TRUE(sot.lasts_at_least_months(12));
    EXPECT_TRUE(sot.fits_within_months(36));
    EXPECT_FALSE(sot.fits_within_months(35));
    const std::vector<socinv::budget_year_share> expected{{2014, 275}, {2015, 365}, {2016, 366}, {2017, 90}};
    EXPECT_EQ(sot.budget_years(), expected);
}

TEST(Period, Aktiv24IsShorterThanAYear) {
    const period aktiv(date(2008, 11, 3), date(2009, 4, 30));
    EXPECT_EQ(aktiv.whole_months(), 5);
    EXPECT_EQ(aktiv.days(), 179);
    EXPECT_FALSE(aktiv.lasts_at_least_months(12));
}

TEST(Period, OneDayAndExactYear) {
    EXPECT_EQ(period(date(2020, 2, 29), date(2020, 2, 29)).days(), 1);
    const period year(date(2015, 1, 1), date(2015, 12, 31));
    EXPECT_EQ(year.whole_months(), 12);
    EXPECT_TRUE(year.lasts_at_least_months(12));
    EXPECT_TRUE(year.fits_within_months(12));
    const period short_by_a_day(date(2015, 1, 1), date(2015, 12, 30));
    EXPECT_EQ(short_by_a_day.whole_months(), 11);
    EXPECT_FALSE(short_by_a_day.lasts_at_least_months(12));
    EXPECT_FALSE(period(date(2015, 1, 1), date(2016, 1, 1)).fits_within_months(12));
}

TEST(Period, EndBeforeStartNamesBothDates) {
    try {
        period(date(2014, 4, 1), date(2014, 3, 31));
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/end");
        EXPECT_EQ(e.message(), "end date 2014-03-31 is before start date 2014-04-01");
    }
}

TEST(Period, BudgetYearDaysAddUpToThePeriod) {
    for (int start_year = 2010; start_year < 2014; ++start_year)
        for (int length = 1; length < 2000; length += 37) {
            const date start(static_cast<unsigned short>(start_year), 3, 15);
            const period p(start, start + boost::gregorian::days(length - 1));
            long total = 0;
            for (const auto& y : p.budget_years()) total += y.days;
            EXPECT_EQ(total, p.days());
            EXPECT_EQ(p.days(), length);
        }
}
