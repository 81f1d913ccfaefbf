#pragma once
// The `follow_up` section of an application to and from JSON (docs/application-format.md).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "socinv/io/dom_reader.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/json_writer.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/application/follow_up_of.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/outcomes/follow_up.hpp"
#include "socinv/outcomes/measure_verdict.hpp"

namespace socinv {

namespace detail {

inline constexpr std::int64_t max_follow_up_count = 1'000'000'000;

// One group: {"successes", "n"} (a proportion) or {"mean", "sd", "n"} (a mean). `extra` names the
// keys the enclosing object may also hold.
inline observation read_observation(io::dom_object o, const std::string& at) {
    using namespace io;
    const std::int64_t n = read_integer(required(o, "n", at), pointer_ref(at, "n"), 1, max_follow_up_count);
    if (auto s = optional(o, "successes")) {
        if (optional(o, "mean") || optional(o, "sd"))
            throw input_error(at, "an object", "a group has either successes (a proportion) or mean and sd, not both");
        const std::int64_t successes = read_integer(*s, pointer_ref(at, "successes"), 0, max_follow_up_count);
        if (successes > n)
            throw input_error(at + "/successes", std::to_string(successes),
                              "successes " + std::to_string(successes) + " exceed n " + std::to_string(n));
        return proportion_observation{successes, n};
    }
    if (!optional(o, "mean"))
        throw input_error(at + "/successes", "", "a group needs successes and n (a proportion) or mean, sd and n");
    mean_observation m{read_number(required(o, "mean", at), pointer_ref(at, "mean")), 0, n};
    const element sd = required(o, "sd", at);
    m.sd = read_number(sd, pointer_ref(at, "sd"));
    if (m.sd < 0) throw input_error(at + "/sd", describe(sd), "sd " + describe(sd) + " must not be negative");
    return m;
}

// A group that is either one observation or a before/after pair: (after or the one, before).
inline std::pair<observation, std::optional<observation>> read_group(io::dom_object o, const std::string& at,
                                                                     std::initializer_list<std::string_view> known) {
    using namespace io;
    check_keys(o, at, known);
    if (auto after = optional(o, "after")) {
        const auto before = optional(o, "before");
        if (!before) throw input_error(at + "/before", "", "an \"after\" group needs its \"before\" group");
        const dom_object a = require_object(*after, at + "/after"), b = require_object(*before, at + "/before");
        check_keys(a, at + "/after", {"successes", "n", "mean", "sd"});
        check_keys(b, at + "/before", {"successes", "n", "mean", "sd"});
        return {read_observation(a, at + "/after"), read_observation(b, at + "/before")};
    }
    if (optional(o, "before")) throw input_error(at + "/after", "", "a \"before\" group needs its \"after\" group");
    return {read_observation(o, at), std::nullopt};
}

}  // namespace detail

// Reads the section; the measures' names are checked against the effect measures by the
// application reader, which knows them.
inline follow_up read_follow_up(io::element value, const std::string& at) {
    using namespace io;
    const dom_object o = require_object(value, at);
    check_keys(o, at, {"as_of", "participants", "measures", "notes"});
    follow_up f;
    f.as_of = read_date(required(o, "as_of", at), pointer_ref(at, "as_of"));
    if (auto p = optional(o, "participants")) {
        const std::string pp = at + "/participants";
        const dom_object po = require_object(*p, pp);
        check_keys(po, pp, {"planned", "reached"});
        f.participants = participants_reached{
            read_integer(required(po, "planned", pp), pointer_ref(pp, "planned"), 1, detail::max_follow_up_count),
            read_integer(required(po, "reached", pp), pointer_ref(pp, "reached"), 0, detail::max_follow_up_count)};
    }
    for_each_element(o, "measures", at, [&](element item, const std::string& mp) {
        const dom_object m = require_object(item, mp);
        measure_outcome out;
        out.measure = read_string(required(m, "measure", mp), pointer_ref(mp, "measure"), false);
        auto [observed, before] =
            detail::read_group(m, mp, {"measure", "successes", "n", "mean", "sd", "before", "after", "comparison"});
        out.observed = observed;
        out.before = before;
        if (auto c = optional(m, "comparison")) {
            const std::string cp = mp + "/comparison";
            auto [comparison, comparison_before] =
                detail::read_group(require_object(*c, cp), cp, {"successes", "n", "mean", "sd", "before", "after"});
            out.comparison = comparison;
            out.comparison_before = comparison_before;
        }
        const bool kind = is_proportion(out.observed);
        for (const auto* part : {&out.before, &out.comparison, &out.comparison_before})
            if (*part && is_proportion(**part) != kind)
                throw input_error(mp, "", "the groups of one measure must all be proportions or all be means");
        f.measures.push_back(std::move(out));
    });
    if (auto n = optional(o, "notes")) f.notes = read_string(*n, pointer_ref(at, "notes"));
    return f;
}

namespace detail {

inline io::json observation_json(const observation& o) {
    if (const auto* p = std::get_if<proportion_observation>(&o)) return {{"successes", p->successes}, {"n", p->n}};
    const auto& m = std::get<mean_observation>(o);
    return {{"mean", m.mean}, {"sd", m.sd}, {"n", m.n}};
}

inline io::json group_json(const observation& observed, const std::optional<observation>& before) {
    if (!before) return observation_json(observed);
    return {{"before", observation_json(*before)}, {"after", observation_json(observed)}};
}

}  // namespace detail

inline io::json to_json(const follow_up& f) {
    io::json j = {{"as_of", to_iso(f.as_of)}};
    if (f.participants) j["participants"] = {{"planned", f.participants->planned}, {"reached", f.participants->reached}};
    j["measures"] = io::json::array();
    for (const auto& m : f.measures) {
        io::json mj = detail::group_json(m.observed, m.before);
        mj["measure"] = m.measure;
        if (m.comparison) mj["comparison"] = detail::group_json(*m.comparison, m.comparison_before);
        j["measures"].push_back(std::move(mj));
    }
    if (!f.notes.empty()) j["notes"] = f.notes;
    return j;
}

// --- results ------------------------------------------------------------------------------------
// Written without building a document, keys in sorted order as nlohmann writes them.

namespace detail {
inline void write_interval(io::json_writer& w, const confidence_interval& ci) {
    w.begin_array().value(ci.low).value(ci.high).end_array();
}
inline void write_interval(io::json_writer& w, const std::optional<confidence_interval>& ci) {
    if (ci) write_interval(w, *ci);
    else w.null();
}
}  // namespace detail

inline void write_json(io::json_writer& w, const reconciliation& r);

// Observed values, intervals and targets are on the observation's scale: a share (0–1) for a
// proportion (a target of 60 "procent" is 0.6), the mean otherwise. `socinv follow-up` adds the
// application's id and, when it has savings and an agreement, the reconciliation.
inline void write_json(io::json_writer& w, const follow_up_evaluation& r, std::string_view id = {},
                       const reconciliation* reconciled = nullptr) {
    w.begin_object().member("all_targets_met", r.all_targets_met()).member("alpha", r.alpha);
    w.member("as_of", to_iso(r.as_of));
    if (!id.empty()) w.member("id", id);
    w.key("measures").begin_array();
    for (const auto& m : r.measures) {
        w.begin_object().member("baseline", m.baseline).key("ci");
        detail::write_interval(w, m.ci);
        if (m.comparison_observed) {
            w.key("comparison").begin_object().member("difference", m.difference).key("difference_ci");
            detail::write_interval(w, m.difference_ci);
            w.member("observed", *m.comparison_observed).end_object();
        }
        if (m.diff_in_diff) {
            w.key("diff_in_diff").begin_object().key("ci");
            detail::write_interval(w, m.diff_in_diff->ci);
            w.member("estimate", m.diff_in_diff->estimate).member("se", m.diff_in_diff->se).end_object();
        }
        w.key("direction");
        if (m.direction) w.value(to_string(*m.direction));
        else w.null();
        w.member("kind", m.proportion ? "proportion" : "mean")
            .member("measure", m.measure)
            .member("minimum_detectable_difference", m.minimum_detectable_difference)
            .member("n", m.n)
            .member("observed", m.observed)
            .member("target", m.target)
            .member("unit", m.unit)
            .key("verdict");
        if (m.verdict) w.value(to_string(*m.verdict));
        else w.null();
        w.key("warning_codes").begin_array();
        for (const auto& warning : m.warnings) w.value(warning.code);
        w.end_array().key("warnings").begin_array();
        for (const auto& warning : m.warnings) w.value(warning.message_en);
        w.end_array().key("warnings_sv").begin_array();
        for (const auto& warning : m.warnings) w.value(warning.message_sv);
        w.end_array().end_object();
    }
    w.end_array().key("reach");
    if (r.reach) {
        w.begin_object().key("ci");
        detail::write_interval(w, r.reach->ci);
        w.member("planned", r.reach->planned).member("reached", r.reach->reached).member("share", r.reach->share).end_object();
    } else {
        w.null();
    }
    if (reconciled) {
        w.key("reconciliation");
        write_json(w, *reconciled);
    }
    w.end_object();
}

// Amounts as decimal strings in SEK, exact. "due" is what the schedule under the actuals asks
// for the years booked so far, and "true_up" the schedule's true-up lines (due − returned).
inline void write_json(io::json_writer& w, const reconciliation& r) {
    auto amount = [&](const std::optional<money>& m) -> io::json_writer& {
        return m ? w.value(format_decimal(*m)) : w.null();
    };
    w.begin_object().member("as_of", to_iso(r.as_of)).member("due", format_decimal(r.due()));
    w.member("due_forecast", format_decimal(r.due_forecast())).member("returned_so_far", format_decimal(r.returned_so_far()));
    w.key("savings").begin_array();
    for (const auto& s : r.savings) {
        w.begin_object().key("actual");
        amount(s.actual).key("difference");
        amount(s.difference()).key("forecast");
        amount(s.forecast).member("payer", s.payer).member("year", s.year).end_object();
    }
    w.end_array();
    w.member("schedule_total", format_decimal(r.actual_total))
        .member("schedule_total_forecast", format_decimal(r.forecast_total))
        .key("transfers")
        .begin_array();
    for (const auto& t : r.transfers)
        w.begin_object()
            .member("due", format_decimal(t.due_actual))
            .member("due_forecast", format_decimal(t.due_forecast))
            .member("payer", t.payer)
            .member("returned_so_far", format_decimal(t.returned_so_far))
            .member("true_up", format_decimal(t.true_up))
            .end_object();
    w.end_array().member("true_up", format_decimal(r.true_up())).key("true_ups").begin_array();
    for (const auto& l : r.true_ups)
        w.begin_object()
            .member("amount", format_decimal(l.amount))
            .member("payer", l.payer)
            .member("saving_year", l.saving_year)
            .member("year", l.year)
            .end_object();
    w.end_array().end_object();
}

inline io::json to_json(const follow_up_evaluation& r) { return io::json::parse(io::json_text(r)); }
inline io::json to_json(const reconciliation& r) { return io::json::parse(io::json_text(r)); }

// nlohmann's conversions, found by ADL: `j.get<follow_up>()` checks the section's own form
// (pointers relative to it; that each measure names an effect measure is checked with the
// application), and `io::json j = section;`.
inline void from_json(const io::json& j, follow_up& f) { f = read_follow_up(io::thread_parser().parse(j.dump()), ""); }
inline void to_json(io::json& j, const follow_up& f) { j = to_json(f); }

}  // namespace socinv
