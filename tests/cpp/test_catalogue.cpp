// The compiled catalogues against their source files, and looking texts up.

#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "socinv/core/catalogue.hpp"

using socinv::language;

namespace {

nlohmann::json source_catalogue(const char* lang) {
    std::ifstream in(std::string(SOCINV_LOCALE_DIR) + "/" + lang + ".json");
    return nlohmann::json::parse(in);
}

void expect_compiled_equals_source(language lang, const char* name) {
    const nlohmann::json source = source_catalogue(name);
    const auto compiled = socinv::detail::catalogue_of(lang);
    ASSERT_EQ(compiled.size(), source.size()) << name;
    for (const auto& [key, value] : source.items()) {
        const auto* entry = socinv::find_text(key, lang);
        ASSERT_NE(entry, nullptr) << name << ": " << key;
        if (value.is_object()) {
            EXPECT_EQ(entry->one, value.at("one").get<std::string>()) << key;
            EXPECT_EQ(entry->other, value.at("other").get<std::string>()) << key;
        } else {
            EXPECT_EQ(entry->one, value.get<std::string>()) << key;
            EXPECT_EQ(entry->other, value.get<std::string>()) << key;
        }
    }
}

}  // namespace

TEST(Catalogue, TheCompiledTablesHoldEveryTextOfTheSourceFiles) {
    expect_compiled_equals_source(language::en, "en");
    expect_compiled_equals_source(language::sv, "sv");
}

TEST(Catalogue, EscapesInTheSourceAreDecoded) {
    // format.group is "\u00a0" in sv.json: a no-break space, two bytes of UTF-8.
    EXPECT_EQ(socinv::text_of("format.group", language::sv), "\xC2\xA0");
    EXPECT_EQ(socinv::text_of("finding.no_lead_party", language::en),
              "no party is the lead applicant (role \"lead\"): who owns the intervention?");
}

TEST(Catalogue, PluralFormsAgreeWithTheCount) {
    EXPECT_EQ(socinv::text_of("unit.days", language::sv, 1), "{n} dag");
    EXPECT_EQ(socinv::text_of("unit.days", language::sv, 0), "{n} dagar");
    EXPECT_EQ(socinv::text_of("unit.days", language::sv, 2), "{n} dagar");
    EXPECT_EQ(socinv::text_of("unit.days", language::en, -1), "{n} days");
}

TEST(Catalogue, TermsNameEnumeratorsByGroupAndValue) {
    EXPECT_EQ(socinv::term("role", "lead", language::sv), "huvudsökande");
    EXPECT_EQ(socinv::term("role", "lead", language::en), "lead applicant");
    EXPECT_EQ(socinv::term("kinds", "municipal_administration", language::sv, 2), "kommunala förvaltningar");
    // A key longer than the stack buffer is looked up all the same.
    EXPECT_THROW(socinv::term("g", std::string(200, 'x'), language::en), socinv::missing_text);
}

TEST(Catalogue, AMissingKeyIsABugThatNamesTheKey) {
    try {
        (void)socinv::text_of("no.such.key", language::sv);
        FAIL() << "no exception";
    } catch (const socinv::missing_text& e) {
        EXPECT_STREQ(e.what(), "the sv catalogue has no text \"no.such.key\"");
    }
    EXPECT_EQ(socinv::find_text("no.such.key", language::en), nullptr);
    EXPECT_EQ(socinv::find_text("", language::en), nullptr);
}
