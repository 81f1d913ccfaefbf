#pragma once
// JSON pointers (RFC 6901) and the short renderings of values that input errors carry.

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

// The pointer a reader is given: a whole one, or a member or element of a parent, joined only
// when it is needed (for an error), so that reading good data builds no pointer strings. It
// refers to its parent: pass it to a call, do not keep it.
class pointer_ref {
public:
    pointer_ref(const std::string& whole) : parent_(&whole) {}  // NOLINT: implicit on purpose
    template <std::size_t N>
    pointer_ref(const char (&literal)[N]) : key_(literal, N - 1), kind_(kind::literal) {}  // NOLINT: "/id"
    pointer_ref(const std::string& parent, std::string_view key) : parent_(&parent), key_(key), kind_(kind::member) {}
    pointer_ref(const std::string& parent, std::size_t index) : parent_(&parent), index_(index), kind_(kind::element) {}

    std::string str() const {
        switch (kind_) {
            case kind::member: return join_pointer(*parent_, key_);
            case kind::element: return join_pointer(*parent_, index_);
            case kind::literal: return std::string(key_);
            default: return *parent_;
        }
    }

private:
    enum class kind { whole, member, element, literal };
    const std::string* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    kind kind_ = kind::whole;
};

// Calls f and re-throws its input_error (which has a relative or empty pointer) under `pointer`.
template <class F>
auto at_pointer(pointer_ref pointer, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const input_error& e) {
        throw e.under(pointer.str());
    } catch (const money_overflow& e) {
        throw input_error(pointer.str(), "", e.what());
    }
}

}  // namespace socinv::io
