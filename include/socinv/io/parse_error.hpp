#pragma once
// Why a JSON text does not parse: an input_error with the line, the column and, for a number
// out of range, the JSON pointer. Used by io/parse.hpp when simdjson refuses a text.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/core/error.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/nesting.hpp"

namespace socinv::detail {

// Follows the pointer while nlohmann parses, so that an error can say where in the document it
// is. Only used after a parser has failed, to explain why.
class locating_sax : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit locating_sax(std::string_view text) : text_(text) {}

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        stack_.back().key = k;
        return true;
    }
    bool parse_error(std::size_t byte, const std::string& token, const nlohmann::detail::exception& e) override {
        std::string why = e.what();
        if (auto colon = why.find(": ", why.find("error")); colon != std::string::npos) why = why.substr(colon + 2);
        const std::string where = line_and_column(byte);
        if (e.id == 406)  // a number out of the range of a double, such as 1e400
            throw input_error(pointer(), token, "number " + token + " is out of range (" + where + ")");
        // A syntax error belongs to the document as a whole: the text near it says where.
        throw input_error("", "\"" + near(byte) + "\"", "malformed JSON at " + where + ": " + why);
    }

private:
    struct frame {
        bool object;
        std::size_t index = 0;
        std::string key;
    };

    bool open(bool object) {
        stack_.push_back({object, 0, {}});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return value();
    }
    bool value() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
        return true;
    }
    // The pointer of the value being read.
    std::string pointer() const {
        std::string out;
        for (const frame& f : stack_) out = f.object ? io::join_pointer(out, f.key) : io::join_pointer(out, f.index);
        return out;
    }
    std::string line_and_column(std::size_t byte) const {
        const std::size_t at = std::min<std::size_t>(byte == 0 ? 0 : byte - 1, text_.size());
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < at; ++i) {
            if (text_[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    std::string near(std::size_t byte) const {
        const std::size_t at = std::min<std::size_t>(byte == 0 ? 0 : byte - 1, text_.size());
        const std::size_t from = at >= 20 ? at - 20 : 0;
        std::string text(text_.substr(from, std::min<std::size_t>(40, text_.size() - from)));
        for (auto& c : text)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        return text;
    }

    std::string_view text_;
    std::vector<frame> stack_;
};

}  // namespace socinv::detail

namespace socinv::io {

// Throws why `text` is not JSON, as an input_error with the line, column and, for a number out
// of range, the pointer. Returns normally when the text is JSON after all: an integer too large
// for 64 bits, which simdjson refuses and nlohmann reads as a double.
inline void throw_parse_error(std::string_view text) {
    if (auto error = nesting_error(text)) throw *error;
    detail::locating_sax sax(text);
    nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
}

}  // namespace socinv::io
