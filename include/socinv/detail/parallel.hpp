#pragma once
// A minimal parallel loop over the machine's cores, for batch assessment.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace socinv::detail {

inline std::size_t worker_count() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16); }

// Calls f(i) for every i in [0, n), spread over the cores in interleaved order; each worker
// gets at least `grain` indices (small loops are not worth a thread). The first exception
// thrown by f is re-thrown here after all workers have stopped.
template <class F>
void parallel_for(std::size_t n, F&& f, std::size_t workers = worker_count(), std::size_t grain = 32) {
    workers = std::max<std::size_t>(1, std::min(workers, (n + grain - 1) / std::max<std::size_t>(grain, 1)));
    std::vector<std::exception_ptr> errors(workers);
    auto run = [&](std::size_t w) {
        try {
            for (std::size_t i = w; i < n; i += workers) f(i);
        } catch (...) {
            errors[w] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> pool;
        for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(run, w);
        run(0);
    }
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace socinv::detail
