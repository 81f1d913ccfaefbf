#pragma once
// Judging a follow-up: per effect measure the observed value and its interval against the target
// (met, not met, inconclusive), the comparison group, the smallest difference the data could
// detect, and the reach of the intervention.

#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/outcomes/effect_measure.hpp"
#include "socinv/detail/enum_names.hpp"
#include "socinv/outcomes/diff_in_diff.hpp"
#include "socinv/outcomes/follow_up.hpp"
#include "socinv/outcomes/power.hpp"
#include "socinv/outcomes/proportion_interval.hpp"
#include "socinv/outcomes/two_means.hpp"
#include "socinv/outcomes/two_proportions.hpp"

namespace socinv {

enum class target_verdict { met, not_met, inconclusive };

inline constexpr detail::enum_names<target_verdict, 3> target_verdict_names{{
    {target_verdict::met, "met"},
    {target_verdict::not_met, "not_met"},
    {target_verdict::inconclusive, "inconclusive"},
}};

inline std::string_view to_string(target_verdict v) { return detail::name_of(v, target_verdict_names); }

inline std::string_view swedish_name(target_verdict v) {
    switch (v) {
        case target_verdict::met: return "uppnått";
        case target_verdict::not_met: return "ej uppnått";
        case target_verdict::inconclusive: return "osäkert";
    }
    return "";
}

// For a measure that should increase: met when the whole interval is at or above the target,
// not met when it is wholly below, inconclusive when it straddles the target. Mirrored for decrease.
inline target_verdict verdict_against(const confidence_interval& ci, double target, effect_direction direction) {
    if (direction == effect_direction::increase) {
        if (ci.low >= target) return target_verdict::met;
        if (ci.high < target) return target_verdict::not_met;
    } else {
        if (ci.high <= target) return target_verdict::met;
        if (ci.low > target) return target_verdict::not_met;
    }
    return target_verdict::inconclusive;
}

// How many of the measure's unit make one share: 100 for "procent"/"percent"/"%", 1 for
// "andel"/"share"/"proportion" (ASCII case ignored); none for any other unit.
inline std::optional<double> share_scale(std::string_view unit) {
    std::string u;
    for (char c : unit)
        if (c != ' ') u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (u == "procent" || u == "percent" || u == "%") return 100.0;
    if (u == "andel" || u == "share" || u == "proportion") return 1.0;
    return std::nullopt;
}

// A caution about one measure's result, in English and in Swedish. Codes are stable:
// "unit_not_a_share", "target_without_direction", "small_sample" (the target is closer than the
// minimum detectable difference), "no_target" (what the data could detect, with nothing to judge).
struct measure_warning {
    std::string code;
    std::string message_en;
    std::string message_sv;
    friend bool operator==(const measure_warning&, const measure_warning&) = default;
};

struct measure_evaluation {
    std::string measure;
    std::string unit;
    bool proportion = true;  // successes out of n; else a mean
    std::int64_t n = 0;
    double observed = 0;  // a share (0–1) for proportions, the mean otherwise
    confidence_interval ci;
    double unit_scale = 1;  // observed × unit_scale is in the measure's unit (100 for percent)
    std::optional<double> baseline;  // on the observation's scale
    std::optional<double> target;    // on the observation's scale
    std::optional<effect_direction> direction;  // as given, or read from baseline → target
    std::optional<target_verdict> verdict;
    std::optional<double> comparison_observed;
    std::optional<double> difference;  // observed − comparison
    std::optional<confidence_interval> difference_ci;  // Newcombe for proportions, Welch for means
    std::optional<did_result> diff_in_diff;
    double minimum_detectable_difference = 0;  // at 80 % power, two-sided alpha; on the observation's scale
    std::vector<measure_warning> warnings;
};

struct reach_evaluation {
    std::int64_t planned = 0;
    std::int64_t reached = 0;
    double share = 0;
    std::optional<confidence_interval> ci;  // Wilson; none when more were reached than planned
};

struct follow_up_evaluation {
    date as_of;
    double alpha = 0.05;
    std::optional<reach_evaluation> reach;
    std::vector<measure_evaluation> measures;

    // Every measure with a target is met; vacuously true when no measure has a target (the exit
    // code of `socinv follow-up` is 0 then: there is nothing that was missed).
    bool all_targets_met() const {
        for (const auto& m : measures)
            if (m.target && m.verdict != target_verdict::met) return false;
        return true;
    }
};

namespace detail {

inline std::string percent_text(double alpha) { return number_text(std::round((1 - alpha) * 1000) / 10) + " %"; }

// One decimal, as the reports show figures; three significant digits below 1.
inline std::string rounded_text(double x) {
    if (std::fabs(x) >= 1 || x == 0) return number_text(std::round(x * 10) / 10);
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::fabs(x))));  // an exact power of ten
    return number_text(std::round(x * scale) / scale);
}

inline measure_evaluation evaluate_measure(const measure_outcome& m, const effect_measure& e, double alpha) {
    measure_evaluation r;
    r.measure = m.measure;
    r.unit = e.unit;
    r.proportion = is_proportion(m.observed);
    r.n = size_of(m.observed);
    r.observed = estimate_of(m.observed);
    r.ci = confint_of(m.observed, alpha);

    std::optional<double> scale = r.proportion ? share_scale(e.unit) : std::optional<double>(1.0);
    if (!scale && (e.target || e.baseline))
        r.warnings.push_back({"unit_not_a_share",
                              "the unit \"" + e.unit +
                                  "\" is not a share or a percentage, so the target cannot be compared with the observed "
                                  "proportion; use \"procent\" or \"andel\"",
                              "enheten \"" + e.unit +
                                  "\" är varken en andel eller procent, så målet kan inte jämföras med den observerade "
                                  "andelen; använd \"procent\" eller \"andel\""});
    if (scale) {
        r.unit_scale = *scale;
        if (e.baseline) r.baseline = *e.baseline / *scale;
        if (e.target) r.target = *e.target / *scale;
    }
    r.direction = e.direction;
    if (!r.direction && r.baseline && r.target && *r.baseline != *r.target)
        r.direction = *r.target > *r.baseline ? effect_direction::increase : effect_direction::decrease;
    if (r.target && !r.direction)
        r.warnings.push_back({"target_without_direction",
                              "the measure has a target but no direction (and no baseline to read one from), "
                              "so it is not judged against the target",
                              "måttet har ett mål men ingen riktning (och inget utgångsvärde att läsa den ur), "
                              "så det bedöms inte mot målet"});
    if (r.target && r.direction) r.verdict = verdict_against(r.ci, *r.target, *r.direction);

    if (m.comparison) {
        r.comparison_observed = estimate_of(*m.comparison);
        r.difference = r.observed - *r.comparison_observed;
        if (r.proportion) {
            const auto& t = std::get<proportion_observation>(m.observed);
            const auto& c = std::get<proportion_observation>(*m.comparison);
            r.difference_ci = confint_proportions_2indep(static_cast<double>(t.successes), static_cast<double>(t.n),
                                                         static_cast<double>(c.successes), static_cast<double>(c.n),
                                                         two_proportion_method::newcomb, proportion_comparison::diff, alpha);
        } else {
            const auto& t = std::get<mean_observation>(m.observed);
            const auto& c = std::get<mean_observation>(*m.comparison);
            r.difference_ci = confint_means_2indep(t.mean, t.sd, static_cast<double>(t.n), c.mean, c.sd,
                                                   static_cast<double>(c.n), alpha);
        }
        if (m.before && m.comparison_before)
            r.diff_in_diff = diff_in_diff(*m.before, m.observed, *m.comparison_before, *m.comparison, alpha);
    }

    // Power is judged at the target when there is one (the null the verdict tests), else at what was seen.
    const double n = static_cast<double>(r.n);
    if (r.proportion)
        r.minimum_detectable_difference =
            minimum_detectable_difference_proportion(r.target && *r.target >= 0 && *r.target <= 1 ? *r.target : r.observed,
                                                     n, alpha);
    else
        r.minimum_detectable_difference = minimum_detectable_difference_mean(std::get<mean_observation>(m.observed).sd, n, alpha);
    // Differences are shown in the measure's unit when it is a share or percentage, else in
    // percentage points (a proportion) or in the unit (a mean).
    const bool in_unit = !r.proportion || (scale && *scale == 100.0);
    const double shown_scale = in_unit ? r.unit_scale : 100.0;
    const std::string unit_en = in_unit ? e.unit : "percentage points", unit_sv = in_unit ? e.unit : "procentenheter";
    const std::string mdd = rounded_text(r.minimum_detectable_difference * shown_scale);
    const std::string n_text = "n = " + std::to_string(r.n);
    if (r.target) {
        const bool from_baseline = r.baseline.has_value();
        const double reference = from_baseline ? *r.baseline : r.observed;
        const double gap = std::fabs(*r.target - reference);
        if (gap < r.minimum_detectable_difference) {
            const std::string g = rounded_text(gap * shown_scale);
            r.warnings.push_back(
                {"small_sample",
                 "with " + n_text + " the follow-up can only detect a difference of " + mdd + " " + unit_en +
                     " or more from the target with 80 % power at the " + percent_text(alpha) + " level; the target is " +
                     g + " " + unit_en + " from the " + (from_baseline ? "baseline" : "observed value") +
                     ", so an inconclusive verdict says little (a small group)",
                 "med " + n_text + " kan uppföljningen bara upptäcka en skillnad på " + mdd + " " + unit_sv +
                     " eller mer från målet med 80 % styrka på " + percent_text(alpha) + "-nivån; målet ligger " + g + " " +
                     unit_sv + " från " + (from_baseline ? "utgångsvärdet" : "det observerade värdet") +
                     ", så ett osäkert utfall säger lite (en liten grupp)"});
        }
    } else if (!e.target && r.minimum_detectable_difference > 0) {
        // Without a target nothing is judged, but what the data could show is worth saying.
        r.warnings.push_back(
            {"no_target",
             "the measure has no target; with " + n_text + " only a true difference of " + mdd + " " + unit_en +
                 " or more from the observed value would be detected with 80 % power at the " + percent_text(alpha) +
                 " level",
             "måttet har inget mål; med " + n_text + " upptäcks bara en verklig skillnad på " + mdd + " " + unit_sv +
                 " eller mer från det observerade värdet med 80 % styrka på " + percent_text(alpha) + "-nivån"});
    }
    return r;
}

}  // namespace detail

// Judges every measure of the follow-up against the application's effect measures, at
// confidence level 1 − alpha. Validates first: bad data throws input_error with its JSON pointer.
inline follow_up_evaluation evaluate(const follow_up& f, std::span<const effect_measure> effect_measures,
                                     double alpha = 0.05) {
    detail::check_alpha(alpha);
    validate(f, effect_measures);
    follow_up_evaluation r;
    r.as_of = f.as_of;
    r.alpha = alpha;
    if (f.participants) {
        const auto& p = *f.participants;
        reach_evaluation reach{p.planned, p.reached, static_cast<double>(p.reached) / static_cast<double>(p.planned), {}};
        if (p.reached <= p.planned)
            reach.ci = proportion_confint(static_cast<double>(p.reached), static_cast<double>(p.planned), alpha,
                                          proportion_method::wilson);
        r.reach = reach;
    }
    for (const auto& m : f.measures)
        r.measures.push_back(
            detail::evaluate_measure(m, effect_measures[*find_effect_measure(effect_measures, m.measure)], alpha));
    return r;
}

}  // namespace socinv
