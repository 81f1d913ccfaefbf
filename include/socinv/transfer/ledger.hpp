#pragma once
// The fund ledger: an append-only record of capital, grants, payments, returns and write-offs.

#include <map>
#include <string>
#include <vector>

#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

// capital: the fund's first money (Örebro: 65 MSEK of the 2012 surplus); top_up: later decisions;
// grant: the board's decision, which commits money; payment: money paid out on a grant;
// return: money back from budget-frame reductions; write_off: money lost on an intervention that
// ends early (it also closes the grant and releases what was not yet paid).
enum class entry_kind { capital, top_up, grant, payment, return_transfer, write_off };

inline constexpr detail::enum_names<entry_kind, 6> entry_kind_names{{
    {entry_kind::capital, "capital"},
    {entry_kind::top_up, "top_up"},
    {entry_kind::grant, "grant"},
    {entry_kind::payment, "payment"},
    {entry_kind::return_transfer, "return"},
    {entry_kind::write_off, "write_off"},
}};
inline std::string_view to_string(entry_kind k) { return detail::name_of(k, entry_kind_names); }

struct ledger_entry {
    std::string id;
    date on{2000, 1, 1};
    entry_kind kind = entry_kind::capital;
    money amount;
    std::string application;  // for grants, payments, returns and write-offs
    std::string decision;     // the decision reference (e.g. "KS 2014-03-18 § 45")
    std::string note;
    friend bool operator==(const ledger_entry&, const ledger_entry&) = default;
};

struct fund_balances {
    money capital;    // capital and top-ups
    money committed;  // granted, not yet paid, not released
    money paid;
    money returned;
    money written_off;
    money cash;       // capital + returned − paid − written off
    money available;  // cash − committed: what new grants may use
    friend bool operator==(const fund_balances&, const fund_balances&) = default;
};

// The grant of one application, as the ledger sees it.
struct grant_state {
    date granted_on{2000, 1, 1};
    money granted;
    money paid;
    money returned;
    money written_off;
    bool closed = false;  // written off: no more payments
    money outstanding() const { return closed ? money{} : granted - paid; }
};

class fund_ledger {
public:
    explicit fund_ledger(std::string fund = "") : fund_(std::move(fund)) {}

    const std::string& fund() const { return fund_; }
    const std::vector<ledger_entry>& entries() const { return entries_; }
    const std::vector<fund_balances>& history() const { return history_; }  // after each entry
    fund_balances balances() const { return history_.empty() ? fund_balances{} : history_.back(); }
    const std::map<std::string, grant_state>& grants() const { return grants_; }

    // The balances at the end of a day.
    fund_balances balances_on(date d) const {
        fund_balances b;
        for (std::size_t i = 0; i < entries_.size() && entries_[i].on <= d; ++i) b = history_[i];
        return b;
    }

    // Appends an entry after checking it; a refused entry leaves the ledger as it was. Errors
    // point at "/entries/N" (N = the index the entry would have had).
    void append(const ledger_entry& e) {
        const std::string at = "/entries/" + std::to_string(entries_.size());
        auto refuse = [&](const std::string& field, const std::string& value, const std::string& why) {
            throw input_error(at + field, value, "entry \"" + e.id + "\": " + why);
        };
        if (e.id.empty()) refuse("/id", "\"\"", "an entry needs an id");
        for (const auto& seen : entries_)
            if (seen.id == e.id) refuse("/id", "\"" + e.id + "\"", "the id is used by an earlier entry");
        if (!entries_.empty() && e.on < entries_.back().on)
            refuse("/date", "\"" + to_iso(e.on) + "\"",
                   "dated " + to_iso(e.on) + ", before the previous entry (" + to_iso(entries_.back().on) +
                       "); the ledger is append-only and in date order");
        if (!(e.amount > money{})) refuse("/amount", "\"" + format_decimal(e.amount) + "\"", "the amount must be positive");

        fund_balances b = balances();
        std::map<std::string, grant_state>::iterator grant = grants_.end();
        const bool needs_application = e.kind != entry_kind::capital && e.kind != entry_kind::top_up;
        if (needs_application) {
            if (e.application.empty()) refuse("/application", "\"\"", "a " + std::string(to_string(e.kind)) + " names its application");
            grant = grants_.find(e.application);
            if (e.kind != entry_kind::grant && grant == grants_.end())
                refuse("/application", "\"" + e.application + "\"",
                       "a " + std::string(to_string(e.kind)) + " for " + e.application + ", which was never granted");
        }
        grant_state updated = grant == grants_.end() ? grant_state{} : grant->second;
        switch (e.kind) {
            case entry_kind::capital:
                if (!entries_.empty()) refuse("/kind", "\"capital\"", "capital comes first; later money is a top_up");
                b.capital += e.amount;
                b.cash += e.amount;
                break;
            case entry_kind::top_up:
                b.capital += e.amount;
                b.cash += e.amount;
                break;
            case entry_kind::grant:
                if (grant != grants_.end()) refuse("/application", "\"" + e.application + "\"", e.application + " is already granted");
                if (e.amount > b.available)
                    refuse("/amount", "\"" + format_decimal(e.amount) + "\"",
                           "a grant of " + format_sek(e.amount) + " exceeds what is available, " + format_sek(b.available));
                updated.granted_on = e.on;
                updated.granted = e.amount;
                b.committed += e.amount;
                break;
            case entry_kind::payment:
                if (updated.closed) refuse("/application", "\"" + e.application + "\"", e.application + " was written off");
                if (e.amount > updated.outstanding())
                    refuse("/amount", "\"" + format_decimal(e.amount) + "\"",
                           "a payment of " + format_sek(e.amount) + " exceeds what is left of the grant, " +
                               format_sek(updated.outstanding()));
                if (e.amount > b.cash)
                    refuse("/amount", "\"" + format_decimal(e.amount) + "\"",
                           "a payment of " + format_sek(e.amount) + " exceeds the cash, " + format_sek(b.cash));
                updated.paid += e.amount;
                b.paid += e.amount;
                b.committed -= e.amount;
                b.cash -= e.amount;
                break;
            case entry_kind::return_transfer:
                updated.returned += e.amount;
                b.returned += e.amount;
                b.cash += e.amount;
                break;
            case entry_kind::write_off:
                if (updated.closed) refuse("/application", "\"" + e.application + "\"", e.application + " was already written off");
                if (e.amount > b.cash)
                    refuse("/amount", "\"" + format_decimal(e.amount) + "\"",
                           "a write-off of " + format_sek(e.amount) + " exceeds the cash, " + format_sek(b.cash));
                b.committed -= updated.outstanding();
                updated.closed = true;
                updated.written_off += e.amount;
                b.written_off += e.amount;
                b.cash -= e.amount;
                break;
        }
        b.available = b.cash - b.committed;
        check_balance(b, at);
        if (needs_application) grants_[e.application] = updated;
        entries_.push_back(e);
        history_.push_back(b);
    }

private:
    // The ledger balances after every entry: the running cash equals the formula, and nothing
    // the fund holds or owes is negative.
    static void check_balance(const fund_balances& b, const std::string& at) {
        if (b.cash != b.capital + b.returned - b.paid - b.written_off || b.committed.is_negative() || b.cash.is_negative() ||
            b.available.is_negative())
            throw input_error(at, "", "the ledger does not balance after this entry (cash " + format_sek(b.cash) +
                                          ", committed " + format_sek(b.committed) + ")");
    }

    std::string fund_;
    std::vector<ledger_entry> entries_;
    std::vector<fund_balances> history_;
    std::map<std::string, grant_state> grants_;
};

}  // namespace socinv
