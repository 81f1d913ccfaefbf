#pragma once
// An effect measure of an intervention: what is measured, in which unit, from what baseline to
// what target, and which way is better.

#include <optional>
#include <string>
#include <string_view>

#include "socinv/detail/enum_names.hpp"

namespace socinv {

enum class effect_direction { decrease, increase };

inline constexpr detail::enum_names<effect_direction, 2> effect_direction_names{
    {{effect_direction::decrease, "decrease"}, {effect_direction::increase, "increase"}}};
inline std::string_view to_string(effect_direction d) { return detail::name_of(d, effect_direction_names); }

struct effect_measure {
    std::string name;
    std::string unit;
    std::optional<double> baseline;  // absent: not yet known
    std::optional<double> target;
    std::optional<effect_direction> direction;
    friend bool operator==(const effect_measure&, const effect_measure&) = default;
};

}  // namespace socinv
