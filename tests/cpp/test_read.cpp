// Tests for socinv/io/read.hpp: reading files, splitting JSON Lines.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/read.hpp"

using namespace socinv;
using namespace socinv::io;
using socinv::testing::expect_input_error;

TEST(Read, DevicesAreRefusedRatherThanReadForever) {
    expect_input_error([] { read_file("/dev/zero"); }, "", "\"/dev/zero\"", "is a device, not a file");
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
