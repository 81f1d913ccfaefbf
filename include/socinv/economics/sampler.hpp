#pragma once
// Drawing from a distribution many times: the constants each draw needs are computed once.

#include <cmath>
#include <cstddef>

#include "socinv/economics/beta_sampler.hpp"
#include "socinv/economics/distribution.hpp"
#include "socinv/economics/normal_ziggurat.hpp"
#include "socinv/economics/random.hpp"

namespace socinv {

// A distribution prepared for drawing: `sampler(d)(rng)` is one draw of d from the stream.
// Uniform and triangular draws take one uniform each (inversion); normal and lognormal one
// ziggurat normal; PERT a Beta draw (three outputs, rarely more); fixed takes nothing from
// the stream.
class sampler {
public:
    explicit sampler(const distribution& d) : kind_(d.kind), low_(d.a) {
        switch (d.kind) {
            case distribution_kind::fixed: break;
            case distribution_kind::uniform: width_ = d.b - d.a; break;
            case distribution_kind::triangular:
                cut_ = (d.b - d.a) / (d.c - d.a);
                left_ = (d.c - d.a) * (d.b - d.a);
                right_ = (d.c - d.a) * (d.c - d.b);
                high_ = d.c;
                break;
            case distribution_kind::normal:
            case distribution_kind::lognormal: width_ = d.b; break;
            case distribution_kind::pert: {
                const auto [alpha, beta] = d.pert_shape();
                beta_ = detail::beta_sampler(alpha, beta);
                width_ = d.c - d.a;
                break;
            }
        }
    }

    bool is_fixed() const { return kind_ == distribution_kind::fixed; }

    double operator()(draw_stream& rng) const { return draw(kind_, rng); }

    // One draw from each of n streams into out[0..n): the same draws as n calls, with the kind
    // decided once, and independent streams side by side for the processor to overlap.
    void fill(draw_stream* streams, std::size_t n, double* out) const {
        switch (kind_) {
            case distribution_kind::fixed: return fill_as<distribution_kind::fixed>(streams, n, out);
            case distribution_kind::uniform: return fill_as<distribution_kind::uniform>(streams, n, out);
            case distribution_kind::triangular: return fill_as<distribution_kind::triangular>(streams, n, out);
            case distribution_kind::normal: return fill_as<distribution_kind::normal>(streams, n, out);
            case distribution_kind::lognormal: return fill_as<distribution_kind::lognormal>(streams, n, out);
            case distribution_kind::pert:
                beta_.fill(streams, n, out);
                for (std::size_t i = 0; i < n; ++i) out[i] = low_ + out[i] * width_;
                return;
        }
    }

private:
    template <distribution_kind kind>
    void fill_as(draw_stream* streams, std::size_t n, double* out) const {
        for (std::size_t i = 0; i < n; ++i) out[i] = draw(kind, streams[i]);
    }

    // Inlined with a constant kind, the switch disappears.
    [[gnu::always_inline]] double draw(distribution_kind kind, draw_stream& rng) const {
        switch (kind) {
            case distribution_kind::fixed: return low_;
            case distribution_kind::uniform: return low_ + rng.uniform() * width_;
            case distribution_kind::triangular: {
                // Which side of the mode a draw falls on is a coin toss that a branch predictor
                // loses half the time, so the side is chosen by arithmetic: left is exactly 0 or 1.
                const double p = rng.uniform();
                const double left = p < cut_ ? 1.0 : 0.0;
                const double root = std::sqrt(left * (p * left_) + (1 - left) * ((1 - p) * right_));
                return left * (low_ + root) + (1 - left) * (high_ - root);
            }
            case distribution_kind::normal: return low_ + width_ * detail::standard_normal(rng);
            case distribution_kind::lognormal: return std::exp(low_ + width_ * detail::standard_normal(rng));
            case distribution_kind::pert: return low_ + beta_(rng) * width_;
        }
        return low_;
    }

    distribution_kind kind_;
    double low_ = 0, width_ = 0, high_ = 0;   // location and spread (mean and sd for normal kinds)
    double cut_ = 0, left_ = 0, right_ = 0;   // triangular: the mode's quantile and the two slopes
    detail::beta_sampler beta_;              // PERT
};

}  // namespace socinv
