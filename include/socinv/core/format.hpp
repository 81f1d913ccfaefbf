#pragma once
// Small text formats shared by reports and messages: MSEK, percentages, counts, column padding.

#include <charconv>
#include <string>
#include <string_view>

#include "socinv/core/language.hpp"

namespace socinv {

namespace detail {

// x with `decimals` digits after the point, the digits printf's "%.*f" writes: std::to_chars
// has no format string to parse and no locale to consult (snprintf was a tenth of the findings' cost).
inline std::string fixed_digits(double x, int decimals) {
    char text[400];  // 1e308 with a few decimals fits
    const auto end = std::to_chars(text, text + sizeof text, x, std::chars_format::fixed, decimals).ptr;
    return std::string(text, end);
}

}  // namespace detail

// "4.31 MSEK": expected values (doubles) in millions, for reports; booked money uses format_sek.
inline std::string format_msek(double sek) { return detail::fixed_digits(sek / 1e6, 2) + " MSEK"; }

// "53.7 %" for a share 0.537.
inline std::string format_percent(double share) { return detail::fixed_digits(share * 100, 1) + " %"; }

// In a message's language: "4,31 mnkr" and "53,7 %" in Swedish (decimal comma),
// "SEK 4.31 million" and "53.7%" in English.
inline std::string format_msek(double sek, language lang) {
    if (lang == language::en) return "SEK " + detail::fixed_digits(sek / 1e6, 2) + " million";
    std::string text = format_msek(sek);
    text.replace(text.size() - 5, 5, " mnkr");
    if (const auto point = text.find('.'); point != std::string::npos) text[point] = ',';
    return text;
}

inline std::string format_percent(double share, language lang) {
    std::string text = format_percent(share);
    if (lang == language::en) return text.erase(text.size() - 2, 1);  // "53.7%"
    if (const auto point = text.find('.'); point != std::string::npos) text[point] = ',';
    return text;
}

// "4.9" or "4,9": a number with a fixed count of decimals, the decimal mark of the language.
inline std::string format_fixed(double x, int decimals, language lang) {
    std::string out = detail::fixed_digits(x, decimals);
    if (lang == language::sv)
        if (const auto point = out.find('.'); point != std::string::npos) out[point] = ',';
    return out;
}

// "1 day", "3 days", "1 dag", "3 dagar": a count with its noun in the form that agrees with it.
inline std::string counted(long long n, std::string_view one, std::string_view many) {
    std::string text = std::to_string(n);
    text += ' ';
    text += n == 1 ? one : many;
    return text;
}

// Pads to a width in characters, not bytes, so that Swedish letters line up in columns.
inline std::string pad_to(std::string text, std::size_t width) {
    std::size_t chars = 0;
    for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (chars < width) text.append(width - chars, ' ');
    return text;
}

// A cell padded into a column, with at least one space after it however long it is.
inline std::string column(std::string_view cell, std::size_t width) {
    std::string text = pad_to(std::string(cell), width);
    if (text.size() == cell.size()) text += ' ';
    return text;
}

}  // namespace socinv
