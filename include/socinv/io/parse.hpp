#pragma once
// Parsing JSON text once into a simdjson DOM; a text that does not parse is an input_error
// naming the line and column and, where the parser got that far, the JSON pointer.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "socinv/core/error.hpp"
#include "socinv/io/duplicate_keys.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/nesting.hpp"
#include "socinv/io/parse_error.hpp"

namespace socinv::io {

// A reusable parser: each call to parse() invalidates the elements of the previous one. One per
// thread (simdjson's parser is not shared).
class json_parser {
public:
    simdjson::dom::element parse(std::string_view text) {
        // simdjson checks the depth as it parses; the scan that names the pointer runs only then.
        if (parser_.capacity() < text.size() || parser_.max_depth() != simdjson_depth) {
            if (auto code = parser_.allocate(std::max<std::size_t>(text.size(), 1 << 16), simdjson_depth))
                throw input_error("", "", std::string("cannot parse: ") + simdjson::error_message(code));
        }
        simdjson::dom::element root;
        if (auto code = parser_.parse(text.data(), text.size(), true).get(root)) {
            throw_parse_error(text);
            // Written again with such integers as doubles, so that the reader can say they are too
            // large, at their pointer.
            rewritten_ = nlohmann::json::parse(text.begin(), text.end(), refuse_duplicate_keys()).dump();
            if (parser_.parse(rewritten_.data(), rewritten_.size(), true).get(root))
                throw input_error("", "", std::string("malformed JSON: ") + simdjson::error_message(code));
        }
        return root;
    }

private:
    // simdjson counts a scalar inside the deepest container as a level: with one level more, every
    // document that nesting_error accepts parses, and only 129 levels of empty arrays get past it.
    static constexpr std::size_t simdjson_depth = max_json_depth + 1;
    simdjson::dom::parser parser_;
    std::string rewritten_;
};

// The calling thread's parser.
inline json_parser& thread_parser() {
    thread_local json_parser parser;
    return parser;
}

}  // namespace socinv::io
