#pragma once
// A two-sided confidence interval, and the checks and critical values the outcome statistics share.

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace socinv {

struct confidence_interval {
    double low = 0;
    double high = 0;

    bool contains(double x) const { return low <= x && x <= high; }
    double width() const { return high - low; }
    friend bool operator==(const confidence_interval&, const confidence_interval&) = default;
};

namespace detail {

// The shortest text that reads back as x, for messages that name the values they reject.
inline std::string number_text(double x) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, result.ptr);
}

inline void check_alpha(double alpha) {
    if (!(alpha > 0 && alpha < 1))
        throw std::invalid_argument("alpha " + number_text(alpha) + " is not strictly between 0 and 1");
}

inline void check_level(double level) {
    if (!(level > 0 && level < 1))
        throw std::invalid_argument("level " + number_text(level) + " is not strictly between 0 and 1");
}

// Throws unless x is a finite number.
inline void check_finite(double x, std::string_view what) {
    if (!std::isfinite(x)) throw std::invalid_argument(std::string(what) + " " + number_text(x) + " is not finite");
}

// Two groups' summary statistics (mean, sd, n each): finite, sd >= 0, at least 2 observations.
inline void check_two_groups(double mean1, double sd1, double nobs1, double mean2, double sd2, double nobs2) {
    for (const auto& [x, what] : {std::pair{mean1, "mean1"}, {sd1, "sd1"}, {nobs1, "nobs1"}, {mean2, "mean2"},
                                  {sd2, "sd2"}, {nobs2, "nobs2"}})
        detail::check_finite(x, what);
    if (sd1 < 0 || sd2 < 0)
        throw std::invalid_argument("standard deviation " + detail::number_text(sd1 < 0 ? sd1 : sd2) + " is negative");
    if (nobs1 < 2 || nobs2 < 2)
        throw std::invalid_argument("each group needs at least 2 observations, got nobs1 " +
                                    detail::number_text(nobs1) + " and nobs2 " + detail::number_text(nobs2));
}

// A count of successes out of nobs trials: 0 <= count <= nobs, nobs > 0 (counts may be fractional,
// as statsmodels allows, for weighted or imputed data).
inline void check_count(double count, double nobs, std::string_view count_name = "count",
                        std::string_view nobs_name = "nobs") {
    check_finite(count, count_name);
    check_finite(nobs, nobs_name);
    if (!(nobs > 0)) throw std::invalid_argument(std::string(nobs_name) + " " + number_text(nobs) + " is not positive");
    if (count < 0) throw std::invalid_argument(std::string(count_name) + " " + number_text(count) + " is negative");
    if (count > nobs)
        throw std::invalid_argument(std::string(count_name) + " " + number_text(count) + " is more than " +
                                    std::string(nobs_name) + " " + number_text(nobs));
}

// The upper alpha/2 point of the standard normal (scipy's norm.isf(alpha / 2)).
inline double z_critical(double alpha) {
    return boost::math::quantile(boost::math::complement(boost::math::normal_distribution<double>(), alpha / 2));
}

// The upper alpha/2 point of Student's t with df degrees of freedom (scipy's t.isf(alpha / 2, df)).
inline double t_critical(double alpha, double df) {
    return boost::math::quantile(boost::math::complement(boost::math::students_t_distribution<double>(df), alpha / 2));
}

}  // namespace detail

}  // namespace socinv
