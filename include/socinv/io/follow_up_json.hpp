#pragma once
// The `follow_up` section of an application to and from JSON (docs/application-format.md).

#include <string>

#include <nlohmann/json.hpp>

#include "socinv/io/dom_reader.hpp"
#include "socinv/io/json_reader.hpp"
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
    const std::int64_t n = read_integer(required(o, "n", at), at + "/n", 1, max_follow_up_count);
    if (auto s = optional(o, "successes")) {
        if (optional(o, "mean") || optional(o, "sd"))
            throw input_error(at, "an object", "a group has either successes (a proportion) or mean and sd, not both");
        const std::int64_t successes = read_integer(*s, at + "/successes", 0, max_follow_up_count);
        if (successes > n)
            throw input_error(at + "/successes", std::to_string(successes),
                              "successes " + std::to_string(successes) + " exceed n " + std::to_string(n));
        return proportion_observation{successes, n};
    }
    if (!optional(o, "mean"))
        throw input_error(at + "/successes", "", "a group needs successes and n (a proportion) or mean, sd and n");
    mean_observation m{read_number(required(o, "mean", at), at + "/mean"), 0, n};
    const element sd = required(o, "sd", at);
    m.sd = read_number(sd, at + "/sd");
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
    f.as_of = read_date(required(o, "as_of", at), at + "/as_of");
    if (auto p = optional(o, "participants")) {
        const std::string pp = at + "/participants";
        const dom_object po = require_object(*p, pp);
        check_keys(po, pp, {"planned", "reached"});
        f.participants = participants_reached{
            read_integer(required(po, "planned", pp), pp + "/planned", 1, detail::max_follow_up_count),
            read_integer(required(po, "reached", pp), pp + "/reached", 0, detail::max_follow_up_count)};
    }
    for_each_element(o, "measures", at, [&](element item, const std::string& mp) {
        const dom_object m = require_object(item, mp);
        measure_outcome out;
        out.measure = read_string(required(m, "measure", mp), mp + "/measure", false);
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
    if (auto n = optional(o, "notes")) f.notes = read_string(*n, at + "/notes");
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

namespace detail {
inline io::json interval_json(const confidence_interval& ci) { return {ci.low, ci.high}; }
inline io::json optional_json(const std::optional<double>& x) { return x ? io::json(*x) : io::json(nullptr); }
}  // namespace detail

// Observed values, intervals and targets are on the observation's scale: a share (0–1) for a
// proportion (a target of 60 "procent" is 0.6), the mean otherwise.
inline io::json to_json(const follow_up_evaluation& r) {
    using io::json;
    json measures = json::array();
    for (const auto& m : r.measures) {
        json warnings = json::array(), codes = json::array();
        for (const auto& w : m.warnings) {
            warnings.push_back(w.message_en);
            codes.push_back(w.code);
        }
        json mj = {{"measure", m.measure},
                   {"unit", m.unit},
                   {"kind", m.proportion ? "proportion" : "mean"},
                   {"n", m.n},
                   {"observed", m.observed},
                   {"ci", detail::interval_json(m.ci)},
                   {"baseline", detail::optional_json(m.baseline)},
                   {"target", detail::optional_json(m.target)},
                   {"direction", m.direction ? json(std::string(to_string(*m.direction))) : json(nullptr)},
                   {"verdict", m.verdict ? json(std::string(to_string(*m.verdict))) : json(nullptr)},
                   {"minimum_detectable_difference", m.minimum_detectable_difference},
                   {"warnings", std::move(warnings)},
                   {"warning_codes", std::move(codes)}};
        if (m.comparison_observed)
            mj["comparison"] = {{"observed", *m.comparison_observed},
                                {"difference", detail::optional_json(m.difference)},
                                {"difference_ci", m.difference_ci ? detail::interval_json(*m.difference_ci) : json(nullptr)}};
        if (m.diff_in_diff)
            mj["diff_in_diff"] = {{"estimate", m.diff_in_diff->estimate},
                                  {"se", m.diff_in_diff->se},
                                  {"ci", detail::interval_json(m.diff_in_diff->ci)}};
        measures.push_back(std::move(mj));
    }
    json j = {{"as_of", to_iso(r.as_of)}, {"alpha", r.alpha}, {"measures", std::move(measures)},
              {"all_targets_met", r.all_targets_met()}};
    if (r.reach)
        j["reach"] = {{"planned", r.reach->planned},
                      {"reached", r.reach->reached},
                      {"share", r.reach->share},
                      {"ci", r.reach->ci ? detail::interval_json(*r.reach->ci) : json(nullptr)}};
    else
        j["reach"] = nullptr;
    return j;
}

// Amounts as decimal strings in SEK, exact. "due" is what the schedule under the actuals asks
// for the years booked so far, and "true_up" the schedule's true-up lines (due − returned).
inline io::json to_json(const reconciliation& r) {
    using io::json;
    auto amount = [](const std::optional<money>& m) { return m ? json(format_decimal(*m)) : json(nullptr); };
    json rows = json::array();
    for (const auto& s : r.savings)
        rows.push_back({{"payer", s.payer}, {"year", s.year}, {"forecast", amount(s.forecast)},
                        {"actual", amount(s.actual)}, {"difference", amount(s.difference())}});
    json transfers = json::array();
    for (const auto& t : r.transfers)
        transfers.push_back({{"payer", t.payer},
                             {"returned_so_far", format_decimal(t.returned_so_far)},
                             {"due_forecast", format_decimal(t.due_forecast)},
                             {"due", format_decimal(t.due_actual)},
                             {"true_up", format_decimal(t.true_up)}});
    json true_ups = json::array();
    for (const auto& l : r.true_ups)
        true_ups.push_back(
            {{"payer", l.payer}, {"year", l.year}, {"saving_year", l.saving_year}, {"amount", format_decimal(l.amount)}});
    return {{"as_of", to_iso(r.as_of)},
            {"savings", std::move(rows)},
            {"transfers", std::move(transfers)},
            {"true_ups", std::move(true_ups)},
            {"returned_so_far", format_decimal(r.returned_so_far())},
            {"due_forecast", format_decimal(r.due_forecast())},
            {"due", format_decimal(r.due())},
            {"true_up", format_decimal(r.true_up())},
            {"schedule_total_forecast", format_decimal(r.forecast_total)},
            {"schedule_total", format_decimal(r.actual_total)}};
}

// nlohmann's conversions, found by ADL: `j.get<follow_up>()` checks the section's own form
// (pointers relative to it; that each measure names an effect measure is checked with the
// application), and `io::json j = section;`.
inline void from_json(const io::json& j, follow_up& f) { f = read_follow_up(io::thread_parser().parse(j.dump()), ""); }
inline void to_json(io::json& j, const follow_up& f) { j = to_json(f); }

}  // namespace socinv
