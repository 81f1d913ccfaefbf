#pragma once
// One text of a message catalogue: its key and its forms for a count of one and for any other.

#include <string_view>

namespace socinv::detail {

struct catalogue_entry {
    std::string_view key;
    std::string_view one;    // a text without plural forms has the same text in both
    std::string_view other;
};

}  // namespace socinv::detail
