#pragma once
// The exceptions socinv throws: bad input (with a JSON pointer) and money overflow.

#include <stdexcept>
#include <string>
#include <utility>

namespace socinv {

// Bad input: names the JSON pointer of the offending field and the value seen,
// so that a user can find and fix it. `source` is the file (or "<stdin>") when known.
class input_error : public std::invalid_argument {
public:
    input_error(std::string pointer, std::string value, std::string message)
        : std::invalid_argument(compose("", pointer, message)), pointer_(std::move(pointer)),
          value_(std::move(value)), message_(std::move(message)) {}

    const std::string& pointer() const noexcept { return pointer_; }
    const std::string& value() const noexcept { return value_; }
    const std::string& message() const noexcept { return message_; }
    const std::string& source() const noexcept { return source_; }

    // The same error, attributed to a file or stream.
    input_error with_source(std::string source) const {
        input_error copy(pointer_, value_, message_, std::move(source));
        return copy;
    }

    // The same error, moved under a parent pointer ("/parties/2" + "/kind").
    input_error under(const std::string& parent) const {
        return input_error(parent + pointer_, value_, message_, source_);
    }

private:
    input_error(std::string pointer, std::string value, std::string message, std::string source)
        : std::invalid_argument(compose(source, pointer, message)), pointer_(std::move(pointer)),
          value_(std::move(value)), message_(std::move(message)), source_(std::move(source)) {}

    static std::string compose(const std::string& source, const std::string& pointer,
                               const std::string& message) {
        std::string text;
        if (!source.empty()) text += source + ": ";
        text += (pointer.empty() ? std::string("/") : pointer) + ": " + message;
        return text;
    }

    std::string pointer_;
    std::string value_;
    std::string message_;
    std::string source_;
};

// Arithmetic on money left the range of a signed 64-bit count of öre.
class money_overflow : public std::overflow_error {
public:
    using std::overflow_error::overflow_error;
};

}  // namespace socinv
