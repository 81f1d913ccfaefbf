#pragma once
// The fund ledger as a versioned JSON file: saved atomically, checked entry by entry on load.

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/io/atomic_file.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/json_writer.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/io/read.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv {

inline constexpr int ledger_format_version = 1;

// Balances and grants as results (`socinv fund`, `socinv ledger show`), written without building
// a document, keys sorted as nlohmann writes them; amounts as exact decimal strings in SEK.
inline void write_json(io::json_writer& w, const fund_balances& b) {
    w.begin_object()
        .member("available", format_decimal(b.available))
        .member("capital", format_decimal(b.capital))
        .member("cash", format_decimal(b.cash))
        .member("committed", format_decimal(b.committed))
        .member("paid", format_decimal(b.paid))
        .member("returned", format_decimal(b.returned))
        .member("written_off", format_decimal(b.written_off))
        .end_object();
}

// One application's grant as the ledger sees it.
inline void write_json(io::json_writer& w, const grant_state& g) {
    w.begin_object()
        .member("closed", g.closed)
        .member("granted", format_decimal(g.granted))
        .member("granted_on", to_iso(g.granted_on))
        .member("outstanding", format_decimal(g.outstanding()))
        .member("paid", format_decimal(g.paid))
        .member("returned", format_decimal(g.returned))
        .member("written_off", format_decimal(g.written_off))
        .end_object();
}

// Every grant by application id.
inline void write_json(io::json_writer& w, const std::map<std::string, grant_state>& grants) {
    w.begin_object();
    for (const auto& [id, g] : grants) {
        w.key(id);
        write_json(w, g);
    }
    w.end_object();
}

inline io::json to_json(const fund_balances& b) { return io::json::parse(io::json_text(b)); }
inline io::json to_json(const grant_state& g) { return io::json::parse(io::json_text(g)); }

// The top-level value of "chain" in a file whose entries carry hashes: SHA-256 over the
// canonical form of docs/return-transfers.md ("The hash chain"). The hashes are computed and
// checked by the ledger store (socinv/store/ledger_chain.hpp); this reader checks only their form.
inline constexpr const char* ledger_chain_name = "sha256/1";

// Each entry carries the cash after it, so that a file edited by hand into an inconsistent
// state is caught on load rather than silently repaired; with `hashes` (one per entry), each
// entry carries its hash too.
inline io::json to_json(const fund_ledger& ledger, std::span<const std::string> hashes = {}) {
    if (!hashes.empty() && hashes.size() != ledger.entries().size())
        throw std::invalid_argument("to_json: " + std::to_string(hashes.size()) + " hashes for " +
                                    std::to_string(ledger.entries().size()) + " entries");
    io::json entries = io::json::array();
    for (std::size_t i = 0; i < ledger.entries().size(); ++i) {
        const auto& e = ledger.entries()[i];
        io::json j = {{"id", e.id}, {"date", to_iso(e.on)}, {"kind", to_string(e.kind)}, {"amount", format_decimal(e.amount)}};
        if (!e.application.empty()) j["application"] = e.application;
        if (!e.decision.empty()) j["decision"] = e.decision;
        if (!e.note.empty()) j["note"] = e.note;
        j["cash_after"] = format_decimal(ledger.history()[i].cash);
        if (!hashes.empty()) j["hash"] = hashes[i];
        entries.push_back(std::move(j));
    }
    io::json doc = {{"format", "socinv-fund-ledger"}, {"version", ledger_format_version}, {"fund", ledger.fund()}, {"entries", entries}};
    if (!hashes.empty()) doc["chain"] = ledger_chain_name;
    return doc;
}

// A ledger file as read, before its entries are replayed: what the JSON says, checked for form.
struct ledger_document {
    std::string fund;
    std::vector<ledger_entry> entries;
    std::vector<std::optional<money>> cash_after;  // per entry, when the file gives it
    std::vector<std::string> hashes;               // per entry, or empty when the file has none
};

namespace detail {

inline bool is_sha256_hex(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace detail

// Reads a ledger file's keys and entries without replaying them. Other top-level keys (such as
// a portfolio) are left to the caller. Hashes are all or nothing: an entry without one in a
// file whose first entry has one (or the reverse) is refused at that entry.
inline ledger_document read_ledger_document(io::element root) {
    using namespace io;
    const dom_object j = require_object(root, "");
    check_duplicate_keys(j, "");
    auto is_text = [](std::optional<element> e, std::string_view text) {
        return e->type() == element_type::STRING && e->get_string().value_unsafe() == text;
    };
    if (const auto f = optional(j, "format"); f && !is_text(f, "socinv-fund-ledger"))
        throw input_error("/format", describe(*f), "not a socinv fund ledger (format " + describe(*f) + ")");
    const auto version = read_integer(required(j, "version", ""), "/version", 1, 1000);
    if (version != ledger_format_version)
        throw input_error("/version", std::to_string(version),
                          "ledger format version " + std::to_string(version) + " is not supported (this is version " +
                              std::to_string(ledger_format_version) + ")");
    const auto chain = optional(j, "chain");
    if (chain && !is_text(chain, ledger_chain_name))
        throw input_error("/chain", describe(*chain),
                          "unknown hash chain " + describe(*chain) + " (this is \"" + ledger_chain_name + "\")");
    ledger_document doc;
    if (const auto f = optional(j, "fund")) doc.fund = read_string(*f, "/fund");
    const dom_array entries = require_array(required(j, "entries", ""), "/entries");
    doc.entries.reserve(entries.size());
    doc.cash_after.reserve(entries.size());
    std::size_t i = 0;
    for (const element value : entries) {
        const std::string at = join_pointer("/entries", i);
        const dom_object e = require_object(value, at);
        check_keys(e, at, {"id", "date", "kind", "amount", "application", "decision", "note", "cash_after", "hash"});
        ledger_entry entry;
        entry.id = read_string(required(e, "id", at), pointer_ref(at, "id"));
        entry.on = read_date(required(e, "date", at), pointer_ref(at, "date"));
        entry.kind = read_enum(required(e, "kind", at), pointer_ref(at, "kind"),
                               [](std::string_view s) { return socinv::detail::parse_name(s, entry_kind_names, "entry kind"); });
        entry.amount = read_money(required(e, "amount", at), pointer_ref(at, "amount"));
        if (const auto a = optional(e, "application")) entry.application = read_string(*a, pointer_ref(at, "application"));
        if (const auto d = optional(e, "decision")) entry.decision = read_string(*d, pointer_ref(at, "decision"));
        if (const auto n = optional(e, "note")) entry.note = read_string(*n, pointer_ref(at, "note"));
        const auto cash = optional(e, "cash_after");
        doc.cash_after.push_back(cash ? std::optional<money>(read_money(*cash, pointer_ref(at, "cash_after"))) : std::nullopt);
        const auto h = optional(e, "hash");
        const bool hashed = chain.has_value() || (i == 0 ? h.has_value() : !doc.hashes.empty());
        if (hashed && !h) throw input_error(at + "/hash", "", "entry " + quoted_text(entry.id) + " has no hash, unlike the entries of a hash-chained file");
        if (!hashed && h) throw input_error(at + "/hash", describe(*h), "entry " + quoted_text(entry.id) + " has a hash, unlike the entries before it");
        if (h) {
            const std::string hash = read_string(*h, pointer_ref(at, "hash"));
            if (!socinv::detail::is_sha256_hex(hash))
                throw input_error(at + "/hash", describe(*h), "a hash is 64 lowercase hexadecimal digits (SHA-256)");
            doc.hashes.push_back(hash);
        }
        doc.entries.push_back(std::move(entry));
        ++i;
    }
    return doc;
}

// A ledger file's text read, not yet replayed (parsed once, with the calling thread's parser).
inline ledger_document ledger_document_from_text(std::string_view text) {
    return read_ledger_document(io::thread_parser().parse(text));
}

// Replays every entry through fund_ledger::append, so a file can hold nothing the ledger would
// refuse: unbalanced entries, returns for applications never granted, duplicate ids, entries
// out of date order or beyond the policy's horizon; each `cash_after` given must match.
inline fund_ledger replay_ledger(const ledger_document& doc, const ledger_policy& policy = {}) {
    fund_ledger ledger(doc.fund, policy);
    for (std::size_t i = 0; i < doc.entries.size(); ++i) {
        const auto& entry = doc.entries[i];
        const money actual = ledger.append(entry).cash;
        if (doc.cash_after[i] && *doc.cash_after[i] != actual) {
            const std::string at = io::join_pointer("/entries", i);
            throw input_error(at + "/cash_after", "\"" + format_decimal(*doc.cash_after[i]) + "\"",
                              "entry " + quoted_text(entry.id) + " records cash " + format_sek(*doc.cash_after[i]) +
                                  " but the entries up to it give " + format_sek(actual));
        }
    }
    return ledger;
}

// Reads and replays a ledger file. Hashes, when the file has them, are checked for form only;
// the ledger store's import and verify recompute them.
inline fund_ledger ledger_from_text(std::string_view text, const ledger_policy& policy = {}) {
    return replay_ledger(ledger_document_from_text(text), policy);
}

// The same from an nlohmann document (a test, a binding).
inline fund_ledger ledger_from_json(const io::json& j, const ledger_policy& policy = {}) {
    return ledger_from_text(j.dump(), policy);
}

inline fund_ledger load_ledger(const std::string& path, const ledger_policy& policy = {}) {
    try {
        return ledger_from_text(io::read_file(path), policy);
    } catch (const input_error& e) {
        throw e.source().empty() ? e.with_source(path) : e;
    }
}

// The keys a ledger file owns; a fund file's other keys (portfolio, simulation, x-...) are its own.
inline bool is_ledger_key(std::string_view key) {
    return key == "format" || key == "version" || key == "fund" || key == "entries" || key == "chain";
}

// Writes the ledger atomically (io::write_file_atomically). When `path` is already a fund
// file (a JSON object), its other keys — portfolio, simulation, x-... — are kept: saving the
// ledger of a fund never drops them. A fund file whose ledger is a database is refused.
inline void save_ledger(const fund_ledger& ledger, const std::string& path, std::span<const std::string> hashes = {}) {
    io::json doc = to_json(ledger, hashes);
    std::string existing;
    try {
        existing = io::read_file(path);
    } catch (const input_error&) {
        // a new file, or one that cannot be read: write_file_atomically reports the latter
    }
    if (!existing.empty()) {
        std::optional<io::element> old;
        try {
            old = io::thread_parser().parse(existing);
        } catch (const input_error&) {
            // not JSON: not a fund file either, so there is nothing to keep
        }
        if (old && old->type() == io::element_type::OBJECT) {
            const io::dom_object object = old->get_object().value_unsafe();
            if (const auto db = io::optional(object, "ledger"))
                throw input_error("/ledger", io::describe(*db),
                                  "this fund file keeps its ledger in the database " + io::describe(*db) +
                                      "; append to the database instead of saving entries into the file")
                    .with_source(path);
            for (auto [key, value] : object)
                if (!is_ledger_key(key)) doc[std::string(key)] = io::json::parse(simdjson::minify(value));
        }
    }
    io::write_file_atomically(path, doc.dump(2) + "\n");
}

// nlohmann's conversions, found by ADL: `j.get<fund_ledger>()` replays the file with no date
// horizon (ledger_from_json takes one), and `io::json j = ledger;` writes it without hashes.
inline void from_json(const io::json& j, fund_ledger& ledger) { ledger = ledger_from_json(j); }
inline void to_json(io::json& j, const fund_ledger& ledger) { j = to_json(ledger); }

}  // namespace socinv
