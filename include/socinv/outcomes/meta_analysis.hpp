#pragma once
// Pooling effect sizes: fixed-effect and random-effects means with the between-study variance τ²
// by DerSimonian–Laird, Paule–Mandel or REML (statsmodels' combine_effects; metafor's rma).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/tools/roots.hpp>

#include "socinv/detail/enum_names.hpp"
#include "socinv/outcomes/interval.hpp"

namespace socinv {

// dl: DerSimonian–Laird's one-step moment estimate; pm: Paule–Mandel (statsmodels' "iterated"),
// τ² where the generalised Q equals k − 1; reml: restricted maximum likelihood.
enum class tau2_method { dl, pm, reml };

inline constexpr detail::enum_names<tau2_method, 3> tau2_method_names{{
    {tau2_method::dl, "dl"},
    {tau2_method::pm, "pm"},
    {tau2_method::reml, "reml"},
}};

inline std::string_view to_string(tau2_method m) { return detail::name_of(m, tau2_method_names); }
inline tau2_method parse_tau2_method(std::string_view name) {
    return detail::parse_name(name, tau2_method_names, "random-effects method");
}

struct pooled_estimate {
    double mean = 0;
    double se = 0;
    confidence_interval ci;
};

struct meta_analysis_result {
    pooled_estimate fixed;
    pooled_estimate random;
    double tau2 = 0;  // between-study variance, never negative
    double i2 = 0;    // share of the variation that is between studies, max(0, (Q − df) / Q)
    double q = 0;     // Cochran's Q with the fixed-effect weights
    double q_pvalue = std::numeric_limits<double>::quiet_NaN();  // χ²(k − 1) test of homogeneity; NaN for k = 1
    std::size_t k = 0;
    tau2_method method = tau2_method::dl;
    std::vector<double> weights_fixed;   // relative, summing to 1
    std::vector<double> weights_random;  // relative, summing to 1
};

namespace detail {

struct weighted_fit {
    double mean;
    double total_weight;
};

inline weighted_fit weighted_mean(std::span<const double> effect, std::span<const double> variance, double tau2) {
    double sw = 0, swy = 0;
    for (std::size_t i = 0; i < effect.size(); ++i) {
        const double w = 1 / (variance[i] + tau2);
        sw += w;
        swy += w * effect[i];
    }
    return {swy / sw, sw};
}

// Paule–Mandel's estimating equation Σ w (y − μ_w)² − (k − 1), falling in τ².
inline double pm_equation(std::span<const double> effect, std::span<const double> variance, double tau2) {
    const double m = weighted_mean(effect, variance, tau2).mean;
    double q = 0;
    for (std::size_t i = 0; i < effect.size(); ++i) q += (effect[i] - m) * (effect[i] - m) / (variance[i] + tau2);
    return q - static_cast<double>(effect.size() - 1);
}

// The derivative of the restricted log-likelihood in τ², times 2:
// Σ w² (y − μ_w)² − Σ w + Σ w² / Σ w.
inline double reml_score(std::span<const double> effect, std::span<const double> variance, double tau2) {
    const auto [m, sw] = weighted_mean(effect, variance, tau2);
    double s = 0, sw2 = 0;
    for (std::size_t i = 0; i < effect.size(); ++i) {
        const double w = 1 / (variance[i] + tau2);
        s += w * w * (effect[i] - m) * (effect[i] - m);
        sw2 += w * w;
    }
    return s - sw + sw2 / sw;
}

// The root of a function that is positive at 0 and negative far enough out: bracket by doubling,
// then TOMS 748 to full double precision. Zero when the function is not positive at 0 (τ² ≥ 0).
template <class F>
double positive_root(F f, double scale) {
    if (!(f(0.0) > 0)) return 0;
    double lo = 0, hi = std::max(scale, 1e-12);
    for (int i = 0; i < 2000 && f(hi) > 0; ++i) lo = hi, hi *= 2;
    std::uintmax_t iterations = 200;
    const auto [a, b] = boost::math::tools::toms748_solve(
        f, lo, hi, boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 2), iterations);
    return (a + b) / 2;
}

}  // namespace detail

// Pools k effects with known sampling variances. The fixed-effect mean weights by 1 / v; the
// random-effects mean by 1 / (v + τ²). Intervals use the normal distribution (statsmodels' default,
// use_t=False). Unlike statsmodels, τ² and I² are truncated at 0, as metafor and the
// DerSimonian–Laird paper do: statsmodels' "dl" can return a negative τ² when Q < k − 1. With
// k = 1 there is nothing between studies: τ² = 0, I² = 0 and both models give that study.
// Paule–Mandel and REML are solved to full precision (statsmodels stops its PM iteration when
// the estimating equation is within 1e-5 of zero).
inline meta_analysis_result combine_effects(std::span<const double> effect, std::span<const double> variance,
                                            tau2_method method = tau2_method::dl, double alpha = 0.05) {
    if (effect.size() != variance.size())
        throw std::invalid_argument(std::to_string(effect.size()) + " effects but " + std::to_string(variance.size()) +
                                    " variances");
    if (effect.empty()) throw std::invalid_argument("no effects to combine");
    for (std::size_t i = 0; i < effect.size(); ++i) {
        detail::check_finite(effect[i], "effect " + std::to_string(i));
        detail::check_finite(variance[i], "variance " + std::to_string(i));
        if (!(variance[i] > 0))
            throw std::invalid_argument("variance " + std::to_string(i) + " is " + detail::number_text(variance[i]) +
                                        "; sampling variances must be positive");
    }
    detail::check_alpha(alpha);

    meta_analysis_result r;
    r.k = effect.size();
    r.method = method;
    const double df = static_cast<double>(r.k - 1);
    const double z = detail::z_critical(alpha);

    const auto fixed = detail::weighted_mean(effect, variance, 0);
    double sw2 = 0;
    for (std::size_t i = 0; i < r.k; ++i) {
        const double w = 1 / variance[i];
        r.q += w * (effect[i] - fixed.mean) * (effect[i] - fixed.mean);
        sw2 += w * w;
    }
    r.i2 = r.q > df ? (r.q - df) / r.q : 0.0;
    if (r.k > 1)
        r.q_pvalue = boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double>(df), r.q));

    if (r.k > 1) {
        // A scale for bracketing: the spread of the effects.
        double mean = 0, spread = 0;
        for (double y : effect) mean += y;
        mean /= static_cast<double>(r.k);
        for (double y : effect) spread += (y - mean) * (y - mean);
        spread /= df;
        switch (method) {
            case tau2_method::dl:
                r.tau2 = std::max(0.0, (r.q - df) / (fixed.total_weight - sw2 / fixed.total_weight));
                break;
            case tau2_method::pm:
                r.tau2 = detail::positive_root([&](double t) { return detail::pm_equation(effect, variance, t); }, spread);
                break;
            case tau2_method::reml:
                r.tau2 = detail::positive_root([&](double t) { return detail::reml_score(effect, variance, t); }, spread);
                break;
        }
    }

    const auto random = detail::weighted_mean(effect, variance, r.tau2);
    const double se_fixed = std::sqrt(1 / fixed.total_weight), se_random = std::sqrt(1 / random.total_weight);
    r.fixed = {fixed.mean, se_fixed, {fixed.mean - z * se_fixed, fixed.mean + z * se_fixed}};
    r.random = {random.mean, se_random, {random.mean - z * se_random, random.mean + z * se_random}};
    r.weights_fixed.resize(r.k);
    r.weights_random.resize(r.k);
    for (std::size_t i = 0; i < r.k; ++i) {
        r.weights_fixed[i] = 1 / variance[i] / fixed.total_weight;
        r.weights_random[i] = 1 / (variance[i] + r.tau2) / random.total_weight;
    }
    return r;
}

}  // namespace socinv
