#pragma once
// A period with an inclusive end date ("1 April 2014 – 31 March 2017") and its budget years.

#include <string>
#include <vector>

#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"

namespace socinv {

// The part of a period that falls in one calendar budget year.
struct budget_year_share {
    int year = 0;
    long days = 0;
    friend bool operator==(const budget_year_share&, const budget_year_share&) = default;
};

class period {
public:
    // Throws input_error (pointer "/end") when end is before start.
    period(date start, date end) : start_(start), end_(end) {
        if (end < start)
            throw input_error("/end", "\"" + to_iso(end) + "\"",
                              "end date " + to_iso(end) + " is before start date " + to_iso(start));
    }

    date start() const noexcept { return start_; }
    date end() const noexcept { return end_; }

    // Days in the period, both ends counted: 2014-04-01 – 2014-04-30 is 30 days.
    long days() const { return (end_ - start_).days() + 1; }

    // Complete calendar months from the start to the day after the end:
    // 2014-04-01 – 2017-03-31 is 36 months; 2008-11-03 – 2009-04-30 is 5.
    int whole_months() const {
        const date after = end_ + boost::gregorian::days(1);
        int months = (static_cast<int>(after.year()) - static_cast<int>(start_.year())) * 12 +
                     (static_cast<int>(after.month()) - static_cast<int>(start_.month()));
        if (add_months(start_, months) > after) --months;
        return months;
    }

    // True when the period lasts at least n months (it reaches the day before start + n months).
    bool lasts_at_least_months(int n) const { return end_ + boost::gregorian::days(1) >= add_months(start_, n); }
    // True when the period fits within n months from its start.
    bool fits_within_months(int n) const { return end_ + boost::gregorian::days(1) <= add_months(start_, n); }

    bool contains(date d) const { return start_ <= d && d <= end_; }
    int first_year() const { return start_.year(); }
    int last_year() const { return end_.year(); }

    // The calendar budget years the period touches, with the days in each
    // (2014-04-01 – 2017-03-31: 2014 275 days, 2015 365, 2016 366, 2017 90).
    std::vector<budget_year_share> budget_years() const {
        std::vector<budget_year_share> years;
        for (int y = first_year(); y <= last_year(); ++y) {
            const date from = std::max(start_, date(static_cast<unsigned short>(y), 1, 1));
            const date to = std::min(end_, date(static_cast<unsigned short>(y), 12, 31));
            years.push_back({y, (to - from).days() + 1});
        }
        return years;
    }

    std::string to_string() const { return to_iso(start_) + " – " + to_iso(end_); }

    friend bool operator==(const period&, const period&) = default;

private:
    date start_;
    date end_;
};

}  // namespace socinv
