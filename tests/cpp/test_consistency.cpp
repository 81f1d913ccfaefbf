// Tests for socinv/application/consistency.hpp: the checks that span an application's sections.
#include <gtest/gtest.h>

#include "expect_input_error.hpp"
#include "socinv/application/consistency.hpp"
#include "test_helpers.hpp"

using namespace socinv;
using socinv::testing::expect_input_error;

TEST(Consistency, TheShippedExamplesAreConsistent) {
    for (const char* name : {"sot.json", "varberga-oxhagen.json", "kalmar-esf.json", "aktiv-24.json", "sot-extension.json"})
        EXPECT_NO_THROW(check_consistency(socinv::testing::example(name))) << name;
}

TEST(Consistency, ASavingsPayerMustBeAPartyToTheAgreement) {
    application app = socinv::testing::example("sot.json");
    ASSERT_TRUE(app.savings && !app.savings->empty());
    (*app.savings)[1].payer = "Tekniska förvaltningen";
    expect_input_error([&] { check_consistency(app); }, "/savings/1/payer", "\"Tekniska förvaltningen\"",
                       "payer \"Tekniska förvaltningen\" is not among the agreement's paying administrations");
}

TEST(Consistency, NoSavingBeforeTheInterventionStarted) {
    application app = socinv::testing::example("sot.json");
    (*app.savings)[0].year = 2013;
    expect_input_error([&] { check_consistency(app); }, "/savings/0/year", "2013",
                       "a saving in 2013 is before the intervention started (2014-04-01)");
}

TEST(Consistency, ACostModelNeedsParticipants) {
    application app = socinv::testing::example("sot.json");
    ASSERT_TRUE(app.economics && !app.economics->cohorts && !app.economics->participants_per_year);
    app.places_per_year.reset();
    expect_input_error([&] { check_consistency(app); }, "/economics/participants_per_year", "",
                       "the cost model needs participants: give economics.participants_per_year, economics.cohorts or "
                       "the application's places_per_year");
    app.economics->participants_per_year = 12;
    EXPECT_NO_THROW(check_consistency(app));
}

TEST(Consistency, TheFollowUpNamesTheApplicationsEffectMeasures) {
    application app = socinv::testing::example("sot.json");
    ASSERT_TRUE(app.follow_up && !app.follow_up->measures.empty());
    app.follow_up->measures[0].measure = "a measure nobody defined";
    try {
        check_consistency(app);
        ADD_FAILURE() << "an unknown measure was accepted";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/follow_up/measures/0/measure");
        EXPECT_NE(e.message().find("a measure nobody defined"), std::string::npos) << e.message();
    }
}
