// Tests for socinv/detail/parallel.hpp: every index once, any worker count, exceptions re-thrown.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "socinv/detail/parallel.hpp"

using socinv::detail::parallel_for;
using socinv::detail::worker_count;

TEST(ParallelFor, EveryIndexExactlyOnce) {
    for (std::size_t n : {0u, 1u, 31u, 32u, 33u, 1000u, 4097u})
        for (std::size_t workers : {1u, 2u, 3u, 16u})
            for (std::size_t grain : {0u, 1u, 7u, 32u, 5000u}) {
                std::vector<std::atomic<int>> calls(n);
                parallel_for(n, [&](std::size_t i) { calls[i].fetch_add(1); }, workers, grain);
                for (std::size_t i = 0; i < n; ++i)
                    ASSERT_EQ(calls[i].load(), 1) << "n " << n << " workers " << workers << " grain " << grain << " i " << i;
            }
}

TEST(ParallelFor, WorkerCountIsWithinItsBounds) {
    EXPECT_GE(worker_count(), 1u);
    EXPECT_LE(worker_count(), 16u);
}

TEST(ParallelFor, TheExceptionIsRethrownAndStopsNewWork) {
    std::atomic<std::size_t> done{0};
    try {
        parallel_for(100'000, [&](std::size_t i) {
            if (i == 10) throw std::runtime_error("index 10");
            done.fetch_add(1);
        }, 2, 1);
        ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "index 10");
    }
    // Workers stop taking indices once one has failed: far fewer than all were run.
    EXPECT_LT(done.load(), 100'000u - 1);
}

TEST(ParallelFor, OneWorkerRunsInOrderOnTheCallingThread) {
    std::vector<std::size_t> order;
    parallel_for(100, [&](std::size_t i) { order.push_back(i); }, 1);
    ASSERT_EQ(order.size(), 100u);
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
}
