#pragma once
// The fund ledger on SQLite: one transaction per append, a hash chain, verify, JSON import and export.
//
// A compiled part (CMake target socinv::ledger_store, linking SQLite and OpenSSL's libcrypto):
// code that does not include this header does not pay for either. docs/return-transfers.md,
// "The ledger store", says what survives concurrent writers and kill -9.

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/store/ledger_chain.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv::store {

struct store_options {
    ledger_policy policy;          // entries after policy.latest are refused: pass ledger_policy::horizon(today)
    int busy_timeout_ms = 30'000;  // how long an append waits for another writer's transaction
};

// What verify found. `head` is the last entry's hash: a copy kept elsewhere (the minutes, an
// e-mail) anchors the chain, since whoever can write the file could recompute every hash.
struct verify_report {
    std::size_t entries = 0;
    std::string head;
    std::optional<chain_break> problem;  // the first entry that does not match
    std::vector<std::string> warnings;   // e.g. the append-only triggers are gone
    bool ok() const { return !problem; }
};

// An entry as stored, with the balances after it and its hash; read as is, not checked.
struct stored_entry {
    ledger_entry entry;
    fund_balances after;
    std::string hash;
};

// A stored ledger that does not verify: the pointer is "/entries/N" of the first entry that
// does not match, the source the database's path.
class chain_error : public input_error {
public:
    chain_error(chain_break problem, const std::string& source);
    const chain_break& problem() const noexcept { return problem_; }

private:
    chain_break problem_;
};

// The database could not be used: locked for longer than the busy timeout, a full disk, an
// I/O error. Bad input and refused entries are input_error instead.
class store_error : public std::runtime_error {
public:
    store_error(const std::string& what, int sqlite_code) : std::runtime_error(what), code_(sqlite_code) {}
    int sqlite_code() const noexcept { return code_; }

private:
    int code_;
};

// One connection to a ledger database. Safe to share between threads (calls are serialized);
// never across fork(): open a new one in the child. Several processes may append at once.
class ledger_store {
public:
    static constexpr int schema_version = 1;  // PRAGMA user_version of the databases this writes

    // A new ledger database at `path`, which must not exist or be empty.
    static ledger_store create(const std::string& path, const std::string& fund, const store_options& options = {});
    // An existing ledger database; an older schema is migrated, a newer one refused.
    static ledger_store open(const std::string& path, const store_options& options = {});

    ledger_store(ledger_store&&) noexcept;
    ledger_store& operator=(ledger_store&&) noexcept;
    ~ledger_store();

    const std::string& path() const;
    std::string fund() const;
    std::size_t size() const;
    const store_options& options() const;
    void set_policy(const ledger_policy& policy);

    // Appends one entry in one transaction (BEGIN IMMEDIATE): the entry is checked (check_entry)
    // against the balances, ids and grant read in that transaction, so concurrent writers never
    // lose an entry, and a refused entry (input_error at "/entries/N/field") leaves nothing.
    // Returns the balances after it.
    fund_balances append(const ledger_entry& entry);

    // The balances after the last entry dated on or before `on` (after every entry without it),
    // as stored with each entry; verify() recomputes them.
    fund_balances balances(std::optional<date> on = std::nullopt) const;
    std::vector<stored_entry> entries() const;

    // Recomputes the chain and replays every entry through the ledger's rules; names the first
    // entry that does not match.
    verify_report verify() const;
    // The ledger, verified (chain_error for the first entry that does not match).
    fund_ledger load() const;
    // The hashes of load()'s entries, in order.
    std::vector<std::string> hashes() const;

    // The ledger file format with each entry's hash and "chain": "sha256/1"; verified first.
    std::string export_json(int indent = 2) const;
    void export_file(const std::string& path) const;  // io::write_file_atomically
    // Imports a ledger file into this store, which must be empty. A file with hashes must
    // carry an unbroken chain (refused at "/entries/N/hash"); every entry is replayed, and each
    // cash_after must match. A file without hashes starts a new chain. All or nothing.
    std::size_t import_json(std::string_view text, const std::string& source = "");
    std::size_t import_file(const std::string& path);

    void close();  // also done by the destructor

private:
    struct impl;
    explicit ledger_store(std::unique_ptr<impl> p);
    impl& get() const;
    std::unique_ptr<impl> impl_;
};

// A fund file's ledger kept in a database: opened, verified and read (for load_fund).
fund_ledger read_ledger_database(const std::string& path, const ledger_policy& policy = {});

}  // namespace socinv::store
