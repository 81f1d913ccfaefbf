#pragma once
// The funding-criteria checklist: each criterion judged from the data or by the evaluator.

#include <cstdio>
#include <string>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/core/concat.hpp"
#include "socinv/core/format.hpp"
#include "socinv/core/message.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/rules/eligibility.hpp"
#include "socinv/rules/finding.hpp"

namespace socinv {

enum class decided_by { data, evaluator, nobody };

inline std::string_view to_string(decided_by d) {
    switch (d) {
        case decided_by::data: return "data";
        case decided_by::evaluator: return "evaluator";
        case decided_by::nobody: return "nobody";
    }
    return "";
}

// One line of evidence, the catalogue text "evidence.<what>" in both languages.
using evidence_item = localized_text;

struct checklist_item {
    socinv::criterion criterion = criterion::collaborative;
    bool advisory = false;  // a distinguishing feature, not a funding criterion
    socinv::verdict verdict = verdict::needs_information;
    socinv::decided_by decided_by = decided_by::nobody;
    std::vector<evidence_item> evidence;
    std::string statement;  // the applicant's own text
    std::string comment;    // the evaluator's comment
};

namespace detail {

// The data's verdict on a criterion, when the data can decide it.
struct data_verdict {
    socinv::verdict verdict;
    std::vector<evidence_item> evidence;
};

inline data_verdict judge_collaborative(const eligibility_result& eligibility) {
    for (const auto& alt : eligibility.alternatives) {
        if (!alt.met) continue;
        std::vector<std::string> names;
        for (const auto& r : alt.requirements) names.insert(names.end(), r.counted.begin(), r.counted.end());
        const std::string who = names_text(names);
        return {verdict::met, {render_both("evidence.collaborative_met", {text_arg("id", alt.id), text_arg("names", who)})}};
    }
    return {verdict::not_met, {render_both("evidence.collaborative_not_met")}};
}

// Once the intervention runs, "can be followed up and measured" is shown by the follow-up itself:
// observed data for every effect measure that has a target.
inline data_verdict judge_measured(const application& app, const follow_up& f) {
    data_verdict out{verdict::met, {}};
    const std::string as_of = to_iso(f.as_of);
    bool any_target = false;
    for (const auto& m : app.effect_measures) {
        if (!m.target) continue;
        any_target = true;
        bool observed = false;
        for (const auto& o : f.measures) observed = observed || o.measure == m.name;
        if (!observed) out.verdict = verdict::needs_information;
        out.evidence.push_back(render_both(observed ? "evidence.measure_followed_up" : "evidence.measure_not_followed_up",
                                           {text_arg("measure", m.name), text_arg("as_of", as_of)}));
    }
    if (!any_target) {
        out.verdict = verdict::needs_information;
        out.evidence.push_back(render_both("evidence.no_target_to_follow_up"));
    }
    return out;
}

inline data_verdict judge_measurable(const application& app) {
    if (app.effect_measures.empty()) return {verdict::not_met, {render_both("evidence.no_effect_measures")}};
    if (app.follow_up) return judge_measured(app, *app.follow_up);
    data_verdict out{verdict::met, {}};
    for (const auto& m : app.effect_measures) {
        if (m.baseline && m.target) {
            out.evidence.push_back(
                render_both("evidence.measure_baseline_and_target", {text_arg("measure", m.name), text_arg("unit", m.unit)}));
        } else {
            out.verdict = verdict::needs_information;
            const char* key = !m.baseline && !m.target ? "evidence.measure_missing_baseline_and_target"
                              : !m.baseline            ? "evidence.measure_missing_baseline"
                                                       : "evidence.measure_missing_target";
            out.evidence.push_back(render_both(key, {text_arg("measure", m.name)}));
        }
    }
    return out;
}

// From the cost model: savings that outweigh the cost are met; savings that do not are an open
// question for the evaluator; no savings at all are not met.
inline data_verdict judge_reduced_needs(const economic_result& e) {
    std::vector<evidence_item> ev{render_both(
        "evidence.cost_model", {term_arg("view", "perspective", to_string(e.view)), millions_arg("pv_savings", e.pv_savings),
                                millions_arg("pv_costs", e.pv_costs), millions_arg("npv", e.npv)})};
    if (!(e.pv_savings > 0)) return {verdict::not_met, ev};
    if (e.npv >= 0) return {verdict::met, ev};
    ev.push_back(render_both("evidence.savings_do_not_cover_cost"));
    return {verdict::needs_information, ev};
}

}  // namespace detail

// Judges every criterion. Criteria the data can decide are decided from it (collaboration from
// the parties, measurability from the effect measures, time limits from the period); the others
// take the evaluator's recorded verdict and are needs_information without one, never met by default.
// Where the evaluator's verdict differs from the data's, a warning finding says so.
inline std::vector<checklist_item> evaluate_checklist(const application& app, const rule_set& rules,
                                                      const eligibility_result& eligibility,
                                                      std::vector<finding>& findings,
                                                      const economic_result* economics = nullptr) {
    std::vector<checklist_item> items;
    for (const auto& [c, name] : criterion_names) {
        checklist_item item;
        item.criterion = c;
        item.advisory = is_advisory(c);
        const criterion_entry* entry = nullptr;
        if (auto it = app.criteria.find(c); it != app.criteria.end()) entry = &it->second;
        const evaluator_assessment* assessment = entry && entry->assessment ? &*entry->assessment : nullptr;
        if (entry) item.statement = entry->statement;
        if (assessment) item.comment = assessment->comment;

        std::optional<detail::data_verdict> data;
        switch (c) {
            case criterion::collaborative: data = detail::judge_collaborative(eligibility); break;
            case criterion::measurable: data = detail::judge_measurable(app); break;
            case criterion::not_budget_supplement:
                if (rules.duration.max_months && !app.period.fits_within_months(*rules.duration.max_months))
                    data = detail::data_verdict{
                        verdict::not_met,
                        {render_both("evidence.not_time_limited", {detail::months_arg("months", eligibility.whole_months),
                                                                   integer_arg("maximum", *rules.duration.max_months)})}};
                else
                    item.evidence.push_back(render_both("evidence.time_limited", {text_arg("period", app.period.to_string())}));
                break;
            case criterion::reduced_future_resource_needs:
                if (economics) data = detail::judge_reduced_needs(*economics);
                break;
            case criterion::return_transfer_agreement:
                if (app.return_transfer)
                    data = detail::data_verdict{verdict::met, {render_both("evidence.return_transfer_agreement")}};
                break;
            default: break;
        }

        if (data) {
            item.verdict = data->verdict;
            item.decided_by = decided_by::data;
            item.evidence.insert(item.evidence.end(), data->evidence.begin(), data->evidence.end());
            if (assessment && assessment->verdict != data->verdict) {
                auto message = render_both("finding.evaluator_verdict_differs_from_data",
                                           {term_arg("recorded", "verdict", to_string(assessment->verdict)),
                                            term_arg("criterion", "criterion", name),
                                            term_arg("data", "verdict", to_string(data->verdict))});
                findings.push_back({"evaluator_verdict_differs_from_data", severity::warning,
                                    concat("/criteria/", name, "/assessment/verdict"),
                                    concat("\"", to_string(assessment->verdict), "\""), std::move(message.en),
                                    std::move(message.sv)});
            }
        } else if (assessment) {
            item.verdict = assessment->verdict;
            item.decided_by = decided_by::evaluator;
            const std::string& by = assessment->by;
            const std::string on = assessment->on ? to_iso(*assessment->on) : "";
            item.evidence.push_back(render_both(
                "evidence.judged_by", {by.empty() ? message_part("by", "evidence.the_evaluator") : text_arg("by", by),
                                       on.empty() ? text_arg("on", "") : message_part("on", "evidence.judged_on", {text_arg("date", on)})}));
        } else {
            item.verdict = verdict::needs_information;
            item.decided_by = decided_by::nobody;
            item.evidence.push_back(render_both("evidence.needs_judgement"));
        }
        items.push_back(std::move(item));
    }
    return items;
}

// True when a funding criterion (not an advisory item) is not met.
inline bool any_criterion_not_met(const std::vector<checklist_item>& items) {
    for (const auto& item : items)
        if (!item.advisory && item.verdict == verdict::not_met) return true;
    return false;
}

}  // namespace socinv
