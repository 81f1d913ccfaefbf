#pragma once
// A confidence interval for the difference of two independent means (Welch's t, unequal variances).

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "socinv/outcomes/interval.hpp"

namespace socinv {

// mean1 − mean2 ± t(df) · se, se² = sd1²/n1 + sd2²/n2, df by Welch–Satterthwaite. When both
// standard deviations are 0 the interval is the point itself.
inline confidence_interval confint_means_2indep(double mean1, double sd1, double nobs1, double mean2, double sd2,
                                                double nobs2, double alpha = 0.05) {
    detail::check_two_groups(mean1, sd1, nobs1, mean2, sd2, nobs2);
    detail::check_alpha(alpha);
    const double v1 = sd1 * sd1 / nobs1, v2 = sd2 * sd2 / nobs2;
    const double diff = mean1 - mean2;
    if (v1 + v2 == 0) return {diff, diff};
    const double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (nobs1 - 1) + v2 * v2 / (nobs2 - 1));
    const double d = detail::t_critical(alpha, df) * std::sqrt(v1 + v2);
    return {diff - d, diff + d};
}

}  // namespace socinv
