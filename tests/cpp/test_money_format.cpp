#include <gtest/gtest.h>

#include <random>

#include "socinv/core/money_format.hpp"

using socinv::format_decimal;
using socinv::format_sek;
using socinv::money;
using socinv::parse_sek;

TEST(MoneyFormat, SwedishText) {
    EXPECT_EQ(format_sek(money::from_sek(4'100'000)), "4 100 000 kr");
    EXPECT_EQ(format_sek(money::from_ore(123456)), "1 234,56 kr");
    EXPECT_EQ(format_sek(money::from_ore(-5)), "-0,05 kr");
    EXPECT_EQ(format_sek(money::from_sek(999)), "999 kr");
    EXPECT_EQ(format_sek(money::from_ore(std::numeric_limits<std::int64_t>::min())), "-92 233 720 368 547 758,08 kr");
}

TEST(MoneyFormat, PlainDecimal) {
    EXPECT_EQ(format_decimal(money::from_sek(4'100'000)), "4100000.00");
    EXPECT_EQ(format_decimal(money::from_ore(-150)), "-1.50");
}

TEST(MoneyFormat, ParsesTheWaysPeopleWriteKronor) {
    EXPECT_EQ(parse_sek("4100000").ore(), 410'000'000);
    EXPECT_EQ(parse_sek("4 100 000").ore(), 410'000'000);
    EXPECT_EQ(parse_sek("4 100 000,50 kr").ore(), 410'000'050);
    EXPECT_EQ(parse_sek("4100000.5").ore(), 410'000'050);
    EXPECT_EQ(parse_sek("1 500 000,00 SEK").ore(), 150'000'000);
    EXPECT_EQ(parse_sek("-12.5").ore(), -1250);
    EXPECT_EQ(parse_sek("1.5e6").ore(), 150'000'000);
    EXPECT_EQ(parse_sek("4\xC2\xA0" "100").ore(), 410'000);  // no-break space
    EXPECT_EQ(parse_sek("0.10").ore(), 10);
}

TEST(MoneyFormat, RejectsOverPreciseAndMalformed) {
    for (const char* bad : {"12.345", "", "kr", "abc", "1,2,3", "1.2.3", "--5", "12e", "1e99", " . "}) {
        EXPECT_THROW(parse_sek(bad), socinv::input_error) << bad;
    }
    try {
        parse_sek("12.345");
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_NE(e.message().find("more than two decimals"), std::string::npos);
        EXPECT_EQ(e.value(), "\"12.345\"");
    }
}

TEST(MoneyFormat, RejectsAmountsThatOverflow) {
    EXPECT_EQ(parse_sek("92233720368547758.07").ore(), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(parse_sek("-92233720368547758.08").ore(), std::numeric_limits<std::int64_t>::min());
    EXPECT_THROW(parse_sek("92233720368547758.08"), socinv::input_error);
    EXPECT_THROW(parse_sek("99999999999999999999999"), socinv::input_error);
}

TEST(MoneyFormat, DoublesAreReadAsTheirShortestDecimal) {
    EXPECT_EQ(socinv::sek_from_double(0.1).ore(), 10);
    EXPECT_EQ(socinv::sek_from_double(1234.56).ore(), 123456);
    EXPECT_EQ(socinv::sek_from_double(1e6).ore(), 100'000'000);
    EXPECT_THROW(socinv::sek_from_double(1.005), socinv::input_error);
    EXPECT_THROW(socinv::sek_from_double(1e30), socinv::input_error);
}

TEST(MoneyFormat, PlainDecimalRoundTrips) {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const auto m = money::from_ore(static_cast<std::int64_t>(rng()));
        EXPECT_EQ(parse_sek(format_decimal(m)), m);
        EXPECT_EQ(parse_sek(format_sek(m)), m);
    }
}
