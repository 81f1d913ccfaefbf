#pragma once
// Day-count conventions: how many years lie between two dates when discounting.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

enum class day_count {
    act_365_first,  // "act/365": spreadsheet XNPV/XIRR, actual days from the first (earliest) date / 365
    act_365f,       // "act/365f": actual days / 365 (Actual/365 Fixed)
    act_360,        // "act/360": actual days / 360
    act_act_isda,   // "act/act-isda": days in each calendar year / that year's length (365 or 366)
    thirty_360,     // "30/360": 30/360 ISDA (bond basis): day 31 becomes 30, and so does a closing 31
                    // when the opening day is 30 or 31
    act_365_25,     // "act/365.25": actual days / 365.25
    act_364,        // "act/364": actual days / 364
    thirty_e_360,   // "30e/360": 30E/360 (Eurobond basis, ISMA): every day 31 becomes 30
    thirty_e_plus_360,  // "30e+/360": an opening 31 becomes 30; a closing 31 becomes the 1st of the next month
    thirty_e_360_isda,  // "30e/360-isda": 30E/360 ISDA (German): day 31 and the last day of February become 30
    thirty_u_360,   // "30u/360": 30/360 US (SIA): as 30/360, and the last day of February becomes 30 as
                    // an opening day, and as a closing day too when it also opens
    nl_365,         // "nl/365": actual days less the 29ths of February between / 365
    nl_360,         // "nl/360": the same / 360
};

// The two Actual/365 names give the same year fractions. act_365_first is the default of xnpv
// and xirr and names what spreadsheets do: every flow is timed from the earliest date.

namespace detail {

inline constexpr enum_names<day_count, 13> day_count_names{{
    {day_count::act_365_first, "act/365"},
    {day_count::act_365f, "act/365f"},
    {day_count::act_360, "act/360"},
    {day_count::act_act_isda, "act/act-isda"},
    {day_count::thirty_360, "30/360"},
    {day_count::act_365_25, "act/365.25"},
    {day_count::act_364, "act/364"},
    {day_count::thirty_e_360, "30e/360"},
    {day_count::thirty_e_plus_360, "30e+/360"},
    {day_count::thirty_e_360_isda, "30e/360-isda"},
    {day_count::thirty_u_360, "30u/360"},
    {day_count::nl_365, "nl/365"},
    {day_count::nl_360, "nl/360"},
}};

// Other spellings accepted on input (lower case): every one of pyxirr's (its DayCount names and
// the strings it parses), so code written for it keeps its day-count arguments.
inline constexpr std::array<std::pair<std::string_view, day_count>, 44> day_count_aliases{{
    {"actual/365", day_count::act_365_first},
    {"act/365 fixed", day_count::act_365f},
    {"actual/365 fixed", day_count::act_365f},
    {"actual/365f", day_count::act_365f},
    {"actual/360", day_count::act_360},
    {"act/act", day_count::act_act_isda},
    {"act/act isda", day_count::act_act_isda},
    {"actual/actual", day_count::act_act_isda},
    {"actual/actual isda", day_count::act_act_isda},
    {"30/360 isda", day_count::thirty_360},
    {"bond basis", day_count::thirty_360},
    {"thirty/360", day_count::thirty_360},
    {"act/365 first", day_count::act_365_first},
    {"a/365 fixed", day_count::act_365f},
    {"a/365f", day_count::act_365f},
    {"english", day_count::act_365f},
    {"a/360", day_count::act_360},
    {"french", day_count::act_360},
    {"actual/365.25", day_count::act_365_25},
    {"a/365.25", day_count::act_365_25},
    {"actual/364", day_count::act_364},
    {"a/364", day_count::act_364},
    {"30/360 isma", day_count::thirty_e_360},
    {"eurobond basis", day_count::thirty_e_360},
    {"30us/360", day_count::thirty_u_360},
    {"30/360 us", day_count::thirty_u_360},
    {"30/360 sia", day_count::thirty_u_360},
    {"30e/360 isda", day_count::thirty_e_360_isda},
    {"30e/360 german", day_count::thirty_e_360_isda},
    {"german", day_count::thirty_e_360_isda},
    {"nl365", day_count::nl_365},
    {"nl360", day_count::nl_360},
    // pyxirr's DayCount enum names (str(DayCount.X) and the member names)
    {"act_act_isda", day_count::act_act_isda},
    {"act_365f", day_count::act_365f},
    {"act_365_25", day_count::act_365_25},
    {"act_364", day_count::act_364},
    {"act_360", day_count::act_360},
    {"thirty_360_isda", day_count::thirty_360},
    {"thirty_e_360", day_count::thirty_e_360},
    {"thirty_e_plus_360", day_count::thirty_e_plus_360},
    {"thirty_e_360_isda", day_count::thirty_e_360_isda},
    {"thirty_u_360", day_count::thirty_u_360},
    {"nl_365", day_count::nl_365},
}};

struct civil_date {
    std::int64_t year;
    int month;  // 1–12
    int day;    // 1–31
};

// Days since 1970-01-01 to a proleptic Gregorian date and back (H. Hinnant's algorithms), for
// any day number: batches carry dates as numpy's datetime64[D] integers.
constexpr civil_date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;                                    // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                  // [0, 11]
    const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline double act_act_isda_years(std::int64_t from, std::int64_t to) {
    const std::int64_t y1 = civil_from_days(from).year, y2 = civil_from_days(to).year;
    const auto length = [](std::int64_t y) { return is_leap(y) ? 366.0 : 365.0; };
    if (y1 == y2) return static_cast<double>(to - from) / length(y1);
    return static_cast<double>(days_from_civil(y1 + 1, 1, 1) - from) / length(y1) +
           static_cast<double>(y2 - y1 - 1) + static_cast<double>(to - days_from_civil(y2, 1, 1)) / length(y2);
}

constexpr int days_in_month(std::int64_t y, int m) {
    constexpr std::array<int, 12> length{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : length[static_cast<std::size_t>(m - 1)];
}

constexpr bool is_last_of_february(const civil_date& c) { return c.month == 2 && c.day == days_in_month(c.year, 2); }

// The 30/360 family: days counted as 360 a year and 30 a month, after each convention's
// adjustment of the two days of month (ISDA 2006, section 4.16; pyxirr's reading where it is silent).
inline double thirty_360_years(std::int64_t from, std::int64_t to, day_count dc) {
    civil_date a = civil_from_days(from), b = civil_from_days(to);
    int d1 = std::min(a.day, 30), d2 = b.day;
    switch (dc) {
    case day_count::thirty_e_360:
        d2 = std::min(b.day, 30);
        break;
    case day_count::thirty_e_plus_360:
        if (b.day == 31) b = civil_from_days(to + 1), d2 = b.day;
        break;
    case day_count::thirty_e_360_isda:
        if (is_last_of_february(a)) d1 = 30;
        d2 = is_last_of_february(b) ? 30 : std::min(b.day, 30);
        break;
    case day_count::thirty_u_360:
        if (is_last_of_february(a)) d1 = 30;
        d2 = is_last_of_february(a) && is_last_of_february(b) ? 30 : d1 >= 30 ? std::min(b.day, 30) : b.day;
        break;
    default:  // 30/360 ISDA
        d2 = d1 == 30 ? std::min(b.day, 30) : b.day;
        break;
    }
    return (360.0 * static_cast<double>(b.year - a.year) + 30.0 * (b.month - a.month) + (d2 - d1)) / 360.0;
}

// The 29ths of February from `from` to `to`, both included (as pyxirr counts them).
inline std::int64_t leap_days_between(std::int64_t from, std::int64_t to) {
    const std::int64_t y1 = civil_from_days(from).year, y2 = civil_from_days(to).year;
    std::int64_t count = 0;
    for (std::int64_t y = y1; y <= y2; ++y)
        if (is_leap(y)) {
            const std::int64_t leap_day = days_from_civil(y, 2, 29);
            count += leap_day >= from && leap_day <= to ? 1 : 0;
        }
    return count;
}

}  // namespace detail

inline std::string_view to_string(day_count dc) { return detail::name_of(dc, detail::day_count_names); }

// One of the names above ("act/365", "30e/360", ...) in any case, or another common spelling
// ("Actual/360", "30/360 ISDA", "30/360 SIA", pyxirr's DayCount names, ...). Anything else is an
// input_error that lists the names.
inline day_count parse_day_count(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& [dc, name] : detail::day_count_names)
        if (name == lower) return dc;
    for (const auto& [name, dc] : detail::day_count_aliases)
        if (name == lower) return dc;
    return detail::parse_name(text, detail::day_count_names, "day count");
}

// Days since 1970-01-01 (numpy's datetime64[D]).
inline std::int64_t epoch_days(date d) {
    if (d.is_special())
        throw input_error("", "\"" + boost::gregorian::to_simple_string(d) + "\"", "date is not a calendar date");
    return (d - date(1970, 1, 1)).days();
}

// The date of a day number; an input_error outside socinv::date's range 1400-01-01 – 9999-12-31.
inline date from_epoch_days(std::int64_t days) {
    constexpr std::int64_t first = detail::days_from_civil(1400, 1, 1), last = detail::days_from_civil(9999, 12, 31);
    if (days < first || days > last)
        throw input_error("", std::to_string(days),
                          "day number " + std::to_string(days) +
                              " (days since 1970-01-01) is outside the supported dates 1400-01-01 – 9999-12-31");
    const detail::civil_date c = detail::civil_from_days(days);
    return date(static_cast<unsigned short>(c.year), static_cast<unsigned short>(c.month),
                static_cast<unsigned short>(c.day));
}

// Years from day number `from` to day number `to`. When `to` is before `from` the result is
// minus the years from `to` to `from`, in every convention.
inline double year_fraction(std::int64_t from, std::int64_t to, day_count dc) {
    if (to < from) return -year_fraction(to, from, dc);
    switch (dc) {
    case day_count::act_365_first:
    case day_count::act_365f:
        return static_cast<double>(to - from) / 365.0;
    case day_count::act_360:
        return static_cast<double>(to - from) / 360.0;
    case day_count::act_act_isda:
        return detail::act_act_isda_years(from, to);
    case day_count::act_365_25:
        return static_cast<double>(to - from) / 365.25;
    case day_count::act_364:
        return static_cast<double>(to - from) / 364.0;
    case day_count::thirty_360:
    case day_count::thirty_e_360:
    case day_count::thirty_e_plus_360:
    case day_count::thirty_e_360_isda:
    case day_count::thirty_u_360:
        return detail::thirty_360_years(from, to, dc);
    case day_count::nl_365:
        return static_cast<double>(to - from - detail::leap_days_between(from, to)) / 365.0;
    case day_count::nl_360:
        return static_cast<double>(to - from - detail::leap_days_between(from, to)) / 360.0;
    }
    return static_cast<double>(to - from) / 365.0;
}

inline double year_fraction(date from, date to, day_count dc) {
    return year_fraction(epoch_days(from), epoch_days(to), dc);
}

}  // namespace socinv
