#include <gtest/gtest.h>

#include <string>

#include "socinv/io/application_json.hpp"
#include "socinv/io/load.hpp"

using socinv::input_error;
using json = nlohmann::json;

namespace {

json minimal() {
    return json::parse(R"({
      "id": "t-1", "title": "Test", "period": {"start": "2015-01-01", "end": "2016-12-31"},
      "requested": 1000000, "target_group": "young adults",
      "parties": [{"name": "Socialförvaltningen", "kind": "municipal_administration", "role": "lead"},
                  {"name": "Förvaltningen förskola och skola", "kind": "municipal_administration"}]
    })");
}

// The input error that reading `j` gives; fails the test when there is none.
input_error error_of(const json& j) {
    try {
        socinv::application_from_json(j);
    } catch (const input_error& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << j.dump();
    return input_error("", "", "");
}

std::string example(const std::string& name) { return std::string(SOCINV_EXAMPLES_DIR) + "/applications/" + name; }

}  // namespace

TEST(ApplicationJson, ReadsTheMinimalApplication) {
    const auto app = socinv::application_from_json(minimal());
    EXPECT_EQ(app.id, "t-1");
    EXPECT_EQ(app.requested.ore(), 100'000'000);
    ASSERT_EQ(app.parties.size(), 2u);
    EXPECT_EQ(app.parties[0].role, socinv::party_role::lead);
    EXPECT_EQ(app.parties[1].role, socinv::party_role::co_applicant);  // the default
    EXPECT_EQ(app.period.days(), 731);
}

TEST(ApplicationJson, ReadsTheSotExample) {
    const auto app = socinv::load_application(example("sot.json"));
    EXPECT_EQ(app.requested, socinv::money::from_sek(4'100'000));
    EXPECT_EQ(socinv::to_iso(app.period.start()), "2014-04-01");
    EXPECT_EQ(socinv::to_iso(app.period.end()), "2017-03-31");
    EXPECT_EQ(app.places_per_year, 10);
    ASSERT_TRUE(app.find_party("Kultivera"));
    EXPECT_EQ(app.parties[*app.find_party("Kultivera")].form, socinv::civil_society_form::foundation);
}

TEST(ApplicationJson, RoundTripsEveryExample) {
    for (const char* name : {"sot.json", "varberga-oxhagen.json", "aktiv-24.json", "kalmar-esf.json",
                             "for-profit-partner.json", "single-administration.json", "sot-extension.json"}) {
        const auto app = socinv::load_application(example(name));
        EXPECT_EQ(socinv::application_from_json(socinv::to_json(app)), app) << name;
    }
}

TEST(ApplicationJson, MissingRequiredFieldIsNamed) {
    auto j = minimal();
    j.erase("period");
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/period");
    EXPECT_NE(e.message().find("required field \"period\" is missing"), std::string::npos);
}

TEST(ApplicationJson, WrongTypeNamesPointerAndValue) {
    auto j = minimal();
    j["parties"][1]["name"] = 42;
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/parties/1/name");
    EXPECT_EQ(e.value(), "42");
    EXPECT_NE(e.message().find("expected a string, got an integer 42"), std::string::npos);
}

TEST(ApplicationJson, UnknownPartyKindListsTheKnownOnes) {
    auto j = minimal();
    j["parties"][1]["kind"] = "startup";
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/parties/1/kind");
    EXPECT_EQ(e.value(), "\"startup\"");
    EXPECT_NE(e.message().find("unknown party kind \"startup\""), std::string::npos);
    EXPECT_NE(e.message().find("civil_society"), std::string::npos);
}

TEST(ApplicationJson, ImpossibleDate) {
    auto j = minimal();
    j["period"]["start"] = "2014-02-30";
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/period/start");
    EXPECT_NE(e.message().find("2014-02-30"), std::string::npos);
}

TEST(ApplicationJson, EndBeforeStart) {
    auto j = minimal();
    j["period"]["end"] = "2014-12-31";
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/period/end");
    EXPECT_EQ(e.message(), "end date 2014-12-31 is before start date 2015-01-01");
}

TEST(ApplicationJson, BadAmounts) {
    struct case_t {
        json value;
        const char* words;
    };
    for (const auto& [value, words] : std::vector<case_t>{{-5, "must be greater than 0 kr"},
                                                          {0, "must be greater than 0 kr"},
                                                          {"12.345", "more than two decimals"},
                                                          {12.345, "more than two decimals"},
                                                          {"99999999999999999999", "too large"},
                                                          {92233720368547759LL, "does not fit"},
                                                          {json::parse("1e300"), "too large"},
                                                          {true, "expected an amount in SEK"},
                                                          {"4,1 MSEK", "not a number of kronor"}}) {
        auto j = minimal();
        j["requested"] = value;
        const auto e = error_of(j);
        EXPECT_EQ(e.pointer(), "/requested") << value.dump();
        EXPECT_NE(e.message().find(words), std::string::npos) << value.dump() << ": " << e.message();
    }
}

TEST(ApplicationJson, BudgetThatOverflowsIsAnInputError) {
    auto j = minimal();
    j["budget"] = json::array({{{"party", "Socialförvaltningen"}, {"year", 2015}, {"amount", "92233720368547758"}},
                               {{"party", "Socialförvaltningen"}, {"year", 2016}, {"amount", "92233720368547758"}}});
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/budget");
    EXPECT_NE(e.message().find("overflow"), std::string::npos);
}

TEST(ApplicationJson, BudgetLineChecks) {
    auto j = minimal();
    j["budget"] = json::array({{{"party", "Nobody"}, {"year", 2015}, {"amount", 10}}});
    EXPECT_EQ(error_of(j).pointer(), "/budget/0/party");
    j["budget"] = json::array({{{"party", "Socialförvaltningen"}, {"year", 2019}, {"amount", 10}}});
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/budget/0/year");
    EXPECT_NE(e.message().find("outside the period"), std::string::npos);
}

TEST(ApplicationJson, UnknownFieldsAreRejectedButXKeysKept) {
    auto j = minimal();
    j["co_finacing"] = json::array();
    const auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/co_finacing");
    EXPECT_NE(e.message().find("unknown field"), std::string::npos);

    auto k = minimal();
    k["x-case-number"] = "KS 2014/123";
    const auto app = socinv::application_from_json(k);
    EXPECT_EQ(socinv::to_json(app)["x-case-number"], "KS 2014/123");
}

// The user's own fields are kept as canonical JSON: keys sorted and numbers in shortest form, so
// that writing the application back and reading it again gives the same application.
TEST(ApplicationJson, OwnFieldsRoundTripInCanonicalForm) {
    std::string text = minimal().dump();
    text.insert(1, R"("x-board": {"z": [1, 2.5, -0.1, 1e300, true, null], "a": {"y": "ö", "b": 18446744073709551615}},)");
    const auto app = socinv::parse_application(text, "app.json");
    ASSERT_EQ(app.extensions.size(), 1u);
    EXPECT_EQ(app.extensions[0].second, R"({"a":{"b":18446744073709551615,"y":"ö"},"z":[1,2.5,-0.1,1e+300,true,null]})");
    const auto again = socinv::application_from_json(socinv::to_json(app));
    EXPECT_EQ(again, app);
    EXPECT_EQ(socinv::to_json(again)["x-board"]["a"]["y"], "ö");

    std::string twice = minimal().dump();
    twice.insert(1, R"("x-board": {"k": 1, "k": 2},)");
    try {
        socinv::parse_application(twice, "app.json");
        FAIL() << "a key given twice inside x-board was accepted";
    } catch (const socinv::input_error& e) {
        EXPECT_EQ(e.pointer(), "/x-board/k");
    }
}

TEST(ApplicationJson, DuplicatePartiesAndFormOnTheWrongKind) {
    auto j = minimal();
    j["parties"][1]["name"] = "Socialförvaltningen";
    EXPECT_EQ(error_of(j).pointer(), "/parties/1/name");
    auto k = minimal();
    k["parties"][0]["form"] = "association";
    EXPECT_EQ(error_of(k).pointer(), "/parties/0/form");
}

TEST(ApplicationJson, CriteriaAndVerdicts) {
    auto j = minimal();
    j["criteria"] = {{"innovative", {{"assessment", {{"verdict", "maybe"}}}}}};
    auto e = error_of(j);
    EXPECT_EQ(e.pointer(), "/criteria/innovative/assessment/verdict");
    EXPECT_NE(e.message().find("unknown verdict \"maybe\""), std::string::npos);
    j["criteria"] = {{"cheap", json::object()}};
    e = error_of(j);
    EXPECT_EQ(e.pointer(), "/criteria/cheap");
    EXPECT_NE(e.message().find("unknown criterion"), std::string::npos);
}

TEST(ApplicationJson, MalformedJsonGivesLineAndColumn) {
    try {
        socinv::parse_application("{\n  \"id\": \"x\",\n  \"title\" \"y\"\n}", "broken.json");
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.source(), "broken.json");
        EXPECT_NE(e.message().find("malformed JSON at line 3"), std::string::npos) << e.message();
        EXPECT_NE(std::string(e.what()).find("broken.json"), std::string::npos);
    }
}

TEST(ApplicationJson, DeeplyNestedValueIsAClearErrorNotACrash) {
    std::string deep(200000, '[');
    deep += std::string(200000, ']');
    const std::string text = R"({"id": "deep", "title": )" + deep + "}";
    try {
        socinv::parse_application(text, "deep.json");
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer().rfind("/title/0/0/0/", 0), 0u) << e.pointer().substr(0, 40);
        EXPECT_EQ(std::count(e.pointer().begin(), e.pointer().end(), '/'), 128);
        EXPECT_NE(e.message().find("nested more than 128 levels"), std::string::npos);
    }
    // Within the limit, the reader says what it expected.
    const std::string shallow = R"({"id": "x", "title": [[[1]]]})";
    try {
        socinv::parse_application(shallow, "shallow.json");
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/title");
        EXPECT_NE(e.message().find("expected a string, got an array"), std::string::npos);
    }
}

TEST(ApplicationJson, HugeDocumentIsReadCorrectly) {
    auto j = minimal();
    j["description"] = std::string(50'000'000, 'x');
    const auto app = socinv::parse_application(j.dump(), "huge.json");
    EXPECT_EQ(app.description.size(), 50'000'000u);
}

TEST(ApplicationJson, MissingFileIsAnInputErrorNamingIt) {
    try {
        socinv::load_application("/nonexistent/app.json");
        FAIL();
    } catch (const input_error& e) {
        EXPECT_EQ(e.source(), "/nonexistent/app.json");
        EXPECT_NE(e.message().find("cannot open"), std::string::npos);
    }
}

// nlohmann's conversions find socinv's from_json/to_json by ADL, with the reader's errors.
TEST(ApplicationJson, NlohmannGetAndAssignmentUseTheReaderAndTheWriter) {
    const socinv::application app = minimal().get<socinv::application>();
    EXPECT_EQ(app.id, "t-1");
    EXPECT_EQ(app.parties.size(), 2u);
    const json written = app;
    EXPECT_EQ(written, socinv::to_json(app));
    EXPECT_EQ(written.get<socinv::application>().parties, app.parties);

    json bad = minimal();
    bad["period"]["end"] = "2014-02-30";
    try {
        (void)bad.get<socinv::application>();
        FAIL() << "read";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/period/end");
        EXPECT_NE(e.message().find("does not exist"), std::string::npos) << e.message();
    }

    // A section on its own: pointers are relative to it.
    const auto sot = socinv::load_application(std::string(SOCINV_EXAMPLES_DIR) + "/applications/sot.json");
    ASSERT_TRUE(sot.economics && sot.return_transfer && sot.follow_up);
    const json economics = *sot.economics;
    EXPECT_EQ(economics.get<socinv::economics_section>(), *sot.economics);
    const json agreement = *sot.return_transfer;
    EXPECT_EQ(json(agreement.get<socinv::return_transfer_section>()), agreement);
    const json follow = *sot.follow_up;
    EXPECT_EQ(json(follow.get<socinv::follow_up>()), follow);
    json broken = economics;
    broken["discount"] = "seven";
    try {
        (void)broken.get<socinv::economics_section>();
        FAIL() << "read";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/discount");
    }
}
