// Tests for socinv/io/json_pointer.hpp: pointers, the renderings of values in errors, and
// errors re-thrown under a pointer.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "expect_input_error.hpp"
#include "socinv/core/money.hpp"
#include "socinv/io/json_pointer.hpp"

using namespace socinv;
using namespace socinv::io;
using socinv::testing::expect_input_error;

TEST(JsonPointer, JoinPointerEscapesTildeAndSlash) {
    EXPECT_EQ(join_pointer("", "parties"), "/parties");
    EXPECT_EQ(join_pointer("/parties", std::size_t{2}), "/parties/2");
    EXPECT_EQ(join_pointer("/a", "b/c~d"), "/a/b~1c~0d");  // RFC 6901
    EXPECT_EQ(join_pointer("/a", ""), "/a/");
    // The pointer resolves with nlohmann's own RFC 6901 reader.
    const json doc = {{"a", {{"b/c~d", 5}}}};
    EXPECT_EQ(doc.at(json::json_pointer(join_pointer("/a", "b/c~d"))), 5);
}


TEST(JsonPointer, DescribeCutsLongStringsAtWholeCharacters) {
    EXPECT_EQ(describe(json::object()), "an object");
    EXPECT_EQ(describe(json::array()), "an array");
    EXPECT_EQ(describe(json(1.5)), "1.5");
    EXPECT_EQ(describe(json("kort")), "\"kort\"");
    const std::string sixty(60, 'a');
    EXPECT_EQ(describe(json(sixty)), "\"" + sixty + "\"");
    EXPECT_EQ(describe(json(sixty + "b")), "\"" + std::string(57, 'a') + "...\"");
    // "ö" is two bytes: a cut at byte 57 that would split it backs off to byte 56.
    const std::string umlauts = std::string(56, 'a') + "öööö";
    EXPECT_EQ(describe(json(umlauts)), "\"" + std::string(56, 'a') + "...\"");
}


TEST(JsonPointer, AtPointerPrefixesErrorsAndTurnsOverflowIntoInputErrors) {
    expect_input_error([] { at_pointer("/a/0", [] { throw input_error("/b", "1", "bad"); }); }, "/a/0/b", "1", "bad");
    EXPECT_EQ(at_pointer("/a", [] { return 7; }), 7);
    expect_input_error([] { at_pointer("/sum", [] { return money::from_ore(INT64_MAX) + money::from_ore(1); }); }, "/sum", "",
                       "money sum overflows 64-bit öre");
}
