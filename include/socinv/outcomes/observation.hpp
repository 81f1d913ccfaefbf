#pragma once
// One group's observed outcome: successes out of n (a proportion) or a mean with its standard
// deviation over n; its estimate, the variance of that estimate, and checks on the data.

#include <cmath>
#include <cstdint>
#include <string>
#include <variant>

#include "socinv/core/error.hpp"
#include "socinv/outcomes/interval.hpp"
#include "socinv/outcomes/proportion_interval.hpp"

namespace socinv {

struct proportion_observation {
    std::int64_t successes = 0;
    std::int64_t n = 0;
    friend bool operator==(const proportion_observation&, const proportion_observation&) = default;
};

struct mean_observation {
    double mean = 0;
    double sd = 0;
    std::int64_t n = 0;
    friend bool operator==(const mean_observation&, const mean_observation&) = default;
};

using observation = std::variant<proportion_observation, mean_observation>;

inline bool is_proportion(const observation& o) { return std::holds_alternative<proportion_observation>(o); }

inline std::int64_t size_of(const observation& o) {
    return std::visit([](const auto& x) { return x.n; }, o);
}

// The share of successes, or the mean.
inline double estimate_of(const observation& o) {
    if (const auto* p = std::get_if<proportion_observation>(&o))
        return static_cast<double>(p->successes) / static_cast<double>(p->n);
    return std::get<mean_observation>(o).mean;
}

// The sampling variance of the estimate: p (1 − p) / n, or sd² / n.
inline double variance_of(const observation& o) {
    const double n = static_cast<double>(size_of(o));
    if (is_proportion(o)) {
        const double p = estimate_of(o);
        return p * (1 - p) / n;
    }
    const double sd = std::get<mean_observation>(o).sd;
    return sd * sd / n;
}

// The interval a follow-up reports for one group: Wilson for a proportion (the usual default,
// good at small n and near 0 and 1), Student's t with n − 1 degrees of freedom for a mean.
// Call validate first.
inline confidence_interval confint_of(const observation& o, double alpha = 0.05) {
    if (const auto* p = std::get_if<proportion_observation>(&o))
        return proportion_confint(static_cast<double>(p->successes), static_cast<double>(p->n), alpha,
                                  proportion_method::wilson);
    const auto& m = std::get<mean_observation>(o);
    const double n = static_cast<double>(m.n);
    const double d = detail::t_critical(alpha, n - 1) * m.sd / std::sqrt(n);
    return {m.mean - d, m.mean + d};
}

// Throws input_error for data that cannot be: n below 1, successes outside 0..n, a negative or
// non-finite standard deviation, a non-finite mean, a mean from one observation (its standard
// deviation does not exist). The pointer is `at` plus the field ("/follow_up/measures/2" +
// "/successes").
inline void validate(const observation& o, const std::string& at) {
    const std::int64_t n = size_of(o);
    if (n < 1) throw input_error(at + "/n", std::to_string(n), "n is " + std::to_string(n) + "; it must be at least 1");
    if (const auto* p = std::get_if<proportion_observation>(&o)) {
        if (p->successes < 0)
            throw input_error(at + "/successes", std::to_string(p->successes),
                              "successes " + std::to_string(p->successes) + " is negative");
        if (p->successes > n)
            throw input_error(at + "/successes", std::to_string(p->successes),
                              "successes " + std::to_string(p->successes) + " is more than n " + std::to_string(n));
        return;
    }
    const auto& m = std::get<mean_observation>(o);
    if (!std::isfinite(m.mean))
        throw input_error(at + "/mean", detail::number_text(m.mean), "mean " + detail::number_text(m.mean) + " is not finite");
    if (!std::isfinite(m.sd) || m.sd < 0)
        throw input_error(at + "/sd", detail::number_text(m.sd),
                          "sd " + detail::number_text(m.sd) + " is not a finite number at or above 0");
    if (n < 2)
        throw input_error(at + "/n", std::to_string(n),
                          "a mean with a standard deviation needs n of at least 2, got " + std::to_string(n));
}

}  // namespace socinv
