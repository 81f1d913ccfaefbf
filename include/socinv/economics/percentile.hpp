#pragma once
// Percentiles of a sample: socinv's one definition, used by Monte Carlo, the fund simulation and Python.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstddef>
#include <iterator>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace socinv {

namespace detail {
inline std::string shortest(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", x);
    return text;
}
}  // namespace detail

// The q-quantile (q in 0..1) of n values interpolates linearly between order statistics, as
// NumPy's default method ('linear', Hyndman and Fan's type 7): with the values sorted as
// x[0] <= ... <= x[n-1] and h = q (n - 1), it is x[floor h] + (h - floor h) (x[floor h + 1] -
// x[floor h]). The p-th percentile is the (p / 100)-quantile, as numpy.percentile divides it.
// Quantile 0 is the minimum, 1 the maximum and 0.5 the median; the arithmetic follows NumPy's,
// so the two agree to the last digit.
struct quantile_position {
    std::size_t below = 0;  // the order statistic at or below h
    double fraction = 0;    // h - below, in [0, 1)
};

// Where the q-quantile of n values lies (n >= 1); a q outside 0..1, or NaN, is refused.
inline quantile_position position_of_quantile(double q, std::size_t n) {
    if (!(q >= 0 && q <= 1)) throw std::invalid_argument("quantiles lie in 0..1, not " + detail::shortest(q));
    if (n == 0) throw std::invalid_argument("a quantile needs at least one value");
    const double h = q * static_cast<double>(n - 1);
    const double below = std::floor(h);
    const auto k = std::min(static_cast<std::size_t>(below), n - 1);
    return {k, h - below};
}

// Between the order statistics at and above the position, computed as NumPy's lerp does (from
// the nearer end, so that the result never leaves [at, above]).
inline double interpolate_quantile(double at, double above, double fraction) {
    const double step = above - at;
    return fraction >= 0.5 ? above - step * (1 - fraction) : at + step * fraction;
}

// The q-quantile of values already sorted ascending.
template <class T>
double quantile_of_sorted(std::span<const T> sorted, double q) {
    const auto [k, fraction] = position_of_quantile(q, sorted.size());
    const auto above = std::min(k + 1, sorted.size() - 1);
    return interpolate_quantile(static_cast<double>(sorted[k]), static_cast<double>(sorted[above]), fraction);
}

// The q-quantile of [first, last) by selection instead of a full sort. On entry, `from` marks
// where to search: nothing before it may be larger than anything from it on (pass `first`, or
// the `from` left by the previous call for a higher quantile of the same range). On return the
// order statistic at the position sits in its sorted place, nothing after it is smaller, and
// `from` points at it; the next order statistic is the smallest of what follows.
template <class RandomIt>
double select_quantile(RandomIt first, RandomIt last, double q, RandomIt& from) {
    const auto n = static_cast<std::size_t>(std::distance(first, last));
    const auto [k, fraction] = position_of_quantile(q, n);
    const RandomIt at = first + static_cast<std::ptrdiff_t>(k);
    std::nth_element(from, at, last);
    from = at;
    const double below = static_cast<double>(*at);
    const double above = k + 1 < n ? static_cast<double>(*std::min_element(at + 1, last)) : below;
    return interpolate_quantile(below, above, fraction);
}

template <class RandomIt>
double select_quantile(RandomIt first, RandomIt last, double q) {
    RandomIt from = first;
    return select_quantile(first, last, q, from);
}

// The q-quantile of any values (copied and sorted; NaN when there are none, a bad q refused).
inline double quantile(std::span<const double> values, double q) {
    if (values.empty()) {
        position_of_quantile(q, 1);
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return quantile_of_sorted(std::span<const double>(sorted), q);
}

// The p-th percentile (p in 0..100): the (p / 100)-quantile, as numpy.percentile(values, p).
inline double percentile(std::span<const double> values, double p) {
    if (!(p >= 0 && p <= 100)) throw std::invalid_argument("percentiles lie in 0..100, not " + detail::shortest(p));
    return quantile(values, p / 100);
}

}  // namespace socinv
