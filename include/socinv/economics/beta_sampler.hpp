#pragma once
// Beta draws for PERT inputs: exact rejection from a table-built hat, a few nanoseconds a draw.

#include <cmath>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "socinv/economics/random.hpp"

namespace socinv::detail {

// Beta(alpha, beta) with alpha, beta >= 1 (PERT's shapes lie in [1, 5]): the density is bounded
// and unimodal, so on each of 256 equal cells of [0, 1] its maximum and minimum are known from
// the cell's ends and the mode. A draw picks a cell in proportion to its maximum (Walker's
// alias method), a point x in it and a height y under the maximum, and keeps x if y lies
// under the density: below the cell's minimum no density is computed (about 98 % of draws).
// Rejection makes the draws exact; the table only makes them fast. Built once per input.
class beta_sampler {
public:
    static constexpr int cell_bits = 8;
    static constexpr std::size_t cells = std::size_t{1} << cell_bits;

    beta_sampler() = default;
    beta_sampler(double alpha, double beta) : alpha_(alpha), beta_(beta) {
        if (!(alpha >= 1 && beta >= 1 && std::isfinite(alpha) && std::isfinite(beta)))
            throw std::invalid_argument("beta_sampler needs finite shapes of at least 1");
        auto table = std::make_shared<std::vector<cell>>(cells);
        auto& t = *table;
        const double mode = alpha + beta > 2 ? (alpha - 1) / (alpha + beta - 2) : 0.5;
        double total = 0;
        for (std::size_t i = 0; i < cells; ++i) {
            const double x0 = static_cast<double>(i) / cells, x1 = static_cast<double>(i + 1) / cells;
            const double f0 = density(x0), f1 = density(x1);
            const double top = x0 <= mode && mode <= x1 ? density(mode) : std::max(f0, f1);
            t[i].hat = top;
            t[i].squeeze = top > 0 ? std::min(f0, f1) / top : 0;
            total += top;
        }
        build_alias(t, total);
        table_ = std::move(table);
    }

    double operator()(draw_stream& rng) const {
        for (;;) {
            const candidate c = propose(rng);
            if (c.y <= c.squeeze || c.y * c.hat <= density(c.x)) return c.x;
        }
    }

    // One draw from each of n streams, the same draws as n calls: every stream's first
    // candidate is proposed in a loop without branches or calls, and only the few candidates
    // above their cell's squeeze are settled afterwards, each from its own stream.
    void fill(draw_stream* streams, std::size_t n, double* out) const {
        constexpr std::size_t chunk = 64;
        std::size_t pending[chunk];
        double heights[chunk];
        for (std::size_t first = 0; first < n; first += chunk) {
            const std::size_t m = std::min(chunk, n - first);
            std::size_t waiting = 0;
            for (std::size_t j = 0; j < m; ++j) {
                const candidate c = propose(streams[first + j]);
                out[first + j] = c.x;
                heights[j] = c.y * c.hat;
                pending[waiting] = j;
                waiting += c.y > c.squeeze;
            }
            for (std::size_t p = 0; p < waiting; ++p) {
                const std::size_t j = pending[p];
                if (heights[j] > density(out[first + j])) out[first + j] = (*this)(streams[first + j]);
            }
        }
    }

private:
    struct candidate {
        double x, y, squeeze, hat;
    };

    // A point in a cell chosen in proportion to its hat, and a height as a share of the hat.
    candidate propose(draw_stream& rng) const {
        const auto& t = *table_;
        // The top bits choose the cell, the 53 below them the alias coin: disjoint bits.
        const std::uint64_t bits = rng.next();
        const auto drawn = static_cast<std::size_t>(bits >> (64 - cell_bits));
        const double coin = (static_cast<double>((bits << cell_bits) >> 11) + 0.5) * 0x1.0p-53;
        // Arithmetic, not a branch (which compilers emit for a ?: here): the coin is unpredictable.
        const auto to_alias = static_cast<std::size_t>(coin >= t[drawn].keep);
        const std::size_t i = drawn + to_alias * (t[drawn].alias - drawn);
        const double x = (static_cast<double>(i) + rng.uniform()) * (1.0 / cells);
        return {x, rng.uniform(), t[i].squeeze, t[i].hat};
    }

    struct cell {
        double keep = 1;      // alias method: stay in this cell if the coin is below it
        double squeeze = 0;   // the density's minimum over the cell, as a share of hat
        double hat = 0;       // the density's maximum over the cell
        std::uint32_t alias = 0;
    };

    // The density up to its constant: x^(alpha-1) (1-x)^(beta-1), at most 1.
    double density(double x) const {
        double log_f = 0;
        if (alpha_ != 1) log_f += (alpha_ - 1) * std::log(x);
        if (beta_ != 1) log_f += (beta_ - 1) * std::log1p(-x);
        return std::exp(log_f);
    }

    // Vose's construction: every cell's probability is its hat over the total, split into a
    // part kept and a part given to one alias.
    static void build_alias(std::vector<cell>& t, double total) {
        std::vector<double> scaled(cells);
        std::vector<std::uint32_t> small, large;
        for (std::size_t i = 0; i < cells; ++i) {
            scaled[i] = t[i].hat / total * cells;
            (scaled[i] < 1 ? small : large).push_back(static_cast<std::uint32_t>(i));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back(), l = large.back();
            small.pop_back();
            t[s].keep = scaled[s];
            t[s].alias = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1) {
                large.pop_back();
                small.push_back(l);
            }
        }
        for (auto i : large) t[i].keep = 1, t[i].alias = i;  // what rounding leaves over
        for (auto i : small) t[i].keep = 1, t[i].alias = i;
    }

    double alpha_ = 1, beta_ = 1;
    std::shared_ptr<const std::vector<cell>> table_;
};

}  // namespace socinv::detail
