#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "socinv/outcomes/proportion_interval.hpp"

using socinv::proportion_confint;
using socinv::proportion_method;

namespace {

// Relative agreement, the way the tests against statsmodels state it.
void expect_rel(double actual, double expected, double tol = 1e-9) {
    EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::fabs(expected))) << "expected " << expected;
}

struct known {
    double count, nobs;
    proportion_method method;
    double low, high;
};

// statsmodels 0.15: proportion_confint(count, nobs, alpha=0.05, method=m).
const known known_answers[] = {
    {267, 382, proportion_method::normal, 0.6529529043841674, 0.7449528547781362},
    {267, 382, proportion_method::agresti_coull, 0.6511164649740149, 0.7428277225287503},
    {267, 382, proportion_method::beta, 0.6502272797537721, 0.7445635825972832},
    {267, 382, proportion_method::wilson, 0.6511588397655438, 0.7427853477372214},
    {267, 382, proportion_method::jeffreys, 0.6515826252995629, 0.7433213132143442},
    {15, 30, proportion_method::normal, 0.32108058562828423, 0.6789194143717158},
    {15, 30, proportion_method::beta, 0.31297028586802744, 0.6870297141319726},
    {15, 30, proportion_method::wilson, 0.3315412564053376, 0.6684587435946624},
    {15, 30, proportion_method::jeffreys, 0.32802135564784235, 0.6719786443521576},
    {0, 10, proportion_method::normal, 0.0, 0.0},
    {0, 10, proportion_method::agresti_coull, 0.0, 0.3208873057505458},
    {0, 10, proportion_method::beta, 0.0, 0.30849710781876083},
    {0, 10, proportion_method::wilson, 0.0, 0.27753279986288926},
    {0, 10, proportion_method::jeffreys, 4.7890433157581876e-05, 0.2171962675092106},
    {10, 10, proportion_method::agresti_coull, 0.6791126942494543, 1.0},
    {10, 10, proportion_method::beta, 0.6915028921812392, 1.0},
    {10, 10, proportion_method::wilson, 0.7224672001371106, 1.0},
    {10, 10, proportion_method::jeffreys, 0.7828037324907894, 0.9999521095668424},
    {1, 1, proportion_method::normal, 1.0, 1.0},
    {1, 1, proportion_method::agresti_coull, 0.167499485479413, 1.0},
    {1, 1, proportion_method::beta, 0.025, 1.0},
    {1, 1, proportion_method::wilson, 0.2065493143772374, 1.0},
    {1, 1, proportion_method::jeffreys, 0.14674631630957513, 0.9996144190192441},
    {0, 1, proportion_method::beta, 0.0, 0.975},
    {0, 1, proportion_method::wilson, 0.0, 0.7934506856227627},
    {0, 1, proportion_method::jeffreys, 0.0003855809807559011, 0.8532536836904249},
    {3, 17, proportion_method::normal, 0.0, 0.3576877625091808},
    {3, 17, proportion_method::agresti_coull, 0.05377544093765346, 0.4184304111268977},
    {3, 17, proportion_method::beta, 0.037985068070626, 0.4343178728442839},
    {3, 17, proportion_method::wilson, 0.061911266376209945, 0.4102945856883413},
    {3, 17, proportion_method::jeffreys, 0.05234765705067389, 0.40012266262331403},
};

}  // namespace

TEST(ProportionConfint, AgreesWithStatsmodels) {
    for (const auto& k : known_answers) {
        SCOPED_TRACE(std::to_string(k.count) + " of " + std::to_string(k.nobs) + " " +
                     std::string(socinv::to_string(k.method)));
        const auto ci = proportion_confint(k.count, k.nobs, 0.05, k.method);
        expect_rel(ci.low, k.low);
        expect_rel(ci.high, k.high);
    }
}

TEST(ProportionConfint, KalmarSeventyPercentOf382ClearsSixtyPercent) {
    // DOMAIN.md: 70 % of 382 is 267.4, so 267 were counted; the Wilson interval lies above 60 %.
    const auto ci = proportion_confint(267, 382);
    EXPECT_GT(ci.low, 0.60);
    EXPECT_NEAR(ci.low, 0.651, 5e-4);
    EXPECT_NEAR(ci.high, 0.743, 5e-4);
}

TEST(ProportionConfint, SotFifteenOfThirtyIsRoughlyAThirdToTwoThirds) {
    const auto ci = proportion_confint(15, 30);
    EXPECT_NEAR(ci.low, 0.33, 0.005);
    EXPECT_NEAR(ci.high, 0.67, 0.005);
    EXPECT_NEAR(ci.low + ci.high, 1.0, 1e-15);  // symmetric at one half
}

TEST(ProportionConfint, AlphaNarrowsTheInterval) {
    // statsmodels: proportion_confint(15, 30, alpha=0.1, method="wilson").
    const auto ci = proportion_confint(15, 30, 0.1);
    expect_rel(ci.low, 0.3561908311988598);
    expect_rel(ci.high, 0.6438091688011403);
}

TEST(ProportionConfint, IntervalsStayWithinZeroAndOneAndHoldTheEstimate) {
    for (int n = 1; n <= 40; ++n)
        for (int x = 0; x <= n; ++x)
            for (auto m : {proportion_method::normal, proportion_method::agresti_coull, proportion_method::beta,
                           proportion_method::wilson, proportion_method::jeffreys}) {
                const auto ci = proportion_confint(x, n, 0.05, m);
                EXPECT_GE(ci.low, 0.0);
                EXPECT_LE(ci.high, 1.0);
                EXPECT_LE(ci.low, ci.high);
                // Wilson's ends at 0 and n are off by rounding (2.8e-17, 1 − 1.1e-16), bit for bit as
                // in statsmodels.
                const double p = static_cast<double>(x) / n;
                if (m != proportion_method::jeffreys) {
                    EXPECT_TRUE(ci.low <= p + 1e-15 && p - 1e-15 <= ci.high);
                }
            }
}

TEST(ProportionConfint, BadArgumentsNameTheValues) {
    try {
        proportion_confint(31, 30);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()), "count 31 is more than nobs 30");
    }
    EXPECT_THROW(proportion_confint(1, 0), std::invalid_argument);
    EXPECT_THROW(proportion_confint(-1, 10), std::invalid_argument);
    EXPECT_THROW(proportion_confint(1, 10, 0.0), std::invalid_argument);
    EXPECT_THROW(proportion_confint(1, 10, 1.0), std::invalid_argument);
    EXPECT_THROW(proportion_confint(NAN, 10), std::invalid_argument);
}

TEST(ProportionConfint, MethodNames) {
    EXPECT_EQ(socinv::parse_proportion_method("agresti_coull"), proportion_method::agresti_coull);
    EXPECT_EQ(socinv::to_string(proportion_method::beta), "beta");
    EXPECT_THROW(socinv::parse_proportion_method("exact"), socinv::input_error);
}
