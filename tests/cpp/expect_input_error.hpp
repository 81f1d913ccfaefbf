#pragma once
// A test helper: f throws socinv::input_error with exactly this pointer, value and message.

#include <gtest/gtest.h>

#include <string>

#include "socinv/core/error.hpp"

namespace socinv::testing {

template <class F>
void expect_input_error(F&& f, const std::string& pointer, const std::string& value, const std::string& message) {
    try {
        f();
        ADD_FAILURE() << "no input_error; expected \"" << message << "\" at \"" << pointer << "\"";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), pointer) << e.what();
        EXPECT_EQ(e.value(), value) << e.what();
        EXPECT_EQ(e.message(), message) << e.what();
    }
}

// The same, without checking the value.
template <class F>
void expect_input_error_at(F&& f, const std::string& pointer, const std::string& message) {
    try {
        f();
        ADD_FAILURE() << "no input_error; expected \"" << message << "\" at \"" << pointer << "\"";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), pointer) << e.what();
        EXPECT_EQ(e.message(), message) << e.what();
    }
}

}  // namespace socinv::testing
