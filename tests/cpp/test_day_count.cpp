#include <gtest/gtest.h>

#include <string>

#include "socinv/economics/day_count.hpp"

using socinv::date;
using socinv::day_count;
using socinv::year_fraction;

namespace {

date d(const char* iso) { return socinv::parse_iso_date(iso); }

}  // namespace

TEST(DayCount, NamesRoundTrip) {
    for (const auto& [dc, name] : socinv::detail::day_count_names) {
        EXPECT_EQ(socinv::to_string(dc), name);
        EXPECT_EQ(socinv::parse_day_count(name), dc);
    }
    EXPECT_EQ(socinv::to_string(day_count::act_365_first), "act/365");
    EXPECT_EQ(socinv::to_string(day_count::act_act_isda), "act/act-isda");
    EXPECT_EQ(socinv::to_string(day_count::thirty_360), "30/360");
}

TEST(DayCount, ParsesOtherSpellingsInAnyCase) {
    EXPECT_EQ(socinv::parse_day_count("ACT/365F"), day_count::act_365f);
    EXPECT_EQ(socinv::parse_day_count("Actual/360"), day_count::act_360);
    EXPECT_EQ(socinv::parse_day_count("Actual/Actual ISDA"), day_count::act_act_isda);
    EXPECT_EQ(socinv::parse_day_count("30/360 ISDA"), day_count::thirty_360);
    // pyxirr's spellings and DayCount names
    EXPECT_EQ(socinv::parse_day_count("30/360 SIA"), day_count::thirty_u_360);
    EXPECT_EQ(socinv::parse_day_count("30E/360"), day_count::thirty_e_360);
    EXPECT_EQ(socinv::parse_day_count("30E/360 German"), day_count::thirty_e_360_isda);
    EXPECT_EQ(socinv::parse_day_count("Actual/365.25"), day_count::act_365_25);
    EXPECT_EQ(socinv::parse_day_count("NL365"), day_count::nl_365);
    EXPECT_EQ(socinv::parse_day_count("THIRTY_E_PLUS_360"), day_count::thirty_e_plus_360);
    EXPECT_EQ(socinv::parse_day_count("ACT_365F"), day_count::act_365f);
}

// pyxirr's day-count tests (Anexen/pyxirr, src/core/scheduled/day_count.rs), from the examples at
// deltaquants.com: the 30/360 variants and the no-leap counts.
TEST(DayCount, ThirtyThreeSixtyVariantsAndNoLeap) {
    struct example {
        const char *from, *to;
        double nl_365, thirty_e, thirty_e_plus, german, us;
    };
    for (const example& x : {example{"2007-12-28", "2008-02-28", 62, 60, 60, 60, 60},
                             example{"2007-12-28", "2008-02-29", 62, 61, 61, 62, 61},
                             example{"2007-10-31", "2008-11-30", 395, 390, 390, 390, 390},
                             example{"2008-02-01", "2009-05-31", 484, 479, 480, 479, 480}}) {
        SCOPED_TRACE(std::string(x.from) + " - " + x.to);
        EXPECT_DOUBLE_EQ(year_fraction(d(x.from), d(x.to), day_count::nl_365), x.nl_365 / 365);
        EXPECT_DOUBLE_EQ(year_fraction(d(x.from), d(x.to), day_count::nl_360), x.nl_365 / 360);
        EXPECT_DOUBLE_EQ(year_fraction(d(x.from), d(x.to), day_count::thirty_e_360), x.thirty_e / 360);
        EXPECT_DOUBLE_EQ(year_fraction(d(x.from), d(x.to), day_count::thirty_e_plus_360), x.thirty_e_plus / 360);
        EXPECT_DOUBLE_EQ(year_fraction(d(x.from), d(x.to), day_count::thirty_e_360_isda), x.german / 360);
        EXPECT_DOUBLE_EQ(year_fraction(d(x.from), d(x.to), day_count::thirty_u_360), x.us / 360);
    }
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-28"), day_count::act_365_25), 62. / 365.25);
    EXPECT_DOUBLE_EQ(year_fraction(d("2007-12-28"), d("2008-02-28"), day_count::act_364), 62. / 364);
}

// Days between in 30/360 US, 30E/360 and 30E/360 ISDA, XLeratorDB's DAYS360 table (as in pyxirr).
TEST(DayCount, XleratorDbDays360Table) {
    struct row {
        const char *from, *to;
        int us, e, e_isda;
    };
    for (const row& r : {row{"2007-01-15", "2007-01-30", 15, 15, 15}, row{"2007-01-15", "2007-02-15", 30, 30, 30},
                         row{"2007-01-15", "2007-07-15", 180, 180, 180}, row{"2007-09-30", "2008-03-31", 180, 180, 180},
                         row{"2007-09-30", "2007-10-31", 30, 30, 30}, row{"2007-09-30", "2008-09-30", 360, 360, 360},
                         row{"2007-01-15", "2007-01-31", 16, 15, 15}, row{"2007-01-31", "2007-02-28", 28, 28, 30},
                         row{"2007-02-28", "2007-03-31", 30, 32, 30}, row{"2006-08-31", "2007-02-28", 178, 178, 180},
                         row{"2007-02-28", "2007-08-31", 180, 182, 180}, row{"2007-02-14", "2007-02-28", 14, 14, 16},
                         row{"2007-02-26", "2008-02-29", 363, 363, 364}, row{"2008-02-29", "2009-02-28", 360, 359, 360},
                         row{"2008-02-29", "2008-03-30", 30, 31, 30}, row{"2008-02-29", "2008-03-31", 30, 31, 30},
                         row{"2007-02-28", "2007-03-05", 5, 7, 5}, row{"2007-10-31", "2007-11-28", 28, 28, 28},
                         row{"2007-08-31", "2008-02-29", 179, 179, 180}, row{"2008-02-29", "2008-08-31", 180, 181, 180},
                         row{"2008-08-31", "2009-02-28", 178, 178, 180}, row{"2009-02-28", "2009-08-31", 180, 182, 180}}) {
        SCOPED_TRACE(std::string(r.from) + " - " + r.to);
        EXPECT_DOUBLE_EQ(360 * year_fraction(d(r.from), d(r.to), day_count::thirty_u_360), r.us);
        EXPECT_DOUBLE_EQ(360 * year_fraction(d(r.from), d(r.to), day_count::thirty_e_360), r.e);
        EXPECT_DOUBLE_EQ(360 * year_fraction(d(r.from), d(r.to), day_count::thirty_e_360_isda), r.e_isda);
    }
}

TEST(DayCount, UnknownNameListsTheNames) {
    try {
        socinv::parse_day_count("act/363");
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.value(), "\"act/363\"");
        EXPECT_NE(e.message().find("act/363"), std::string::npos);
        EXPECT_NE(e.message().find("30e+/360"), std::string::npos);
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
