// Tests for socinv/io/json_reader.hpp: pointers, typed reads and their errors.
#include <gtest/gtest.h>

#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/json_reader.hpp"

using namespace socinv;
using namespace socinv::io;
using socinv::testing::expect_input_error;

TEST(JsonReader, JoinPointerEscapesTildeAndSlash) {
    EXPECT_EQ(join_pointer("", "parties"), "/parties");
    EXPECT_EQ(join_pointer("/parties", std::size_t{2}), "/parties/2");
    EXPECT_EQ(join_pointer("/a", "b/c~d"), "/a/b~1c~0d");  // RFC 6901
    EXPECT_EQ(join_pointer("/a", ""), "/a/");
    // The pointer resolves with nlohmann's own RFC 6901 reader.
    const json doc = {{"a", {{"b/c~d", 5}}}};
    EXPECT_EQ(doc.at(json::json_pointer(join_pointer("/a", "b/c~d"))), 5);
}

TEST(JsonReader, DescribeCutsLongStringsAtWholeCharacters) {
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

TEST(JsonReader, WrongTypesNameWhatWasExpectedAndSeen) {
    expect_input_error([] { read_string(json(5), "/title"); }, "/title", "5", "expected a string, got an integer 5");
    expect_input_error([] { read_number(json("x"), "/rate"); }, "/rate", "\"x\"", "expected a number, got a string \"x\"");
    expect_input_error([] { require_object(json::array(), "/p"); }, "/p", "an array", "expected an object, got an array");
    expect_input_error([] { require_array(json(nullptr), "/p"); }, "/p", "null", "expected an array, got null null");
    expect_input_error([] { read_date(json(true), "/d"); }, "/d", "true",
                       "expected a date \"YYYY-MM-DD\", got a boolean true");
    expect_input_error([] { read_string(json(" \t"), "/t", false); }, "/t", "\" \\t\"", "must not be empty");
    EXPECT_EQ(read_string(json(""), "/t"), "");
}

TEST(JsonReader, RequiredOptionalAndUnknownKeys) {
    const json o = {{"a", 1}, {"n", nullptr}, {"x-own", {{"deep", true}}}};
    EXPECT_EQ(required(o, "a", "/s"), 1);
    expect_input_error([&] { required(o, "b", "/s"); }, "/s/b", "", "required field \"b\" is missing");
    EXPECT_NE(optional(o, "a"), nullptr);
    EXPECT_EQ(optional(o, "n"), nullptr);  // null counts as absent
    EXPECT_EQ(optional(o, "b"), nullptr);
    reject_unknown_keys(o, "/s", {"a", "n"});  // x- keys are the user's own
    expect_input_error([&] { reject_unknown_keys(o, "/s", {"a"}); }, "/s/n", "null",
                       "unknown field \"n\" (expected one of: a)");
    expect_input_error([] { reject_unknown_keys(json{{"a/b", 2}}, "", {"c", "d"}); }, "/a~1b", "2",
                       "unknown field \"a/b\" (expected one of: c, d)");
}

TEST(JsonReader, MoneyFromIntegersDecimalsAndStrings) {
    EXPECT_EQ(read_money(json(4'100'000), "/m"), money::from_sek(4'100'000));
    EXPECT_EQ(read_money(json(12.5), "/m"), money::from_ore(1250));
    EXPECT_EQ(read_money(json("4 100 000"), "/m"), money::from_sek(4'100'000));
    EXPECT_EQ(read_money(json(std::uint64_t{92'233'720'368'547'758}), "/m").ore(), 9'223'372'036'854'775'800);
    expect_input_error([] { read_money(json(std::uint64_t{92'233'720'368'547'759}), "/m"); }, "/m", "92233720368547759",
                       "amount 92233720368547759 is too large (at most 92 233 720 368 547 758,07 kr)");
    expect_input_error([] { read_money(json::array(), "/m"); }, "/m", "an array",
                       "expected an amount in SEK (a number or a string such as \"4 100 000\"), got an array");
    expect_input_error([] { read_money_at_least(json(0), "/m", money{}, true); }, "/m", "0",
                       "amount 0 kr must be greater than 0 kr");
    expect_input_error([] { read_money_at_least(json(-1), "/m", money{}, false); }, "/m", "-1",
                       "amount -1 kr must not be less than 0 kr");
    EXPECT_TRUE(read_money_at_least(json(0), "/m", money{}, false).is_zero());
}

TEST(JsonReader, IntegersWithinTheirRange) {
    EXPECT_EQ(read_integer(json(2015), "/y", 1900, 2100), 2015);
    EXPECT_EQ(read_integer(json(2015.0), "/y", 1900, 2100), 2015);  // a whole double
    expect_input_error([] { read_integer(json(2015.5), "/y", 1900, 2100); }, "/y", "2015.5",
                       "expected a whole number, got a number 2015.5");
    expect_input_error([] { read_integer(json(1e300), "/y", 1900, 2100); }, "/y", "1e+300",
                       "expected a whole number, got a number 1e+300");
    expect_input_error([] { read_integer(json(std::uint64_t{1} << 63), "/y", 0, 10); }, "/y", "9223372036854775808",
                       "expected a whole number, got an integer 9223372036854775808");
    expect_input_error([] { read_integer(json(1899), "/y", 1900, 2100); }, "/y", "1899", "value 1899 is outside 1900..2100");
}

TEST(JsonReader, NumbersAndDates) {
    EXPECT_EQ(read_number(json(3), "/r"), 3.0);
    EXPECT_EQ(read_date(json("2015-02-28"), "/d"), parse_iso_date("2015-02-28"));
    // The date's own error comes back under the pointer.
    try {
        read_date(json("2015-02-30"), "/period/start");
        ADD_FAILURE() << "2015-02-30 accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/period/start");
        EXPECT_NE(e.message().find("2015-02-30"), std::string::npos) << e.message();
    }
}

TEST(JsonReader, AtPointerPrefixesErrorsAndTurnsOverflowIntoInputErrors) {
    expect_input_error([] { at_pointer("/a/0", [] { throw input_error("/b", "1", "bad"); }); }, "/a/0/b", "1", "bad");
    EXPECT_EQ(at_pointer("/a", [] { return 7; }), 7);
    expect_input_error([] { at_pointer("/sum", [] { return money::from_ore(INT64_MAX) + money::from_ore(1); }); }, "/sum", "",
                       "money sum overflows 64-bit öre");
}
