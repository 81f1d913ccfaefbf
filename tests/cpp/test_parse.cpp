// Tests for socinv/io/parse.hpp: parsing text once into a simdjson DOM, with located errors.
#include <gtest/gtest.h>

#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/parse.hpp"

using namespace socinv;
using namespace socinv::io;
using socinv::testing::expect_input_error;

TEST(Parse, ParsesADocument) {
    const element j = thread_parser().parse(R"({"a": [1, 2.5, "x"], "b": null})");
    const dom_array a = require_array(j["a"].value(), "/a");
    EXPECT_EQ(a.size(), 3u);
    EXPECT_EQ(read_number(a.at(1).value(), "/a/1"), 2.5);
    EXPECT_EQ(j["b"].value().type(), element_type::NULL_VALUE);
}

TEST(Parse, SyntaxErrorsNameLineAndColumnAndTheTextNearThem) {
    try {
        thread_parser().parse("{\n  \"a\": ,\n  \"b\": 1\n}");
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "");  // a syntax error belongs to the document
        EXPECT_EQ(e.message().rfind("malformed JSON at line 2, column 8: ", 0), 0u) << e.message();
        EXPECT_EQ(e.value(), "\"{   \"a\": ,   \"b\": 1 }\"");  // the text near it, line breaks as spaces
    }
    try {
        thread_parser().parse("[1, 2");
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "");
        EXPECT_EQ(e.message().rfind("malformed JSON at line 1, column ", 0), 0u) << e.message();
    }
}

TEST(Parse, NumbersBeyondADoubleAreNamedAtTheirPointer) {
    expect_input_error([] { thread_parser().parse("{\"a\": [0, 1e400]}"); }, "/a/1", "1e400",
                       "number 1e400 is out of range (line 1, column 15)");
    expect_input_error([] { thread_parser().parse("{\"a/b\": {\"c\": -1e999}}"); }, "/a~1b/c", "-1e999",
                       "number -1e999 is out of range (line 1, column 20)");
}

TEST(Parse, NestingIsCheckedBeforeParsing) {
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    try {
        thread_parser().parse(deep);
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.message(), "arrays and objects are nested more than 128 levels deep");
        EXPECT_EQ(e.pointer().size(), 2u * 128);
    }
}

TEST(Parse, IntegersBeyondSixtyFourBitsAreReadAsNumbersSoTheReaderNamesThem) {
    // simdjson refuses such integers; the text is written again with them as doubles.
    const element j = thread_parser().parse(R"({"n": 123456789012345678901234567890, "k": 1})");
    EXPECT_EQ(j["n"].value().type(), element_type::DOUBLE);
    expect_input_error([&] { read_integer(j["n"].value(), "/n", 0, 10); }, "/n", "1.2345678901234568e+29",
                       "expected a whole number, got a number 1.2345678901234568e+29");
    EXPECT_EQ(read_number(j["k"].value(), "/k"), 1.0);
}

TEST(Parse, InvalidUtf8IsAnErrorOfTheDocument) {
    try {
        thread_parser().parse("{\"a\": \"\xff\"}");
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "");
        EXPECT_NE(e.message().find("malformed JSON"), std::string::npos) << e.message();
    }
}

TEST(Parse, AParserOfItsOwnKeepsItsDocumentWhileTheThreadsParsesAnother) {
    json_parser own;
    const element kept = own.parse(R"({"fund": "kept"})");
    (void)thread_parser().parse(R"({"fund": "other"})");
    EXPECT_EQ(read_string(kept["fund"].value(), "/fund"), "kept");
}
