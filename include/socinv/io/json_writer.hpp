#pragma once
// Writing JSON straight into a string, without building a document first: results are written
// as they are walked. Strings are escaped as nlohmann/json's dump() escapes them, and numbers laid
// out as it lays them out, each double in its shortest round-trip digits (nlohmann's Grisu2
// sometimes writes a seventeenth digit for the same double).

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace socinv::io {

class json_writer {
public:
    explicit json_writer(std::string& out) : out_(out) {}

    json_writer& begin_object() { return open('{'); }
    json_writer& end_object() { return close('}'); }
    json_writer& begin_array() { return open('['); }
    json_writer& end_array() { return close(']'); }

    // The next member's key; its value follows.
    json_writer& key(std::string_view k) {
        separate();
        write_string(k);
        out_ += ':';
        after_key_ = true;
        return *this;
    }

    json_writer& value(std::string_view s) {
        separate();
        write_string(s);
        return *this;
    }
    json_writer& value(const char* s) { return value(std::string_view(s)); }
    json_writer& value(bool b) {
        separate();
        out_ += b ? "true" : "false";
        return *this;
    }
    json_writer& null() {
        separate();
        out_ += "null";
        return *this;
    }
    template <class Integer>
        requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
    json_writer& value(Integer n) {
        separate();
        char buffer[24];
        out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, n).ptr);
        return *this;
    }
    // A double in its shortest round-trip digits, laid out as nlohmann writes them: plain
    // notation while the decimal point falls within 10^-4 .. 10^15 (whole numbers with ".0"),
    // else d.ddde±XX. std::to_chars alone picks whichever is shorter, which differs from
    // nlohmann for numbers such as 1234567890123456 (plain there, 1.234567890123456e+15 here).
    // JSON has no infinity or NaN, so those are null.
    json_writer& value(double x) {
        if (!std::isfinite(x)) return null();
        separate();
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific).ptr;
        // buffer: [-]d[.ddd]e±XX
        const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
        const std::size_t e = text.find('e');
        std::string_view mantissa = text.substr(0, e);
        if (mantissa.front() == '-') {
            out_ += '-';
            mantissa.remove_prefix(1);
        }
        char digits[20];
        int k = 0;
        for (const char c : mantissa)
            if (c != '.') digits[k++] = c;
        int exponent = 0;
        const std::string_view exponent_text = text.substr(e + 1);
        std::from_chars(exponent_text.data() + (exponent_text.front() == '+'), exponent_text.data() + exponent_text.size(),
                        exponent);
        const int n = exponent + 1;  // the decimal point's position after the first digit
        const std::string_view d(digits, static_cast<std::size_t>(k));
        if (k <= n && n <= 15) {
            out_.append(d).append(static_cast<std::size_t>(n - k), '0').append(".0");
        } else if (0 < n && n <= 15) {
            out_.append(d.substr(0, static_cast<std::size_t>(n))).append(1, '.').append(d.substr(static_cast<std::size_t>(n)));
        } else if (-4 < n && n <= 0) {
            out_.append("0.").append(static_cast<std::size_t>(-n), '0').append(d);
        } else {
            out_.append(d.substr(0, 1));
            if (k > 1) out_.append(1, '.').append(d.substr(1));
            const int shown = n - 1;
            out_.append(shown < 0 ? "e-" : "e+");
            const int magnitude = shown < 0 ? -shown : shown;
            if (magnitude < 10) out_ += '0';
            out_ += std::to_string(magnitude);
        }
        return *this;
    }

    // A value that may be absent: null when it is.
    template <class T>
    json_writer& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }

    // An array of the range's elements, each written as value().
    template <class Range>
    json_writer& values(const Range& range) {
        begin_array();
        for (const auto& v : range) value(v);
        return end_array();
    }

    template <class K, class V>
    json_writer& member(K&& k, V&& v) {
        key(k);
        return value(std::forward<V>(v));
    }

private:
    json_writer& open(char c) {
        separate();
        out_ += c;
        first_ = true;
        return *this;
    }
    json_writer& close(char c) {
        out_ += c;
        first_ = false;
        return *this;
    }
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!first_) out_ += ',';
        first_ = false;
    }
    void write_string(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        out_ += '"';
        std::size_t run = 0;  // start of the run of characters that need no escape
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 0xF];
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }

    std::string& out_;
    bool first_ = true;
    bool after_key_ = false;
};

// The JSON text of a value with a write_json(json_writer&, const T&, args...) found by ADL.
template <class T, class... Args>
std::string json_text(const T& value, Args&&... args) {
    std::string out;
    json_writer w(out);
    write_json(w, value, std::forward<Args>(args)...);
    return out;
}

}  // namespace socinv::io
