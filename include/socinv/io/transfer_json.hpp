#pragma once
// The `return_transfer` and `savings` sections of an application, and schedules, as JSON.

#include <cmath>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/application/return_transfer_section.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/json_writer.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/transfer/schedule.hpp"

namespace socinv {

namespace detail {

// A share in [0, 1] as exact parts per million; more precision than that is an error.
inline std::int64_t read_share_ppm(io::element j, const std::string& at) {
    const double x = io::read_number(j, at);
    if (!(x >= 0 && x <= 1)) throw input_error(at, io::describe(j), "share " + io::describe(j) + " must lie between 0 and 1");
    const double ppm = x * ppm_one;
    const double rounded = std::round(ppm);
    if (std::fabs(ppm - rounded) > 1e-6)
        throw input_error(at, io::describe(j), "share " + io::describe(j) + " has more than six decimals");
    return static_cast<std::int64_t>(rounded);
}

inline int read_year(io::element j, const std::string& at) {
    return static_cast<int>(io::read_integer(j, at, 1400, 9999));
}

}  // namespace detail

inline return_transfer_agreement read_agreement(io::dom_object o, const std::string& at) {
    using namespace io;
    return_transfer_agreement a;
    if (auto s = optional(o, "share")) a.share_ppm = detail::read_share_ppm(*s, at + "/share");
    if (auto cap = optional(o, "cap")) {
        const std::string_view text = cap->type() == element_type::STRING ? cap->get_string().value_unsafe() : "";
        if (text == "invested") {
            a.cap.kind = cap_kind::invested;
        } else if (text == "none") {
            a.cap.kind = cap_kind::none;
        } else {
            a.cap.kind = cap_kind::amount;
            a.cap.amount = at_pointer(at + "/cap", [&] {
                try {
                    return read_money_at_least(*cap, "", money{}, false);
                } catch (const input_error& e) {
                    throw input_error("", e.value(), e.message() + " (a cap is null, \"invested\" or an amount)");
                }
            });
        }
    }
    a.first_year = detail::read_year(required(o, "first_year", at), at + "/first_year");
    a.last_year = detail::read_year(required(o, "last_year", at), at + "/last_year");
    if (a.last_year < a.first_year)
        throw input_error(at + "/last_year", std::to_string(a.last_year),
                          "last_year " + std::to_string(a.last_year) + " is before first_year " + std::to_string(a.first_year));
    if (auto lag = optional(o, "lag_years")) a.lag_years = static_cast<int>(read_integer(*lag, pointer_ref(at, "lag_years"), 0, 50));
    if (auto m = optional(o, "minimum")) a.minimum = read_money_at_least(*m, pointer_ref(at, "minimum"), money{}, false);
    for_each_element(o, "payers", at, [&](element p, const std::string& pp) {
        std::string name = read_string(p, pp, false);
        if (a.knows_payer(name) && !a.payers.empty())
            throw input_error(pp, describe(p), "payer \"" + name + "\" is listed twice");
        a.payers.push_back(std::move(name));
    });
    if (auto split = optional(o, "split")) {
        if (split->type() == element_type::STRING) {
            if (split->get_string().value_unsafe() != "by_saving")
                throw input_error(at + "/split", describe(*split),
                                  "unknown split " + describe(*split) + " (expected \"by_saving\" or a list of {payer, share})");
        } else {
            const dom_array list = require_array(*split, at + "/split");
            if (list.size() == 0) throw input_error(at + "/split", "[]", "a fixed split needs at least one payer");
            a.split_by_saving = false;
            std::int64_t sum = 0;
            std::set<std::string> seen;
            std::size_t i = 0;
            for (element value : list) {
                const std::string sp = join_pointer(at + "/split", i++);
                const dom_object s = require_object(value, sp);
                check_keys(s, sp, {"payer", "share"});
                const element payer = required(s, "payer", sp);
                payer_share ps{read_string(payer, pointer_ref(sp, "payer"), false),
                               detail::read_share_ppm(required(s, "share", sp), sp + "/share")};
                if (!seen.insert(ps.payer).second)
                    throw input_error(sp + "/payer", describe(payer), "payer \"" + ps.payer + "\" is listed twice");
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

inline return_transfer_section read_return_transfer_section(io::element j, const std::string& at) {
    using namespace io;
    const dom_object o = require_object(j, at);
    check_keys(o, at, {"share", "cap", "first_year", "last_year", "lag_years", "minimum", "split", "payers", "booked", "notes"});
    return_transfer_section section;
    section.agreement = read_agreement(o, at);
    const auto& agreement = section.agreement;
    std::set<std::pair<std::string, int>> seen;
    for_each_element(o, "booked", at, [&](element value, const std::string& bp) {
        const dom_object b = require_object(value, bp);
        check_keys(b, bp, {"payer", "year", "amount"});
        const element payer = required(b, "payer", bp);
        booked_return r{read_string(payer, pointer_ref(bp, "payer"), false), detail::read_year(required(b, "year", bp), bp + "/year"),
                        read_money_at_least(required(b, "amount", bp), pointer_ref(bp, "amount"), money{}, false)};
        if (!agreement.knows_payer(r.payer))
            throw input_error(bp + "/payer", describe(payer),
                              "payer \"" + r.payer + "\" is not among the agreement's paying administrations");
        if (r.year < agreement.first_year || r.year > agreement.last_year)
            throw input_error(bp + "/year", std::to_string(r.year),
                              "booked year " + std::to_string(r.year) + " is outside the agreement's years " +
                                  std::to_string(agreement.first_year) + "-" + std::to_string(agreement.last_year));
        if (!seen.insert({r.payer, r.year}).second)
            throw input_error(bp, "", "a second booked return for " + r.payer + " in " + std::to_string(r.year));
        section.booked.push_back(std::move(r));
    });
    if (auto n = optional(o, "notes")) section.notes = read_string(*n, pointer_ref(at, "notes"));
    return section;
}

// The `savings` list. Payers are checked against the agreement, and years against the
// intervention's start, by the application reader once every section is read.
inline std::vector<saving> read_savings(io::element j, const std::string& at) {
    using namespace io;
    std::vector<saving> out;
    std::set<std::tuple<std::string, int, saving_basis>> seen;
    std::size_t i = 0;
    for (element value : require_array(j, at)) {
        const std::string sp = join_pointer(at, i++);
        const dom_object s = require_object(value, sp);
        check_keys(s, sp, {"payer", "year", "amount", "basis", "note"});
        saving sv;
        sv.payer = read_string(required(s, "payer", sp), pointer_ref(sp, "payer"), false);
        sv.year = detail::read_year(required(s, "year", sp), sp + "/year");
        const element amount = required(s, "amount", sp);
        sv.amount = read_money(amount, pointer_ref(sp, "amount"));
        if (sv.amount.is_negative())
            throw input_error(sp + "/amount", describe(amount),
                              "a saving must not be negative (" + format_sek(sv.amount) + "); record a cost increase as 0");
        sv.basis = read_enum(required(s, "basis", sp), pointer_ref(sp, "basis"),
                             [](std::string_view b) { return detail::parse_name(b, saving_basis_names, "basis"); });
        if (!seen.insert({sv.payer, sv.year, sv.basis}).second)
            throw input_error(sp, "", "a second " + std::string(to_string(sv.basis)) + " saving for " + sv.payer + " in " +
                                          std::to_string(sv.year));
        out.push_back(std::move(sv));
    }
    return out;
}

// --- writing -------------------------------------------------------------------------------------

inline io::json share_json(std::int64_t ppm) { return static_cast<double>(ppm) / ppm_one; }

inline io::json to_json(const return_transfer_section& s) {
    using io::json;
    const auto& a = s.agreement;
    json j = {{"share", share_json(a.share_ppm)}, {"first_year", a.first_year}, {"last_year", a.last_year}};
    switch (a.cap.kind) {
        case cap_kind::none: j["cap"] = "none"; break;
        case cap_kind::invested: j["cap"] = "invested"; break;
        case cap_kind::amount: j["cap"] = format_decimal(a.cap.amount); break;
    }
    if (a.lag_years != 0) j["lag_years"] = a.lag_years;
    if (!a.minimum.is_zero()) j["minimum"] = format_decimal(a.minimum);
    if (!a.payers.empty()) j["payers"] = a.payers;
    if (!a.split_by_saving) {
        j["split"] = json::array();
        for (const auto& ps : a.split) j["split"].push_back({{"payer", ps.payer}, {"share", share_json(ps.share_ppm)}});
    }
    if (!s.booked.empty()) {
        j["booked"] = json::array();
        for (const auto& b : s.booked)
            j["booked"].push_back({{"payer", b.payer}, {"year", b.year}, {"amount", format_decimal(b.amount)}});
    }
    if (!s.notes.empty()) j["notes"] = s.notes;
    return j;
}

inline io::json to_json(const std::vector<saving>& savings) {
    io::json j = io::json::array();
    for (const auto& s : savings)
        j.push_back({{"payer", s.payer}, {"year", s.year}, {"amount", format_decimal(s.amount)},
                     {"basis", std::string(to_string(s.basis))}});
    return j;
}

// A schedule as a result (`socinv transfers`), written without building a document; amounts as
// exact decimal strings in SEK.
inline void write_json(io::json_writer& w, const transfer_schedule& s) {
    std::map<std::string, money> by_payer;
    for (const auto& l : s.lines) by_payer[l.payer] += l.amount;
    w.begin_object().key("by_payer").begin_object();
    for (const auto& [payer, total] : by_payer) w.member(payer, format_decimal(total));
    w.end_object().key("cap");
    if (s.cap) w.value(format_decimal(*s.cap));
    else w.null();
    w.member("capped", s.capped).key("schedule").begin_array();
    for (const auto& l : s.lines)
        w.begin_object()
            .member("amount", format_decimal(l.amount))
            .member("basis", to_string(l.basis))
            .member("kind", to_string(l.kind))
            .member("payer", l.payer)
            .member("saving_year", l.saving_year)
            .member("year", l.year)
            .end_object();
    w.end_array();
    w.member("total", format_decimal(s.total)).member("uncapped_total", format_decimal(s.uncapped_total)).end_object();
}

inline io::json to_json(const transfer_schedule& s) { return io::json::parse(io::json_text(s)); }

// nlohmann's conversions, found by ADL: `j.get<return_transfer_section>()` (pointers relative to
// the section) and `io::json j = section;`.
inline void from_json(const io::json& j, return_transfer_section& s) {
    s = read_return_transfer_section(io::thread_parser().parse(j.dump()), "");
}
inline void to_json(io::json& j, const return_transfer_section& s) { j = to_json(s); }

}  // namespace socinv
