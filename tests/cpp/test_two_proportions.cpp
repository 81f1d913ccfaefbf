#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "socinv/outcomes/two_proportions.hpp"

using socinv::confint_proportions_2indep;
using socinv::proportion_comparison;
using socinv::two_proportion_method;

namespace {

void expect_rel(double actual, double expected, double tol = 1e-9) {
    EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::fabs(expected))) << "expected " << expected;
}

struct known {
    double c1, n1, c2, n2;
    two_proportion_method method;
    proportion_comparison compare;
    double low, high;
};

constexpr auto diff = proportion_comparison::diff;
constexpr auto ratio = proportion_comparison::ratio;
constexpr auto odds = proportion_comparison::odds_ratio;
using m = two_proportion_method;

// statsmodels 0.15: confint_proportions_2indep(c1, n1, c2, n2, method=..., compare=...). The pairs
// are Newcombe's (1998) six examples; his method 10 (statsmodels' "newcomb") gives, to four places,
// 0.0524–0.3339, 0.1705–0.8090, 0.0582–0.8062, −0.0381–0.1926, −0.1611–0.2775, 0.6791–1.0000.
const known known_answers[] = {
    {56, 70, 48, 80, m::wald, diff, 0.057504899149037114, 0.342495100850963},
    {56, 70, 48, 80, m::agresti_caffo, diff, 0.052452926638053676, 0.33575845547576744},
    {56, 70, 48, 80, m::newcomb, diff, 0.05243147240236498, 0.33387265403690614},
    {56, 70, 48, 80, m::log, ratio, 1.0766264227631928, 1.6512485112663873},
    {56, 70, 48, 80, m::log_adjusted, ratio, 1.0759671541199218, 1.6444774830364233},
    {56, 70, 48, 80, m::logit, odds, 1.2762178705364342, 5.572019696074382},
    {56, 70, 48, 80, m::logit_adjusted, odds, 1.2605343313122692, 5.408657209033637},
    {9, 10, 3, 10, m::wald, diff, 0.26052427977714854, 0.9394757202228516},
    {9, 10, 3, 10, m::agresti_caffo, diff, 0.16000080110040027, 0.8399991988995997},
    {9, 10, 3, 10, m::newcomb, diff, 0.1705227239345029, 0.809017973535488},
    {9, 10, 3, 10, m::log, ratio, 1.1383503574476699, 7.906177514784793},
    {9, 10, 3, 10, m::log_adjusted, ratio, 1.1285217356208106, 6.528316386146222},
    {9, 10, 3, 10, m::logit, odds, 1.777485851006425, 248.10324073764215},
    {9, 10, 3, 10, m::logit_adjusted, odds, 1.59842784932428, 115.22801829763522},
    {6, 7, 2, 7, m::newcomb, diff, 0.05822792748231209, 0.8062496375242278},
    {6, 7, 2, 7, m::logit_adjusted, odds, 0.9359473550151609, 97.10422702457694},
    {5, 56, 0, 29, m::wald, diff, 0.014600240442591991, 0.1639711881288366},
    {5, 56, 0, 29, m::agresti_caffo, diff, -0.02886584630312586, 0.17124626899500572},
    {5, 56, 0, 29, m::newcomb, diff, -0.038137147903536936, 0.19256001385511165},
    {5, 56, 0, 29, m::log_adjusted, ratio, 0.3287109136013418, 100.35023254012818},
    {5, 56, 0, 29, m::logit_adjusted, odds, 0.3363799840030887, 118.02793222066407},
    {0, 10, 0, 20, m::newcomb, diff, -0.1611251580528194, 0.27753279986288926},
    {0, 10, 0, 20, m::log_adjusted, ratio, 0.04159964522608197, 91.6303820021535},
    {10, 10, 0, 20, m::newcomb, diff, 0.6790860371419145, 1.0},
    {10, 10, 0, 20, m::agresti_caffo, diff, 0.6922432378831911, 1.0501810045410513},
    {10, 10, 0, 20, m::logit_adjusted, odds, 15.930296472292303, 46535.292126508},
};

}  // namespace

TEST(ConfintProportions2indep, AgreesWithStatsmodelsOnNewcombesExamples) {
    for (const auto& k : known_answers) {
        SCOPED_TRACE(std::to_string(k.c1) + "/" + std::to_string(k.n1) + " vs " + std::to_string(k.c2) + "/" +
                     std::to_string(k.n2) + " " + std::string(socinv::to_string(k.method)));
        const auto ci = confint_proportions_2indep(k.c1, k.n1, k.c2, k.n2, k.method, k.compare);
        expect_rel(ci.low, k.low);
        expect_rel(ci.high, k.high);
    }
}

TEST(ConfintProportions2indep, DefaultsAreStatsmodels) {
    const auto d = confint_proportions_2indep(56, 70, 48, 80);
    expect_rel(d.low, 0.05243147240236498);
    const auto r = confint_proportions_2indep(56, 70, 48, 80, std::nullopt, ratio);
    expect_rel(r.low, 1.0759671541199218);
    const auto o = confint_proportions_2indep(56, 70, 48, 80, std::nullopt, odds);
    expect_rel(o.high, 5.408657209033637);
    // statsmodels: confint_proportions_2indep(56, 70, 48, 80, alpha=0.1).
    const auto a = confint_proportions_2indep(56, 70, 48, 80, std::nullopt, diff, 0.1);
    expect_rel(a.low, 0.07656419154407207);
    expect_rel(a.high, 0.31364458358294384);
}

TEST(ConfintProportions2indep, MethodMustFitTheComparison) {
    EXPECT_THROW(confint_proportions_2indep(5, 10, 3, 10, m::log, diff), std::invalid_argument);
    EXPECT_THROW(confint_proportions_2indep(5, 10, 3, 10, m::newcomb, odds), std::invalid_argument);
}

TEST(ConfintProportions2indep, UnadjustedLogAndLogitRefuseZeroCells) {
    EXPECT_THROW(confint_proportions_2indep(5, 56, 0, 29, m::log, ratio), std::invalid_argument);
    EXPECT_THROW(confint_proportions_2indep(10, 10, 3, 20, m::logit, odds), std::invalid_argument);
    EXPECT_NO_THROW(confint_proportions_2indep(10, 10, 3, 20, m::logit_adjusted, odds));
}

TEST(ConfintProportions2indep, BadCountsNameTheValues) {
    try {
        confint_proportions_2indep(5, 10, 12, 11);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()), "count2 12 is more than nobs2 11");
    }
}

TEST(ConfintProportions2indep, Names) {
    EXPECT_EQ(socinv::parse_two_proportion_method("agresti-caffo"), m::agresti_caffo);
    EXPECT_EQ(socinv::parse_proportion_comparison("odds-ratio"), odds);
    EXPECT_THROW(socinv::parse_two_proportion_method("score"), socinv::input_error);
}
