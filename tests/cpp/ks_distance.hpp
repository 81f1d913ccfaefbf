#pragma once
// The Kolmogorov–Smirnov distance between a sample and a CDF, for the samplers' tests.

#include <algorithm>
#include <functional>
#include <vector>

namespace socinv::testing {

inline double ks_distance(std::vector<double> x, const std::function<double(double)>& cdf) {
    std::sort(x.begin(), x.end());
    const auto n = static_cast<double>(x.size());
    double d = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double f = cdf(x[i]);
        d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
    }
    return d;
}

}  // namespace socinv::testing
