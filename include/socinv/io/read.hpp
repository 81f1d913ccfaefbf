#pragma once
// Reading JSON text, files and JSON Lines, with syntax errors reported by line and column.

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/core/error.hpp"
#include "socinv/io/duplicate_keys.hpp"
#include "socinv/io/nesting.hpp"
#include "socinv/io/parse_error.hpp"

namespace socinv::io {

// Parses one JSON document. Syntax errors become input_error with the line and column,
// the pointer "" (the document) and, as value, the text around the error; a number out of the
// range of a double (1e400) is an input_error at its pointer; nesting deeper than
// max_json_depth is an input_error naming the container that goes too deep.
inline nlohmann::json parse_json(std::string_view text) {
    if (auto error = nesting_error(text)) throw *error;
    try {
        return nlohmann::json::parse(text.begin(), text.end(), refuse_duplicate_keys());
    } catch (const nlohmann::json::exception& e) {
        // parse_error for syntax, out_of_range 406 for a number that overflows a double: parsed
        // again to say where (the error path only).
        throw_parse_error(text);
        throw input_error("", "", std::string("malformed JSON: ") + e.what());
    }
}

// The whole content of a file; a file that cannot be read is an input_error naming it.
inline std::string read_file(const std::string& path) {
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
