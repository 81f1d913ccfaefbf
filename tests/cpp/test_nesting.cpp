// Tests for socinv/io/nesting.hpp: the depth limit and the pointer of the container that breaks it.
#include <gtest/gtest.h>

#include <string>

#include "socinv/io/nesting.hpp"

using socinv::io::max_json_depth;
using socinv::io::nesting_error;

namespace {

std::string arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST(Nesting, AtTheLimitIsFineOneMoreIsNot) {
    EXPECT_EQ(max_json_depth, 128u);
    EXPECT_FALSE(nesting_error(arrays(128)));
    const auto e = nesting_error(arrays(129));
    ASSERT_TRUE(e);
    // The 129th array is element 0 of 128 arrays.
    std::string pointer;
    for (int i = 0; i < 128; ++i) pointer += "/0";
    EXPECT_EQ(e->pointer(), pointer);
    EXPECT_EQ(e->value(), "an array");
    EXPECT_EQ(e->message(), "arrays and objects are nested more than 128 levels deep");
}

TEST(Nesting, PointerNamesKeysAndIndices) {
    // {"a": [0, {"b/c": {"d": {...}}}]} with a limit of 4: the fourth container is "d"'s value.
    const auto e = nesting_error(R"({"a": [0, {"b/c": {"d": {"e": 1}}}]})", 4);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->pointer(), "/a/1/b~1c/d");
    EXPECT_EQ(e->value(), "an object");
    EXPECT_EQ(e->message(), "arrays and objects are nested more than 4 levels deep");
    // Escaped keys are unescaped before they go into the pointer.
    const auto u = nesting_error(R"({"\u00f6\"x": [[]]})", 2);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->pointer(), "/ö\"x/0");
}

TEST(Nesting, BracketsInStringsDoNotCount) {
    const std::string text = R"({"a": "[[[[[[[[[[{{{{{{\"[[[[", "b": [1, 2]})";
    EXPECT_FALSE(nesting_error(text, 2));
    EXPECT_TRUE(nesting_error(R"({"a": "\\", "b": [[1]]})", 2));  // an escaped backslash ends the string
    // Siblings do not add up: many arrays side by side are one level deeper only.
    std::string wide = "[";
    for (int i = 0; i < 500; ++i) wide += (i ? ",[]" : "[]");
    wide += "]";
    EXPECT_FALSE(nesting_error(wide, 2));
    EXPECT_TRUE(nesting_error(wide, 1));
}

TEST(Nesting, UnterminatedTextIsLeftToTheParser) {
    EXPECT_FALSE(nesting_error(R"({"a": "[[[[[[)", 2));
    EXPECT_FALSE(nesting_error("]]]]]]", 2));
}
