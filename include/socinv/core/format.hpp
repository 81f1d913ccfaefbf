#pragma once
// Small text formats shared by reports and messages: MSEK, percentages, column padding.

#include <cstdio>
#include <string>

namespace socinv {

// "4.31 MSEK": expected values (doubles) in millions, for reports; booked money uses format_sek.
inline std::string format_msek(double sek) {
    char text[48];
    std::snprintf(text, sizeof text, "%.2f MSEK", sek / 1e6);
    return text;
}

// "53.7 %" for a share 0.537.
inline std::string format_percent(double share) {
    char text[48];
    std::snprintf(text, sizeof text, "%.1f %%", share * 100);
    return text;
}

// Pads to a width in characters, not bytes, so that Swedish letters line up in columns.
inline std::string pad_to(std::string text, std::size_t width) {
    std::size_t chars = 0;
    for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (chars < width) text.append(width - chars, ' ');
    return text;
}

}  // namespace socinv
