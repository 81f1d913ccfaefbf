#pragma once
// Net present values: of dated flows (the spreadsheet XNPV) and of flows at whole periods (NPV).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/economics/cash_flow.hpp"
#include "socinv/economics/day_count.hpp"

namespace socinv {

namespace detail {

// The shortest text that reads back as x: "0.035", "-1.5", "nan", "inf".
inline std::string format_number(double x) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, result.ptr);
}

// A discount rate must be a number above -100 %: (1 + rate)^-t is undefined at or below it.
inline void check_rate(double rate, std::string_view what = "rate") {
    if (std::isfinite(rate) && rate > -1.0) return;
    const std::string shown = format_number(rate);
    throw input_error("", shown,
                      std::string(what) + " " + shown +
                          (std::isnan(rate)    ? " is not a number"
                           : std::isinf(rate) ? " is not finite"
                                              : " is at or below -100 %, where (1 + rate)^-t is undefined"));
}

inline void check_amount(double amount, const std::string& pointer) {
    if (std::isfinite(amount)) return;
    const std::string shown = format_number(amount);
    throw input_error(pointer, shown, "amount " + shown + " is not a finite number");
}

// The days and amounts of the flows, checked: finite amounts, calendar dates.
inline void split_flows(std::span<const cash_flow> flows, std::vector<std::int64_t>& days, std::vector<double>& amounts) {
    days.resize(flows.size());
    amounts.resize(flows.size());
    for (std::size_t k = 0; k < flows.size(); ++k) {
        if (!std::isfinite(flows[k].amount)) check_amount(flows[k].amount, "/" + std::to_string(k) + "/amount");
        if (flows[k].on.is_special()) {
            try {
                epoch_days(flows[k].on);
            } catch (const input_error& e) {
                throw e.under("/" + std::to_string(k) + "/on");
            }
        }
        days[k] = epoch_days(flows[k].on);
        amounts[k] = flows[k].amount;
    }
}

inline void check_values(std::span<const double> values) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i])) check_amount(values[i], "/" + std::to_string(i));
}

// Σ a_k (1 + rate)^-t_k, t_k the years from the earliest day to day k; entries whose amount is
// NaN are left out when skip_nan (batches pad with NaN). No checks: the callers make them.
inline double xnpv_days(double rate, std::span<const std::int64_t> days, std::span<const double> amounts, day_count dc,
                        bool skip_nan) {
    std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
    for (std::size_t k = 0; k < days.size(); ++k)
        if (!(skip_nan && std::isnan(amounts[k]))) earliest = std::min(earliest, days[k]);
    const double log_growth = std::log1p(rate);
    double sum = 0.0;
    for (std::size_t k = 0; k < days.size(); ++k) {
        if (skip_nan && std::isnan(amounts[k])) continue;
        const double t = year_fraction(earliest, days[k], dc);
        sum += t == 0.0 ? amounts[k] : amounts[k] * std::exp(-t * log_growth);
    }
    return sum;
}

// Σ v_i (1 + rate)^-(i + shift) by Horner's rule, shift 0 or 1.
inline double npv_values(double rate, std::span<const double> values, bool start_from_zero) {
    const double x = 1.0 / (1.0 + rate);
    double sum = 0.0;
    for (std::size_t i = values.size(); i-- > 0;) sum = sum * x + values[i];
    return start_from_zero ? sum : sum * x;
}

}  // namespace detail

// The net present value of dated flows at an annual rate, as a spreadsheet's XNPV does it: every
// flow is discounted to the earliest date in the series (the dates need not be sorted, and a date
// before the one listed first is not an error), over the years the day count gives. An empty
// series is worth 0. A rate at or below -100 %, or a non-finite amount, is an input_error (the
// batch xnpv gives NaN for such a rate instead).
inline double xnpv(double rate, std::span<const cash_flow> flows, day_count dc = day_count::act_365_first) {
    detail::check_rate(rate);
    std::vector<std::int64_t> days;
    std::vector<double> amounts;
    detail::split_flows(flows, days, amounts);
    return detail::xnpv_days(rate, days, amounts, dc, false);
}

// The net present value of values at whole periods. With start_from_zero (numpy-financial's and
// pyxirr's default) the first value is not discounted: Σ v_i / (1 + rate)^i. Without it, every
// value is discounted one period more, as the spreadsheet NPV does: Σ v_i / (1 + rate)^(i+1).
inline double npv(double rate, std::span<const double> values, bool start_from_zero = true) {
    detail::check_rate(rate);
    detail::check_values(values);
    return detail::npv_values(rate, values, start_from_zero);
}

}  // namespace socinv
