#pragma once
// A limit on how deeply a JSON text nests, checked before parsing.

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/core/error.hpp"
#include "socinv/io/json_pointer.hpp"

namespace socinv::io {

// No document of the interchange format nests deeper than a few levels; a limit keeps the
// recursive parts of nlohmann/json (copy, dump) away from stack overflow on hostile input.
inline constexpr std::size_t max_json_depth = 128;

// The error for a text whose arrays and objects nest deeper than max_depth, naming the
// pointer of the container that goes too deep; nullopt when the text is within the limit.
// A linear scan that skips strings; it does not validate the JSON (the parser does).
inline std::optional<input_error> nesting_error(std::string_view text, std::size_t max_depth = max_json_depth) {
    // Depth cannot exceed the number of brackets: most documents need no scan at all.
    const auto brackets = std::count(text.begin(), text.end(), '[') + std::count(text.begin(), text.end(), '{');
    if (static_cast<std::size_t>(brackets) <= max_depth) return std::nullopt;

    struct frame {
        bool object;
        std::size_t index;     // arrays: the element being read
        std::string_view key;  // objects: the last key, still quoted and escaped
    };
    std::vector<frame> stack;
    bool expect_key = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        switch (text[i]) {
            case '"': {
                // To the closing quote: one not preceded by an odd number of backslashes.
                const std::size_t begin = i;
                for (;;) {
                    const void* quote = std::memchr(text.data() + i + 1, '"', text.size() - i - 1);
                    if (quote == nullptr) {
                        i = text.size();
                        break;
                    }
                    i = static_cast<std::size_t>(static_cast<const char*>(quote) - text.data());
                    std::size_t backslashes = 0;
                    while (text[i - 1 - backslashes] == '\\') ++backslashes;
                    if (backslashes % 2 == 0) break;
                }
                if (expect_key && !stack.empty() && stack.back().object) stack.back().key = text.substr(begin, i + 1 - begin);
                expect_key = false;
                break;
            }
            case '{':
            case '[':
                if (stack.size() == max_depth) {
                    std::string pointer;
                    for (const frame& f : stack) {
                        if (!f.object) {
                            pointer = join_pointer(pointer, f.index);
                            continue;
                        }
                        std::string key(f.key);
                        try {
                            key = nlohmann::json::parse(f.key).get<std::string>();
                        } catch (const std::exception&) {
                        }
                        pointer = join_pointer(pointer, key);
                    }
                    return input_error(pointer, text[i] == '{' ? "an object" : "an array",
                                       "arrays and objects are nested more than " + std::to_string(max_depth) +
                                           " levels deep");
                }
                stack.push_back({text[i] == '{', 0, {}});
                expect_key = text[i] == '{';
                break;
            case '}':
            case ']':
                if (!stack.empty()) stack.pop_back();
                expect_key = false;
                break;
            case ',':
                if (!stack.empty()) {
                    if (stack.back().object) expect_key = true;
                    else ++stack.back().index;
                }
                break;
            default: break;
        }
    }
    return std::nullopt;
}

}  // namespace socinv::io
