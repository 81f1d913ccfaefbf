#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "socinv/detail/default_init_allocator.hpp"

using socinv::detail::default_init_allocator;

TEST(DefaultInitAllocator, SmallAndHugeArraysHoldWhatIsWrittenAndAreFreedByTheirOwnPath) {
    // Below 4 MB the standard allocator, from 4 MB aligned_alloc with huge-page advice: both
    // kinds are written, read, grown across the threshold and shrunk back (ASan checks that
    // each block is freed the way it was allocated).
    for (std::size_t n : {std::size_t{10}, std::size_t{300'000}, std::size_t{1'000'000}}) {
        std::vector<double, default_init_allocator<double>> v(n);
        std::iota(v.begin(), v.end(), 0.0);
        EXPECT_EQ(v[n - 1], static_cast<double>(n - 1));
        v.resize(2 * n);
        EXPECT_EQ(v[n - 1], static_cast<double>(n - 1));
        v.resize(3);
        v.shrink_to_fit();
        EXPECT_EQ(v[2], 2.0);
    }
    std::vector<double, default_init_allocator<double>> huge(1'000'000);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(huge.data()) % default_init_allocator<double>::huge_page, 0u);
}

TEST(DefaultInitAllocator, ValuesGivenAreKept) {
    std::vector<int, default_init_allocator<int>> v(5, 7);
    EXPECT_EQ(v, (std::vector<int, default_init_allocator<int>>{7, 7, 7, 7, 7}));
}
