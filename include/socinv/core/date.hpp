#pragma once
// Calendar dates (Boost.Gregorian): strict ISO parsing and month arithmetic that clamps.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <string>
#include <string_view>

#include "socinv/core/error.hpp"

namespace socinv {

using date = boost::gregorian::date;

inline constexpr int min_date_year = 1400;
inline constexpr int max_date_year = 9000;

inline bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

inline int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// Parses "YYYY-MM-DD" exactly: no other layout, and no impossible dates such as 2014-02-30.
// Throws input_error with an empty pointer (the caller places it).
inline date parse_iso_date(std::string_view text) {
    const std::string shown = "\"" + std::string(text) + "\"";
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        throw input_error("", shown, "date " + shown + " is not in the form YYYY-MM-DD");
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 0 || day < 0)
        throw input_error("", shown, "date " + shown + " is not in the form YYYY-MM-DD");
    // Boost's calendar covers 1400–9999; stopping at 9000 leaves room for the date arithmetic
    // of periods, budget years and horizons, which would otherwise fail on a date near 9999.
    if (year < min_date_year) throw input_error("", shown, "date " + shown + " is before the year 1400");
    if (year > max_date_year)
        throw input_error("", shown, "date " + shown + " is after the year 9000 (socinv's dates run from 1400 to 9000)");
    if (month < 1 || month > 12)
        throw input_error("", shown, "date " + shown + " has no month " + std::to_string(month));
    if (day < 1 || day > days_in_month(year, month))
        throw input_error("", shown,
                          "date " + shown + " does not exist (month " + std::to_string(month) + " of " +
                              std::to_string(year) + " has " + std::to_string(days_in_month(year, month)) +
                              " days)");
    return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

// "2014-04-01". Written by hand: Boost's formatter goes through iostreams and locales,
// which dominated the cost of assessing an application.
inline std::string to_iso(date d) {
    const auto ymd = d.year_month_day();
    const unsigned y = ymd.year, m = ymd.month, day = ymd.day;
    std::string text(10, '-');
    text[0] = static_cast<char>('0' + y / 1000);
    text[1] = static_cast<char>('0' + y / 100 % 10);
    text[2] = static_cast<char>('0' + y / 10 % 10);
    text[3] = static_cast<char>('0' + y % 10);
    text[5] = static_cast<char>('0' + m / 10);
    text[6] = static_cast<char>('0' + m % 10);
    text[8] = static_cast<char>('0' + day / 10);
    text[9] = static_cast<char>('0' + day % 10);
    return text;
}

// d plus n calendar months; a day that does not exist in the target month is clamped to its
// last day (31 Jan + 1 month = 28/29 Feb). Unlike Boost's `months`, the end of a month is not
// "sticky": 28 Feb + 1 month = 28 Mar.
inline date add_months(date d, int n) {
    const int index = static_cast<int>(d.year()) * 12 + (static_cast<int>(d.month()) - 1) + n;
    const int year = index / 12;
    const int month = index % 12 + 1;
    const int day = std::min(static_cast<int>(d.day()), days_in_month(year, month));
    return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

}  // namespace socinv
