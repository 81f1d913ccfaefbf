#pragma once
// A minimal parallel loop over the machine's cores, for batches and simulations.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace socinv::detail {

inline std::size_t worker_count() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16); }

// Calls f(i) for every i in [0, n), spread over the cores: each worker takes the next indices
// as it finishes, so a core slowed by other work takes fewer. Each worker gets at least
// `grain` indices (small loops are not worth a thread). The first exception thrown by f is
// re-thrown here after all workers have stopped; they take no new indices after it.
template <class F>
void parallel_for(std::size_t n, F&& f, std::size_t workers = worker_count(), std::size_t grain = 32) {
    workers = std::max<std::size_t>(1, std::min(workers, (n + grain - 1) / std::max<std::size_t>(grain, 1)));
    std::vector<std::exception_ptr> errors(workers);
    // Indices are handed out in chunks of up to `grain`, a few per worker at least, so that
    // the shared counter is touched rarely.
    const std::size_t chunk = std::clamp<std::size_t>(n / (workers * 8), 1, std::max<std::size_t>(grain, 1));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    auto run = [&](std::size_t w) {
        try {
            for (std::size_t begin = next.fetch_add(chunk); begin < n && !failed; begin = next.fetch_add(chunk))
                for (std::size_t i = begin; i < std::min(n, begin + chunk); ++i) f(i);
        } catch (...) {
            errors[w] = std::current_exception();
            failed = true;
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
