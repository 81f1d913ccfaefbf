#pragma once
// Money: whole öre in a signed 64-bit integer, with checked arithmetic.

#include <compare>
#include <cstdint>
#include <limits>
#include <string>

#include "socinv/core/error.hpp"

namespace socinv {

class money {
public:
    constexpr money() noexcept = default;

    static constexpr money from_ore(std::int64_t ore) noexcept { return money(ore); }

    static money from_sek(std::int64_t sek) {
        std::int64_t ore = 0;
        if (__builtin_mul_overflow(sek, std::int64_t{100}, &ore))
            throw money_overflow("amount of " + std::to_string(sek) + " SEK does not fit in 64-bit öre");
        return money(ore);
    }

    constexpr std::int64_t ore() const noexcept { return ore_; }
    // Whole kronor, truncated toward zero; for display and rough figures only.
    constexpr std::int64_t whole_sek() const noexcept { return ore_ / 100; }
    constexpr double sek() const noexcept { return static_cast<double>(ore_) / 100.0; }

    constexpr bool is_zero() const noexcept { return ore_ == 0; }
    constexpr bool is_negative() const noexcept { return ore_ < 0; }

    friend constexpr auto operator<=>(money, money) noexcept = default;

    friend money operator+(money a, money b) {
        std::int64_t r = 0;
        if (__builtin_add_overflow(a.ore_, b.ore_, &r)) throw money_overflow("money sum overflows 64-bit öre");
        return money(r);
    }
    friend money operator-(money a, money b) {
        std::int64_t r = 0;
        if (__builtin_sub_overflow(a.ore_, b.ore_, &r))
            throw money_overflow("money difference overflows 64-bit öre");
        return money(r);
    }
    friend money operator*(money a, std::int64_t factor) {
        std::int64_t r = 0;
        if (__builtin_mul_overflow(a.ore_, factor, &r)) throw money_overflow("money product overflows 64-bit öre");
        return money(r);
    }
    money operator-() const {
        if (ore_ == std::numeric_limits<std::int64_t>::min()) throw money_overflow("money negation overflows");
        return money(-ore_);
    }
    money& operator+=(money other) { return *this = *this + other; }
    money& operator-=(money other) { return *this = *this - other; }

private:
    constexpr explicit money(std::int64_t ore) noexcept : ore_(ore) {}
    std::int64_t ore_ = 0;
};

}  // namespace socinv
