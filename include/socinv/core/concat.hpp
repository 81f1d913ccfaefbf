#pragma once
// Text joined from pieces with one allocation: messages are built from many short pieces, and
// `a + b + c` allocates once per `+`.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace socinv {

template <class... Parts>
std::string concat(const Parts&... parts) {
    const std::array<std::string_view, sizeof...(Parts)> pieces{std::string_view(parts)...};
    std::size_t size = 0;
    for (const std::string_view piece : pieces) size += piece.size();
    std::string out;
    out.reserve(size);
    for (const std::string_view piece : pieces) out.append(piece);
    return out;
}

}  // namespace socinv
