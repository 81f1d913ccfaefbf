#pragma once
// Reading JSON into typed values with errors that name the JSON pointer and the value seen.

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/money_format.hpp"

namespace socinv::io {

using json = nlohmann::json;

// "/parties" + "0" → "/parties/0", with RFC 6901 escaping of "~" and "/".
inline std::string join_pointer(const std::string& parent, std::string_view key) {
    std::string out;
    out.reserve(parent.size() + 1 + key.size());
    out.append(parent).append(1, '/');
    if (key.find_first_of("~/") == std::string_view::npos) return out.append(key);
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}
inline std::string join_pointer(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

// A short, safe rendering of a value for error messages: scalars as JSON (long strings cut),
// containers by their kind only, so a huge or deeply nested value is never dumped.
inline std::string describe(const json& j) {
    switch (j.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: {
            const auto& s = j.get_ref<const std::string&>();
            if (s.size() <= 60) return json(s).dump();
            std::size_t cut = 57;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
            return json(s.substr(0, cut) + "...").dump();
        }
        case json::value_t::discarded: return "nothing";
        default: return j.dump();
    }
}

inline std::string_view type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "nothing";
    }
}

[[noreturn]] inline void wrong_type(const json& j, const std::string& pointer, std::string_view expected) {
    throw input_error(pointer, describe(j),
                      "expected " + std::string(expected) + ", got " + std::string(type_name(j)) +
                          (j.is_structured() ? "" : " " + describe(j)));
}

// Calls f and re-throws its input_error (which has a relative or empty pointer) under `pointer`.
template <class F>
auto at_pointer(const std::string& pointer, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const input_error& e) {
        throw e.under(pointer);
    } catch (const money_overflow& e) {
        throw input_error(pointer, "", e.what());
    }
}

inline const json& require_object(const json& j, const std::string& pointer) {
    if (!j.is_object()) wrong_type(j, pointer, "an object");
    return j;
}

inline const json& require_array(const json& j, const std::string& pointer) {
    if (!j.is_array()) wrong_type(j, pointer, "an array");
    return j;
}

// Rejects keys that are not in `known` (keys starting with "x-" are the user's own).
inline void reject_unknown_keys(const json& object, const std::string& pointer,
                                std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
        if (key.rfind("x-", 0) == 0) continue;
        bool found = false;
        for (auto k : known) found = found || k == key;
        if (!found) {
            std::string list;
            for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            throw input_error(join_pointer(pointer, key), describe(value),
                              "unknown field \"" + key + "\" (expected one of: " + list + ")");
        }
    }
}

// The member `key`, or an error naming the missing field.
inline const json& required(const json& object, std::string_view key, const std::string& pointer) {
    auto it = object.find(key);
    if (it == object.end())
        throw input_error(join_pointer(pointer, key), "", "required field \"" + std::string(key) + "\" is missing");
    return *it;
}

// The member `key` when present and not null.
inline const json* optional(const json& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

inline std::string read_string(const json& j, const std::string& pointer, bool allow_empty = true) {
    if (!j.is_string()) wrong_type(j, pointer, "a string");
    const auto& s = j.get_ref<const std::string&>();
    if (!allow_empty && s.find_first_not_of(" \t\r\n") == std::string::npos)
        throw input_error(pointer, describe(j), "must not be empty");
    return s;
}

inline date read_date(const json& j, const std::string& pointer) {
    if (!j.is_string()) wrong_type(j, pointer, "a date \"YYYY-MM-DD\"");
    return at_pointer(pointer, [&] { return parse_iso_date(j.get_ref<const std::string&>()); });
}

// Money in SEK: an integer, a number with at most two decimals, or a string such as "4 100 000".
inline money read_money(const json& j, const std::string& pointer) {
    return at_pointer(pointer, [&]() -> money {
        switch (j.type()) {
            case json::value_t::number_integer: return money::from_sek(j.get<std::int64_t>());
            case json::value_t::number_unsigned: {
                const auto v = j.get<std::uint64_t>();
                if (v > static_cast<std::uint64_t>(INT64_MAX / 100))
                    throw input_error("", j.dump(), "amount " + j.dump() + " is too large (at most 92 233 720 368 547 758,07 kr)");
                return money::from_sek(static_cast<std::int64_t>(v));
            }
            case json::value_t::number_float: return sek_from_double(j.get<double>());
            case json::value_t::string: return parse_sek(j.get_ref<const std::string&>());
            default: wrong_type(j, "", "an amount in SEK (a number or a string such as \"4 100 000\")");
        }
    });
}

inline money read_money_at_least(const json& j, const std::string& pointer, money minimum, bool strictly) {
    const money m = read_money(j, pointer);
    if (strictly ? !(m > minimum) : m < minimum)
        throw input_error(pointer, describe(j),
                          "amount " + format_sek(m) + (strictly ? " must be greater than " : " must not be less than ") +
                              format_sek(minimum));
    return m;
}

inline std::int64_t read_integer(const json& j, const std::string& pointer, std::int64_t min, std::int64_t max) {
    std::int64_t value = 0;
    if (j.is_number_integer() && !j.is_number_unsigned()) value = j.get<std::int64_t>();
    else if (j.is_number_unsigned() && j.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX))
        value = static_cast<std::int64_t>(j.get<std::uint64_t>());
    else if (j.is_number_float() && std::isfinite(j.get<double>()) && std::trunc(j.get<double>()) == j.get<double>() &&
             std::fabs(j.get<double>()) < 9e15)
        value = static_cast<std::int64_t>(j.get<double>());
    else
        wrong_type(j, pointer, "a whole number");
    if (value < min || value > max)
        throw input_error(pointer, describe(j),
                          "value " + std::to_string(value) + " is outside " + std::to_string(min) + ".." +
                              std::to_string(max));
    return value;
}

inline double read_number(const json& j, const std::string& pointer) {
    if (!j.is_number()) wrong_type(j, pointer, "a number");
    const double v = j.get<double>();
    if (!std::isfinite(v)) throw input_error(pointer, describe(j), "number is not finite");
    return v;
}

// Reads an enum by its stable name; unknown names are errors that list the allowed ones.
template <class Parse>
auto read_enum(const json& j, const std::string& pointer, Parse parse) {
    if (!j.is_string()) wrong_type(j, pointer, "a string");
    return at_pointer(pointer, [&] { return parse(j.get_ref<const std::string&>()); });
}

}  // namespace socinv::io
