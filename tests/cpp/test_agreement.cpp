// Tests for socinv/transfer/agreement.hpp: which payers an agreement knows, and its stable names.
#include <gtest/gtest.h>

#include "socinv/transfer/agreement.hpp"

using namespace socinv;

TEST(Agreement, AnAgreementWithoutPayersKnowsAnyPayer) {
    return_transfer_agreement a;
    EXPECT_TRUE(a.knows_payer("Socialförvaltningen"));
    EXPECT_TRUE(a.knows_payer(""));
    a.payers = {"Socialförvaltningen", "Region"};
    EXPECT_TRUE(a.knows_payer("Region"));
    EXPECT_TRUE(a.knows_payer("Socialförvaltningen"));
    EXPECT_FALSE(a.knows_payer("region"));  // names are exact
    EXPECT_FALSE(a.knows_payer("Arbetsförmedlingen"));
}

TEST(Agreement, Defaults) {
    const return_transfer_agreement a;
    EXPECT_EQ(a.share_ppm, ppm_one);
    EXPECT_EQ(ppm_one, 1'000'000);
    EXPECT_EQ(a.cap.kind, cap_kind::none);
    EXPECT_TRUE(a.minimum.is_zero());
    EXPECT_TRUE(a.split_by_saving);
}

TEST(Agreement, EqualityComparesEveryTerm) {
    return_transfer_agreement a, b;
    EXPECT_EQ(a, b);
    b.cap = {cap_kind::amount, money::from_ore(100)};
    EXPECT_NE(a, b);
    a.cap = {cap_kind::amount, money::from_ore(100)};
    EXPECT_EQ(a, b);
    b.split.push_back({"Region", 250'000});
    EXPECT_NE(a, b);
}

TEST(Agreement, SavingBasisNames) {
    EXPECT_EQ(to_string(saving_basis::forecast), "forecast");
    EXPECT_EQ(to_string(saving_basis::actual), "actual");
}
