#pragma once
// Discount factors over time: a constant rate, or annual rates that step down with the horizon.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/economics/xnpv.hpp"

namespace socinv {

// From `from_year` years after the valuation date (until the next step) flows are discounted at
// `rate` a year.
struct rate_step {
    double from_year = 0.0;
    double rate = 0.0;

    friend bool operator==(const rate_step&, const rate_step&) = default;
};

// Piecewise-constant annual rates, compounded across the steps: with steps {0, 3.5 %} and
// {30, 3.0 %} a flow 31 years out is discounted by 1.035^-30 · 1.03^-1. A small value type;
// a default-constructed schedule discounts at 0 %.
class discount_schedule {
public:
    discount_schedule() : discount_schedule(std::vector<rate_step>{{0.0, 0.0}}) {}

    static discount_schedule constant(double rate) { return discount_schedule(std::vector<rate_step>{{0.0, rate}}); }

    // Steps in increasing order of from_year, the first from year 0; every rate above -100 %.
    static discount_schedule steps(std::vector<rate_step> steps) { return discount_schedule(std::move(steps)); }

    // HM Treasury's Green Book declining schedule: 3.5 % for years 0–30, 3.0 % for 31–75, 2.5 %
    // for 76–125, 2.0 % for 126–200, 1.5 % for 201–300 and 1.0 % after (year n being the n-th
    // year's discounting, so a flow 31 years out gets one year at 3.0 %).
    static discount_schedule green_book() {
        return discount_schedule(std::vector<rate_step>{
            {0.0, 0.035}, {30.0, 0.030}, {75.0, 0.025}, {125.0, 0.020}, {200.0, 0.015}, {300.0, 0.010}});
    }

    // The annual rates of a price index given at whole years 0, 1, ..., n (level k+1 over level k,
    // less one, during year k; the last year's rate goes on after year n). Meant as the inflation
    // argument of to_real and to_nominal.
    static discount_schedule from_index(std::span<const double> levels) {
        if (levels.size() < 2)
            throw input_error("", std::to_string(levels.size()),
                              "a price index needs levels for at least two years, not " + std::to_string(levels.size()));
        for (std::size_t k = 0; k < levels.size(); ++k)
            if (!(std::isfinite(levels[k]) && levels[k] > 0.0))
                throw input_error("/" + std::to_string(k), detail::format_number(levels[k]),
                                  "index level " + detail::format_number(levels[k]) + " for year " + std::to_string(k) +
                                      " is not a positive number");
        std::vector<rate_step> steps;
        for (std::size_t k = 0; k + 1 < levels.size(); ++k)
            steps.push_back({static_cast<double>(k), levels[k + 1] / levels[k] - 1.0});
        return discount_schedule(std::move(steps));
    }

    // Real rates from these nominal ones, by Fisher: (1 + nominal) = (1 + real)(1 + inflation).
    discount_schedule to_real(double inflation) const { return to_real(constant(inflation)); }
    discount_schedule to_real(const discount_schedule& inflation) const {
        return combine(inflation, [](double n, double i) { return (1.0 + n) / (1.0 + i) - 1.0; });
    }

    // Nominal rates from these real ones, by the same relation.
    discount_schedule to_nominal(double inflation) const { return to_nominal(constant(inflation)); }
    discount_schedule to_nominal(const discount_schedule& inflation) const {
        return combine(inflation, [](double r, double i) { return (1.0 + r) * (1.0 + i) - 1.0; });
    }

    // The factor for a flow `years` after the valuation date. Before it (negative years) the flow
    // is compounded at the first rate; NaN gives NaN.
    double factor(double years) const {
        if (std::isnan(years)) return years;
        std::size_t k = 0;
        while (k + 1 < steps_.size() && steps_[k + 1].from_year <= years) ++k;
        const double growth = log_growth_[k];
        const double within = years - steps_[k].from_year;
        return std::exp(-(log_discount_[k] + (growth == 0.0 ? 0.0 : within * growth)));
    }

    // The annual rate in force `years` after the valuation date (the first rate before it).
    double rate(double years) const {
        std::size_t k = 0;
        while (k + 1 < steps_.size() && steps_[k + 1].from_year <= years) ++k;
        return steps_[k].rate;
    }

    const std::vector<rate_step>& rate_steps() const { return steps_; }

    friend bool operator==(const discount_schedule& a, const discount_schedule& b) { return a.steps_ == b.steps_; }

private:
    explicit discount_schedule(std::vector<rate_step> steps) : steps_(std::move(steps)) {
        if (steps_.empty()) throw input_error("", "[]", "a discount schedule needs at least one step");
        for (std::size_t k = 0; k < steps_.size(); ++k) {
            const std::string pointer = "/" + std::to_string(k);
            const double from = steps_[k].from_year;
            if (!std::isfinite(from))
                throw input_error(pointer + "/from_year", detail::format_number(from),
                                  "step " + std::to_string(k) + " starts at year " + detail::format_number(from) +
                                      ", which is not a finite number");
            if (k == 0 && from != 0.0)
                throw input_error(pointer + "/from_year", detail::format_number(from),
                                  "the first step starts at year " + detail::format_number(from) + ", not at year 0");
            if (k > 0 && !(from > steps_[k - 1].from_year))
                throw input_error(pointer + "/from_year", detail::format_number(from),
                                  "step " + std::to_string(k) + " starts at year " + detail::format_number(from) +
                                      ", not after step " + std::to_string(k - 1) + " at year " +
                                      detail::format_number(steps_[k - 1].from_year));
            try {
                detail::check_rate(steps_[k].rate);
            } catch (const input_error& e) {
                throw e.under(pointer + "/rate");
            }
        }
        log_growth_.resize(steps_.size());
        log_discount_.resize(steps_.size());
        for (std::size_t k = 0; k < steps_.size(); ++k) {
            log_growth_[k] = std::log1p(steps_[k].rate);
            log_discount_[k] =
                k == 0 ? 0.0
                       : log_discount_[k - 1] + (steps_[k].from_year - steps_[k - 1].from_year) * log_growth_[k - 1];
        }
    }

    // The schedule whose rate at every time is f(this rate, other rate), on the union of the steps.
    template <class F>
    discount_schedule combine(const discount_schedule& other, F f) const {
        constexpr double never = std::numeric_limits<double>::infinity();
        std::vector<rate_step> merged;
        std::size_t i = 0, j = 0;
        while (i < steps_.size() || j < other.steps_.size()) {
            const double from = std::min(i < steps_.size() ? steps_[i].from_year : never,
                                         j < other.steps_.size() ? other.steps_[j].from_year : never);
            if (i < steps_.size() && steps_[i].from_year == from) ++i;
            if (j < other.steps_.size() && other.steps_[j].from_year == from) ++j;
            merged.push_back({from, f(steps_[i - 1].rate, other.steps_[j - 1].rate)});
        }
        return discount_schedule(std::move(merged));
    }

    std::vector<rate_step> steps_;
    std::vector<double> log_growth_;    // ln(1 + rate) of each step
    std::vector<double> log_discount_;  // -ln(factor) where each step starts
};

}  // namespace socinv
