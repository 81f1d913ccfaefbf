#pragma once
// The fund ledger as a versioned JSON file: saved atomically, checked entry by entry on load.

#include <string>

#include <nlohmann/json.hpp>

#include "socinv/io/atomic_file.hpp"
#include "socinv/io/json_reader.hpp"
#include "socinv/io/read.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv {

inline constexpr int ledger_format_version = 1;

inline io::json to_json(const fund_balances& b) {
    return {{"capital", format_decimal(b.capital)},   {"committed", format_decimal(b.committed)},
            {"paid", format_decimal(b.paid)},         {"returned", format_decimal(b.returned)},
            {"written_off", format_decimal(b.written_off)}, {"cash", format_decimal(b.cash)},
            {"available", format_decimal(b.available)}};
}

// Each entry carries the cash after it, so that a file edited by hand into an inconsistent
// state is caught on load rather than silently repaired.
inline io::json to_json(const fund_ledger& ledger) {
    io::json entries = io::json::array();
    for (std::size_t i = 0; i < ledger.entries().size(); ++i) {
        const auto& e = ledger.entries()[i];
        io::json j = {{"id", e.id}, {"date", to_iso(e.on)}, {"kind", to_string(e.kind)}, {"amount", format_decimal(e.amount)}};
        if (!e.application.empty()) j["application"] = e.application;
        if (!e.decision.empty()) j["decision"] = e.decision;
        if (!e.note.empty()) j["note"] = e.note;
        j["cash_after"] = format_decimal(ledger.history()[i].cash);
        entries.push_back(std::move(j));
    }
    return {{"format", "socinv-fund-ledger"}, {"version", ledger_format_version}, {"fund", ledger.fund()}, {"entries", entries}};
}

// Replays every entry through fund_ledger::append, so a file can hold nothing the ledger would
// refuse: unbalanced entries, returns for applications never granted, duplicate ids, entries
// out of date order. Other top-level keys (such as a portfolio) are left to the caller.
inline fund_ledger ledger_from_json(const io::json& j) {
    using namespace io;
    require_object(j, "");
    if (const json* f = optional(j, "format"); f && (!f->is_string() || f->get_ref<const std::string&>() != "socinv-fund-ledger"))
        throw input_error("/format", describe(*f), "not a socinv fund ledger (format " + describe(*f) + ")");
    const auto version = read_integer(required(j, "version", ""), "/version", 1, 1000);
    if (version != ledger_format_version)
        throw input_error("/version", std::to_string(version),
                          "ledger format version " + std::to_string(version) + " is not supported (this is version " +
                              std::to_string(ledger_format_version) + ")");
    fund_ledger ledger(optional(j, "fund") ? read_string(j["fund"], "/fund") : "");
    const json& entries = require_array(required(j, "entries", ""), "/entries");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string at = join_pointer("/entries", i);
        const json& e = require_object(entries[i], at);
        reject_unknown_keys(e, at, {"id", "date", "kind", "amount", "application", "decision", "note", "cash_after"});
        ledger_entry entry;
        entry.id = read_string(required(e, "id", at), at + "/id");
        entry.on = read_date(required(e, "date", at), at + "/date");
        entry.kind = read_enum(required(e, "kind", at), at + "/kind",
                               [](std::string_view s) { return detail::parse_name(s, entry_kind_names, "entry kind"); });
        entry.amount = read_money(required(e, "amount", at), at + "/amount");
        if (const json* a = optional(e, "application")) entry.application = read_string(*a, at + "/application");
        if (const json* d = optional(e, "decision")) entry.decision = read_string(*d, at + "/decision");
        if (const json* n = optional(e, "note")) entry.note = read_string(*n, at + "/note");
        ledger.append(entry);
        if (const json* stored = optional(e, "cash_after")) {
            const money expected = read_money(*stored, at + "/cash_after");
            const money actual = ledger.balances().cash;
            if (expected != actual)
                throw input_error(at + "/cash_after", describe(*stored),
                                  "entry \"" + entry.id + "\" records cash " + format_sek(expected) +
                                      " but the entries up to it give " + format_sek(actual));
        }
    }
    return ledger;
}

inline fund_ledger load_ledger(const std::string& path) {
    try {
        return ledger_from_json(io::parse_json(io::read_file(path)));
    } catch (const input_error& e) {
        throw e.source().empty() ? e.with_source(path) : e;
    }
}

inline void save_ledger(const fund_ledger& ledger, const std::string& path) {
    io::write_file_atomically(path, to_json(ledger).dump(2) + "\n");
}

}  // namespace socinv
