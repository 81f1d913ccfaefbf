#pragma once
// A 128-bit integer for exact intermediate products of öre amounts (GCC and Clang).

namespace socinv::detail {
__extension__ using int128 = __int128;
}
