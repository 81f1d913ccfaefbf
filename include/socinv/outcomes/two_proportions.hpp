#pragma once
// Confidence intervals comparing two independent proportions: difference, risk ratio, odds ratio
// (statsmodels' confint_proportions_2indep).

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "socinv/detail/enum_names.hpp"
#include "socinv/outcomes/interval.hpp"
#include "socinv/outcomes/proportion_interval.hpp"

namespace socinv {

// What is compared: p1 − p2, p1 / p2, or the odds ratio (p1 / (1 − p1)) / (p2 / (1 − p2)).
enum class proportion_comparison { diff, ratio, odds_ratio };

// diff: wald, agresti_caffo (add one success and one failure to each group), newcomb (hybrid
// Wilson score, Newcombe 1998 method 10); ratio: log, log_adjusted (add ½ to counts and
// trials); odds_ratio: logit, logit_adjusted (add ½ to every cell).
enum class two_proportion_method { wald, agresti_caffo, newcomb, log, log_adjusted, logit, logit_adjusted };

inline constexpr detail::enum_names<proportion_comparison, 3> proportion_comparison_names{{
    {proportion_comparison::diff, "diff"},
    {proportion_comparison::ratio, "ratio"},
    {proportion_comparison::odds_ratio, "odds-ratio"},
}};

// statsmodels' spellings.
inline constexpr detail::enum_names<two_proportion_method, 7> two_proportion_method_names{{
    {two_proportion_method::wald, "wald"},
    {two_proportion_method::agresti_caffo, "agresti-caffo"},
    {two_proportion_method::newcomb, "newcomb"},
    {two_proportion_method::log, "log"},
    {two_proportion_method::log_adjusted, "log-adjusted"},
    {two_proportion_method::logit, "logit"},
    {two_proportion_method::logit_adjusted, "logit-adjusted"},
}};

inline std::string_view to_string(proportion_comparison c) { return detail::name_of(c, proportion_comparison_names); }
inline std::string_view to_string(two_proportion_method m) { return detail::name_of(m, two_proportion_method_names); }
inline proportion_comparison parse_proportion_comparison(std::string_view name) {
    return detail::parse_name(name, proportion_comparison_names, "comparison");
}
inline two_proportion_method parse_two_proportion_method(std::string_view name) {
    return detail::parse_name(name, two_proportion_method_names, "method");
}

// statsmodels' defaults: newcomb, log-adjusted, logit-adjusted.
inline two_proportion_method default_method(proportion_comparison compare) {
    switch (compare) {
        case proportion_comparison::diff: return two_proportion_method::newcomb;
        case proportion_comparison::ratio: return two_proportion_method::log_adjusted;
        case proportion_comparison::odds_ratio: return two_proportion_method::logit_adjusted;
    }
    return two_proportion_method::newcomb;
}

inline bool method_fits(two_proportion_method method, proportion_comparison compare) {
    using m = two_proportion_method;
    switch (compare) {
        case proportion_comparison::diff: return method == m::wald || method == m::agresti_caffo || method == m::newcomb;
        case proportion_comparison::ratio: return method == m::log || method == m::log_adjusted;
        case proportion_comparison::odds_ratio: return method == m::logit || method == m::logit_adjusted;
    }
    return false;
}

// The two-sided 1 − alpha interval for the comparison of count1 / nobs1 with count2 / nobs2.
// Without an adjustment the log interval needs successes in both groups and the logit interval
// successes and failures in both (statsmodels raises ZeroDivisionError there, or returns NaN for
// arrays); the adjusted methods, the defaults, exist for that case.
inline confidence_interval confint_proportions_2indep(double count1, double nobs1, double count2, double nobs2,
                                                      std::optional<two_proportion_method> method = std::nullopt,
                                                      proportion_comparison compare = proportion_comparison::diff,
                                                      double alpha = 0.05) {
    detail::check_count(count1, nobs1, "count1", "nobs1");
    detail::check_count(count2, nobs2, "count2", "nobs2");
    detail::check_alpha(alpha);
    const two_proportion_method how = method.value_or(default_method(compare));
    if (!method_fits(how, compare))
        throw std::invalid_argument("method \"" + std::string(to_string(how)) + "\" does not apply to compare \"" +
                                    std::string(to_string(compare)) + "\"");
    using m = two_proportion_method;
    const double z = detail::z_critical(alpha);
    switch (how) {
        case m::wald:
        case m::agresti_caffo: {
            const double add = how == m::agresti_caffo ? 1 : 0;
            const double n1 = nobs1 + 2 * add, n2 = nobs2 + 2 * add;
            const double p1 = (count1 + add) / n1, p2 = (count2 + add) / n2;
            const double d = z * std::sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
            return {p1 - p2 - d, p1 - p2 + d};
        }
        case m::newcomb: {
            const double p1 = count1 / nobs1, p2 = count2 / nobs2;
            const auto [low1, upp1] = proportion_confint(count1, nobs1, alpha, proportion_method::wilson);
            const auto [low2, upp2] = proportion_confint(count2, nobs2, alpha, proportion_method::wilson);
            const double d_low = std::sqrt((p1 - low1) * (p1 - low1) + (upp2 - p2) * (upp2 - p2));
            const double d_upp = std::sqrt((p2 - low2) * (p2 - low2) + (upp1 - p1) * (upp1 - p1));
            return {p1 - p2 - d_low, p1 - p2 + d_upp};
        }
        case m::log:
        case m::log_adjusted: {
            // statsmodels adds ½ to the trials as well as to the counts (not 1).
            const double add = how == m::log_adjusted ? 0.5 : 0;
            if (add == 0 && (count1 == 0 || count2 == 0))
                throw std::invalid_argument("method \"log\" needs successes in both groups, got count1 " +
                                            detail::number_text(count1) + " and count2 " + detail::number_text(count2) +
                                            "; use \"log-adjusted\"");
            const double c1 = count1 + add, n1 = nobs1 + add, c2 = count2 + add, n2 = nobs2 + add;
            const double log_ratio = std::log((c1 / n1) / (c2 / n2));
            const double d = z * std::sqrt(1 / c1 - 1 / n1 + 1 / c2 - 1 / n2);
            return {std::exp(log_ratio - d), std::exp(log_ratio + d)};
        }
        case m::logit:
        case m::logit_adjusted: {
            const double add = how == m::logit_adjusted ? 0.5 : 0;
            if (add == 0 && (count1 == 0 || count2 == 0 || count1 == nobs1 || count2 == nobs2))
                throw std::invalid_argument("method \"logit\" needs successes and failures in both groups, got " +
                                            detail::number_text(count1) + " of " + detail::number_text(nobs1) + " and " +
                                            detail::number_text(count2) + " of " + detail::number_text(nobs2) +
                                            "; use \"logit-adjusted\"");
            const double c1 = count1 + add, n1 = nobs1 + 2 * add, c2 = count2 + add, n2 = nobs2 + 2 * add;
            const double p1 = c1 / n1, p2 = c2 / n2;
            const double log_odds_ratio = std::log(p1 / (1 - p1) / p2 * (1 - p2));
            const double d = z * std::sqrt(1 / c1 + 1 / (n1 - c1) + 1 / c2 + 1 / (n2 - c2));
            return {std::exp(log_odds_ratio - d), std::exp(log_odds_ratio + d)};
        }
    }
    return {};
}

}  // namespace socinv
