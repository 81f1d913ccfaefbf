// The ledger's hash chain: the canonical form of an entry and SHA-256 through OpenSSL's EVP API.

#include "socinv/store/ledger_chain.hpp"

#include <stdexcept>

#include <openssl/evp.h>

namespace socinv::store {

namespace {

void netstring(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1 || length != 32)
        throw std::runtime_error("SHA-256 failed in OpenSSL's libcrypto");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(64, '0');
    for (unsigned int i = 0; i < 32; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0x0F];
    }
    return out;
}

}  // namespace

std::string canonical_entry(const ledger_entry& entry, std::size_t position, std::string_view previous_hash) {
    std::string out;
    out.reserve(96 + entry.id.size() + entry.application.size() + entry.decision.size() + entry.note.size());
    netstring(out, "socinv-ledger-entry/1");
    netstring(out, previous_hash);
    netstring(out, std::to_string(position));
    netstring(out, entry.id);
    netstring(out, to_iso(entry.on));
    netstring(out, to_string(entry.kind));
    netstring(out, std::to_string(entry.amount.ore()));
    netstring(out, entry.application);
    netstring(out, entry.decision);
    netstring(out, entry.note);
    return out;
}

std::string entry_hash(const ledger_entry& entry, std::size_t position, std::string_view previous_hash) {
    return sha256_hex(canonical_entry(entry, position, previous_hash));
}

std::vector<std::string> chain_hashes(std::span<const ledger_entry> entries) {
    std::vector<std::string> hashes;
    hashes.reserve(entries.size());
    std::string previous(genesis_hash);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        hashes.push_back(entry_hash(entries[i], i, previous));
        previous = hashes.back();
    }
    return hashes;
}

std::optional<chain_break> check_chain(std::span<const ledger_entry> entries, std::span<const std::string> recorded) {
    std::string previous(genesis_hash);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i >= recorded.size()) return chain_break{i, entries[i].id, "the entry has no hash"};
        if (entry_hash(entries[i], i, previous) != recorded[i])
            return chain_break{i, entries[i].id,
                               "its hash does not match its content and the hash before it: this entry, or the "
                               "one before it, was changed, removed or moved"};
        previous = recorded[i];
    }
    if (recorded.size() > entries.size())
        return chain_break{entries.size(), "", "a hash without an entry: the entries after the last one were removed"};
    return std::nullopt;
}

}  // namespace socinv::store
