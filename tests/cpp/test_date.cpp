#include <gtest/gtest.h>

#include "socinv/core/date.hpp"

using socinv::date;

TEST(Date, ParsesIsoDates) {
    EXPECT_EQ(socinv::parse_iso_date("2014-04-01"), date(2014, 4, 1));
    EXPECT_EQ(socinv::parse_iso_date("2016-02-29"), date(2016, 2, 29));
    EXPECT_EQ(socinv::to_iso(date(2017, 3, 31)), "2017-03-31");
}

TEST(Date, RejectsImpossibleDatesWithAClearMessage) {
    try {
        socinv::parse_iso_date("2014-02-30");
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.value(), "\"2014-02-30\"");
        EXPECT_NE(e.message().find("does not exist"), std::string::npos);
        EXPECT_NE(e.message().find("28 days"), std::string::npos);
    }
    for (const char* bad : {"2015-02-29", "2014-13-01", "2014-00-10", "2014-04-00", "2014-4-1", "14-04-01",
                            "2014/04/01", "2014-04-01T00:00", "", "0999-01-01", "abcd-ef-gh"})
        EXPECT_THROW(socinv::parse_iso_date(bad), socinv::input_error) << bad;
}

TEST(Date, AddMonthsClampsToTheEndOfShortMonths) {
    EXPECT_EQ(socinv::add_months(date(2014, 1, 31), 1), date(2014, 2, 28));
    EXPECT_EQ(socinv::add_months(date(2016, 1, 31), 1), date(2016, 2, 29));
    EXPECT_EQ(socinv::add_months(date(2014, 2, 28), 1), date(2014, 3, 28));  // not sticky like Boost's months
    EXPECT_EQ(socinv::add_months(date(2014, 4, 1), 36), date(2017, 4, 1));
    EXPECT_EQ(socinv::add_months(date(2014, 4, 1), -4), date(2013, 12, 1));
}

TEST(Date, LeapYears) {
    EXPECT_TRUE(socinv::is_leap_year(2016));
    EXPECT_TRUE(socinv::is_leap_year(2000));
    EXPECT_FALSE(socinv::is_leap_year(1900));
    EXPECT_FALSE(socinv::is_leap_year(2015));
}
