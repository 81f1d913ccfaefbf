#pragma once
// Reading files and splitting JSON Lines; parsing is io/parse.hpp.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/error.hpp"

namespace socinv::io {

// The whole content of a file; a file that cannot be read is an input_error naming it. Devices
// such as /dev/zero are refused, since reading one would never end; pipes are read.
inline std::string read_file(const std::string& path) {
    std::error_code ignored;
    if (std::filesystem::is_character_file(path, ignored) || std::filesystem::is_block_file(path, ignored))
        throw input_error("", "\"" + path + "\"", "is a device, not a file").with_source(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error("", "\"" + path + "\"", "cannot open file").with_source(path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw input_error("", "\"" + path + "\"", "cannot read file").with_source(path);
    return std::move(buffer).str();
}

// A JSON Lines text split into its non-blank lines, each with its 1-based line number.
struct text_line {
    std::size_t number;
    std::string_view text;
};

inline std::vector<text_line> split_lines(std::string_view text) {
    std::vector<text_line> lines;
    std::size_t number = 0, pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        ++number;
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back({number, line});
        if (end == text.size()) break;
        pos = end + 1;
    }
    return lines;
}

// True when a file's name says it holds JSON Lines.
inline bool is_json_lines_path(std::string_view path) {
    auto ends_with = [&](std::string_view s) { return path.size() >= s.size() && path.substr(path.size() - s.size()) == s; };
    return ends_with(".jsonl") || ends_with(".ndjson");
}

}  // namespace socinv::io
