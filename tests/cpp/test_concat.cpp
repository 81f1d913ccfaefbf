#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "socinv/core/concat.hpp"

TEST(Concat, JoinsEveryKindOfText) {
    const std::string owned = "två";
    const std::string_view view = "tre";
    EXPECT_EQ(socinv::concat("ett ", owned, " ", view), "ett två tre");
    EXPECT_EQ(socinv::concat(), "");
    EXPECT_EQ(socinv::concat(""), "");
}

TEST(Concat, AllocatesExactlyTheSizeOnce) {
    const std::string long_piece(100, 'x');
    const std::string joined = socinv::concat(long_piece, "/", long_piece);
    EXPECT_EQ(joined.size(), 201u);
    EXPECT_EQ(joined.capacity(), 201u);  // reserved once, for the whole
}
