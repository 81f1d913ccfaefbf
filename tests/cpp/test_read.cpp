// Tests for socinv/io/read.hpp: parsing text with located errors, reading files, splitting JSON Lines.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/read.hpp"

using namespace socinv;
using namespace socinv::io;
using socinv::testing::expect_input_error;

TEST(Read, ParsesADocument) {
    const auto j = parse_json(R"({"a": [1, 2.5, "x"], "b": null})");
    EXPECT_EQ(j.at("a").size(), 3u);
    EXPECT_EQ(j.at("a").at(1), 2.5);
    EXPECT_TRUE(j.at("b").is_null());
}

TEST(Read, SyntaxErrorsNameLineAndColumnAndTheTextNearThem) {
    try {
        parse_json("{\n  \"a\": ,\n  \"b\": 1\n}");
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "");  // a syntax error belongs to the document
        EXPECT_EQ(e.message().rfind("malformed JSON at line 2, column 8: ", 0), 0u) << e.message();
        EXPECT_EQ(e.value(), "\"{   \"a\": ,   \"b\": 1 }\"");  // the text near it, line breaks as spaces
    }
    try {
        parse_json("[1, 2");
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "");
        EXPECT_EQ(e.message().rfind("malformed JSON at line 1, column ", 0), 0u) << e.message();
    }
}

TEST(Read, NumbersBeyondADoubleAreNamedAtTheirPointer) {
    expect_input_error([] { parse_json("{\"a\": [0, 1e400]}"); }, "/a/1", "1e400",
                       "number 1e400 is out of range (line 1, column 15)");
    expect_input_error([] { parse_json("{\"a/b\": {\"c\": -1e999}}"); }, "/a~1b/c", "-1e999",
                       "number -1e999 is out of range (line 1, column 20)");
}

TEST(Read, NestingIsCheckedBeforeParsing) {
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    try {
        parse_json(deep);
        ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.message(), "arrays and objects are nested more than 128 levels deep");
        EXPECT_EQ(e.pointer().size(), 2u * 128);
    }
}

TEST(Read, FilesThatCannotBeOpenedAreNamed) {
    const std::string path = ::testing::TempDir() + "/socinv-test-read-missing.json";
    std::remove(path.c_str());
    try {
        read_file(path);
        ADD_FAILURE() << "read a missing file";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "");
        EXPECT_EQ(e.value(), "\"" + path + "\"");
        EXPECT_EQ(e.message(), "cannot open file");
        EXPECT_EQ(e.source(), path);
    }
    const std::string written = ::testing::TempDir() + "/socinv-test-read.json";
    {
        std::ofstream out(written, std::ios::binary);
        out << "{\"a\":\0}"[0] << std::string("line\r\nwith\0nul", 14);
    }
    EXPECT_EQ(read_file(written), std::string("{line\r\nwith\0nul", 15));  // bytes as they are
    std::remove(written.c_str());
}

TEST(Read, SplitLinesKeepsLineNumbersAndSkipsBlankLines) {
    const auto lines = split_lines("{\"a\":1}\r\n\n  \t\n{\"b\":2}\n{\"c\":3}");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].number, 1u);
    EXPECT_EQ(lines[0].text, "{\"a\":1}");  // the \r of CRLF is not part of the line
    EXPECT_EQ(lines[1].number, 4u);
    EXPECT_EQ(lines[1].text, "{\"b\":2}");
    EXPECT_EQ(lines[2].number, 5u);
    EXPECT_EQ(lines[2].text, "{\"c\":3}");
    EXPECT_TRUE(split_lines("").empty());
    EXPECT_TRUE(split_lines("\n\n \n").empty());
    ASSERT_EQ(split_lines("x\n").size(), 1u);
}

TEST(Read, JsonLinesPaths) {
    EXPECT_TRUE(is_json_lines_path("a/b.jsonl"));
    EXPECT_TRUE(is_json_lines_path("b.ndjson"));
    EXPECT_FALSE(is_json_lines_path("b.json"));
    EXPECT_FALSE(is_json_lines_path("jsonl"));
    EXPECT_FALSE(is_json_lines_path("b.jsonl.gz"));
}
