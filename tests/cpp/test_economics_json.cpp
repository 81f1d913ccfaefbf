// Tests for socinv/io/economics_json.hpp: distributions, discounts, exclusion costs and the section, read and written.
#include <gtest/gtest.h>

#include <string>

#include "expect_input_error.hpp"
#include "socinv/io/economics_json.hpp"
#include "socinv/io/parse.hpp"

using namespace socinv;
using socinv::testing::expect_input_error;

namespace {

distribution dist(const std::string& text, double min = -INFINITY, double max = INFINITY) {
    return read_distribution(io::thread_parser().parse(text), "/x", min, max);
}
discount_schedule discount(const std::string& text) { return read_discount(io::thread_parser().parse(text), "/d"); }
exclusion_cost_inputs exclusion(const std::string& text) { return read_exclusion_costs(io::thread_parser().parse(text), "/e"); }
economics_section section(const std::string& text) { return read_economics_section(io::thread_parser().parse(text), "/economics"); }

}  // namespace

TEST(EconomicsJson, DistributionsOfEveryKind) {
    EXPECT_EQ(dist("0.25"), distribution::fixed(0.25));
    EXPECT_EQ(dist(R"({"dist":"fixed","value":3})"), distribution::fixed(3));
    EXPECT_EQ(dist(R"({"dist":"uniform","low":1,"high":2})"), distribution::uniform(1, 2));
    EXPECT_EQ(dist(R"({"dist":"triangular","low":1,"mode":2,"high":4})"), distribution::triangular(1, 2, 4));
    EXPECT_EQ(dist(R"({"dist":"pert","low":1,"mode":2,"high":4})"), distribution::pert(1, 2, 4));
    EXPECT_EQ(dist(R"({"dist":"normal","mean":5,"sd":2})"), distribution::normal(5, 2));
    EXPECT_EQ(dist(R"({"dist":"lognormal","mu":0,"sigma":0.5})"), distribution::lognormal(0, 0.5));
    // And each writes back as it reads.
    for (const auto& d : {distribution::fixed(0.25), distribution::uniform(1, 2), distribution::pert(1, 2, 4),
                          distribution::normal(5, 2), distribution::lognormal(0, 0.5)})
        EXPECT_EQ(dist(to_json(d).dump()), d);
}

TEST(EconomicsJson, DistributionErrorsNameTheParameter) {
    expect_input_error([] { dist(R"({"dist":"beta","a":1})"); }, "/x/dist", "\"beta\"",
                       "unknown distribution \"beta\" (expected one of: fixed, uniform, triangular, normal, lognormal, pert)");
    expect_input_error([] { dist(R"({"dist":"uniform","low":1})"); }, "/x/high", "", "required field \"high\" is missing");
    expect_input_error([] { dist(R"({"dist":"uniform","low":1,"high":2,"mode":1})"); }, "/x/mode", "1",
                       "unknown field \"mode\" (expected one of: dist, low, high)");
    expect_input_error([] { dist(R"({"dist":"uniform","low":"1","high":2})"); }, "/x/low", "\"1\"",
                       "expected a number, got a string \"1\"");
    expect_input_error([] { dist(R"({"dist":"uniform","low":2,"high":1})"); }, "/x", "an object",
                       "uniform distribution needs low < high, got 2.000000 and 1.000000");
    expect_input_error([] { dist(R"({"dist":"normal","mean":0,"sd":0})"); }, "/x", "an object",
                       "normal distribution needs a positive spread, got 0.000000");
    expect_input_error([] { dist("\"0.5\""); }, "/x", "\"0.5\"",
                       "expected a number or a distribution {\"dist\": ...}, got a string \"0.5\"");
    // Bounds on the support: a share in [0, 1].
    expect_input_error([] { dist("1.5", 0, 1); }, "/x", "1.5", "value 1.500000 is outside 0.000000..1.000000");
    expect_input_error([] { dist(R"({"dist":"triangular","low":0,"mode":0.5,"high":1.2})", 0, 1); }, "/x", "an object",
                       "value 1.200000 is outside 0.000000..1.000000");
    // Normal's support is unbounded: its mean is what must lie in range.
    EXPECT_EQ(dist(R"({"dist":"normal","mean":0.5,"sd":2})", 0, 1), distribution::normal(0.5, 2));
}

TEST(EconomicsJson, Discounts) {
    EXPECT_EQ(discount("0.035"), discount_schedule::constant(0.035));
    EXPECT_EQ(discount(R"("green_book")"), discount_schedule::green_book());
    EXPECT_EQ(discount(R"({"rate":0.03})"), discount_schedule::constant(0.03));
    EXPECT_EQ(discount(R"({"schedule":"green_book"})"), discount_schedule::green_book());
    EXPECT_EQ(discount(R"({"steps":[{"from_year":0,"rate":0.04},{"from_year":30,"rate":0.03}]})"),
              discount_schedule::steps({{0, 0.04}, {30, 0.03}}));
    EXPECT_EQ(discount(R"({"rate":0.05,"inflation":0.02})"), discount_schedule::constant(0.05).to_real(0.02));
    EXPECT_EQ(discount(to_json(discount_schedule::green_book()).dump()), discount_schedule::green_book());
    expect_input_error([] { discount("1"); }, "/d", "1", "discount rate must lie in (-1, 1)");
    expect_input_error([] { discount(R"("ramsey")"); }, "/d", "\"ramsey\"",
                       "unknown discount schedule \"ramsey\" (expected \"green_book\", a rate or an object)");
    expect_input_error([] { discount(R"({"rate":0.03,"steps":[]})"); }, "/d", "an object",
                       "a discount takes one of \"rate\", \"schedule\" and \"steps\", not several");
    expect_input_error([] { discount(R"({"inflation":0.02})"); }, "/d", "an object",
                       "a discount needs \"rate\", \"schedule\" or \"steps\"");
    expect_input_error([] { discount(R"({"steps":[{"from_year":0,"rate":-1}]})"); }, "/d/steps/0/rate", "-1",
                       "discount rate must lie in (-1, 1)");
    // The schedule's own checks keep the step's pointer and value.
    expect_input_error([] { discount(R"({"steps":[{"from_year":1,"rate":0.03}]})"); }, "/d/steps/0/from_year", "1",
                       "the first step starts at year 1, not at year 0");
    expect_input_error([] { discount(R"({"steps":[{"from_year":0,"rate":0.03},{"from_year":0,"rate":0.02}]})"); },
                       "/d/steps/1/from_year", "0", "step 1 starts at year 0, not after step 0 at year 0");
    expect_input_error([] { discount(R"({"steps":[]})"); }, "/d/steps", "[]", "a discount schedule needs at least one step");
}

TEST(EconomicsJson, ExclusionCosts) {
    const auto in = exclusion(R"({"overrides":{"Health care":{"dist":"uniform","low":20000,"high":30000}},"scale":1.2,"age_from":25})");
    EXPECT_FALSE(in.items);
    EXPECT_EQ(in.overrides.at("Health care"), distribution::uniform(20000, 30000));
    EXPECT_EQ(in.scale, distribution::fixed(1.2));
    EXPECT_EQ(in.age_from, 25);
    EXPECT_FALSE(in.age_to);
    expect_input_error([] { exclusion(R"({"overrides":{"Dentist":1}})"); }, "/e/overrides/Dentist", "\"Dentist\"",
                       "no exclusion cost item is named \"Dentist\"");
    expect_input_error([] { exclusion(R"({"age_from":40,"age_to":40})"); }, "/e/age_to", "40",
                       "age_to 40 must be after age_from 40");
    expect_input_error([] { exclusion(R"({"age_from":70})"); }, "/e/age_to", "65", "age_to 65 must be after age_from 70");
    expect_input_error([] { exclusion(R"({"scale":-1})"); }, "/e/scale", "-1", "value -1.000000 is outside 0.000000..inf");
    const std::string items =
        R"({"items":[{"name":"Stöd","payer":"Socialförvaltningen","level":"municipality","nature":"transfer","per_year":50000}],)"
        R"("overrides":{"Stöd":60000}})";
    const auto custom = exclusion(items);
    ASSERT_TRUE(custom.items);
    ASSERT_EQ(custom.items->size(), 1u);
    EXPECT_EQ((*custom.items)[0].nature, cost_nature::transfer);
    EXPECT_EQ(custom.overrides.at("Stöd"), distribution::fixed(60000));
    EXPECT_EQ(exclusion(to_json(custom).dump()), custom);
    expect_input_error([] { exclusion(R"({"items":[{"name":"a","payer":"b","level":"county","nature":"resource","per_year":1}]})"); },
                       "/e/items/0/level", "\"county\"",
                       "unknown payer level \"county\" (expected one of: municipality, region, state, household, society)");
    expect_input_error([] { exclusion(R"({"items":[{"name":" ","payer":"b","level":"state","nature":"resource","per_year":1}]})"); },
                       "/e/items/0/name", "\" \"", "must not be empty");
}

TEST(EconomicsJson, SectionReadsAndWritesBack) {
    const std::string text = R"({"view":"municipality","base_year":2015,"horizon_years":20,"discount":0.03,"start_lag_years":0,)"
                             R"("cohorts":[{"year":2015,"participants":12.5}],"success_rate":{"dist":"pert","low":0.2,"mode":0.3,"high":0.5},)"
                             R"("deadweight":0.1,"effect_years":5,"notes":"n","sources":["a","b"],"x-own":{"k":1}})";
    const auto e = section(text);
    EXPECT_EQ(e.view, economic_view::municipality);
    EXPECT_EQ(e.base_year, 2015);
    EXPECT_EQ(e.start_lag_years, 0);
    ASSERT_TRUE(e.cohorts);
    EXPECT_EQ((*e.cohorts)[0].participants, 12.5);
    EXPECT_EQ(e.success_rate, distribution::pert(0.2, 0.3, 0.5));
    EXPECT_FALSE(e.attribution);
    EXPECT_EQ(e.sources, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(section(to_json(e).dump()), e);
}

TEST(EconomicsJson, SectionErrors) {
    expect_input_error([] { section("{}"); }, "/economics/success_rate", "", "required field \"success_rate\" is missing");
    expect_input_error([] { section(R"({"success_rate":0.2,"success":1})"); }, "/economics/success", "1",
                       "unknown field \"success\" (expected one of: view, base_year, horizon_years, discount, cohorts, "
                       "participants_per_year, success_rate, deadweight, attribution, displacement, drop_off, effect_years, "
                       "cost_factor, start_lag_years, exclusion_cost, notes, sources)");
    expect_input_error([] { section(R"({"success_rate":0.2,"success_rate":0.3})"); }, "/economics/success_rate", "0.3",
                       "field \"success_rate\" is given twice");
    expect_input_error([] { section(R"({"success_rate":0.2,"cohorts":[{"year":2015,"participants":-1}]})"); },
                       "/economics/cohorts/0/participants", "-1", "participants must not be negative");
    expect_input_error([] { section(R"({"success_rate":0.2,"participants_per_year":-3})"); },
                       "/economics/participants_per_year", "-3", "participants must not be negative");
    expect_input_error([] { section(R"({"success_rate":0.2,"horizon_years":301})"); }, "/economics/horizon_years", "301",
                       "value 301 is outside 1..300");
    expect_input_error([] { section(R"({"success_rate":0.2,"view":"county"})"); }, "/economics/view", "\"county\"",
                       "unknown view \"county\" (expected one of: society, public_sector, municipality)");
    expect_input_error([] { section(R"({"success_rate":0.2,"drop_off":2})"); }, "/economics/drop_off", "2",
                       "value 2.000000 is outside 0.000000..1.000000");
}
