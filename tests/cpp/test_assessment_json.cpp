#include <gtest/gtest.h>

#include "socinv/io/assessment_json.hpp"
#include "test_helpers.hpp"

using namespace socinv;

// The streaming writer gives the very document that the nlohmann form does, byte for byte.
TEST(AssessmentJson, StreamingWriterEqualsTheDocument) {
    for (const char* name : {"sot.json", "varberga-oxhagen.json", "aktiv-24.json", "kalmar-esf.json",
                             "for-profit-partner.json", "single-administration.json", "sot-extension.json"}) {
        const auto a = assess(socinv::testing::example(name), default_rule_set());
        for (auto lang : {language::en, language::sv}) {
            std::string streamed;
            io::json_writer writer(streamed);
            write_json(writer, a, lang);
            EXPECT_EQ(streamed, to_json(a, lang).dump()) << name;
        }
    }
}

TEST(AssessmentJson, WriterEscapesLikeNlohmann) {
    const std::string tricky = std::string("quote \" backslash \\ tab \t nl \n bell \x07 å ä ö ") + '\x1f';
    std::string out;
    io::json_writer w(out);
    w.begin_object().member("s", tricky).member("d", 2.0).member("e", 1e-7).member("n", -3).member("big", 1e300);
    w.key("inf").value(1.0 / 0.0).key("a").begin_array().value(true).null().begin_object().end_object().end_array();
    w.end_object();
    const nlohmann::json expected = {{"s", tricky}, {"d", 2.0}, {"e", 1e-7}, {"n", -3}, {"big", 1e300},
                                     {"inf", nullptr}, {"a", {true, nullptr, nlohmann::json::object()}}};
    EXPECT_EQ(nlohmann::json::parse(out), expected);
    EXPECT_NE(out.find(nlohmann::json(tricky).dump()), std::string::npos);
    EXPECT_NE(out.find("\"d\":2.0"), std::string::npos);
}
