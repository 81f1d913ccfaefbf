#pragma once
// Effect sizes for pooling: the bias-corrected standardized mean difference (Hedges' g, as
// statsmodels' effectsize_smd) and the Cox transform of an odds ratio (WSIPP's d for yes/no outcomes).

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "socinv/outcomes/interval.hpp"

namespace socinv {

// An effect and the variance of its estimate, ready for combine_effects.
struct effect_size {
    double effect = 0;
    double variance = 0;
    friend bool operator==(const effect_size&, const effect_size&) = default;
};

// Hedges' g for mean1 − mean2 (group 1 treated, group 2 comparison): the difference over the
// pooled standard deviation, times the small-sample correction 1 − 3 / (4N − 9), N = nobs1 + nobs2.
// The variance is statsmodels': N / (nobs1 nobs2) + g² / (2 (N − 3.94)).
inline effect_size effectsize_smd(double mean1, double sd1, double nobs1, double mean2, double sd2, double nobs2) {
    detail::check_two_groups(mean1, sd1, nobs1, mean2, sd2, nobs2);
    const double var_pooled = (sd1 * sd1 * (nobs1 - 1) + sd2 * sd2 * (nobs2 - 1)) / (nobs1 + nobs2 - 2);
    if (!(var_pooled > 0)) throw std::invalid_argument("both standard deviations are 0: the difference has no scale");
    const double nobs = nobs1 + nobs2;
    const double bias_correction = 1 - 3 / (4 * nobs - 9);
    const double smd = bias_correction * (mean1 - mean2) / std::sqrt(var_pooled);
    return {smd, nobs / nobs1 / nobs2 + smd * smd / 2 / (nobs - 3.94)};
}

// Hasselblad and Hedges' factor: ln(odds ratio) / (π / √3) ≈ ln(odds ratio) / 1.65, which WSIPP
// rounds to 1.65.
inline constexpr double cox_divisor = 1.65;

// The Cox transform of the odds ratio of count1 / nobs1 against count2 / nobs2, an effect on
// the scale of a standardized mean difference: ln(OR) / 1.65, variance var(ln OR) / 1.65².
// When a cell (successes or failures in either group) is zero, zero_correction is added to all
// four cells, as statsmodels' effectsize_2proportions with zero_correction=0.5 does for such a
// row; other rows are left alone (metafor's to = "only0"; statsmodels adds ½ to their counts but
// not their totals). 0 refuses zero cells instead.
inline effect_size cox_effect_size(double count1, double nobs1, double count2, double nobs2,
                                   double zero_correction = 0.5) {
    detail::check_count(count1, nobs1, "count1", "nobs1");
    detail::check_count(count2, nobs2, "count2", "nobs2");
    detail::check_finite(zero_correction, "zero_correction");
    if (zero_correction < 0)
        throw std::invalid_argument("zero_correction " + detail::number_text(zero_correction) + " is negative");
    const bool zero_cell = count1 == 0 || count1 == nobs1 || count2 == 0 || count2 == nobs2;
    const double add = zero_cell ? zero_correction : 0;
    if (zero_cell && add == 0)
        throw std::invalid_argument("a group has no successes or no failures, so the odds ratio is 0 or infinite; "
                                    "give a zero_correction above 0");
    const double n1 = nobs1 + 2 * add, n2 = nobs2 + 2 * add;
    const double p1 = (count1 + add) / n1, p2 = (count2 + add) / n2;
    const double log_or = std::log(p1) - std::log(1 - p1) - std::log(p2) + std::log(1 - p2);
    const double var = 1 / (p1 * (1 - p1) * n1) + 1 / (p2 * (1 - p2) * n2);
    return {log_or / cox_divisor, var / (cox_divisor * cox_divisor)};
}

}  // namespace socinv
