// Tests for socinv/io/transfer_json.hpp: agreements, booked returns and savings read with pointer-precise errors.
#include <gtest/gtest.h>

#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/io/transfer_json.hpp"

using namespace socinv;
using socinv::testing::expect_input_error;

namespace {

return_transfer_section section(const std::string& members) {
    const std::string text = "{\"first_year\":2016,\"last_year\":2020" + (members.empty() ? "" : "," + members) + "}";
    return read_return_transfer_section(io::thread_parser().parse(text), "/return_transfer");
}

std::vector<saving> savings(const std::string& text) { return read_savings(io::thread_parser().parse(text), "/savings"); }

}  // namespace

TEST(TransferJson, AgreementTerms) {
    const auto s = section(R"("share":0.5,"cap":"invested","lag_years":1,"minimum":"10 000","payers":["A","B"],"notes":"n")");
    const auto& a = s.agreement;
    EXPECT_EQ(a.share_ppm, 500'000);
    EXPECT_EQ(a.cap.kind, cap_kind::invested);
    EXPECT_EQ(a.first_year, 2016);
    EXPECT_EQ(a.last_year, 2020);
    EXPECT_EQ(a.lag_years, 1);
    EXPECT_EQ(a.minimum, money::from_sek(10'000));
    EXPECT_EQ(a.payers, (std::vector<std::string>{"A", "B"}));
    EXPECT_TRUE(a.split_by_saving);
    EXPECT_EQ(s.notes, "n");
    EXPECT_EQ(section(R"("cap":2500000.5)").agreement.cap, (return_cap{cap_kind::amount, money::from_ore(250'000'050)}));
    EXPECT_EQ(section(R"("cap":"none")").agreement.cap.kind, cap_kind::none);
    EXPECT_EQ(section(R"("share":0.123456)").agreement.share_ppm, 123'456);
}

TEST(TransferJson, FixedSplitSumsToOneAndNamesThePayers) {
    const auto a = section(R"("split":[{"payer":"A","share":0.25},{"payer":"B","share":0.75}])").agreement;
    EXPECT_FALSE(a.split_by_saving);
    EXPECT_EQ(a.split, (std::vector<payer_share>{{"A", 250'000}, {"B", 750'000}}));
    EXPECT_EQ(a.payers, (std::vector<std::string>{"A", "B"}));  // the split's payers pay
    expect_input_error([] { section(R"("split":[{"payer":"A","share":0.25},{"payer":"B","share":0.7}])"); },
                       "/return_transfer/split", "", "the split's shares sum to 0.950000, not 1");
    expect_input_error([] { section(R"("split":[{"payer":"A","share":0.5},{"payer":"A","share":0.5}])"); },
                       "/return_transfer/split/1/payer", "\"A\"", "payer \"A\" is listed twice");
    expect_input_error([] { section(R"("split":[])"); }, "/return_transfer/split", "[]", "a fixed split needs at least one payer");
    expect_input_error([] { section(R"("split":"by_need")"); }, "/return_transfer/split", "\"by_need\"",
                       "unknown split \"by_need\" (expected \"by_saving\" or a list of {payer, share})");
    EXPECT_TRUE(section(R"("split":"by_saving")").agreement.split_by_saving);
}

TEST(TransferJson, AgreementErrors) {
    expect_input_error([] { section(R"("share":1.5)"); }, "/return_transfer/share", "1.5", "share 1.5 must lie between 0 and 1");
    expect_input_error([] { section(R"("share":0.1234567)"); }, "/return_transfer/share", "0.1234567",
                       "share 0.1234567 has more than six decimals");
    expect_input_error([] { section(R"("cap":-5)"); }, "/return_transfer/cap", "-5",
                       "amount -5 kr must not be less than 0 kr (a cap is null, \"invested\" or an amount)");
    expect_input_error([] { section(R"("cap":"all")"); }, "/return_transfer/cap", "\"all\"",
                       "amount \"all\" is not a number of kronor (a cap is null, \"invested\" or an amount)");
    expect_input_error([] { read_return_transfer_section(io::thread_parser().parse(R"({"first_year":2016,"last_year":2015})"), "/rt"); },
                       "/rt/last_year", "2015", "last_year 2015 is before first_year 2016");
    expect_input_error([] { read_return_transfer_section(io::thread_parser().parse(R"({"last_year":2015})"), "/rt"); },
                       "/rt/first_year", "", "required field \"first_year\" is missing");
    expect_input_error([] { section(R"("payers":["A","A"])"); }, "/return_transfer/payers/1", "\"A\"",
                       "payer \"A\" is listed twice");
    expect_input_error([] { section(R"("lag_years":51)"); }, "/return_transfer/lag_years", "51", "value 51 is outside 0..50");
    expect_input_error([] { section(R"("share":0.5,"share":0.6)"); }, "/return_transfer/share", "0.6",
                       "field \"share\" is given twice");
}

TEST(TransferJson, BookedReturns) {
    const auto s = section(R"("payers":["A"],"booked":[{"payer":"A","year":2017,"amount":1000}])");
    ASSERT_EQ(s.booked.size(), 1u);
    EXPECT_EQ(s.booked[0], (booked_return{"A", 2017, money::from_sek(1000)}));
    expect_input_error([] { section(R"("payers":["A"],"booked":[{"payer":"B","year":2017,"amount":1}])"); },
                       "/return_transfer/booked/0/payer", "\"B\"",
                       "payer \"B\" is not among the agreement's paying administrations");
    expect_input_error([] { section(R"("booked":[{"payer":"A","year":2021,"amount":1}])"); }, "/return_transfer/booked/0/year",
                       "2021", "booked year 2021 is outside the agreement's years 2016-2020");
    expect_input_error([] { section(R"("booked":[{"payer":"A","year":2017,"amount":1},{"payer":"A","year":2017,"amount":2}])"); },
                       "/return_transfer/booked/1", "", "a second booked return for A in 2017");
    expect_input_error([] { section(R"("booked":[{"payer":"A","year":2017,"amount":-1}])"); },
                       "/return_transfer/booked/0/amount", "-1", "amount -1 kr must not be less than 0 kr");
}

TEST(TransferJson, Savings) {
    const auto s = savings(R"([{"payer":"A","year":2017,"amount":"1 000,50","basis":"actual"},)"
                           R"({"payer":"A","year":2017,"amount":900,"basis":"forecast","note":"n"}])");
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0], (saving{"A", 2017, money::from_ore(100'050), saving_basis::actual}));
    EXPECT_EQ(s[1].basis, saving_basis::forecast);
    expect_input_error([] { savings(R"([{"payer":"A","year":2017,"amount":-1,"basis":"actual"}])"); }, "/savings/0/amount", "-1",
                       "a saving must not be negative (-1 kr); record a cost increase as 0");
    expect_input_error([] { savings(R"([{"payer":"A","year":2017,"amount":1,"basis":"actual"},{"payer":"A","year":2017,"amount":2,"basis":"actual"}])"); },
                       "/savings/1", "", "a second actual saving for A in 2017");
    expect_input_error([] { savings(R"([{"payer":"A","year":2017,"amount":1,"basis":"guess"}])"); }, "/savings/0/basis",
                       "\"guess\"", "unknown basis \"guess\" (expected one of: forecast, actual)");
    expect_input_error([] { savings(R"([{"payer":"A","year":1399,"amount":1,"basis":"actual"}])"); }, "/savings/0/year", "1399",
                       "value 1399 is outside 1400..9999");
    expect_input_error([] { savings(R"({})"); }, "/savings", "an object", "expected an array, got an object");
}
