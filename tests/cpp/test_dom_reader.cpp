// Tests for socinv/io/dom_reader.hpp: typed reads from a simdjson DOM, duplicate and unknown keys.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_input_error.hpp"
#include "socinv/io/dom_reader.hpp"

using namespace socinv;
using namespace socinv::io;
using socinv::testing::expect_input_error;

namespace {

// Each test parses into its own parser: elements live as long as it does.
struct doc {
    simdjson::dom::parser parser;
    element root;
    explicit doc(std::string_view text) { root = parser.parse(text.data(), text.size(), true).value(); }
    element operator[](std::string_view key) const { return root.get_object().value()[key].value(); }
};

}  // namespace

TEST(DomReader, DescribeAndTypeNames) {
    doc d(R"({"o":{},"a":[1],"s":"kort","i":-3,"u":18446744073709551615,"f":1.5,"b":false,"n":null})");
    EXPECT_EQ(describe(d["o"]), "an object");
    EXPECT_EQ(describe(d["a"]), "an array");
    EXPECT_EQ(describe(d["s"]), "\"kort\"");
    EXPECT_EQ(describe(d["i"]), "-3");
    EXPECT_EQ(describe(d["u"]), "18446744073709551615");
    EXPECT_EQ(describe(d["f"]), "1.5");
    EXPECT_EQ(type_name(d["u"]), "an integer");
    EXPECT_EQ(type_name(d["f"]), "a number");
    EXPECT_EQ(type_name(d["b"]), "a boolean");
    EXPECT_EQ(type_name(d["n"]), "null");
    const std::string long_text(70, 'x');
    doc l("\"" + long_text + "\"");
    EXPECT_EQ(describe(l.root), "\"" + std::string(57, 'x') + "...\"");
}

TEST(DomReader, DuplicateKeysAreRefusedAtTheSecond) {
    doc d(R"({"a":1,"b":2,"a":3})");
    expect_input_error([&] { check_duplicate_keys(require_object(d.root, "/s"), "/s"); }, "/s/a", "3",
                       "field \"a\" is given twice");
    expect_input_error([&] { check_keys(require_object(d.root, ""), "", {"a", "b"}); }, "/a", "3",
                       "field \"a\" is given twice");
    doc ok(R"({"a":1,"b":2,"x-note":{"a":1}})");
    check_keys(require_object(ok.root, ""), "", {"a", "b"});
    expect_input_error([&] { check_keys(require_object(ok.root, ""), "", {"a"}); }, "/b", "2",
                       "unknown field \"b\" (expected one of: a)");
}

TEST(DomReader, RequiredAndOptional) {
    doc d(R"({"a":1,"n":null})");
    const auto o = require_object(d.root, "/x");
    EXPECT_EQ(required(o, "n", "/x").type(), element_type::NULL_VALUE);  // null is present
    expect_input_error([&] { required(o, "b", "/x"); }, "/x/b", "", "required field \"b\" is missing");
    EXPECT_TRUE(optional(o, "a"));
    EXPECT_FALSE(optional(o, "n"));
    EXPECT_FALSE(optional(o, "b"));
    expect_input_error([&] { require_array(d["a"], "/x/a"); }, "/x/a", "1", "expected an array, got an integer 1");
}

TEST(DomReader, StringsDatesAndNumbers) {
    doc d(R"({"s":" ","d":"2016-02-29","bad":"2015-02-29","i":7,"f":2.5,"big":1e308})");
    EXPECT_EQ(read_string(d["s"], "/s"), " ");
    expect_input_error([&] { read_string(d["s"], "/s", false); }, "/s", "\" \"", "must not be empty");
    expect_input_error([&] { read_string(d["i"], "/i"); }, "/i", "7", "expected a string, got an integer 7");
    EXPECT_EQ(read_date(d["d"], "/d"), parse_iso_date("2016-02-29"));
    try {
        read_date(d["bad"], "/bad");
        ADD_FAILURE() << "2015-02-29 accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/bad");
    }
    EXPECT_EQ(read_number(d["i"], "/i"), 7.0);
    EXPECT_EQ(read_number(d["big"], "/big"), 1e308);
    expect_input_error([&] { read_number(d["s"], "/s"); }, "/s", "\" \"", "expected a number, got a string \" \"");
    EXPECT_TRUE(is_number(d["f"]));
    EXPECT_FALSE(is_number(d["s"]));
}

TEST(DomReader, MoneyAndIntegers) {
    doc d(R"({"i":4100000,"f":12.25,"s":"4 100 000","u":9223372036854775808,"x":1.005,"w":2015.0,"h":2015.5,"a":[]})");
    EXPECT_EQ(read_money(d["i"], "/m"), money::from_sek(4'100'000));
    EXPECT_EQ(read_money(d["f"], "/m"), money::from_ore(1225));
    EXPECT_EQ(read_money(d["s"], "/m"), money::from_sek(4'100'000));
    expect_input_error([&] { read_money(d["u"], "/m"); }, "/m", "9223372036854775808",
                       "amount 9223372036854775808 is too large (at most 92 233 720 368 547 758,07 kr)");
    expect_input_error([&] { read_money(d["a"], "/m"); }, "/m", "an array",
                       "expected an amount in SEK (a number or a string such as \"4 100 000\"), got an array");
    expect_input_error([&] { read_money_at_least(d["f"], "/m", money::from_sek(13), false); }, "/m", "12.25",
                       "amount 12,25 kr must not be less than 13 kr");
    EXPECT_EQ(read_integer(d["w"], "/y", 2000, 2100), 2015);
    expect_input_error([&] { read_integer(d["h"], "/y", 2000, 2100); }, "/y", "2015.5",
                       "expected a whole number, got a number 2015.5");
    expect_input_error([&] { read_integer(d["u"], "/y", 0, 10); }, "/y", "9223372036854775808",
                       "value 9223372036854775808 is outside 0..10");
    expect_input_error([&] { read_integer(d["i"], "/y", 0, 10); }, "/y", "4100000", "value 4100000 is outside 0..10");
}

TEST(DomReader, ForEachElementNamesEachPointer) {
    doc d(R"({"list":[1,2,3],"not":5})");
    const auto o = require_object(d.root, "/r");
    std::vector<std::string> pointers;
    double sum = 0;
    for_each_element(o, "list", "/r", [&](element e, const std::string& p) {
        pointers.push_back(p);
        sum += read_number(e, p);
    });
    EXPECT_EQ(pointers, (std::vector<std::string>{"/r/list/0", "/r/list/1", "/r/list/2"}));
    EXPECT_EQ(sum, 6.0);
    for_each_element(o, "absent", "/r", [&](element, const std::string&) { ADD_FAILURE(); });
    expect_input_error([&] { for_each_element(o, "not", "/r", [](element, const std::string&) {}); }, "/r/not", "5",
                       "expected an array, got an integer 5");
}
