#pragma once
// The schedule of budget-frame reductions an agreement gives, exact to the öre.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "socinv/core/allocation.hpp"
#include "socinv/core/catalogue.hpp"
#include "socinv/detail/int128.hpp"
#include "socinv/transfer/agreement.hpp"

namespace socinv {

enum class schedule_line_kind { reduction, booked, true_up };

inline std::string_view to_string(schedule_line_kind k) {
    switch (k) {
        case schedule_line_kind::reduction: return "reduction";
        case schedule_line_kind::booked: return "booked";
        case schedule_line_kind::true_up: return "true_up";
    }
    return "";
}

// "reduction" / "ramminskning": a line's kind named in a report.
inline std::string_view kind_name(schedule_line_kind k, language lang) { return term("line_kind", to_string(k), lang); }

struct schedule_line {
    std::string payer;
    int year = 0;          // the budget year whose frame is reduced
    money amount;          // a negative true-up gives back what was over-returned
    schedule_line_kind kind = schedule_line_kind::reduction;
    int saving_year = 0;   // the year of the saving it comes from (for a true-up: the year corrected)
    saving_basis basis = saving_basis::forecast;
    friend bool operator==(const schedule_line&, const schedule_line&) = default;
};

struct transfer_schedule {
    std::vector<schedule_line> lines;  // by year, then payer
    money total;                       // what the agreement returns in all, after cap and true-ups
    std::optional<money> cap;          // the cap in money, when there is one
    bool capped = false;               // the cap cut the returns
    money uncapped_total;              // what share × saving would have given

    money total_for(const std::string& payer) const {
        money sum;
        for (const auto& l : lines)
            if (l.payer == payer) sum += l.amount;
        return sum;
    }
};

// What each (payer, return year) should give, before booked amounts are taken into account.
struct target_return {
    std::string payer;
    int year = 0;
    int saving_year = 0;
    money amount;
    saving_basis basis = saving_basis::forecast;
};

namespace detail {

inline money share_of(money amount, std::int64_t ppm) {
    // floor(amount × ppm / 10^6): never more than share × saving.
    return money::from_ore(static_cast<std::int64_t>(static_cast<int128>(amount.ore()) * ppm / ppm_one));
}

}  // namespace detail

// The reductions an agreement calls for. Actual savings replace forecasts for the same payer
// and year. Each reduction is at most share × saving (rounded down to the öre); fixed splits
// spread share × total saving over the payers with remainders distributed; reductions below
// the minimum are not taken; the cap is applied in year order, the last year's reductions
// scaled down together so that the total meets the cap to the öre.
// `invested` is what the cap "invested" means (the amount granted, else requested).
inline std::vector<target_return> target_returns(const return_transfer_agreement& agreement,
                                                 const std::vector<saving>& savings, money invested, bool& capped,
                                                 money& uncapped_total) {
    // The saving that counts per (payer, year): the actual when there is one.
    std::map<std::pair<int, std::string>, const saving*> effective;
    for (const auto& s : savings) {
        auto& slot = effective[{s.year, s.payer}];
        if (!slot || (s.basis == saving_basis::actual && slot->basis == saving_basis::forecast)) slot = &s;
    }
    std::map<int, std::vector<target_return>> by_year;  // return year → reductions
    if (agreement.split_by_saving) {
        for (const auto& [key, s] : effective) {
            const int year = s->year + agreement.lag_years;
            if (year < agreement.first_year || year > agreement.last_year) continue;
            by_year[year].push_back({s->payer, year, s->year, detail::share_of(s->amount, agreement.share_ppm), s->basis});
        }
    } else {
        std::map<int, std::pair<money, saving_basis>> totals;  // saving year → total, basis (actual if all actual)
        std::map<int, bool> all_actual;
        for (const auto& [key, s] : effective) {
            totals[s->year].first += s->amount;
            auto [it, fresh] = all_actual.try_emplace(s->year, true);
            it->second = it->second && s->basis == saving_basis::actual;
        }
        std::vector<std::int64_t> weights;
        for (const auto& p : agreement.split) weights.push_back(p.share_ppm);
        for (const auto& [saving_year, total] : totals) {
            const int year = saving_year + agreement.lag_years;
            if (year < agreement.first_year || year > agreement.last_year) continue;
            const auto parts = allocate(detail::share_of(total.first, agreement.share_ppm), weights);
            const auto basis = all_actual[saving_year] ? saving_basis::actual : saving_basis::forecast;
            for (std::size_t i = 0; i < parts.size(); ++i)
                by_year[year].push_back({agreement.split[i].payer, year, saving_year, parts[i], basis});
        }
    }

    std::optional<money> cap;
    if (agreement.cap.kind == cap_kind::invested) cap = invested;
    if (agreement.cap.kind == cap_kind::amount) cap = agreement.cap.amount;
    std::vector<target_return> out;
    money taken;
    capped = false;
    uncapped_total = money{};
    for (auto& [year, reductions] : by_year) {
        for (auto& r : reductions)
            if (r.amount < agreement.minimum) r.amount = money{};
        money year_total;
        for (const auto& r : reductions) {
            year_total += r.amount;
            uncapped_total += r.amount;
        }
        if (cap && taken + year_total > *cap) {
            capped = true;
            const money room = std::max(money{}, *cap - taken);
            std::vector<std::int64_t> weights;
            for (const auto& r : reductions) weights.push_back(r.amount.ore());
            if (year_total.is_zero() || room.is_zero()) {
                for (auto& r : reductions) r.amount = money{};
            } else {
                const auto parts = allocate(room, weights);
                for (std::size_t i = 0; i < reductions.size(); ++i) reductions[i].amount = parts[i];
            }
            year_total = room;
        }
        taken += year_total;
        for (auto& r : reductions)
            if (!r.amount.is_zero()) out.push_back(std::move(r));
    }
    return out;
}

// The full schedule: targets for open years, and for years already booked the booked amount
// plus a true-up line (target − booked) in the payer's first open return year after its last
// booked one (or the year after that, if the agreement's years have run out).
inline transfer_schedule make_schedule(const return_transfer_agreement& agreement, const std::vector<saving>& savings,
                                       const std::vector<booked_return>& booked, money invested) {
    transfer_schedule schedule;
    auto targets = target_returns(agreement, savings, invested, schedule.capped, schedule.uncapped_total);
    if (agreement.cap.kind == cap_kind::invested) schedule.cap = invested;
    if (agreement.cap.kind == cap_kind::amount) schedule.cap = agreement.cap.amount;

    std::map<std::pair<std::string, int>, money> booked_amount;
    std::map<std::string, int> last_booked;
    for (const auto& b : booked) {
        booked_amount[{b.payer, b.year}] += b.amount;
        auto [it, fresh] = last_booked.try_emplace(b.payer, b.year);
        it->second = std::max(it->second, b.year);
    }
    std::map<std::pair<std::string, int>, money> target_amount;
    for (const auto& t : targets) target_amount[{t.payer, t.year}] += t.amount;

    std::map<std::string, money> correction;  // target − booked over the booked years, per payer
    for (const auto& [key, amount] : booked_amount) {
        schedule.lines.push_back({key.first, key.second, amount, schedule_line_kind::booked, key.second - agreement.lag_years,
                                  saving_basis::actual});
        correction[key.first] += target_amount[key] - amount;
    }
    for (const auto& t : targets)
        if (!booked_amount.count({t.payer, t.year}))
            schedule.lines.push_back({t.payer, t.year, t.amount, schedule_line_kind::reduction, t.saving_year, t.basis});
    for (const auto& [payer, diff] : correction) {
        if (diff.is_zero()) continue;
        const int year = std::max(last_booked[payer] + 1, agreement.first_year);
        schedule.lines.push_back({payer, year, diff, schedule_line_kind::true_up, last_booked[payer] - agreement.lag_years,
                                  saving_basis::actual});
    }
    std::stable_sort(schedule.lines.begin(), schedule.lines.end(), [](const auto& a, const auto& b) {
        return std::tie(a.year, a.payer) < std::tie(b.year, b.payer);
    });
    for (const auto& l : schedule.lines) schedule.total += l.amount;
    return schedule;
}

}  // namespace socinv
