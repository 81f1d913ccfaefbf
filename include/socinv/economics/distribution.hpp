#pragma once
// Uncertain inputs: fixed, uniform, triangular, normal, lognormal and PERT distributions.

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "socinv/detail/enum_names.hpp"

namespace socinv {

enum class distribution_kind { fixed, uniform, triangular, normal, lognormal, pert };

inline constexpr detail::enum_names<distribution_kind, 6> distribution_kind_names{{
    {distribution_kind::fixed, "fixed"},
    {distribution_kind::uniform, "uniform"},
    {distribution_kind::triangular, "triangular"},
    {distribution_kind::normal, "normal"},
    {distribution_kind::lognormal, "lognormal"},
    {distribution_kind::pert, "pert"},
}};

inline std::string_view to_string(distribution_kind k) { return detail::name_of(k, distribution_kind_names); }

namespace detail {

// Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
inline double normal_quantile(double p) {
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// Regularized incomplete beta I_x(a, b) by Lentz's continued fraction.
inline double incomplete_beta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x > (a + 1) / (a + b + 2)) return 1 - incomplete_beta(1 - x, b, a);
    double f = 1, c = 1, d = 0;
    for (int i = 0; i <= 300; ++i) {
        const int m = i / 2;
        double numerator;
        if (i == 0) numerator = 1;
        else if (i % 2 == 0) numerator = (m * (b - m) * x) / ((a + 2.0 * m - 1) * (a + 2.0 * m));
        else numerator = -((a + m) * (a + b + m) * x) / ((a + 2.0 * m) * (a + 2.0 * m + 1));
        d = 1 + numerator * d;
        if (std::fabs(d) < 1e-300) d = 1e-300;
        d = 1 / d;
        c = 1 + numerator / c;
        if (std::fabs(c) < 1e-300) c = 1e-300;
        const double cd = c * d;
        f *= cd;
        if (std::fabs(1 - cd) < 1e-14) break;
    }
    return front * (f - 1) / a;
}

}  // namespace detail

// A distribution of one uncertain input. Parameters by kind:
// fixed(value); uniform(low, high); triangular(low, mode, high); normal(mean, sd);
// lognormal(mu, sigma) of the logarithm; pert(low, mode, high), a Beta scaled to [low, high].
struct distribution {
    distribution_kind kind = distribution_kind::fixed;
    double a = 0, b = 0, c = 0;

    static distribution fixed(double value) { return {distribution_kind::fixed, value, 0, 0}; }
    static distribution uniform(double low, double high) { return checked({distribution_kind::uniform, low, high, 0}); }
    static distribution triangular(double low, double mode, double high) {
        return checked({distribution_kind::triangular, low, mode, high});
    }
    static distribution normal(double mean, double sd) { return checked({distribution_kind::normal, mean, sd, 0}); }
    static distribution lognormal(double mu, double sigma) { return checked({distribution_kind::lognormal, mu, sigma, 0}); }
    static distribution pert(double low, double mode, double high) { return checked({distribution_kind::pert, low, mode, high}); }

    bool is_fixed() const { return kind == distribution_kind::fixed; }

    double mean() const {
        switch (kind) {
            case distribution_kind::fixed: return a;
            case distribution_kind::uniform: return (a + b) / 2;
            case distribution_kind::triangular: return (a + b + c) / 3;
            case distribution_kind::normal: return a;
            case distribution_kind::lognormal: return std::exp(a + b * b / 2);
            case distribution_kind::pert: return (a + 4 * b + c) / 6;
        }
        return a;
    }

    // The value below which a share p of draws fall.
    double quantile(double p) const {
        switch (kind) {
            case distribution_kind::fixed: return a;
            case distribution_kind::uniform: return a + p * (b - a);
            case distribution_kind::triangular: {
                const double cut = (b - a) / (c - a);
                return p < cut ? a + std::sqrt(p * (c - a) * (b - a)) : c - std::sqrt((1 - p) * (c - a) * (c - b));
            }
            case distribution_kind::normal: return a + b * detail::normal_quantile(p);
            case distribution_kind::lognormal: return std::exp(a + b * detail::normal_quantile(p));
            case distribution_kind::pert: {
                const auto [alpha, beta] = pert_shape();
                double lo = 0, hi = 1;
                for (int i = 0; i < 100 && hi - lo > 1e-13; ++i) {
                    const double mid = (lo + hi) / 2;
                    (detail::incomplete_beta(mid, alpha, beta) < p ? lo : hi) = mid;
                }
                return a + (lo + hi) / 2 * (c - a);
            }
        }
        return a;
    }

    friend bool operator==(const distribution&, const distribution&) = default;

    // PERT's Beta shape parameters (alpha, beta).
    std::pair<double, double> pert_shape() const {
        if (c == a) return {1, 1};
        return {1 + 4 * (b - a) / (c - a), 1 + 4 * (c - b) / (c - a)};
    }

private:

    static distribution checked(distribution d) {
        auto finite = [](double x) { return std::isfinite(x); };
        if (!finite(d.a) || !finite(d.b) || !finite(d.c))
            throw std::invalid_argument(std::string(to_string(d.kind)) + " distribution has a non-finite parameter");
        switch (d.kind) {
            case distribution_kind::uniform:
                if (!(d.a < d.b))
                    throw std::invalid_argument("uniform distribution needs low < high, got " + std::to_string(d.a) +
                                                " and " + std::to_string(d.b));
                break;
            case distribution_kind::triangular:
            case distribution_kind::pert:
                if (!(d.a <= d.b && d.b <= d.c && d.a < d.c))
                    throw std::invalid_argument(std::string(to_string(d.kind)) + " distribution needs low <= mode <= high "
                                                "and low < high, got " + std::to_string(d.a) + ", " + std::to_string(d.b) +
                                                ", " + std::to_string(d.c));
                break;
            case distribution_kind::normal:
            case distribution_kind::lognormal:
                if (!(d.b > 0))
                    throw std::invalid_argument(std::string(to_string(d.kind)) + " distribution needs a positive spread, got " +
                                                std::to_string(d.b));
                break;
            case distribution_kind::fixed: break;
        }
        return d;
    }
};

}  // namespace socinv
