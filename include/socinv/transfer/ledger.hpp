#pragma once
// The fund ledger: an append-only record of capital, grants, payments, returns and write-offs.

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "socinv/core/catalogue.hpp"
#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/core/text.hpp"
#include "socinv/core/language.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

// capital: the fund's first money (Örebro: 65 MSEK of the 2012 surplus); top_up: later decisions;
// grant: the board's decision, which commits money; payment: money paid out on a grant;
// return: money back from budget-frame reductions; write_off: money lost on an intervention that
// ends early, at most what was granted and not yet paid (it also closes the grant and releases
// the rest of what was not paid).
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

// An entry's kind named in a report: "top-up", "tillskott".
inline std::string_view kind_name(entry_kind k, language lang) { return term("entry_kind", to_string(k), lang); }

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

// What the ledger accepts beyond its own arithmetic. Entries dated after `latest` are refused:
// a date typed as 9999-12-31 would otherwise block every later entry (the ledger is in date
// order). The library has no clock; the caller says what "today" is.
struct ledger_policy {
    std::optional<date> latest;  // none: no limit

    static ledger_policy horizon(date today, int years = 10) {
        if (years < 0) throw std::invalid_argument("a ledger horizon of " + std::to_string(years) + " years");
        // Clamped to the last date socinv reads (core/date.hpp).
        if (static_cast<int>(today.year()) + years > max_date_year)
            return {date(static_cast<unsigned short>(max_date_year), 12, 31)};
        return {add_months(today, 12 * years)};
    }
    friend bool operator==(const ledger_policy&, const ledger_policy&) = default;
};

// The ledger just before an entry: what the entry is checked against.
struct ledger_tip {
    std::size_t position = 0;       // the index the entry would have
    std::optional<date> last_date;  // the previous entry's date
    fund_balances balances;         // after the previous entry
};

// What an entry does: the balances after it and the state of the grant it names.
struct entry_effect {
    fund_balances balances;
    grant_state grant;
};

namespace detail {

// check_entry without its guard against sums out of range (money_overflow).
inline entry_effect check_entry_unguarded(const ledger_entry& e, const ledger_tip& tip, const grant_state* grant,
                                          bool id_used, const ledger_policy& policy) {
    const std::string at = "/entries/" + std::to_string(tip.position);
    auto refuse = [&](const std::string& field, const std::string& value, const std::string& why) {
        throw input_error(at + field, value, "entry " + quoted_text(e.id) + ": " + why);
    };
    auto amount_value = [&] { return "\"" + format_decimal(e.amount) + "\""; };
    if (e.id.empty()) refuse("/id", "\"\"", "an entry needs an id");
    if (id_used) refuse("/id", quoted_text(e.id), "the id is used by an earlier entry");
    if (tip.last_date && e.on < *tip.last_date)
        refuse("/date", "\"" + to_iso(e.on) + "\"",
               "dated " + to_iso(e.on) + ", before the previous entry (" + to_iso(*tip.last_date) +
                   "); the ledger is append-only and in date order");
    if (policy.latest && e.on > *policy.latest)
        refuse("/date", "\"" + to_iso(e.on) + "\"",
               "dated " + to_iso(e.on) + ", after the ledger's horizon " + to_iso(*policy.latest) +
                   " (a date that far ahead would block every later entry)");
    if (!(e.amount > money{})) refuse("/amount", amount_value(), "the amount must be positive");

    const bool fund_money = e.kind == entry_kind::capital || e.kind == entry_kind::top_up;
    const std::string kind(to_string(e.kind));
    if (fund_money && !e.application.empty())
        refuse("/application", quoted_text(e.application), "a " + kind + " is the fund's own money and names no application");
    if (!fund_money) {
        if (e.application.empty()) refuse("/application", "\"\"", "a " + kind + " names its application");
        if (e.kind != entry_kind::grant && grant == nullptr)
            refuse("/application", quoted_text(e.application),
                   "a " + kind + " for " + quoted_text(e.application) + ", which was never granted");
    }
    entry_effect out{tip.balances, grant ? *grant : grant_state{}};
    fund_balances& b = out.balances;
    grant_state& g = out.grant;
    switch (e.kind) {
        case entry_kind::capital:
            if (tip.position != 0) refuse("/kind", "\"capital\"", "capital comes first; later money is a top_up");
            b.capital += e.amount;
            b.cash += e.amount;
            break;
        case entry_kind::top_up:
            b.capital += e.amount;
            b.cash += e.amount;
            break;
        case entry_kind::grant:
            if (grant != nullptr) refuse("/application", quoted_text(e.application), quoted_text(e.application) + " is already granted");
            if (e.amount > b.available)
                refuse("/amount", amount_value(),
                       "a grant of " + format_sek(e.amount) + " exceeds what is available, " + format_sek(b.available));
            g.granted_on = e.on;
            g.granted = e.amount;
            b.committed += e.amount;
            break;
        case entry_kind::payment:
            if (g.closed) refuse("/application", quoted_text(e.application), quoted_text(e.application) + " was written off");
            if (e.amount > g.outstanding())
                refuse("/amount", amount_value(),
                       "a payment of " + format_sek(e.amount) + " exceeds what is left of the grant, " +
                           format_sek(g.outstanding()));
            if (e.amount > b.cash)
                refuse("/amount", amount_value(),
                       "a payment of " + format_sek(e.amount) + " exceeds the cash, " + format_sek(b.cash));
            g.paid += e.amount;
            b.paid += e.amount;
            b.committed -= e.amount;
            b.cash -= e.amount;
            break;
        case entry_kind::return_transfer:
            g.returned += e.amount;
            b.returned += e.amount;
            b.cash += e.amount;
            break;
        case entry_kind::write_off:
            // Money already paid left the cash with its payment; a write-off can only lose what
            // was granted and not yet paid. The rest of the grant is released.
            if (g.closed) refuse("/application", quoted_text(e.application), quoted_text(e.application) + " was already written off");
            if (e.amount > g.outstanding())
                refuse("/amount", amount_value(),
                       "a write-off of " + format_sek(e.amount) + " exceeds what was granted and not yet paid, " +
                           format_sek(g.outstanding()) + " (money already paid is not taken out of the cash twice)");
            if (e.amount > b.cash)
                refuse("/amount", amount_value(),
                       "a write-off of " + format_sek(e.amount) + " exceeds the cash, " + format_sek(b.cash));
            b.committed -= g.outstanding();
            g.closed = true;
            g.written_off += e.amount;
            b.written_off += e.amount;
            b.cash -= e.amount;
            break;
    }
    b.available = b.cash - b.committed;
    // After every entry the running cash equals the formula, and nothing the fund holds or owes
    // is negative.
    if (b.cash != b.capital + b.returned - b.paid - b.written_off || b.committed.is_negative() || b.cash.is_negative() ||
        b.available.is_negative())
        throw input_error(at, "", "the ledger does not balance after entry " + quoted_text(e.id) + " (cash " + format_sek(b.cash) +
                                      ", committed " + format_sek(b.committed) + ")");
    return out;
}

}  // namespace detail

// The ledger's rules for one entry, shared by fund_ledger and the ledger store. `grant` is the
// state of the application the entry names (nullptr when it was never granted); `id_used` says
// whether an earlier entry has the id. Throws input_error at "/entries/N/field".
inline entry_effect check_entry(const ledger_entry& e, const ledger_tip& tip, const grant_state* grant, bool id_used,
                                const ledger_policy& policy = {}) {
    try {
        return detail::check_entry_unguarded(e, tip, grant, id_used, policy);
    } catch (const money_overflow&) {
        // Every amount fits, but the sums need not (two top-ups of 92 233 720 368 547 758 kr):
        // an entry that would carry a balance out of range is refused like any other bad entry.
        throw input_error("/entries/" + std::to_string(tip.position) + "/amount", "\"" + format_decimal(e.amount) + "\"",
                          "entry " + quoted_text(e.id) + ": an amount of " + format_sek(e.amount) +
                              " carries the fund's balances beyond " + format_sek(money::from_ore(INT64_MAX)));
    }
}

class fund_ledger {
public:
    explicit fund_ledger(std::string fund = "", ledger_policy policy = {}) : fund_(std::move(fund)), policy_(policy) {}

    const std::string& fund() const { return fund_; }
    const ledger_policy& policy() const { return policy_; }
    void set_policy(const ledger_policy& policy) { policy_ = policy; }
    const std::vector<ledger_entry>& entries() const { return entries_; }
    const std::vector<fund_balances>& history() const { return history_; }  // after each entry
    fund_balances balances() const { return history_.empty() ? fund_balances{} : history_.back(); }
    const std::map<std::string, grant_state>& grants() const { return grants_; }

    // The balances at the end of a day (entries are in date order, so a binary search finds it).
    fund_balances balances_on(date d) const {
        const auto after = std::upper_bound(entries_.begin(), entries_.end(), d,
                                            [](date day, const ledger_entry& e) { return day < e.on; });
        return after == entries_.begin() ? fund_balances{} : history_[static_cast<std::size_t>(after - entries_.begin()) - 1];
    }

    // Appends an entry after checking it (check_entry); a refused entry leaves the ledger as it
    // was. Errors point at "/entries/N" (N = the index the entry would have had).
    const fund_balances& append(const ledger_entry& e) {
        const ledger_tip tip{entries_.size(), entries_.empty() ? std::nullopt : std::optional<date>(entries_.back().on),
                             balances()};
        const auto grant = e.application.empty() ? grants_.end() : grants_.find(e.application);
        const entry_effect effect =
            check_entry(e, tip, grant == grants_.end() ? nullptr : &grant->second, ids_.count(e.id) != 0, policy_);
        // Room first (doubling, as push_back would), so that nothing below fails half-way.
        if (entries_.size() == entries_.capacity()) entries_.reserve(std::max<std::size_t>(16, 2 * entries_.size()));
        if (history_.size() == history_.capacity()) history_.reserve(std::max<std::size_t>(16, 2 * history_.size()));
        ids_.insert(e.id);
        if (!e.application.empty()) grants_[e.application] = effect.grant;
        entries_.push_back(e);
        history_.push_back(effect.balances);
        return history_.back();
    }

private:
    std::string fund_;
    ledger_policy policy_;
    std::vector<ledger_entry> entries_;
    std::vector<fund_balances> history_;
    std::map<std::string, grant_state> grants_;
    std::unordered_set<std::string> ids_;  // a hash set: loading 200,000 entries stays linear
};

}  // namespace socinv
