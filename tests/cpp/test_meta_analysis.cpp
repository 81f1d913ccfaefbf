#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "socinv/outcomes/meta_analysis.hpp"

using socinv::combine_effects;
using socinv::tau2_method;

namespace {

void expect_rel(double actual, double expected, double tol = 1e-9) {
    EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::fabs(expected))) << "expected " << expected;
}

// metafor's dat.bcg (Colditz et al. 1994): 13 trials of the BCG vaccine, as log risk ratios
// (metafor's escalc(measure = "RR")).
struct bcg {
    std::vector<double> y, v;
    bcg() {
        const double tpos[] = {4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27};
        const double tneg[] = {119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886};
        const double cpos[] = {11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29};
        const double cneg[] = {128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825};
        for (int i = 0; i < 13; ++i) {
            const double n1 = tpos[i] + tneg[i], n2 = cpos[i] + cneg[i];
            y.push_back(std::log(tpos[i] / n1) - std::log(cpos[i] / n2));
            v.push_back(1 / tpos[i] - 1 / n1 + 1 / cpos[i] - 1 / n2);
        }
    }
};

}  // namespace

TEST(CombineEffects, BcgDerSimonianLairdMatchesMetaforAndStatsmodels) {
    const bcg d;
    const auto r = combine_effects(d.y, d.v, tau2_method::dl);
    // Published (metafor, rma(method = "DL")): −0.7141, τ² 0.3088, I² 92.12 %, Q 152.2330.
    EXPECT_NEAR(r.random.mean, -0.7141, 5e-5);
    EXPECT_NEAR(r.tau2, 0.3088, 5e-5);
    // statsmodels: combine_effects(y, v, method_re="dl").
    expect_rel(r.random.mean, -0.7141172220732273);
    expect_rel(r.tau2, 0.3087602628623761);
    expect_rel(r.random.se, 0.1787420895354031);
    expect_rel(r.random.ci.low, -1.06444528, 1e-8);
    expect_rel(r.random.ci.high, -0.36378916, 1e-8);
    expect_rel(r.i2, 0.9211734685456205);
    expect_rel(r.q, 152.2330080823733);
    expect_rel(r.fixed.mean, -0.4302851636540909);
    EXPECT_EQ(r.k, 13u);
    EXPECT_NEAR(std::accumulate(r.weights_random.begin(), r.weights_random.end(), 0.0), 1.0, 1e-14);
}

TEST(CombineEffects, BcgPauleMandelAndReml) {
    const bcg d;
    // statsmodels: combine_effects(y, v, method_re="pm", atol=1e-14, maxiter=1000).
    const auto pm = combine_effects(d.y, d.v, tau2_method::pm);
    expect_rel(pm.tau2, 0.31806845220502394, 1e-10);
    expect_rel(pm.random.mean, -0.7149681534934442, 1e-10);
    // metafor rma(method = "REML"): τ² 0.3132, estimate −0.7145, se 0.1798; to more places, the
    // maximum of the restricted likelihood found by scipy's bounded minimize_scalar.
    const auto reml = combine_effects(d.y, d.v, tau2_method::reml);
    EXPECT_NEAR(reml.tau2, 0.3132, 5e-5);
    EXPECT_NEAR(reml.random.mean, -0.7145, 5e-5);
    EXPECT_NEAR(reml.random.se, 0.1798, 5e-5);
    expect_rel(reml.tau2, 0.3132432564779402, 1e-7);
}

TEST(CombineEffects, SmallSetAgreesWithStatsmodels) {
    const std::vector<double> y{0.1, 0.3, 0.35, 0.65, 0.45, 0.15}, v{0.03, 0.03, 0.05, 0.01, 0.05, 0.02};
    // statsmodels: combine_effects(y, v, method_re="dl").
    const auto r = combine_effects(y, v);
    expect_rel(r.tau2, 0.039785966460723785);
    expect_rel(r.random.mean, 0.34424967841900606);
    expect_rel(r.random.se, 0.10675419027375892);
    expect_rel(r.q, 12.805627705627714);
    expect_rel(r.i2, 0.609546668469626);
    expect_rel(r.fixed.mean, 0.3967532467532467);
    expect_rel(r.fixed.se, 0.062418778393235924);
    // statsmodels: combine_effects(...).test_homogeneity().pvalue.
    expect_rel(r.q_pvalue, 0.025269952612901995);
}

TEST(CombineEffects, HomogeneousEffectsGiveZeroTau2NotANegativeOne) {
    const std::vector<double> y{0.30, 0.31, 0.29}, v{0.04, 0.05, 0.06};
    for (auto m : {tau2_method::dl, tau2_method::pm, tau2_method::reml}) {
        const auto r = combine_effects(y, v, m);
        EXPECT_EQ(r.tau2, 0.0);
        EXPECT_EQ(r.i2, 0.0);
        EXPECT_EQ(r.random.mean, r.fixed.mean);
    }
}

TEST(CombineEffects, OneStudyIsItself) {
    const std::vector<double> y{0.4}, v{0.01};
    const auto r = combine_effects(y, v, tau2_method::reml);
    EXPECT_EQ(r.random.mean, 0.4);
    EXPECT_NEAR(r.random.se, 0.1, 1e-15);
    EXPECT_EQ(r.tau2, 0.0);
}

TEST(CombineEffects, BadArguments) {
    const std::vector<double> y{0.1, 0.2}, v{0.01, 0.0}, short_v{0.01};
    EXPECT_THROW(combine_effects(y, v), std::invalid_argument);
    EXPECT_THROW(combine_effects(y, short_v), std::invalid_argument);
    EXPECT_THROW(combine_effects(std::vector<double>{}, std::vector<double>{}), std::invalid_argument);
    EXPECT_THROW(socinv::parse_tau2_method("hs"), socinv::input_error);
}
