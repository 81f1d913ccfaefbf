#pragma once
// The fund ledger as text for a terminal: balances on a day, grants and the latest entries.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "socinv/core/text.hpp"
#include "socinv/core/format.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv {

// What `socinv ledger show` and `socinv fund` print. Every text from input (the fund's name,
// ids, applications, notes) has its control characters escaped (escape_control), so a ledger
// cannot drive the terminal of whoever reads it. `on`: the balances at the end of that day
// (default: after every entry); `last`: how many of the latest entries to list.
inline std::string ledger_text(const fund_ledger& ledger, std::optional<date> on = std::nullopt, std::size_t last = 10) {
    std::string out = "Fund: " + escape_control(ledger.fund()) + "\n";
    const auto& entries = ledger.entries();
    out += "Ledger: " + std::to_string(entries.size()) + " entries";
    if (!entries.empty()) out += ", the last on " + to_iso(entries.back().on);
    out += "\n\n";
    const fund_balances b = on ? ledger.balances_on(*on) : ledger.balances();
    out += on ? "Balances at the end of " + to_iso(*on) + ":\n" : std::string("Balances:\n");
    for (const auto& [name, amount] : std::vector<std::pair<const char*, money>>{
             {"Capital and top-ups", b.capital}, {"Committed (granted, unpaid)", b.committed}, {"Paid", b.paid},
             {"Returned", b.returned}, {"Written off", b.written_off}, {"Cash", b.cash}, {"Available for grants", b.available}})
        out += "  " + pad_to(name, 30) + format_sek(amount) + "\n";
    if (!ledger.grants().empty()) {
        out += "\nGrants:\n";
        for (const auto& [id, g] : ledger.grants())
            out += "  " + pad_to(escape_control(id), 36) + "granted " + format_sek(g.granted) + ", paid " + format_sek(g.paid) +
                   ", returned " + format_sek(g.returned) + (g.closed ? ", written off " + format_sek(g.written_off) : "") + "\n";
    }
    if (last > 0 && !entries.empty()) {
        const std::size_t from = entries.size() > last ? entries.size() - last : 0;
        out += "\nEntries" + (from ? " (the last " + std::to_string(last) + ")" : std::string()) + ":\n";
        for (std::size_t i = from; i < entries.size(); ++i) {
            const auto& e = entries[i];
            out += "  " + to_iso(e.on) + "  " + pad_to(escape_control(e.id), 14) + pad_to(std::string(to_string(e.kind)), 11) +
                   pad_to(format_sek(e.amount), 18) + escape_control(e.application);
            if (!e.note.empty()) out += "  (" + escape_control(e.note) + ")";
            out += "\n";
        }
    }
    return out;
}

}  // namespace socinv
