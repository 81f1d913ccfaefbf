#pragma once
// Internal rates of return: XIRR of dated flows, IRR and MIRR of flows at whole periods, and
// every rate in a range. The policy for several roots is in root_finding.hpp.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/economics/cash_flow.hpp"
#include "socinv/economics/day_count.hpp"
#include "socinv/economics/root_finding.hpp"
#include "socinv/economics/xnpv.hpp"

namespace socinv {

namespace detail {

inline constexpr double default_guess = 0.1;

inline double checked_guess(std::optional<double> guess) {
    if (!guess) return default_guess;
    check_rate(*guess, "guess");
    return *guess;
}

inline void check_range(double lo, double hi) {
    check_rate(lo, "lo");
    check_rate(hi, "hi");
    if (!(hi > lo))
        throw input_error("", format_number(hi),
                          "hi " + format_number(hi) + " is not above lo " + format_number(lo));
}

// Dated flows ready for the solver: in date order, flows on one day merged, zero sums left out,
// times in years (by the day count, from the earliest date of the series) less the time of the
// first remaining flow. Moving the origin multiplies the value by a positive factor, so the roots
// are those of the XNPV. Entries with a NaN amount are left out (batches pad with NaN).
struct prepared_flows {
    std::vector<std::pair<std::int64_t, double>> dated;  // scratch, kept to reuse its memory
    std::vector<double> times;
    std::vector<double> amounts;
    std::vector<double> scratch;  // the solver's terms
};

inline void prepare_dated(std::span<const std::int64_t> days, std::span<const double> amounts, day_count dc,
                          prepared_flows& out) {
    auto& dated = out.dated;
    dated.clear();
    out.times.clear();
    out.amounts.clear();
    for (std::size_t k = 0; k < days.size(); ++k)
        if (!std::isnan(amounts[k])) dated.emplace_back(days[k], amounts[k]);
    if (dated.empty()) return;
    const auto by_day = [](const auto& x, const auto& y) { return x.first < y.first; };
    if (!std::is_sorted(dated.begin(), dated.end(), by_day)) std::stable_sort(dated.begin(), dated.end(), by_day);
    const std::int64_t earliest = dated.front().first;
    for (std::size_t k = 0; k < dated.size();) {
        const std::int64_t day = dated[k].first;
        double sum = 0.0;
        for (; k < dated.size() && dated[k].first == day; ++k) sum += dated[k].second;
        if (sum == 0.0) continue;
        out.times.push_back(year_fraction(earliest, day, dc));
        out.amounts.push_back(sum);
    }
    if (out.times.empty()) return;
    const double origin = out.times.front();
    if (origin != 0.0)
        for (double& t : out.times) t -= origin;
}

inline std::optional<double> xirr_prepared(prepared_flows& p, double guess) {
    p.scratch.resize(2 * p.amounts.size());
    return find_rate(timed_npv(p.times, p.amounts), limits_of(p.amounts), guess, p.scratch);
}

inline std::vector<double> all_rates_prepared(const prepared_flows& p, double lo, double hi) {
    return find_all_rates(timed_npv(p.times, p.amounts), limits_of(p.amounts), lo, hi);
}

// Values with the zeros at both ends cut off: shifting the periods moves no root.
inline std::span<const double> trim_zeros(std::span<const double> values) {
    std::size_t first = 0, last = values.size();
    while (first < last && values[first] == 0.0) ++first;
    while (last > first && values[last - 1] == 0.0) --last;
    return values.subspan(first, last - first);
}

inline std::optional<double> irr_values(std::span<const double> values, double guess) {
    thread_local std::vector<double> scratch;
    const auto trimmed = trim_zeros(values);
    scratch.resize(2 * trimmed.size());
    return find_rate(periodic_npv(trimmed), limits_of(trimmed), guess, scratch);
}

}  // namespace detail

// The annual rate at which the XNPV of the flows is zero (spreadsheet XIRR): the unique rate when
// the amounts change sign once in date order, the rate closest to the guess (default 0.1) when
// there are several; std::nullopt when no rate exists (the amounts do not change sign, including
// empty, one-flow and all-zero series). Dates need not be sorted; flows on the same day count as
// one. A non-finite amount or a guess at or below -100 % is an input_error.
inline std::optional<double> xirr(std::span<const cash_flow> flows, std::optional<double> guess = {},
                                  day_count dc = day_count::act_365_first) {
    const double g = detail::checked_guess(guess);
    std::vector<std::int64_t> days;
    std::vector<double> amounts;
    detail::split_flows(flows, days, amounts);
    detail::prepared_flows prepared;
    detail::prepare_dated(days, amounts, dc, prepared);
    return detail::xirr_prepared(prepared, g);
}

// The rate per period at which npv(rate, values) is zero, by the same policy as xirr.
inline std::optional<double> irr(std::span<const double> values, std::optional<double> guess = {}) {
    const double g = detail::checked_guess(guess);
    detail::check_values(values);
    return detail::irr_values(values, g);
}

// The modified internal rate of return (spreadsheet MIRR): negative values are discounted to
// period 0 at finance_rate, positive values compounded to the last period at reinvest_rate, and
// the result is the rate that grows the one into the other over n - 1 periods. The values must
// hold at least one negative and one positive amount (an input_error otherwise).
inline double mirr(std::span<const double> values, double finance_rate, double reinvest_rate) {
    detail::check_rate(finance_rate, "finance_rate");
    detail::check_rate(reinvest_rate, "reinvest_rate");
    detail::check_values(values);
    double outflows = 0.0, inflows = 0.0;
    const double finance = 1.0 / (1.0 + finance_rate);
    const double reinvest = 1.0 + reinvest_rate;
    const std::size_t n = values.size();
    for (std::size_t i = n; i-- > 0;) outflows = outflows * finance + std::min(values[i], 0.0);
    for (std::size_t i = 0; i < n; ++i) inflows = inflows * reinvest + std::max(values[i], 0.0);
    if (outflows == 0.0 || inflows == 0.0)
        throw input_error("", "", std::string("MIRR needs at least one negative and one positive value; there is no ") +
                                      (outflows == 0.0 ? "negative" : "positive") + " value among the " +
                                      std::to_string(n) + " values");
    return std::pow(inflows / -outflows, 1.0 / static_cast<double>(n - 1)) - 1.0;
}

// Every annual rate in [lo, hi] at which the XNPV of the flows is zero, ascending (see
// find_all_rates in root_finding.hpp for how finely it looks). Empty when there is none, and
// for all-zero flows, where every rate would do.
inline std::vector<double> all_rates(std::span<const cash_flow> flows, double lo = -0.99, double hi = 10.0,
                                     day_count dc = day_count::act_365_first) {
    detail::check_range(lo, hi);
    std::vector<std::int64_t> days;
    std::vector<double> amounts;
    detail::split_flows(flows, days, amounts);
    detail::prepared_flows p;
    detail::prepare_dated(days, amounts, dc, p);
    return detail::all_rates_prepared(p, lo, hi);
}

// Every rate per period in [lo, hi] at which npv(rate, values) is zero, ascending.
inline std::vector<double> all_rates(std::span<const double> values, double lo = -0.99, double hi = 10.0) {
    detail::check_range(lo, hi);
    detail::check_values(values);
    const auto trimmed = detail::trim_zeros(values);
    return detail::find_all_rates(detail::periodic_npv(trimmed), detail::limits_of(trimmed), lo, hi);
}

}  // namespace socinv
