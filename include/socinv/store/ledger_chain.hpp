#pragma once
// The ledger's hash chain: each entry's SHA-256 covers its canonical form and the hash before it.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/transfer/ledger.hpp"

namespace socinv::store {

// The "previous hash" of the first entry.
inline constexpr std::string_view genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes an entry's hash covers (docs/return-transfers.md, "The hash chain"): netstrings
// (`<byte length>:<bytes>,`) of "socinv-ledger-entry/1", the previous entry's hash (64 lowercase
// hex digits), the entry's position (0-based, decimal), id, date (YYYY-MM-DD), kind (as in the
// file: "return", not "return_transfer"), amount (whole öre, decimal, no sign), application,
// decision and note (UTF-8 as given; "" when absent).
std::string canonical_entry(const ledger_entry& entry, std::size_t position, std::string_view previous_hash);

// SHA-256 (OpenSSL libcrypto) of canonical_entry, as 64 lowercase hex digits.
std::string entry_hash(const ledger_entry& entry, std::size_t position, std::string_view previous_hash);

// The hash of every entry, in order.
std::vector<std::string> chain_hashes(std::span<const ledger_entry> entries);

// The first entry whose recorded hash does not match (reason says how), if any.
struct chain_break {
    std::size_t position = 0;
    std::string id;
    std::string reason;
};

std::optional<chain_break> check_chain(std::span<const ledger_entry> entries, std::span<const std::string> recorded);

}  // namespace socinv::store
