#pragma once
// The `return_transfer` and `savings` sections of an application, and schedules as JSON.

#include <cmath>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/application/application.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/io/json_reader.hpp"
#include "socinv/transfer/schedule.hpp"

namespace socinv {

namespace detail {

// A share in [0, 1] as exact parts per million; more precision than that is an error.
inline std::int64_t read_share_ppm(const io::json& j, const std::string& at) {
    const double x = io::read_number(j, at);
    if (!(x >= 0 && x <= 1)) throw input_error(at, io::describe(j), "share " + io::describe(j) + " must lie between 0 and 1");
    const double ppm = x * ppm_one;
    const double rounded = std::round(ppm);
    if (std::fabs(ppm - rounded) > 1e-6)
        throw input_error(at, io::describe(j), "share " + io::describe(j) + " has more than six decimals");
    return static_cast<std::int64_t>(rounded);
}

}  // namespace detail

// What "invested" means for a cap: the amount granted, or the amount requested without a decision.
inline money invested_amount(const application& app) { return app.decision ? app.decision->granted : app.requested; }

inline return_transfer_agreement agreement_from(const application& app) {
    using namespace io;
    const std::string at = "/return_transfer";
    const json& j = require_object(app.return_transfer, at);
    reject_unknown_keys(j, at, {"share", "cap", "first_year", "last_year", "lag_years", "minimum", "split", "payers",
                                "booked", "notes"});
    return_transfer_agreement a;
    if (const json* s = optional(j, "share")) a.share_ppm = detail::read_share_ppm(*s, at + "/share");
    if (auto it = j.find("cap"); it != j.end() && !it->is_null()) {
        if (it->is_string() && it->get_ref<const std::string&>() == "invested") {
            a.cap.kind = cap_kind::invested;
        } else if (it->is_string() && it->get_ref<const std::string&>() == "none") {
            a.cap.kind = cap_kind::none;
        } else {
            a.cap.kind = cap_kind::amount;
            a.cap.amount = at_pointer(at + "/cap", [&] {
                try {
                    return read_money_at_least(*it, "", money{}, false);
                } catch (const input_error& e) {
                    throw input_error("", e.value(), e.message() + " (a cap is null, \"invested\" or an amount)");
                }
            });
        }
    }
    a.first_year = static_cast<int>(read_integer(required(j, "first_year", at), at + "/first_year", 1400, 9999));
    a.last_year = static_cast<int>(read_integer(required(j, "last_year", at), at + "/last_year", 1400, 9999));
    if (a.last_year < a.first_year)
        throw input_error(at + "/last_year", std::to_string(a.last_year),
                          "last_year " + std::to_string(a.last_year) + " is before first_year " + std::to_string(a.first_year));
    if (const json* lag = optional(j, "lag_years")) a.lag_years = static_cast<int>(read_integer(*lag, at + "/lag_years", 0, 50));
    if (const json* m = optional(j, "minimum")) a.minimum = read_money_at_least(*m, at + "/minimum", money{}, false);
    if (const json* p = optional(j, "payers")) {
        require_array(*p, at + "/payers");
        for (std::size_t i = 0; i < p->size(); ++i) {
            std::string name = read_string((*p)[i], join_pointer(at + "/payers", i), false);
            if (a.knows_payer(name) && !a.payers.empty())
                throw input_error(join_pointer(at + "/payers", i), describe((*p)[i]), "payer \"" + name + "\" is listed twice");
            a.payers.push_back(std::move(name));
        }
    }
    if (const json* split = optional(j, "split")) {
        if (split->is_string()) {
            if (split->get_ref<const std::string&>() != "by_saving")
                throw input_error(at + "/split", describe(*split),
                                  "unknown split " + describe(*split) + " (expected \"by_saving\" or a list of {payer, share})");
        } else {
            require_array(*split, at + "/split");
            if (split->empty()) throw input_error(at + "/split", "[]", "a fixed split needs at least one payer");
            a.split_by_saving = false;
            std::int64_t sum = 0;
            std::set<std::string> seen;
            for (std::size_t i = 0; i < split->size(); ++i) {
                const std::string sp = join_pointer(at + "/split", i);
                const json& s = require_object((*split)[i], sp);
                reject_unknown_keys(s, sp, {"payer", "share"});
                payer_share ps{read_string(required(s, "payer", sp), sp + "/payer", false),
                               detail::read_share_ppm(required(s, "share", sp), sp + "/share")};
                if (!seen.insert(ps.payer).second)
                    throw input_error(sp + "/payer", describe(s["payer"]), "payer \"" + ps.payer + "\" is listed twice");
                sum += ps.share_ppm;
                a.split.push_back(std::move(ps));
            }
            if (sum != ppm_one)
                throw input_error(at + "/split", "",
                                  "the split's shares sum to " + std::to_string(static_cast<double>(sum) / ppm_one) +
                                      ", not 1");
            if (a.payers.empty())
                for (const auto& ps : a.split) a.payers.push_back(ps.payer);
        }
    }
    return a;
}

// The application's savings: its `savings` list, or, without one, forecasts from its cost
// model's point estimate (each payer's saving per year, rounded to the öre).
inline std::vector<saving> savings_from(const application& app, const return_transfer_agreement& agreement) {
    using namespace io;
    std::vector<saving> out;
    if (app.savings.is_null()) {
        if (app.economics.is_null()) return out;
        const auto result = evaluate(cost_model_from(app));
        for (const auto& [payer, row] : result.savings_by_payer)
            for (std::size_t t = 0; t < row.size(); ++t)
                if (row[t] > 0 && agreement.knows_payer(payer))
                    out.push_back({payer, result.years[t], money::from_ore(std::llround(row[t] * 100)), saving_basis::forecast});
        return out;
    }
    const json& list = require_array(app.savings, "/savings");
    std::set<std::tuple<std::string, int, saving_basis>> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = join_pointer("/savings", i);
        const json& s = require_object(list[i], at);
        reject_unknown_keys(s, at, {"payer", "year", "amount", "basis", "note"});
        saving sv;
        sv.payer = read_string(required(s, "payer", at), at + "/payer", false);
        if (!agreement.knows_payer(sv.payer))
            throw input_error(at + "/payer", describe(s["payer"]),
                              "payer \"" + sv.payer + "\" is not among the agreement's paying administrations");
        sv.year = static_cast<int>(read_integer(required(s, "year", at), at + "/year", 1400, 9999));
        if (sv.year < app.period.first_year())
            throw input_error(at + "/year", std::to_string(sv.year),
                              "a saving in " + std::to_string(sv.year) + " is before the intervention started (" +
                                  to_iso(app.period.start()) + ")");
        const json& amount = required(s, "amount", at);
        sv.amount = read_money(amount, at + "/amount");
        if (sv.amount.is_negative())
            throw input_error(at + "/amount", describe(amount),
                              "a saving must not be negative (" + format_sek(sv.amount) + "); record a cost increase as 0");
        sv.basis = read_enum(required(s, "basis", at), at + "/basis",
                             [](std::string_view b) { return detail::parse_name(b, saving_basis_names, "basis"); });
        if (!seen.insert({sv.payer, sv.year, sv.basis}).second)
            throw input_error(at, "", "a second " + std::string(to_string(sv.basis)) + " saving for " + sv.payer + " in " +
                                          std::to_string(sv.year));
        out.push_back(std::move(sv));
    }
    return out;
}

inline std::vector<booked_return> booked_from(const application& app, const return_transfer_agreement& agreement) {
    using namespace io;
    std::vector<booked_return> out;
    const json* list = optional(app.return_transfer, "booked");
    if (!list) return out;
    const std::string base = "/return_transfer/booked";
    require_array(*list, base);
    std::set<std::pair<std::string, int>> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = join_pointer(base, i);
        const json& b = require_object((*list)[i], at);
        reject_unknown_keys(b, at, {"payer", "year", "amount"});
        booked_return r{read_string(required(b, "payer", at), at + "/payer", false),
                        static_cast<int>(read_integer(required(b, "year", at), at + "/year", 1400, 9999)),
                        read_money(required(b, "amount", at), at + "/amount")};
        if (!agreement.knows_payer(r.payer))
            throw input_error(at + "/payer", describe(b["payer"]),
                              "payer \"" + r.payer + "\" is not among the agreement's paying administrations");
        if (r.year < agreement.first_year || r.year > agreement.last_year)
            throw input_error(at + "/year", std::to_string(r.year),
                              "booked year " + std::to_string(r.year) + " is outside the agreement's years " +
                                  std::to_string(agreement.first_year) + "-" + std::to_string(agreement.last_year));
        if (!seen.insert({r.payer, r.year}).second)
            throw input_error(at, "", "a second booked return for " + r.payer + " in " + std::to_string(r.year));
        out.push_back(std::move(r));
    }
    return out;
}

// The application's schedule of budget-frame reductions.
inline transfer_schedule schedule_from(const application& app) {
    if (app.return_transfer.is_null())
        throw input_error("/return_transfer", "", "the application has no return-transfer agreement");
    const auto agreement = agreement_from(app);
    return make_schedule(agreement, savings_from(app, agreement), booked_from(app, agreement), invested_amount(app));
}

inline io::json to_json(const transfer_schedule& s) {
    using io::json;
    json lines = json::array();
    std::map<std::string, money> by_payer;
    for (const auto& l : s.lines) {
        lines.push_back({{"payer", l.payer},
                         {"year", l.year},
                         {"amount", format_decimal(l.amount)},
                         {"kind", to_string(l.kind)},
                         {"saving_year", l.saving_year},
                         {"basis", to_string(l.basis)}});
        by_payer[l.payer] += l.amount;
    }
    json payers = json::object();
    for (const auto& [payer, total] : by_payer) payers[payer] = format_decimal(total);
    return {{"schedule", std::move(lines)},
            {"total", format_decimal(s.total)},
            {"by_payer", std::move(payers)},
            {"cap", s.cap ? json(format_decimal(*s.cap)) : json(nullptr)},
            {"capped", s.capped},
            {"uncapped_total", format_decimal(s.uncapped_total)}};
}

}  // namespace socinv
