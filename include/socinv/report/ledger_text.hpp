#pragma once
// The fund ledger as text for a terminal: balances on a day, grants and the latest entries.

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "socinv/core/concat.hpp"
#include "socinv/core/format.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/core/text.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv {

// What `socinv ledger show` and `socinv fund` print. Every text from input (the fund's name,
// ids, applications, notes) has its control characters escaped (escape_control), so a ledger
// cannot drive the terminal of whoever reads it. `on`: the balances at the end of that day
// (default: after every entry); `last`: how many of the latest entries to list.
inline std::string ledger_text(const fund_ledger& ledger, std::optional<date> on = std::nullopt, std::size_t last = 10,
                               language lang = language::en) {
    const bool sv = lang == language::sv;
    const auto sek = [&](money m) { return format_sek(m, lang); };
    std::string out = concat(sv ? "Fond: " : "Fund: ", escape_control(ledger.fund()), "\n");
    const auto& entries = ledger.entries();
    out += concat(sv ? "Huvudbok: " : "Ledger: ",
                  sv ? counted(static_cast<long long>(entries.size()), "post", "poster")
                     : counted(static_cast<long long>(entries.size()), "entry", "entries"));
    if (!entries.empty()) out += concat(sv ? ", den senaste " : ", the last on ", to_iso(entries.back().on));
    out += "\n\n";
    const fund_balances b = on ? ledger.balances_on(*on) : ledger.balances();
    out += on ? concat(sv ? "Saldon vid slutet av " : "Balances at the end of ", to_iso(*on), ":\n")
              : std::string(sv ? "Saldon:\n" : "Balances:\n");
    const std::vector<std::pair<const char*, money>> rows =
        sv ? std::vector<std::pair<const char*, money>>{{"Kapital och tillskott", b.capital},
                                                        {"Beviljat, ej utbetalt", b.committed},
                                                        {"Utbetalt", b.paid},
                                                        {"Återfört", b.returned},
                                                        {"Avskrivet", b.written_off},
                                                        {"Kassa", b.cash},
                                                        {"Tillgängligt för beviljande", b.available}}
           : std::vector<std::pair<const char*, money>>{{"Capital and top-ups", b.capital},
                                                        {"Committed (granted, unpaid)", b.committed},
                                                        {"Paid", b.paid},
                                                        {"Returned", b.returned},
                                                        {"Written off", b.written_off},
                                                        {"Cash", b.cash},
                                                        {"Available for grants", b.available}};
    for (const auto& [name, amount] : rows) out += concat("  ", column(name, 30), sek(amount), "\n");
    if (!ledger.grants().empty()) {
        out += sv ? "\nBeviljade medel:\n" : "\nGrants:\n";
        for (const auto& [id, g] : ledger.grants())
            out += concat("  ", column(escape_control(id), 36), sv ? "beviljat " : "granted ", sek(g.granted),
                          sv ? ", utbetalt " : ", paid ", sek(g.paid), sv ? ", återfört " : ", returned ", sek(g.returned),
                          g.closed ? concat(sv ? ", avskrivet " : ", written off ", sek(g.written_off)) : "", "\n");
    }
    if (last > 0 && !entries.empty()) {
        const std::size_t from = entries.size() > last ? entries.size() - last : 0;
        out += concat(sv ? "\nPoster" : "\nEntries",
                      from ? concat(sv ? " (de senaste " : " (the last ", std::to_string(last), ")") : "", ":\n");
        std::size_t amount_width = 16;
        for (std::size_t i = from; i < entries.size(); ++i) amount_width = std::max(amount_width, sek(entries[i].amount).size() + 2);
        for (std::size_t i = from; i < entries.size(); ++i) {
            const auto& e = entries[i];
            out += concat("  ", to_iso(e.on), "  ", column(escape_control(e.id), 14), column(kind_name(e.kind, lang), 11),
                          pad_to(sek(e.amount), amount_width), escape_control(e.application));
            if (!e.note.empty()) out += concat("  (", escape_control(e.note), ")");
            out += "\n";
        }
    }
    return out;
}

}  // namespace socinv
