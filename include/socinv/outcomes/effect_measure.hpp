#pragma once
// An effect measure of an intervention: what is measured, in which unit, from what baseline to
// what target, and which way is better.

#include <optional>
#include <string>

namespace socinv {

enum class effect_direction { decrease, increase };

struct effect_measure {
    std::string name;
    std::string unit;
    std::optional<double> baseline;  // absent: not yet known
    std::optional<double> target;
    std::optional<effect_direction> direction;
    friend bool operator==(const effect_measure&, const effect_measure&) = default;
};

}  // namespace socinv
