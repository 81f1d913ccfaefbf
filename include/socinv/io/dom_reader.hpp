#pragma once
// Reading a parsed simdjson DOM into typed values, with errors that name the JSON pointer and the
// value seen. The application reader is built on these; a document is parsed once (io/parse.hpp).

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/io/json_pointer.hpp"

namespace socinv::io {

using element = simdjson::dom::element;
using element_type = simdjson::dom::element_type;
using dom_object = simdjson::dom::object;
using dom_array = simdjson::dom::array;

// A short, safe rendering of a value for messages: scalars as JSON (long strings cut),
// containers by their kind only.
inline std::string describe(element e) {
    switch (e.type()) {
        case element_type::OBJECT: return "an object";
        case element_type::ARRAY: return "an array";
        case element_type::STRING: return describe(json(std::string(e.get_string().value_unsafe())));
        default: return simdjson::minify(e);
    }
}

inline std::string_view type_name(element e) {
    switch (e.type()) {
        case element_type::NULL_VALUE: return "null";
        case element_type::OBJECT: return "an object";
        case element_type::ARRAY: return "an array";
        case element_type::STRING: return "a string";
        case element_type::BOOL: return "a boolean";
        case element_type::INT64:
        case element_type::UINT64: return "an integer";
        case element_type::DOUBLE: return "a number";
    }
    return "nothing";
}

[[noreturn]] inline void wrong_type(element e, pointer_ref pointer, std::string_view expected) {
    const bool structured = e.type() == element_type::OBJECT || e.type() == element_type::ARRAY;
    throw input_error(pointer.str(), describe(e),
                      "expected " + std::string(expected) + ", got " + std::string(type_name(e)) +
                          (structured ? "" : " " + describe(e)));
}

inline dom_object require_object(element e, const std::string& pointer) {
    if (e.type() != element_type::OBJECT) wrong_type(e, pointer, "an object");
    return e.get_object().value_unsafe();
}

inline dom_array require_array(element e, const std::string& pointer) {
    if (e.type() != element_type::ARRAY) wrong_type(e, pointer, "an array");
    return e.get_array().value_unsafe();
}

// Key comparison for the readers' lookups, which compare each wanted key with every key of an
// object: most keys differ in length or first letter, and those never reach memcmp.
inline bool same_key(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a.compare(b) == 0));
}

// Refuses keys given twice: JSON leaves duplicates undefined, and "the last one wins" would hide
// a mistake.
inline void check_duplicate_keys(dom_object object, const std::string& pointer) {
    std::size_t index = 0;
    for (auto [key, value] : object) {
        std::size_t earlier = 0;
        for (auto [other, ignored] : object) {
            if (earlier++ == index) break;
            if (same_key(other, key))
                throw input_error(join_pointer(pointer, key), describe(value),
                                  "field \"" + std::string(key) + "\" is given twice");
        }
        ++index;
    }
}

// Refuses keys given twice and keys that are not in `known` (keys starting with "x-" are the
// user's own).
inline void check_keys(dom_object object, const std::string& pointer, std::initializer_list<std::string_view> known) {
    // The usual object, every key known and none of the user's own, is checked in one pass, each
    // key marked in a mask by its place in `known`; anything else takes the full check below,
    // which reports the same first mistake.
    if (known.size() <= 64) {
        std::uint64_t seen = 0;
        bool usual = true;
        for (auto [key, value] : object) {
            std::size_t i = 0;
            for (auto k : known) {
                if (same_key(k, key)) break;
                ++i;
            }
            const std::uint64_t bit = std::uint64_t{1} << (i & 63);
            if (i == known.size() || (seen & bit)) {
                usual = false;
                break;
            }
            seen |= bit;
        }
        if (usual) return;
    }
    check_duplicate_keys(object, pointer);
    for (auto [key, value] : object) {
        if (key.substr(0, 2) == "x-") continue;
        bool found = false;
        for (auto k : known) found = found || k == key;
        if (!found) {
            std::string list;
            for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            throw input_error(join_pointer(pointer, key), describe(value),
                              "unknown field \"" + std::string(key) + "\" (expected one of: " + list + ")");
        }
    }
}

// The member `key` when present and not null.
inline std::optional<element> optional(dom_object object, std::string_view key) {
    for (auto [k, value] : object)
        if (same_key(k, key)) return value.type() == element_type::NULL_VALUE ? std::nullopt : std::optional<element>(value);
    return std::nullopt;
}

// The member `key` (null included), or an error naming the missing field.
inline element required(dom_object object, std::string_view key, const std::string& pointer) {
    for (auto [k, value] : object)
        if (same_key(k, key)) return value;
    throw input_error(join_pointer(pointer, key), "", "required field \"" + std::string(key) + "\" is missing");
}

inline std::string_view string_view_of(element e, pointer_ref pointer) {
    if (e.type() != element_type::STRING) wrong_type(e, pointer, "a string");
    return e.get_string().value_unsafe();
}

inline std::string read_string(element e, pointer_ref pointer, bool allow_empty = true) {
    const std::string_view s = string_view_of(e, pointer);
    if (!allow_empty && s.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw input_error(pointer.str(), describe(e), "must not be empty");
    return std::string(s);
}

inline date read_date(element e, pointer_ref pointer) {
    if (e.type() != element_type::STRING) wrong_type(e, pointer, "a date \"YYYY-MM-DD\"");
    return at_pointer(pointer, [&] { return parse_iso_date(e.get_string().value_unsafe()); });
}

// Money in SEK: an integer, a number with at most two decimals, or a string such as "4 100 000".
inline money read_money(element e, pointer_ref pointer) {
    return at_pointer(pointer, [&]() -> money {
        switch (e.type()) {
            case element_type::INT64: return money::from_sek(e.get_int64().value_unsafe());
            case element_type::UINT64:
                throw input_error("", describe(e),
                                  "amount " + describe(e) + " is too large (at most 92 233 720 368 547 758,07 kr)");
            case element_type::DOUBLE: return sek_from_double(e.get_double().value_unsafe());
            case element_type::STRING: return parse_sek(e.get_string().value_unsafe());
            default: wrong_type(e, std::string(), "an amount in SEK (a number or a string such as \"4 100 000\")");
        }
    });
}

inline money read_money_at_least(element e, pointer_ref pointer, money minimum, bool strictly) {
    const money m = read_money(e, pointer);
    if (strictly ? !(m > minimum) : m < minimum)
        throw input_error(pointer.str(), describe(e),
                          "amount " + format_sek(m) + (strictly ? " must be greater than " : " must not be less than ") +
                              format_sek(minimum));
    return m;
}

inline std::int64_t read_integer(element e, pointer_ref pointer, std::int64_t min, std::int64_t max) {
    std::int64_t value = 0;
    if (e.type() == element_type::INT64) {
        value = e.get_int64().value_unsafe();
    } else if (e.type() == element_type::DOUBLE) {
        const double d = e.get_double().value_unsafe();
        if (!(std::trunc(d) == d && std::fabs(d) < 9e15)) wrong_type(e, pointer, "a whole number");
        value = static_cast<std::int64_t>(d);
    } else if (e.type() != element_type::UINT64) {
        wrong_type(e, pointer, "a whole number");
    }
    if (e.type() == element_type::UINT64 || value < min || value > max)
        throw input_error(pointer.str(), describe(e),
                          "value " + describe(e) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
    return value;
}

inline double read_number(element e, pointer_ref pointer) {
    double v = 0;
    switch (e.type()) {
        case element_type::INT64: v = static_cast<double>(e.get_int64().value_unsafe()); break;
        case element_type::UINT64: v = static_cast<double>(e.get_uint64().value_unsafe()); break;
        case element_type::DOUBLE: v = e.get_double().value_unsafe(); break;
        default: wrong_type(e, pointer, "a number");
    }
    if (!std::isfinite(v)) throw input_error(pointer.str(), describe(e), "number is not finite");
    return v;
}

inline bool is_number(element e) {
    const auto t = e.type();
    return t == element_type::INT64 || t == element_type::UINT64 || t == element_type::DOUBLE;
}

// Reads an enum by its stable name; unknown names are errors that list the allowed ones.
template <class Parse>
auto read_enum(element e, pointer_ref pointer, Parse parse) {
    const std::string_view s = string_view_of(e, pointer);
    return at_pointer(pointer, [&] { return parse(s); });
}

// Calls read(element, pointer) for each element of the array `key`, when present.
template <class F>
void for_each_element(dom_object object, std::string_view key, const std::string& at, F&& read) {
    if (auto array = optional(object, key)) {
        const std::string ap = join_pointer(at, key);
        std::size_t i = 0;
        for (element item : require_array(*array, ap)) read(item, join_pointer(ap, i++));
    }
}

}  // namespace socinv::io
