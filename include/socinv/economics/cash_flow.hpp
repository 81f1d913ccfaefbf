#pragma once
// A dated cash flow: an expected amount (a double, unlike booked socinv::money) on a day.

#include "socinv/core/date.hpp"

namespace socinv {

// Positive amounts flow in, negative amounts flow out; the sign convention is the caller's, as
// long as it is consistent within one series.
struct cash_flow {
    date on;
    double amount = 0.0;

    friend bool operator==(const cash_flow&, const cash_flow&) = default;
};

}  // namespace socinv
