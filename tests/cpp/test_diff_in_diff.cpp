#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "socinv/outcomes/diff_in_diff.hpp"

using socinv::mean_observation;
using socinv::proportion_observation;

TEST(DiffInDiff, ProportionsAgreeWithTheFormula) {
    // numpy/scipy: ((45/100 − 20/100) − (30/105 − 22/110)), se = √Σ p(1 − p)/n, ∓ norm.isf(0.025) se.
    const auto r = socinv::diff_in_diff(proportion_observation{20, 100}, proportion_observation{45, 100},
                                        proportion_observation{22, 110}, proportion_observation{30, 105});
    EXPECT_NEAR(r.estimate, 0.1642857142857143, 1e-15);
    EXPECT_NEAR(r.se, 0.08644755665281278, 1e-15);
    EXPECT_NEAR(r.ci.low, -0.0051483833052847205, 1e-14);
    EXPECT_NEAR(r.ci.high, 0.33371981187671335, 1e-14);
}

TEST(DiffInDiff, MeansUseSdSquaredOverN) {
    const auto r = socinv::diff_in_diff(mean_observation{10, 2, 25}, mean_observation{13, 2, 25},
                                        mean_observation{10, 3, 36}, mean_observation{11, 3, 36});
    EXPECT_DOUBLE_EQ(r.estimate, 2.0);
    EXPECT_DOUBLE_EQ(r.se, std::sqrt(2 * 4.0 / 25 + 2 * 9.0 / 36));
}

TEST(DiffInDiff, KindsMustAgreeAndDataMustBePossible) {
    EXPECT_THROW(socinv::diff_in_diff(proportion_observation{20, 100}, mean_observation{13, 2, 25},
                                      proportion_observation{22, 110}, proportion_observation{30, 105}),
                 std::invalid_argument);
    try {
        socinv::diff_in_diff(proportion_observation{20, 100}, proportion_observation{45, 100},
                             proportion_observation{22, 110}, proportion_observation{130, 105});
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/comparison_after/successes");
        EXPECT_EQ(e.value(), "130");
    }
}
