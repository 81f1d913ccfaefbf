#pragma once
// The follow-up of a running intervention as typed data (no JSON): participants reached and, per
// effect measure, what was observed, optionally with a comparison group and before/after pairs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/outcomes/effect_measure.hpp"
#include "socinv/outcomes/observation.hpp"

namespace socinv {

struct participants_reached {
    std::int64_t planned = 0;
    std::int64_t reached = 0;
    friend bool operator==(const participants_reached&, const participants_reached&) = default;
};

// One effect measure's observations. The JSON pointers of the parts, under
// "/follow_up/measures/<i>": the treated group is the measure entry itself ("/successes",
// "/n" or "/mean", "/sd", "/n"); `before` is "/before"; the comparison group is "/comparison",
// and its before "/comparison/before". A difference in differences needs all four.
struct measure_outcome {
    std::string measure;  // the name of one of the application's effect measures
    observation observed;
    std::optional<observation> before;
    std::optional<observation> comparison;
    std::optional<observation> comparison_before;
    friend bool operator==(const measure_outcome&, const measure_outcome&) = default;
};

struct follow_up {
    date as_of;
    std::optional<participants_reached> participants;
    std::vector<measure_outcome> measures;
    std::string notes;  // where the figures come from; which are illustrative
    friend bool operator==(const follow_up&, const follow_up&) = default;
};

// The index of the effect measure with this name, if any.
inline std::optional<std::size_t> find_effect_measure(std::span<const effect_measure> measures, const std::string& name) {
    for (std::size_t i = 0; i < measures.size(); ++i)
        if (measures[i].name == name) return i;
    return std::nullopt;
}

// Throws input_error, with the JSON pointer under `at`, for follow-up data that cannot be: a
// planned count below 1 or a negative reached count, a measure that names no effect measure,
// successes > n, n = 0, sd < 0, groups of different kinds within one measure, a comparison
// "before" without a comparison group. Reaching more people than planned is allowed.
inline void validate(const follow_up& f, std::span<const effect_measure> effect_measures,
                     const std::string& at = "/follow_up") {
    if (f.participants) {
        const auto& p = *f.participants;
        if (p.planned < 1)
            throw input_error(at + "/participants/planned", std::to_string(p.planned),
                              "planned is " + std::to_string(p.planned) + "; it must be at least 1");
        if (p.reached < 0)
            throw input_error(at + "/participants/reached", std::to_string(p.reached),
                              "reached " + std::to_string(p.reached) + " is negative");
    }
    for (std::size_t i = 0; i < f.measures.size(); ++i) {
        const auto& m = f.measures[i];
        const std::string here = at + "/measures/" + std::to_string(i);
        if (!find_effect_measure(effect_measures, m.measure)) {
            std::string known;
            for (const auto& e : effect_measures) known += (known.empty() ? "" : ", ") + ("\"" + e.name + "\"");
            throw input_error(here + "/measure", "\"" + m.measure + "\"",
                              "\"" + m.measure + "\" names no effect measure of the application" +
                                  (known.empty() ? std::string(" (it has none)") : " (expected one of: " + known + ")"));
        }
        validate(m.observed, here);
        const bool kind = is_proportion(m.observed);
        auto check_part = [&](const std::optional<observation>& part, const std::string& where) {
            if (!part) return;
            validate(*part, where);
            if (is_proportion(*part) != kind)
                throw input_error(where, "", std::string("this group is ") + (kind ? "a mean" : "a proportion") +
                                                 " but the measure's observation is " +
                                                 (kind ? "a proportion" : "a mean") + "; both must be of one kind");
        };
        check_part(m.before, here + "/before");
        check_part(m.comparison, here + "/comparison");
        check_part(m.comparison_before, here + "/comparison/before");
        if (m.comparison_before && !m.comparison)
            throw input_error(here + "/comparison/before", "",
                              "a comparison group's \"before\" is given without the comparison group itself");
    }
}

}  // namespace socinv
