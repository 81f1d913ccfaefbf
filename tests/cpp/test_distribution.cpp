#include <gtest/gtest.h>

#include <cmath>

#include "socinv/economics/distribution.hpp"
#include "socinv/economics/sampler.hpp"

using socinv::distribution;
using socinv::draw_stream;

TEST(Distribution, KnownQuantiles) {
    EXPECT_NEAR(distribution::normal(0, 1).quantile(0.975), 1.959963985, 1e-8);
    EXPECT_NEAR(distribution::normal(10, 2).quantile(0.5), 10.0, 1e-12);
    EXPECT_NEAR(distribution::triangular(0, 1, 2).quantile(0.5), 1.0, 1e-12);
    EXPECT_NEAR(distribution::triangular(0, 0, 1).quantile(0.75), 1 - std::sqrt(0.25), 1e-12);
    EXPECT_NEAR(distribution::uniform(2, 4).quantile(0.25), 2.5, 1e-12);
    EXPECT_NEAR(distribution::lognormal(std::log(3.0), 0.5).quantile(0.5), 3.0, 1e-9);
    EXPECT_NEAR(distribution::pert(0, 0.5, 1).quantile(0.5), 0.5, 1e-9);
    // PERT(0, 0, 1) is Beta(1, 5): its CDF is 1 - (1 - x)^5.
    EXPECT_NEAR(distribution::pert(0, 0, 1).quantile(0.5), 1 - std::pow(0.5, 0.2), 1e-9);
}

TEST(Distribution, Means) {
    EXPECT_DOUBLE_EQ(distribution::triangular(1, 2, 6).mean(), 3.0);
    EXPECT_DOUBLE_EQ(distribution::pert(0, 3, 6).mean(), 3.0);
    EXPECT_NEAR(distribution::lognormal(0, 1).mean(), std::exp(0.5), 1e-12);
    EXPECT_DOUBLE_EQ(distribution::fixed(7).mean(), 7.0);
}

TEST(Distribution, SampleMeansConvergeAndStayInSupport) {
    for (const auto& d : {distribution::uniform(1, 3), distribution::triangular(0, 2, 3), distribution::normal(5, 2),
                          distribution::lognormal(0.2, 0.4), distribution::pert(10, 12, 20), distribution::pert(0, 0.9, 1)}) {
        double sum = 0;
        const int n = 100000;
        const bool bounded = d.kind != socinv::distribution_kind::normal && d.kind != socinv::distribution_kind::lognormal;
        const double lo = d.quantile(0.0) - 1e-12, hi = d.quantile(1.0) + 1e-12;
        int outside = 0;
        const socinv::sampler draw(d);
        for (int i = 0; i < n; ++i) {
            draw_stream rng(99, static_cast<std::uint64_t>(i));
            const double x = draw(rng);
            outside += bounded && (x < lo || x > hi);
            sum += x;
        }
        EXPECT_EQ(outside, 0);
        EXPECT_NEAR(sum / n, d.mean(), 0.01 * std::max(1.0, std::abs(d.mean()))) << socinv::to_string(d.kind);
    }
}

TEST(Distribution, DrawsDependOnlyOnSeedAndIndex) {
    draw_stream a(5, 17), b(5, 17), c(5, 18), d(6, 17);
    const double x = a.uniform();
    EXPECT_EQ(x, b.uniform());
    EXPECT_NE(x, c.uniform());
    EXPECT_NE(x, d.uniform());
}

TEST(Distribution, RejectsImpossibleParameters) {
    EXPECT_THROW(distribution::uniform(3, 1), std::invalid_argument);
    EXPECT_THROW(distribution::triangular(0, 5, 1), std::invalid_argument);
    EXPECT_THROW(distribution::normal(0, 0), std::invalid_argument);
    EXPECT_THROW(distribution::pert(1, 1, 1), std::invalid_argument);
    EXPECT_THROW(distribution::lognormal(0, NAN), std::invalid_argument);
}
