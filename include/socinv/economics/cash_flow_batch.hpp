#pragma once
// XIRR, XNPV, IRR and NPV over many series at once, spread over the machine's cores.
//
// The series live in flat arrays (a row-major matrix is one): series i is the entries
// [offsets[i], offsets[i] + lengths[i]). Entries whose amount is NaN are missing flows (padding),
// so NaN-padded rows need no lengths. Dates are day numbers, days since 1970-01-01 (numpy's
// datetime64[D]). A series without a rate gives NaN, and so does a rate at or below -100 %;
// misuse (arrays of different sizes, a series past the end, an infinite amount, a date out of
// range for a flow that is there) is an input_error whose pointer is /series/entry.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/detail/parallel.hpp"
#include "socinv/economics/day_count.hpp"
#include "socinv/economics/irr.hpp"
#include "socinv/economics/xnpv.hpp"

namespace socinv {

// Where each series of a batch lies in the flat arrays.
struct series_layout {
    std::vector<std::size_t> offsets;
    std::vector<std::size_t> lengths;

    std::size_t size() const { return offsets.size(); }

    // The rows of a row-major rows × cols matrix, each used in full.
    static series_layout matrix(std::size_t rows, std::size_t cols) {
        series_layout l;
        l.offsets.resize(rows);
        l.lengths.assign(rows, cols);
        for (std::size_t i = 0; i < rows; ++i) l.offsets[i] = i * cols;
        return l;
    }

    // The rows of a row-major matrix with `cols` columns, row i holding lengths[i] leading entries.
    static series_layout matrix(std::size_t cols, std::span<const std::size_t> lengths) {
        series_layout l;
        l.offsets.resize(lengths.size());
        l.lengths.assign(lengths.begin(), lengths.end());
        for (std::size_t i = 0; i < lengths.size(); ++i) {
            if (lengths[i] > cols)
                throw input_error("/" + std::to_string(i), std::to_string(lengths[i]),
                                  "length " + std::to_string(lengths[i]) + " of row " + std::to_string(i) +
                                      " is more than the " + std::to_string(cols) + " columns");
            l.offsets[i] = i * cols;
        }
        return l;
    }

    // One series of `length` entries, `count` times (one series against many rates).
    static series_layout repeated(std::size_t length, std::size_t count) {
        return series_layout{std::vector<std::size_t>(count, 0), std::vector<std::size_t>(count, length)};
    }

    // Throws unless every series lies within `total` entries.
    void check(std::size_t total) const {
        if (offsets.size() != lengths.size())
            throw input_error("", std::to_string(lengths.size()),
                              std::to_string(offsets.size()) + " offsets but " + std::to_string(lengths.size()) +
                                  " lengths");
        for (std::size_t i = 0; i < offsets.size(); ++i)
            if (offsets[i] > total || lengths[i] > total - offsets[i])
                throw input_error("/" + std::to_string(i), std::to_string(offsets[i] + lengths[i]),
                                  "series " + std::to_string(i) + " runs to entry " +
                                      std::to_string(offsets[i] + lengths[i]) + " of " + std::to_string(total));
    }
};

namespace detail {

// A per-series parameter given once for all series or once per series.
inline void check_per_series(std::span<const double> values, std::size_t series, const char* what) {
    if (values.size() > 1 && values.size() != series)
        throw input_error("", std::to_string(values.size()),
                          std::to_string(values.size()) + " " + what + "s for " + std::to_string(series) +
                              " series (give one, or one per series)");
}

inline double pick(std::span<const double> values, std::size_t i, double otherwise) {
    return values.empty() ? otherwise : values.size() == 1 ? values[0] : values[i];
}

inline constexpr std::int64_t first_day = days_from_civil(1, 1, 1);
inline constexpr std::int64_t last_day = days_from_civil(9999, 12, 31);

// Checks the flows that are there (amount not NaN) of series i of a dated batch.
inline void check_series(std::size_t i, std::span<const std::int64_t> days, std::span<const double> amounts) {
    for (std::size_t k = 0; k < amounts.size(); ++k) {
        if (std::isnan(amounts[k])) continue;
        if (std::isfinite(amounts[k]) && days[k] >= first_day && days[k] <= last_day) continue;
        const std::string pointer = "/" + std::to_string(i) + "/" + std::to_string(k);
        check_amount(amounts[k], pointer);
        throw input_error(pointer, std::to_string(days[k]),
                              days[k] == std::numeric_limits<std::int64_t>::min()
                                  ? "amount " + format_number(amounts[k]) + " has no date (NaT)"
                                  : "day number " + std::to_string(days[k]) +
                                        " is outside the dates 0001-01-01 – 9999-12-31");
    }
}

// The values of series i of a periodic batch: up to the last that is not NaN. A NaN before that
// would shift the periods after it, so it is an error rather than padding.
inline std::span<const double> leading_values(std::size_t i, std::span<const double> values) {
    std::size_t end = values.size();
    while (end > 0 && std::isnan(values[end - 1])) --end;
    for (std::size_t k = 0; k < end; ++k) {
        if (std::isfinite(values[k])) continue;
        const std::string pointer = "/" + std::to_string(i) + "/" + std::to_string(k);
        if (std::isnan(values[k]))
            throw input_error(pointer, "nan",
                              "value " + std::to_string(k) + " of series " + std::to_string(i) +
                                  " is NaN but later values are not; only trailing NaN pads a series of periods");
        check_amount(values[k], pointer);
    }
    return values.first(end);
}

inline void check_batch(std::size_t days, std::size_t amounts, const series_layout& layout) {
    if (days != amounts)
        throw input_error("", std::to_string(days),
                          std::to_string(days) + " dates but " + std::to_string(amounts) + " amounts");
    layout.check(amounts);
}

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

}  // namespace detail

// XIRR of every series; guesses: none (0.1), one for all, or one per series.
inline std::vector<double> xirr_batch(std::span<const std::int64_t> days, std::span<const double> amounts,
                                      const series_layout& layout, std::span<const double> guesses = {},
                                      day_count dc = day_count::act_365_first) {
    detail::check_batch(days.size(), amounts.size(), layout);
    detail::check_per_series(guesses, layout.size(), "guess");
    for (const double g : guesses) detail::check_rate(g, "guess");
    std::vector<double> out(layout.size(), detail::not_a_number);
    detail::parallel_for(layout.size(), [&](std::size_t i) {
        thread_local detail::prepared_flows prepared;
        const auto d = days.subspan(layout.offsets[i], layout.lengths[i]);
        const auto a = amounts.subspan(layout.offsets[i], layout.lengths[i]);
        detail::check_series(i, d, a);
        detail::prepare_dated(d, a, dc, prepared);
        const double guess = detail::pick(guesses, i, detail::default_guess);
        out[i] = detail::xirr_prepared(prepared, guess).value_or(detail::not_a_number);
    });
    return out;
}

// XNPV of every series; rates: one for all, or one per series.
inline std::vector<double> xnpv_batch(std::span<const double> rates, std::span<const std::int64_t> days,
                                      std::span<const double> amounts, const series_layout& layout,
                                      day_count dc = day_count::act_365_first) {
    detail::check_batch(days.size(), amounts.size(), layout);
    detail::check_per_series(rates, layout.size(), "rate");
    std::vector<double> out(layout.size(), detail::not_a_number);
    if (rates.empty()) return out;
    detail::parallel_for(layout.size(), [&](std::size_t i) {
        const auto d = days.subspan(layout.offsets[i], layout.lengths[i]);
        const auto a = amounts.subspan(layout.offsets[i], layout.lengths[i]);
        detail::check_series(i, d, a);
        const double rate = detail::pick(rates, i, detail::not_a_number);
        if (rate > -1.0 && std::isfinite(rate)) out[i] = detail::xnpv_days(rate, d, a, dc, true);
    });
    return out;
}

// IRR of every series; trailing NaN entries pad a series (a NaN before a value is an error).
inline std::vector<double> irr_batch(std::span<const double> amounts, const series_layout& layout,
                                     std::span<const double> guesses = {}) {
    layout.check(amounts.size());
    detail::check_per_series(guesses, layout.size(), "guess");
    for (const double g : guesses) detail::check_rate(g, "guess");
    std::vector<double> out(layout.size(), detail::not_a_number);
    detail::parallel_for(layout.size(), [&](std::size_t i) {
        const auto values = detail::leading_values(i, amounts.subspan(layout.offsets[i], layout.lengths[i]));
        const double guess = detail::pick(guesses, i, detail::default_guess);
        out[i] = detail::irr_values(values, guess).value_or(detail::not_a_number);
    });
    return out;
}

// NPV of every series (trailing NaN entries pad); rates: one for all, or one per series.
inline std::vector<double> npv_batch(std::span<const double> rates, std::span<const double> amounts,
                                     const series_layout& layout, bool start_from_zero = true) {
    layout.check(amounts.size());
    detail::check_per_series(rates, layout.size(), "rate");
    std::vector<double> out(layout.size(), detail::not_a_number);
    if (rates.empty()) return out;
    detail::parallel_for(layout.size(), [&](std::size_t i) {
        const auto values = detail::leading_values(i, amounts.subspan(layout.offsets[i], layout.lengths[i]));
        const double rate = detail::pick(rates, i, detail::not_a_number);
        if (!(rate > -1.0 && std::isfinite(rate))) return;
        out[i] = detail::npv_values(rate, values, start_from_zero);
    });
    return out;
}

}  // namespace socinv
