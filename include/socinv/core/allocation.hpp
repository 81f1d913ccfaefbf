#pragma once
// Splitting an amount of money over parts by weights so that the parts add up exactly.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "socinv/core/money.hpp"
#include "socinv/detail/int128.hpp"

namespace socinv {

// Largest-remainder (Hamilton) allocation: each part gets floor(total × w / Σw) öre, and the
// öre left over go one each to the parts with the largest remainders (earlier parts win ties).
// The parts always sum to `total`. A negative total is allocated as the negation of its
// magnitude's allocation, so allocate(-x) == -allocate(x) part by part.
inline std::vector<money> allocate(money total, std::span<const std::int64_t> weights) {
    if (weights.empty()) throw std::invalid_argument("allocate: no weights given");
    detail::int128 weight_sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] < 0)
            throw std::invalid_argument("allocate: weight " + std::to_string(i) + " is negative (" +
                                        std::to_string(weights[i]) + ")");
        weight_sum += weights[i];
    }
    if (weight_sum == 0) throw std::invalid_argument("allocate: the weights sum to zero");

    const bool negative = total.is_negative();
    const detail::int128 magnitude = negative ? -static_cast<detail::int128>(total.ore()) : total.ore();
    std::vector<detail::int128> shares(weights.size());
    std::vector<detail::int128> remainders(weights.size());
    detail::int128 given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const detail::int128 product = magnitude * weights[i];  // < 2^63 · 2^63: fits in 128 bits
        shares[i] = product / weight_sum;
        remainders[i] = product % weight_sum;
        given += shares[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (detail::int128 left = magnitude - given, k = 0; left > 0; --left, ++k)
        shares[order[static_cast<std::size_t>(k)]] += 1;

    std::vector<money> parts;
    parts.reserve(weights.size());
    for (detail::int128 share : shares) {
        const auto ore = static_cast<std::int64_t>(negative ? -share : share);
        parts.push_back(money::from_ore(ore));
    }
    return parts;
}

inline std::vector<money> allocate(money total, std::initializer_list<std::int64_t> weights) {
    return allocate(total, std::span<const std::int64_t>(weights.begin(), weights.size()));
}

}  // namespace socinv
