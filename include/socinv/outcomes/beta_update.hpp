#pragma once
// Updating a forecast success rate with observed data: a beta prior and binomial data give a beta
// posterior (conjugacy). A socinv distribution is first matched to the beta with its mean and variance.

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/beta.hpp>

#include "socinv/economics/distribution.hpp"
#include "socinv/outcomes/interval.hpp"

namespace socinv {

// A belief about a rate in [0, 1]: Beta(a, b).
struct beta_belief {
    double a = 1;
    double b = 1;

    static beta_belief of(double a, double b) {
        detail::check_finite(a, "a");
        detail::check_finite(b, "b");
        if (!(a > 0 && b > 0))
            throw std::invalid_argument("a beta distribution needs a > 0 and b > 0, got a " + detail::number_text(a) +
                                        " and b " + detail::number_text(b));
        return {a, b};
    }

    double mean() const { return a / (a + b); }
    double variance() const { return a * b / ((a + b) * (a + b) * (a + b + 1)); }

    // The equal-tailed interval holding `level` of the belief.
    confidence_interval interval(double level = 0.95) const {
        detail::check_level(level);
        const boost::math::beta_distribution<double> d(a, b);
        const double tail = (1 - level) / 2;
        return {boost::math::quantile(d, tail), boost::math::quantile(boost::math::complement(d, tail))};
    }

    // P(rate ≥ x): how likely the rate reaches x (a break-even rate, a target).
    double probability_at_least(double x) const {
        detail::check_finite(x, "x");
        if (x <= 0) return 1;
        if (x > 1) return 0;
        return boost::math::cdf(boost::math::complement(boost::math::beta_distribution<double>(a, b), x));
    }

    friend bool operator==(const beta_belief&, const beta_belief&) = default;
};

namespace detail {

inline double variance_of(const distribution& d) {
    switch (d.kind) {
        case distribution_kind::fixed: return 0;
        case distribution_kind::uniform: return (d.b - d.a) * (d.b - d.a) / 12;
        case distribution_kind::triangular:
            return (d.a * d.a + d.b * d.b + d.c * d.c - d.a * d.b - d.a * d.c - d.b * d.c) / 18;
        case distribution_kind::normal: return d.b * d.b;
        case distribution_kind::lognormal: return std::expm1(d.b * d.b) * std::exp(2 * d.a + d.b * d.b);
        case distribution_kind::pert: {
            const auto [alpha, beta] = d.pert_shape();
            const double s = alpha + beta;
            return (d.c - d.a) * (d.c - d.a) * alpha * beta / (s * s * (s + 1));
        }
    }
    return 0;
}

}  // namespace detail

// The beta with the distribution's mean m and variance v: a = m k, b = (1 − m) k,
// k = m (1 − m) / v − 1. A PERT on [0, 1] is a beta already and comes back unchanged. The
// distribution must have a spread, a mean inside (0, 1) and v < m (1 − m), as every beta has.
inline beta_belief beta_from_moments(const distribution& d) {
    const double m = d.mean(), v = detail::variance_of(d);
    const std::string shown = "mean " + detail::number_text(m) + " and variance " + detail::number_text(v);
    if (!(v > 0))
        throw std::invalid_argument("a " + std::string(to_string(d.kind)) +
                                    " distribution has no spread to match a beta to; give the prior as (a, b)");
    if (!(m > 0 && m < 1 && v < m * (1 - m)))
        throw std::invalid_argument("no beta distribution has " + shown +
                                    " (a rate's mean must lie in (0, 1) and its variance below mean (1 - mean))");
    const double k = m * (1 - m) / v - 1;
    return beta_belief::of(m * k, (1 - m) * k);
}

// The posterior Beta(a + successes, b + n − successes).
inline beta_belief beta_update(const beta_belief& prior, std::int64_t successes, std::int64_t n) {
    if (n < 0) throw std::invalid_argument("n " + std::to_string(n) + " is negative");
    if (successes < 0 || successes > n)
        throw std::invalid_argument("successes " + std::to_string(successes) + " is not between 0 and n " +
                                    std::to_string(n));
    const beta_belief checked = beta_belief::of(prior.a, prior.b);
    return {checked.a + static_cast<double>(successes), checked.b + static_cast<double>(n - successes)};
}

inline beta_belief beta_update(const distribution& prior, std::int64_t successes, std::int64_t n) {
    return beta_update(beta_from_moments(prior), successes, n);
}

}  // namespace socinv
