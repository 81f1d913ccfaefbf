#include <cmath>
#include <cstdio>
#include <random>

#include <gtest/gtest.h>

#include "socinv/core/format.hpp"
#include "socinv/core/money_format.hpp"

using socinv::language;

TEST(Format, MillionsInEachLanguage) {
    EXPECT_EQ(socinv::format_msek(4'310'000), "4.31 MSEK");
    EXPECT_EQ(socinv::format_msek(4'310'000, language::sv), "4,31 mnkr");
    EXPECT_EQ(socinv::format_msek(-1'028'740.88, language::sv), "-1,03 mnkr");
    EXPECT_EQ(socinv::format_msek(4'310'000, language::en), "SEK 4.31 million");
}

TEST(Format, PercentInEachLanguage) {
    EXPECT_EQ(socinv::format_percent(0.228), "22.8 %");
    EXPECT_EQ(socinv::format_percent(0.228, language::sv), "22,8 %");
    EXPECT_EQ(socinv::format_percent(0.228, language::en), "22.8%");
    EXPECT_EQ(socinv::format_percent(1.0, language::en), "100.0%");
}

TEST(Format, FixedDecimalsTakeTheLanguagesDecimalMark) {
    EXPECT_EQ(socinv::format_fixed(4.94, 1, language::sv), "4,9");
    EXPECT_EQ(socinv::format_fixed(4.94, 1, language::en), "4.9");
    EXPECT_EQ(socinv::format_fixed(30, 0, language::sv), "30");
}

TEST(Format, CountsAgreeWithTheirNoun) {
    EXPECT_EQ(socinv::counted(1, "dag", "dagar"), "1 dag");
    EXPECT_EQ(socinv::counted(0, "dag", "dagar"), "0 dagar");
    EXPECT_EQ(socinv::counted(2, "day", "days"), "2 days");
    EXPECT_EQ(socinv::counted(-1, "day", "days"), "-1 days");
}

TEST(Format, PaddingCountsCharactersNotBytes) {
    EXPECT_EQ(socinv::pad_to("år", 4), "år  ");
    EXPECT_EQ(socinv::pad_to("toolong", 3), "toolong");
}

TEST(MoneyFormat, EnglishText) {
    using socinv::money;
    EXPECT_EQ(socinv::format_sek(money::from_sek(4'100'000), language::en), "SEK 4,100,000");
    EXPECT_EQ(socinv::format_sek(money::from_ore(-123456), language::en), "-SEK 1,234.56");
    EXPECT_EQ(socinv::format_sek(money::from_ore(123456), language::sv), "1 234,56 kr");
}

// fixed_digits writes what printf's "%.*f" writes, rounding included, for values of every size.
TEST(Format, FixedDigitsAreThoseOfPrintf) {
    using socinv::detail::fixed_digits;
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> exponent(-8, 16), mantissa(-10, 10);
    for (int i = 0; i < 20'000; ++i) {
        const double x = i % 97 == 0 ? std::round(mantissa(rng) * 200) / 400  // ties such as 0.125
                                     : mantissa(rng) * std::pow(10.0, exponent(rng));
        const int decimals = i % 4;
        char expected[400];
        std::snprintf(expected, sizeof expected, "%.*f", decimals, x);
        ASSERT_EQ(fixed_digits(x, decimals), expected) << x;
    }
}
