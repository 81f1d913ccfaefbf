#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "socinv/economics/cash_flow_batch.hpp"

using socinv::cash_flow;
using socinv::day_count;
using socinv::series_layout;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// rows × cols random dated series, NaN-padded after a random length; some without a sign change.
struct batch {
    std::size_t rows, cols;
    std::vector<std::int64_t> days;
    std::vector<double> amounts;
};

batch random_batch(std::size_t rows, std::size_t cols, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> gap(1, 200), length(0, static_cast<int>(cols));
    std::uniform_real_distribution<double> size(-500.0, 1500.0);
    batch b{rows, cols, std::vector<std::int64_t>(rows * cols), std::vector<double>(rows * cols, missing)};
    for (std::size_t i = 0; i < rows; ++i) {
        std::int64_t day = 14000 + gap(rng);
        const auto n = static_cast<std::size_t>(length(rng));
        for (std::size_t k = 0; k < cols; ++k) {
            b.days[i * cols + k] = day;
            day += gap(rng);
            if (k < n) b.amounts[i * cols + k] = k == 0 ? -5000.0 * (1 + static_cast<double>(i % 3)) : size(rng);
        }
    }
    return b;
}

std::vector<cash_flow> row_flows(const batch& b, std::size_t i) {
    std::vector<cash_flow> flows;
    for (std::size_t k = 0; k < b.cols; ++k)
        if (!std::isnan(b.amounts[i * b.cols + k]))
            flows.push_back({socinv::from_epoch_days(b.days[i * b.cols + k]), b.amounts[i * b.cols + k]});
    return flows;
}

void expect_same(double batch_value, std::optional<double> scalar) {
    if (scalar) EXPECT_EQ(batch_value, *scalar);
    else EXPECT_TRUE(std::isnan(batch_value));
}

}  // namespace

TEST(CashFlowBatch, XirrBatchEqualsScalar) {
    const batch b = random_batch(3000, 30, 42);
    for (auto dc : {day_count::act_365_first, day_count::act_act_isda, day_count::thirty_360}) {
        const auto rates = socinv::xirr_batch(b.days, b.amounts, series_layout::matrix(b.rows, b.cols), {}, dc);
        ASSERT_EQ(rates.size(), b.rows);
        std::size_t found = 0;
        for (std::size_t i = 0; i < b.rows; ++i) {
            const auto scalar = socinv::xirr(row_flows(b, i), {}, dc);
            expect_same(rates[i], scalar);
            found += scalar.has_value();
        }
        EXPECT_GT(found, b.rows / 2);
    }
}

TEST(CashFlowBatch, XirrBatchWithLengthsAndGuesses) {
    const batch b = random_batch(200, 12, 5);
    std::vector<std::size_t> lengths(b.rows);
    std::vector<double> guesses(b.rows);
    for (std::size_t i = 0; i < b.rows; ++i) {
        lengths[i] = i % 13;
        guesses[i] = 0.01 * static_cast<double>(i % 7);
    }
    const auto rates = socinv::xirr_batch(b.days, b.amounts, series_layout::matrix(b.cols, lengths), guesses);
    ASSERT_EQ(rates.size(), b.rows);
    std::size_t found = 0, without_sign_change = 0, without_root = 0;
    for (std::size_t i = 0; i < b.rows; ++i) {
        std::vector<cash_flow> flows;
        bool negative = false, positive = false;
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const double a = b.amounts[i * b.cols + k];
            if (std::isnan(a)) continue;
            flows.push_back({socinv::from_epoch_days(b.days[i * b.cols + k]), a});
            negative = negative || a < 0;
            positive = positive || a > 0;
        }
        const auto scalar = socinv::xirr(flows, guesses[i]);
        if (!(negative && positive)) {
            // The one reason a series of one sign (or of fewer than two flows) has no rate.
            EXPECT_TRUE(std::isnan(rates[i])) << "series " << i << " has no sign change but a rate " << rates[i];
            EXPECT_FALSE(scalar.has_value()) << i;
            ++without_sign_change;
            continue;
        }
        // Every series here starts with an outflow followed by inflows: one sign change at least,
        // and the rate found is the scalar one, bit for bit (test_irr checks that it makes XNPV zero).
        if (!scalar) {  // sign changes but no real root (as -1 + x - x²)
            EXPECT_TRUE(std::isnan(rates[i])) << "series " << i;
            ++without_root;
            continue;
        }
        EXPECT_EQ(rates[i], *scalar) << "series " << i;
        EXPECT_TRUE(std::isfinite(rates[i])) << "series " << i;
        ++found;
    }
    // Lengths 0 and 1 (i % 13 in {0, 1}) have no sign change; so do series whose random length
    // (padding) leaves fewer than two flows. The rest have a rate.
    EXPECT_GE(without_sign_change, 2 * (b.rows / 13));
    EXPECT_GT(found, b.rows / 2);
    EXPECT_LT(without_root, b.rows / 5);
    EXPECT_EQ(found + without_sign_change + without_root, b.rows);
}

TEST(CashFlowBatch, XnpvBatchScalarAndPerRowRates) {
    const batch b = random_batch(500, 20, 9);
    const auto layout = series_layout::matrix(b.rows, b.cols);
    const std::vector<double> one{0.07};
    const auto at_seven = socinv::xnpv_batch(one, b.days, b.amounts, layout);
    std::vector<double> rates(b.rows);
    for (std::size_t i = 0; i < b.rows; ++i) rates[i] = -0.5 + 0.01 * static_cast<double>(i % 100);
    rates[3] = -1.0;  // no value at -100 %
    const auto per_row = socinv::xnpv_batch(rates, b.days, b.amounts, layout);
    for (std::size_t i = 0; i < b.rows; ++i) {
        const auto flows = row_flows(b, i);
        EXPECT_NEAR(at_seven[i], socinv::xnpv(0.07, flows), 1e-9 * (1 + std::abs(at_seven[i])));
        if (i == 3) EXPECT_TRUE(std::isnan(per_row[i]));
        else EXPECT_NEAR(per_row[i], socinv::xnpv(rates[i], flows), 1e-9 * (1 + std::abs(per_row[i])));
    }
}

TEST(CashFlowBatch, IrrAndNpvBatchesEqualScalar) {
    std::mt19937_64 rng(17);
    std::uniform_real_distribution<double> amount(-100.0, 400.0);
    const std::size_t rows = 1000, cols = 25;
    std::vector<double> values(rows * cols, missing);
    for (std::size_t i = 0; i < rows; ++i) {
        values[i * cols] = -1000;
        for (std::size_t k = 1; k < 1 + i % cols; ++k) values[i * cols + k] = amount(rng);
    }
    const auto layout = series_layout::matrix(rows, cols);
    const auto rates = socinv::irr_batch(values, layout);
    const std::vector<double> ten{0.1};
    const auto npvs = socinv::npv_batch(ten, values, layout, false);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::span<const double> row(values.data() + i * cols, 1 + i % cols);
        expect_same(rates[i], socinv::irr(row));
        EXPECT_EQ(npvs[i], socinv::npv(0.1, row, false));
    }
}

TEST(CashFlowBatch, OneSeriesAgainstManyRates) {
    const std::vector<double> values{-70000, 12000, 15000, 18000, 21000, 26000};
    std::vector<double> rates;
    for (int k = 0; k < 50; ++k) rates.push_back(0.01 * k);
    const auto npvs = socinv::npv_batch(rates, values, series_layout::repeated(values.size(), rates.size()));
    for (std::size_t k = 0; k < rates.size(); ++k) EXPECT_EQ(npvs[k], socinv::npv(rates[k], values));
}

TEST(CashFlowBatch, MisuseIsAnErrorWithThePlace) {
    batch b = random_batch(10, 5, 1);
    const auto layout = series_layout::matrix(b.rows, b.cols);
    b.amounts[3 * 5 + 2] = INFINITY;
    try {
        socinv::xirr_batch(b.days, b.amounts, layout);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/3/2");
    }
    b.amounts[3 * 5 + 2] = 100.0;
    b.days[4 * 5 + 1] = std::numeric_limits<std::int64_t>::min();
    b.amounts[4 * 5 + 1] = 5.0;
    try {
        socinv::xirr_batch(b.days, b.amounts, layout);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/4/1");
        EXPECT_NE(e.message().find("NaT"), std::string::npos);
    }
    // A missing date under a missing amount is padding.
    b.amounts[4 * 5 + 1] = missing;
    EXPECT_NO_THROW(socinv::xirr_batch(b.days, b.amounts, layout));

    EXPECT_THROW(socinv::xirr_batch(std::span(b.days).first(49), b.amounts, series_layout::matrix(10, 5)),
                 socinv::input_error);
    EXPECT_THROW(socinv::xirr_batch(b.days, b.amounts, series_layout::matrix(11, 5)), socinv::input_error);
    const std::vector<double> two_guesses{0.1, 0.2};
    EXPECT_THROW(socinv::xirr_batch(b.days, b.amounts, layout, two_guesses), socinv::input_error);
    const std::vector<std::size_t> too_long{6};
    EXPECT_THROW(series_layout::matrix(5, too_long), socinv::input_error);

    // In a periodic series only trailing NaN pads.
    const std::vector<double> values{-100, missing, 50, 60};
    try {
        socinv::irr_batch(values, series_layout::matrix(1, 4));
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/0/1");
    }
}

TEST(CashFlowBatch, EmptyBatch) {
    EXPECT_TRUE(socinv::xirr_batch({}, {}, series_layout::matrix(0, 0)).empty());
    EXPECT_TRUE(socinv::irr_batch({}, series_layout::matrix(0, 3)).empty());
}
