#pragma once
// The minimum detectable difference: how far the truth must lie from a reference value for a
// two-sided test at level alpha to find it with the given power (80 % by convention).

#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "socinv/outcomes/interval.hpp"

namespace socinv {

namespace detail {

inline void check_power(double power) {
    if (!(power > 0 && power < 1))
        throw std::invalid_argument("power " + number_text(power) + " is not strictly between 0 and 1");
}

}  // namespace detail

// For a proportion tested against p0 with n observations: (z_{1−α/2} + z_power) √(p0 (1 − p0) / n),
// the normal approximation with the variance under the null (Bloom 1995). The far tail of the
// two-sided test is left out, as usual; it changes the power by less than 1e-5 at 80 %.
inline double minimum_detectable_difference_proportion(double p0, double n, double alpha = 0.05, double power = 0.8) {
    detail::check_finite(p0, "p0");
    detail::check_finite(n, "n");
    if (p0 < 0 || p0 > 1) throw std::invalid_argument("p0 " + detail::number_text(p0) + " is not between 0 and 1");
    if (!(n > 0)) throw std::invalid_argument("n " + detail::number_text(n) + " is not positive");
    detail::check_alpha(alpha);
    detail::check_power(power);
    const double z_power = boost::math::quantile(boost::math::normal_distribution<double>(), power);
    return (detail::z_critical(alpha) + z_power) * std::sqrt(p0 * (1 - p0) / n);
}

// For a mean with standard deviation sd over n observations (a one-sample t-test):
// (t_{1−α/2, n−1} + t_{power, n−1}) sd / √n. With small n this is clearly larger than the
// normal approximation (30 people: 2.05 + 0.85 instead of 1.96 + 0.84).
inline double minimum_detectable_difference_mean(double sd, double n, double alpha = 0.05, double power = 0.8) {
    detail::check_finite(sd, "sd");
    detail::check_finite(n, "n");
    if (sd < 0) throw std::invalid_argument("sd " + detail::number_text(sd) + " is negative");
    if (!(n >= 2)) throw std::invalid_argument("n " + detail::number_text(n) + " is below 2");
    detail::check_alpha(alpha);
    detail::check_power(power);
    const double t_power = boost::math::quantile(boost::math::students_t_distribution<double>(n - 1), power);
    return (detail::t_critical(alpha, n - 1) + t_power) * sd / std::sqrt(n);
}

}  // namespace socinv
