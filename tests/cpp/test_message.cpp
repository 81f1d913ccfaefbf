// Messages rendered from catalogue texts: placeholders, values in each language, parts, errors.

#include <gtest/gtest.h>

#include "socinv/core/message.hpp"

using socinv::language;
using namespace socinv;

TEST(Message, PlaceholdersTakeTheirValuesInTheLanguage) {
    const auto args = {money_arg("granted", money::from_ore(410'000'000)), money_arg("requested", money::from_ore(400'000'000))};
    EXPECT_EQ(render("finding.granted_exceeds_requested", args, language::en),
              "the amount granted, SEK 4,100,000, exceeds the amount requested, SEK 4,000,000");
    EXPECT_EQ(render("finding.granted_exceeds_requested", args, language::sv),
              "beviljat belopp, 4 100 000 kr, överstiger sökt belopp, 4 000 000 kr");
}

TEST(Message, MillionsPercentagesAndIntegers) {
    const auto args = {term_arg("view", "perspective", "municipality"), millions_arg("pv_savings", 4'310'000),
                       millions_arg("pv_costs", 1'000'000), millions_arg("npv", 3'310'000)};
    EXPECT_EQ(render("evidence.cost_model", args, language::sv),
              "kostnadsmodell (kommunens perspektiv): nuvärde av besparingar 4,31 mnkr mot kostnader 1,00 mnkr, "
              "nettonuvärde 3,31 mnkr");
    EXPECT_EQ(render("finding.share_of_cost_exceeds_max",
                     {percent_arg("share", 0.6), money_arg("total", money::from_ore(100)), percent_arg("maximum", 0.5)},
                     language::en),
              "the amount requested is 60.0% of the total cost SEK 1, more than the maximum share of 50.0%");
    EXPECT_EQ(render("evidence.not_time_limited", {count_arg("months", 40, "unit.months"), integer_arg("maximum", 36)},
                     language::sv),
              "inte tidsbegränsad enligt reglerna: 40 månader, mer än 36");
}

TEST(Message, CountsTakeTheFormOfTheirNumber) {
    const auto length = [](long long months, long long days, language lang) {
        return render("finding.period_length",
                      {count_arg("whole_months", months, "unit.whole_months"), count_arg("days", days, "unit.days")}, lang);
    };
    EXPECT_EQ(length(1, 1, language::sv), "1 hel månad, 1 dag");
    EXPECT_EQ(length(36, 1096, language::sv), "36 hela månader, 1096 dagar");
    EXPECT_EQ(length(0, 2, language::en), "0 whole months, 2 days");
}

TEST(Message, APartIsAnotherTextWithItsOwnValues) {
    const auto judged = [](bool named, bool dated, language lang) {
        return render("evidence.judged_by",
                      {named ? text_arg("by", "Anna") : message_part("by", "evidence.the_evaluator"),
                       dated ? message_part("on", "evidence.judged_on", {text_arg("date", "2014-03-18")}) : text_arg("on", "")},
                      lang);
    };
    EXPECT_EQ(judged(true, true, language::en), "judged by Anna on 2014-03-18");
    EXPECT_EQ(judged(true, true, language::sv), "bedömt av Anna 2014-03-18");
    EXPECT_EQ(judged(false, false, language::en), "judged by the evaluator");
    EXPECT_EQ(judged(false, true, language::sv), "bedömt av handläggaren 2014-03-18");
}

TEST(Message, ValuesAreInsertedAsTheyAreNeverReadAsTemplates) {
    EXPECT_EQ(render("evidence.time_limited", {text_arg("period", "{period} }{")}, language::en), "time-limited: {period} }{");
}

TEST(Message, DoubledBracesAreBraces) {
    std::string out;
    render_text_into(out, "{{literal}} {x}", {integer_arg("x", 7)}, language::en, "test");
    EXPECT_EQ(out, "{literal} 7");
}

TEST(Message, AMissingValueOrABadTemplateIsABugThatNamesTheKey) {
    try {
        (void)render("evidence.time_limited", {}, language::en);
        FAIL() << "no exception";
    } catch (const missing_text& e) {
        EXPECT_STREQ(e.what(), "the catalogue text \"evidence.time_limited\" asks for {period}, which is not given");
    }
    std::string out;
    EXPECT_THROW(render_text_into(out, "open {x", {integer_arg("x", 1)}, language::en, "k"), missing_text);
    EXPECT_THROW(render_text_into(out, "close } alone", {}, language::en, "k"), missing_text);
}

TEST(Message, BothLanguagesAtOnce) {
    const localized_text t = render_both("evidence.no_effect_measures");
    EXPECT_EQ(t.en, "no effect measures are given");
    EXPECT_EQ(t.sv, "inga effektmått anges");
    EXPECT_EQ(t.in(language::sv), t.sv);
}
