#pragma once
// Confidence intervals for one binomial proportion, as statsmodels' proportion_confint computes them.

#include <algorithm>
#include <cmath>
#include <string_view>

#include <boost/math/distributions/beta.hpp>

#include "socinv/detail/enum_names.hpp"
#include "socinv/outcomes/interval.hpp"

namespace socinv {

// normal: Wald; agresti_coull: Wald around (x + z²/2) / (n + z²); beta: Clopper–Pearson ("exact");
// wilson: the score interval; jeffreys: equal-tailed Beta(x + ½, n − x + ½) interval.
enum class proportion_method { normal, agresti_coull, beta, wilson, jeffreys };

inline constexpr detail::enum_names<proportion_method, 5> proportion_method_names{{
    {proportion_method::normal, "normal"},
    {proportion_method::agresti_coull, "agresti_coull"},
    {proportion_method::beta, "beta"},
    {proportion_method::wilson, "wilson"},
    {proportion_method::jeffreys, "jeffreys"},
}};

inline std::string_view to_string(proportion_method m) { return detail::name_of(m, proportion_method_names); }
inline proportion_method parse_proportion_method(std::string_view name) {
    return detail::parse_name(name, proportion_method_names, "proportion interval method");
}

// The two-sided 1 − alpha interval for the proportion count / nobs. The edge cases are
// statsmodels': Clopper–Pearson is 0 below at count = 0 and 1 above at count = nobs; Jeffreys is
// not forced to the edge (its lower end at count = 0 is a small positive number); normal,
// Agresti–Coull and Wilson are clipped to [0, 1]. Wilson's ends at count = 0 and nobs are off
// by rounding (e.g. 2.8e-17 and 1 − 1.1e-16 at 7 trials), exactly as statsmodels' are.
inline confidence_interval proportion_confint(double count, double nobs, double alpha = 0.05,
                                              proportion_method method = proportion_method::wilson) {
    detail::check_count(count, nobs);
    detail::check_alpha(alpha);
    using boost::math::beta_distribution;
    using boost::math::complement;
    using boost::math::quantile;
    const double q = count / nobs;
    const double half = alpha / 2;
    confidence_interval ci;
    switch (method) {
        case proportion_method::normal: {
            const double dist = detail::z_critical(alpha) * std::sqrt(q * (1 - q) / nobs);
            ci = {q - dist, q + dist};
            break;
        }
        case proportion_method::agresti_coull: {
            const double crit = detail::z_critical(alpha);
            const double nobs_c = nobs + crit * crit;
            const double q_c = (count + crit * crit / 2.0) / nobs_c;
            const double dist = crit * std::sqrt(q_c * (1.0 - q_c) / nobs_c);
            ci = {q_c - dist, q_c + dist};
            break;
        }
        case proportion_method::beta:
            // Beta(0, ·) and Beta(·, 0) do not exist; the limits there are the edges themselves.
            ci.low = q == 0 ? 0.0 : quantile(beta_distribution<double>(count, nobs - count + 1), half);
            ci.high = q == 1 ? 1.0 : quantile(complement(beta_distribution<double>(count + 1, nobs - count), half));
            return ci;
        case proportion_method::wilson: {
            // Term by term as statsmodels writes it, so the two agree to the last bits.
            const double crit = detail::z_critical(alpha);
            const double crit2 = crit * crit;
            const double denom = 1 + crit2 / nobs;
            const double center = (q + crit2 / (2 * nobs)) / denom;
            const double dist = crit * std::sqrt(q * (1.0 - q) / nobs + crit2 / (4.0 * nobs * nobs)) / denom;
            ci = {center - dist, center + dist};
            break;
        }
        case proportion_method::jeffreys: {
            const beta_distribution<double> posterior(count + 0.5, nobs - count + 0.5);
            return {quantile(posterior, half), quantile(complement(posterior, half))};
        }
    }
    ci.low = std::clamp(ci.low, 0.0, 1.0);
    ci.high = std::clamp(ci.high, 0.0, 1.0);
    return ci;
}

}  // namespace socinv
