#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "socinv/outcomes/follow_up.hpp"

using socinv::effect_measure;
using socinv::follow_up;
using socinv::mean_observation;
using socinv::measure_outcome;
using socinv::proportion_observation;

namespace {

const std::vector<effect_measure> measures{
    {"occupation", "procent", std::nullopt, 60.0, socinv::effect_direction::increase},
    {"costs", "kronor", 8000.0, 5000.0, socinv::effect_direction::decrease},
};

std::string error_of(const follow_up& f) {
    try {
        socinv::validate(f, measures);
    } catch (const socinv::input_error& e) {
        return e.pointer() + " = " + e.value();
    }
    return "accepted";
}

follow_up kalmar() {
    follow_up f;
    f.as_of = socinv::date(2020, 6, 30);
    f.participants = socinv::participants_reached{418, 382};
    f.measures.push_back({"occupation", proportion_observation{267, 382}, {}, {}, {}});
    return f;
}

}  // namespace

TEST(FollowUp, ValidDataIsAccepted) {
    EXPECT_EQ(error_of(kalmar()), "accepted");
    auto f = kalmar();
    f.participants->reached = 430;  // more than planned can happen
    EXPECT_EQ(error_of(f), "accepted");
}

TEST(FollowUp, ImpossibleDataNamesItsPointer) {
    auto f = kalmar();
    f.measures.push_back({"occupation", proportion_observation{40, 120}, {}, {}, {}});
    f.measures.push_back({"occupation", proportion_observation{400, 382}, {}, {}, {}});
    EXPECT_EQ(error_of(f), "/follow_up/measures/2/successes = 400");

    f = kalmar();
    f.measures[0].observed = proportion_observation{0, 0};
    EXPECT_EQ(error_of(f), "/follow_up/measures/0/n = 0");

    f = kalmar();
    f.measures.push_back({"costs", mean_observation{4200, -3, 30}, {}, {}, {}});
    EXPECT_EQ(error_of(f), "/follow_up/measures/1/sd = -3");

    f = kalmar();
    f.measures[0].measure = "employment";
    EXPECT_EQ(error_of(f), "/follow_up/measures/0/measure = \"employment\"");

    f = kalmar();
    f.measures[0].comparison = mean_observation{1, 1, 10};
    EXPECT_EQ(error_of(f), "/follow_up/measures/0/comparison = ");

    f = kalmar();
    f.measures[0].comparison = proportion_observation{20, 100};
    f.measures[0].comparison_before = proportion_observation{200, 100};
    EXPECT_EQ(error_of(f), "/follow_up/measures/0/comparison/before/successes = 200");

    f = kalmar();
    f.participants->planned = 0;
    EXPECT_EQ(error_of(f), "/follow_up/participants/planned = 0");
}

TEST(FollowUp, UnknownMeasureMessageListsTheKnownOnes) {
    auto f = kalmar();
    f.measures[0].measure = "employment";
    try {
        socinv::validate(f, measures);
        FAIL();
    } catch (const socinv::input_error& e) {
        EXPECT_NE(e.message().find("\"occupation\", \"costs\""), std::string::npos) << e.message();
    }
}
