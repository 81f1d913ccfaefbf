#pragma once
// Stable string names for enums, with unknown names rejected (never mapped to a default).

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "socinv/core/error.hpp"

namespace socinv::detail {

template <class Enum, std::size_t N>
using enum_names = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const enum_names<Enum, N>& names) {
    for (const auto& [e, name] : names)
        if (e == value) return name;
    return "unknown";
}

template <class Enum, std::size_t N>
std::string allowed_list(const enum_names<Enum, N>& names) {
    std::string list;
    for (const auto& [e, name] : names) {
        if (!list.empty()) list += ", ";
        list += name;
    }
    return list;
}

// Throws input_error (empty pointer) naming the value and the allowed names.
template <class Enum, std::size_t N>
Enum parse_name(std::string_view text, const enum_names<Enum, N>& names, std::string_view what) {
    for (const auto& [e, name] : names)
        if (name == text) return e;
    const std::string shown = "\"" + std::string(text) + "\"";
    throw input_error("", shown,
                      "unknown " + std::string(what) + " " + shown + " (expected one of: " + allowed_list(names) + ")");
}

}  // namespace socinv::detail
