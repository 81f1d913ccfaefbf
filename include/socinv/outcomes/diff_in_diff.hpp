#pragma once
// Difference in differences for four independent groups: (treated after − treated before) −
// (comparison after − comparison before), with a normal-approximation interval.

#include <cmath>
#include <stdexcept>
#include <string>

#include "socinv/outcomes/interval.hpp"
#include "socinv/outcomes/observation.hpp"

namespace socinv {

struct did_result {
    double estimate = 0;
    double se = 0;
    confidence_interval ci;
};

// The four groups are independent samples (different people before and after, as with yearly
// cohorts), so the variance of the estimate is the sum of the four sampling variances
// (p (1 − p) / n or sd² / n). All four must be of one kind. Data errors are input_errors at
// "/treated_before", "/treated_after", "/comparison_before", "/comparison_after".
inline did_result diff_in_diff(const observation& treated_before, const observation& treated_after,
                               const observation& comparison_before, const observation& comparison_after,
                               double alpha = 0.05) {
    validate(treated_before, "/treated_before");
    validate(treated_after, "/treated_after");
    validate(comparison_before, "/comparison_before");
    validate(comparison_after, "/comparison_after");
    detail::check_alpha(alpha);
    const bool kind = is_proportion(treated_before);
    if (is_proportion(treated_after) != kind || is_proportion(comparison_before) != kind ||
        is_proportion(comparison_after) != kind)
        throw std::invalid_argument("difference in differences needs four groups of one kind: all proportions "
                                    "(successes, n) or all means (mean, sd, n)");
    did_result r;
    r.estimate = (estimate_of(treated_after) - estimate_of(treated_before)) -
                 (estimate_of(comparison_after) - estimate_of(comparison_before));
    r.se = std::sqrt(variance_of(treated_before) + variance_of(treated_after) + variance_of(comparison_before) +
                     variance_of(comparison_after));
    const double d = detail::z_critical(alpha) * r.se;
    r.ci = {r.estimate - d, r.estimate + d};
    return r;
}

}  // namespace socinv
