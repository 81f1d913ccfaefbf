#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "socinv/core/money.hpp"
#include "socinv/detail/int128.hpp"

using socinv::money;

TEST(Money, FromSekCountsOre) {
    EXPECT_EQ(money::from_sek(4'100'000).ore(), 410'000'000);
    EXPECT_EQ(money::from_sek(-3).ore(), -300);
    EXPECT_EQ(money::from_ore(12345).whole_sek(), 123);
}

TEST(Money, ArithmeticIsExact) {
    EXPECT_EQ((money::from_ore(10) + money::from_ore(20)).ore(), 30);
    EXPECT_EQ((money::from_ore(10) - money::from_ore(20)).ore(), -10);
    EXPECT_EQ((money::from_ore(7) * 3).ore(), 21);
    EXPECT_EQ((-money::from_ore(7)).ore(), -7);
    EXPECT_LT(money::from_ore(1), money::from_ore(2));
}

TEST(Money, OverflowIsAnErrorNotAWrap) {
    const auto max = money::from_ore(std::numeric_limits<std::int64_t>::max());
    const auto min = money::from_ore(std::numeric_limits<std::int64_t>::min());
    EXPECT_THROW(max + money::from_ore(1), socinv::money_overflow);
    EXPECT_THROW(min - money::from_ore(1), socinv::money_overflow);
    EXPECT_THROW(max * 2, socinv::money_overflow);
    EXPECT_THROW(-min, socinv::money_overflow);
    EXPECT_THROW(money::from_sek(std::numeric_limits<std::int64_t>::max() / 10), socinv::money_overflow);
    EXPECT_NO_THROW(money::from_sek(std::numeric_limits<std::int64_t>::max() / 100));
}

TEST(Money, AdditionAgreesWithWideArithmeticOrThrows) {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 10000; ++i) {
        const auto a = static_cast<std::int64_t>(rng()), b = static_cast<std::int64_t>(rng());
        const socinv::detail::int128 exact = static_cast<socinv::detail::int128>(a) + b;
        const bool fits = exact >= std::numeric_limits<std::int64_t>::min() && exact <= std::numeric_limits<std::int64_t>::max();
        if (fits) {
            EXPECT_EQ((money::from_ore(a) + money::from_ore(b)).ore(), static_cast<std::int64_t>(exact));
        } else {
            EXPECT_THROW(money::from_ore(a) + money::from_ore(b), socinv::money_overflow);
        }
    }
}
