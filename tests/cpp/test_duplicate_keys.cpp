// io/duplicate_keys.hpp: keys given twice are refused at their pointer when nlohmann parses a text
// (io/parse.hpp's fallback for integers beyond 64 bits), as the DOM readers refuse them.

#include <gtest/gtest.h>

#include <string>

#include "socinv/io/application_json.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/io/duplicate_keys.hpp"
#include "socinv/io/rule_set_json.hpp"

using socinv::input_error;

namespace {

input_error error_of(const std::string& text) {
    try {
        const auto parsed = nlohmann::json::parse(text.begin(), text.end(), socinv::io::refuse_duplicate_keys());
        (void)parsed;
    } catch (const input_error& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << text;
    return input_error("", "", "");
}

}  // namespace

TEST(DuplicateKeys, RefusedAtThePointerOfTheSecondWithItsValue) {
    auto e = error_of(R"({"a": 1, "b": 2, "a": 3})");
    EXPECT_EQ(e.pointer(), "/a");
    EXPECT_EQ(e.value(), "3");
    EXPECT_EQ(e.message(), "field \"a\" is given twice");

    e = error_of(R"({"x": [{"k": 1}, {"k": 2, "m": {"z": [], "z": {}}}]})");
    EXPECT_EQ(e.pointer(), "/x/1/m/z");
    EXPECT_EQ(e.value(), "an object");

    e = error_of(R"([[0, 1], [2, {"a~/b": "s", "a~/b": "t"}]])");
    EXPECT_EQ(e.pointer(), "/1/1/a~0~1b");
    EXPECT_EQ(e.value(), "\"t\"");
}

TEST(DuplicateKeys, ManyKeysAndSiblingsAreCheckedExactly) {
    std::string text = "{";
    for (int i = 0; i < 100; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    const std::string last = text + "\"last\": 0}";
    EXPECT_EQ(nlohmann::json::parse(last.begin(), last.end(), socinv::io::refuse_duplicate_keys()).size(), 101u);
    const auto e = error_of(text + "\"k57\": 0}");
    EXPECT_EQ(e.pointer(), "/k57");
    // The same key in two sibling objects, or in an object and the one inside it, is no duplicate.
    const std::string siblings = R"([{"a": 1}, {"a": 2}, {"a": {"a": {"a": 3}}}])";
    EXPECT_EQ(nlohmann::json::parse(siblings.begin(), siblings.end(), socinv::io::refuse_duplicate_keys()).size(), 3u);
}

TEST(DuplicateKeys, RuleSetsLedgersAndApplicationsWithHugeIntegersRefuseThem) {
    const std::string rules = R"({"name": "r", "version": "1", "name": "s", "eligibility": {}})";
    try {
        (void)socinv::rule_set_from_text(rules);
        FAIL() << "read";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/name");
    }
    const std::string ledger = R"({"format": "socinv-fund-ledger", "version": 1, "fund": "f", "entries": [
        {"id": "c", "date": "2013-01-01", "kind": "capital", "amount": "100.00", "amount": "1000.00"}]})";
    try {
        (void)socinv::ledger_from_text(ledger);
        FAIL() << "read";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/entries/0/amount");
    }
    // An integer beyond 64 bits sends an application through nlohmann first; duplicates stay refused.
    const std::string app = R"({"id": "a", "x-n": 123456789012345678901234567890, "id": "b"})";
    try {
        (void)socinv::application_from_text(app);
        FAIL() << "read";
    } catch (const input_error& e) {
        EXPECT_EQ(e.pointer(), "/id");
    }
}
