#pragma once
// Text from input shown to a person: control characters escaped so that input cannot drive a terminal.

#include <cstdio>
#include <string>
#include <string_view>

namespace socinv {

// The text with C0 controls (U+0000–U+001F), DEL and C1 controls (U+0080–U+009F, which include
// the one-byte CSI) written as \xNN or \u00NN, and backslashes doubled so that the escaping
// cannot be forged. Everything else, Swedish letters included, passes unchanged.
inline std::string escape_control(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char buffer[8];
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\') {
            out += "\\\\";
        } else if (c < 0x20 || c == 0x7F) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
                    out += buffer;
            }
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])));
            out += buffer;
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// "\"text\"" with control characters escaped: how messages quote a value from input.
inline std::string quoted_text(std::string_view text) { return "\"" + escape_control(text) + "\""; }

}  // namespace socinv
