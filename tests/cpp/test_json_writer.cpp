// Tests for socinv/io/json_writer.hpp: streamed JSON laid out as nlohmann/json's dump() writes it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/io/json_writer.hpp"

using socinv::io::json_writer;

namespace {

std::string number(double x) {
    std::string out;
    json_writer(out).value(x);
    return out;
}

std::string text(std::string_view s) {
    std::string out;
    json_writer(out).value(s);
    return out;
}

}  // namespace

TEST(JsonWriter, StructureAndSeparators) {
    std::string out;
    json_writer w(out);
    w.begin_object();
    w.member("a", 1).key("b").begin_array().value(true).null().begin_object().end_object().begin_array().end_array();
    w.value("x").end_array();
    w.member("c", -2.5).key("d").begin_object().member("e", std::int64_t{-9}).end_object();
    w.end_object();
    EXPECT_EQ(out, R"({"a":1,"b":[true,null,{},[],"x"],"c":-2.5,"d":{"e":-9}})");
    EXPECT_EQ(nlohmann::json::parse(out).dump(), out);
}

TEST(JsonWriter, IntegersAtTheirLimits) {
    std::string out;
    json_writer(out).begin_array().value(std::numeric_limits<std::int64_t>::min()).value(std::numeric_limits<std::uint64_t>::max()).value(0u).end_array();
    EXPECT_EQ(out, "[-9223372036854775808,18446744073709551615,0]");
}

TEST(JsonWriter, DoublesAsNlohmannWritesThem) {
    EXPECT_EQ(number(0.0), "0.0");
    EXPECT_EQ(number(-0.0), "-0.0");
    EXPECT_EQ(number(3.0), "3.0");
    EXPECT_EQ(number(0.1), "0.1");
    EXPECT_EQ(number(NAN), "null");
    EXPECT_EQ(number(-INFINITY), "null");
    for (const double x : {1e15, 1234567890123456.0, 1e16, 123456789012345680000.0, 1e21, 1e300, 5e-324, 1e-5, 1.234e-5,
                           0.00012, 0.0001234, 4100000.0, 2.5e-8, 1.7976931348623157e308, -1e100, 999999999999999.9}) {
        EXPECT_EQ(number(x), nlohmann::json(x).dump()) << x;
        EXPECT_EQ(nlohmann::json::parse(number(x)).get<double>(), x);  // and it reads back exactly
    }
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> exponent(-30, 30), mantissa(-10, 10);
    for (int i = 0; i < 20'000; ++i) {
        const double x = mantissa(rng) * std::pow(10.0, std::floor(exponent(rng)));
        // nlohmann's Grisu2 digits are not always the shortest (5.1328214651317837e+17 where 16
        // digits round-trip): the same value and the same notation, not always the same digits.
        const std::string ours = number(x), theirs = nlohmann::json(x).dump();
        ASSERT_EQ(nlohmann::json::parse(ours).get<double>(), x) << ours;
        ASSERT_EQ(ours.find('e') == std::string::npos, theirs.find('e') == std::string::npos) << ours << " " << theirs;
        ASSERT_LE(ours.size(), theirs.size()) << ours << " " << theirs;
    }
}

TEST(JsonWriter, StringsEscapedAsNlohmannDoes) {
    EXPECT_EQ(text("plain åäö"), "\"plain åäö\"");
    EXPECT_EQ(text("q\"b\\s/"), R"("q\"b\\s/")");
    EXPECT_EQ(text("\b\f\n\r\t"), R"("\b\f\n\r\t")");
    EXPECT_EQ(text(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
    std::string all;
    for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
    all += "€ ö";
    EXPECT_EQ(text(all), nlohmann::json(all).dump());
    std::string keyed;
    json_writer(keyed).begin_object().member("k\ney", "v").end_object();
    EXPECT_EQ(keyed, R"({"k\ney":"v"})");
}
