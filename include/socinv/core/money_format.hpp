#pragma once
// Reading and writing money as text: Swedish display ("4 100 000 kr") and plain decimals.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "socinv/core/error.hpp"
#include "socinv/core/language.hpp"
#include "socinv/core/money.hpp"

namespace socinv {

namespace detail {

inline std::string group_thousands(std::uint64_t value, std::string_view separator) {
    std::string digits = std::to_string(value);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

inline std::uint64_t magnitude(std::int64_t ore) {
    // Safe for INT64_MIN: negate in unsigned arithmetic.
    return ore < 0 ? 0 - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
}

inline std::string two_digits(std::uint64_t v) {
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

}  // namespace detail

// "4 100 000 kr", "-1 234,50 kr": Swedish grouping with spaces and a decimal comma;
// öre are shown only when there are any.
inline std::string format_sek(money amount) {
    const std::uint64_t mag = detail::magnitude(amount.ore());
    std::string text = amount.is_negative() ? "-" : "";
    text += detail::group_thousands(mag / 100, " ");
    if (mag % 100 != 0) text += "," + detail::two_digits(mag % 100);
    return text + " kr";
}

// In a message's language: Swedish as above, English "SEK 4,100,000" and "-SEK 1,234.50".
inline std::string format_sek(money amount, language lang) {
    if (lang == language::sv) return format_sek(amount);
    const std::uint64_t mag = detail::magnitude(amount.ore());
    std::string text = amount.is_negative() ? "-SEK " : "SEK ";
    text += detail::group_thousands(mag / 100, ",");
    if (mag % 100 != 0) text += "." + detail::two_digits(mag % 100);
    return text;
}

// "4100000.00": a plain decimal that round-trips through parse_sek.
inline std::string format_decimal(money amount) {
    const std::uint64_t mag = detail::magnitude(amount.ore());
    return (amount.is_negative() ? "-" : "") + std::to_string(mag / 100) + "." + detail::two_digits(mag % 100);
}

// Parses an amount in SEK written as text: "4100000", "4 100 000", "4 100 000,50 kr",
// "-12.5", "1.5e6". At most two decimals; the result must fit in 64-bit öre.
// Throws input_error with an empty pointer (the caller places it).
inline money parse_sek(std::string_view text) {
    const std::string original(text);
    const std::string too_large = "is too large (at most 92 233 720 368 547 758,07 kr)";
    auto fail = [&](const std::string& why) -> money {
        throw input_error("", "\"" + original + "\"", "amount \"" + original + "\" " + why);
    };
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    };
    text = trim(text);
    for (std::string_view suffix : {std::string_view("kr"), std::string_view("SEK")}) {
        if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
            text = trim(text.substr(0, text.size() - suffix.size()));
            break;
        }
    }
    if (text.empty()) return fail("is not a number of kronor");

    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    // Collect integer and fraction digits, skipping thousands separators (space, NBSP, thin space).
    std::string int_digits, frac_digits;
    bool in_fraction = false;
    std::int64_t exponent = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            (in_fraction ? frac_digits : int_digits) += c;
            ++i;
        } else if ((c == '.' || c == ',') && !in_fraction) {
            in_fraction = true;
            ++i;
        } else if (c == ' ' && !in_fraction && !int_digits.empty()) {
            ++i;
        } else if (!in_fraction && !int_digits.empty() && text.substr(i, 2) == "\xC2\xA0") {
            i += 2;  // U+00A0 no-break space
        } else if (!in_fraction && !int_digits.empty() && text.substr(i, 3) == "\xE2\x80\xAF") {
            i += 3;  // U+202F narrow no-break space
        } else if ((c == 'e' || c == 'E') && (!int_digits.empty() || !frac_digits.empty())) {
            std::string_view rest = text.substr(i + 1);
            if (!rest.empty() && rest.front() == '+') rest.remove_prefix(1);
            auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), exponent);
            if (ec != std::errc() || ptr != rest.data() + rest.size()) return fail("has an invalid exponent");
            if (exponent > 40) return fail(too_large);
            if (exponent < -40) return fail("has more than two decimals (amounts are whole öre)");
            break;
        } else {
            return fail("is not a number of kronor");
        }
    }
    if (int_digits.empty() && frac_digits.empty()) return fail("is not a number of kronor");
    // Shift the decimal point by the exponent, then require at most two decimals.
    std::string all = int_digits + frac_digits;
    std::int64_t point = static_cast<std::int64_t>(int_digits.size()) + exponent;
    while (point > static_cast<std::int64_t>(all.size())) all += '0';
    if (point < 0) {
        all.insert(0, static_cast<std::size_t>(-point), '0');
        point = 0;
    }
    std::string whole = all.substr(0, static_cast<std::size_t>(point));
    std::string fraction = all.substr(static_cast<std::size_t>(point));
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (fraction.size() > 2) return fail("has more than two decimals (amounts are whole öre)");
    while (fraction.size() < 2) fraction += '0';

    std::uint64_t ore = 0;
    for (char d : whole + fraction) {
        const auto digit = static_cast<std::uint64_t>(d - '0');
        if (ore > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
            return fail(too_large);
        ore = ore * 10 + digit;
    }
    const auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (ore > limit + (negative ? 1u : 0u)) return fail(too_large);
    if (negative) return money::from_ore(ore == limit + 1 ? std::numeric_limits<std::int64_t>::min()
                                                          : -static_cast<std::int64_t>(ore));
    return money::from_ore(static_cast<std::int64_t>(ore));
}

// A JSON floating-point number as money. The shortest decimal form that round-trips is the
// number the writer meant (1234.5 stays 1234.5), so the two-decimal check is exact.
inline money sek_from_double(double value) {
    if (!std::isfinite(value)) throw input_error("", "non-finite number", "amount is not a finite number");
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc()) throw input_error("", "number", "amount could not be read");
    try {
        return parse_sek(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    } catch (const input_error& e) {
        // Report the number as a number, not as quoted text.
        std::string shown(buffer, end);
        std::string why = e.message();
        why.replace(0, why.find("\" ") + 2, "amount " + shown + " ");
        throw input_error("", shown, why);
    }
}

}  // namespace socinv
