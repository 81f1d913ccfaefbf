#include <gtest/gtest.h>

#include "socinv/economics/day_count.hpp"

using socinv::date;
using socinv::day_count;
using socinv::year_fraction;

namespace {

date d(const char* iso) { return socinv::parse_iso_date(iso); }

}  // namespace

TEST(DayCount, NamesRoundTrip) {
    for (auto dc : {day_count::act_365_first, day_count::act_365f, day_count::act_360, day_count::act_act_isda,
                    day_count::thirty_360})
        EXPECT_EQ(socinv::parse_day_count(socinv::to_string(dc)), dc);
    EXPECT_EQ(socinv::to_string(day_count::act_365_first), "act/365");
    EXPECT_EQ(socinv::to_string(day_count::act_act_isda), "act/act-isda");
    EXPECT_EQ(socinv::to_string(day_count::thirty_360), "30/360");
}

TEST(DayCount, ParsesOtherSpellingsInAnyCase) {
    EXPECT_EQ(socinv::parse_day_count("ACT/365F"), day_count::act_365f);
    EXPECT_EQ(socinv::parse_day_count("Actual/360"), day_count::act_360);
    EXPECT_EQ(socinv::parse_day_count("Actual/Actual ISDA"), day_count::act_act_isda);
    EXPECT_EQ(socinv::parse_day_count("30/360 ISDA"), day_count::thirty_360);
}

TEST(DayCount, UnknownNameListsTheNames) {
    try {
        socinv::parse_day_count("act/364");
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.value(), "\"act/364\"");
        EXPECT_NE(e.message().find("act/364"), std::string::npos);
        EXPECT_NE(e.message().find("act/act-isda"), std::string::npos);
    }
}

// Known answers from the day-count examples at deltaquants.com (also pyxirr's tests).
TEST(DayCount, KnownYearFractions) {
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-28"), day_count::act_act_isda), 4. / 365 + 58. / 366);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-28"), day_count::act_365f), 62. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-28"), day_count::act_360), 62. / 360);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-28"), day_count::thirty_360), 60. / 360);

    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-29"), day_count::act_act_isda), 4. / 365 + 59. / 366);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-29"), day_count::act_365_first), 63. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-29"), day_count::thirty_360), 61. / 360);

    EXPECT_DOUBLE_EQ(year_fraction(d("2007-10-31"), d("2008-11-30"), day_count::act_act_isda), 62. / 365 + 334. / 366);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-10-31"), d("2008-11-30"), day_count::act_360), 396. / 360);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-10-31"), d("2008-11-30"), day_count::thirty_360), 390. / 360);

    EXPECT_DOUBLE_EQ(year_fraction(d("2008-02-01"), d("2009-05-31"), day_count::act_act_isda), 335. / 366 + 150. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2008-02-01"), d("2009-05-31"), day_count::act_365f), 485. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2008-02-01"), d("2009-05-31"), day_count::thirty_360), 480. / 360);
}

TEST(DayCount, ThirtyThreeSixtyEndOfMonthRule) {
    // Day 31 counts as 30 on both ends only when the start is the 30th or 31st.
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-01-15"), d("2007-01-31"), day_count::thirty_360), 16. / 360);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-01-30"), d("2007-01-31"), day_count::thirty_360), 0.0);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-09-30"), d("2008-03-31"), day_count::thirty_360), 180. / 360);
}

TEST(DayCount, LeapYears) {
    // A whole calendar year is one year in act/act-isda, leap or not; act/365 sees 366 days.
    EXPECT_DOUBLE_EQ(year_fraction(d("2016-01-01"), d("2017-01-01"), day_count::act_act_isda), 1.0);
    EXPECT_DOUBLE_EQ(year_fraction(d("2016-01-01"), d("2017-01-01"), day_count::act_365_first), 366. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2015-01-01"), d("2016-01-01"), day_count::act_365_first), 1.0);
    EXPECT_DOUBLE_EQ(year_fraction(d("2016-02-28"), d("2016-03-01"), day_count::act_act_isda), 2. / 366);
    EXPECT_DOUBLE_EQ(year_fraction(d("1900-02-28"), d("1900-03-01"), day_count::act_act_isda), 1. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2000-02-28"), d("2000-03-01"), day_count::act_365f), 2. / 365);
    EXPECT_DOUBLE_EQ(year_fraction(d("2015-07-01"), d("2025-07-01"), day_count::act_act_isda), 10.0);
}

TEST(DayCount, BackwardsIsMinusForwards) {
    for (auto dc : {day_count::act_365_first, day_count::act_360, day_count::act_act_isda, day_count::thirty_360}) {
        EXPECT_DOUBLE_EQ(year_fraction(d("2009-05-31"), d("2008-02-01"), dc),
                         -year_fraction(d("2008-02-01"), d("2009-05-31"), dc));
        EXPECT_EQ(year_fraction(d("2009-05-31"), d("2009-05-31"), dc), 0.0);
    }
}

TEST(DayCount, EpochDaysMatchBoost) {
    EXPECT_EQ(socinv::epoch_days(d("1970-01-01")), 0);
    EXPECT_EQ(socinv::epoch_days(d("2000-03-01")), 11017);
    EXPECT_EQ(socinv::epoch_days(d("1969-12-31")), -1);
    for (std::int64_t n = -200000; n <= 2900000; n += 997) {
        const date from = socinv::from_epoch_days(n);
        EXPECT_EQ(socinv::epoch_days(from), n);
        const auto c = socinv::detail::civil_from_days(n);
        EXPECT_EQ(c.year, from.year());
        EXPECT_EQ(c.month, from.month());
        EXPECT_EQ(c.day, from.day());
    }
}

TEST(DayCount, DayNumbersOutsideTheCalendarAreRejected) {
    EXPECT_THROW(socinv::from_epoch_days(-300000), socinv::input_error);  // before 1400
    EXPECT_THROW(socinv::from_epoch_days(3000000), socinv::input_error);  // after 9999
    EXPECT_THROW(socinv::epoch_days(date(boost::gregorian::not_a_date_time)), socinv::input_error);
}
