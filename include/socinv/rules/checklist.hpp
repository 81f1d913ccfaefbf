#pragma once
// The funding-criteria checklist: each criterion judged from the data or by the evaluator.

#include <cstdio>
#include <string>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/core/concat.hpp"
#include "socinv/core/format.hpp"
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

struct evidence_item {
    std::string en;
    std::string sv;
    friend bool operator==(const evidence_item&, const evidence_item&) = default;
};

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
        return {verdict::met, {{concat("rule ", alt.id, " is met by ", who), concat("regel ", alt.id, " uppfylls av ", who)}}};
    }
    return {verdict::not_met,
            {{"the parties that run the intervention meet no collaboration rule of the rule set",
              "parterna som genomför insatsen uppfyller ingen samverkansregel i regelverket"}}};
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
        if (observed) {
            out.evidence.push_back({concat("\"", m.name, "\": followed up (as of ", as_of, ")"),
                                    concat("\"", m.name, "\": följt upp (per ", as_of, ")")});
        } else {
            out.verdict = verdict::needs_information;
            out.evidence.push_back({concat("\"", m.name, "\": has a target but no follow-up data (as of ", as_of, ")"),
                                    concat("\"", m.name, "\": har ett mål men saknar uppföljningsdata (per ", as_of, ")")});
        }
    }
    if (!any_target) {
        out.verdict = verdict::needs_information;
        out.evidence.push_back({"a follow-up is given, but no effect measure has a target to judge it against",
                                "uppföljning finns, men inget effektmått har ett mål att pröva den mot"});
    }
    return out;
}

inline data_verdict judge_measurable(const application& app) {
    if (app.effect_measures.empty())
        return {verdict::not_met, {{"no effect measures are given", "inga effektmått anges"}}};
    if (app.follow_up) return judge_measured(app, *app.follow_up);
    data_verdict out{verdict::met, {}};
    for (const auto& m : app.effect_measures) {
        if (m.baseline && m.target) {
            out.evidence.push_back({concat("\"", m.name, "\": baseline and target given (", m.unit, ")"),
                                    concat("\"", m.name, "\": utgångsläge och mål anges (", m.unit, ")")});
        } else {
            out.verdict = verdict::needs_information;
            const char* missing_en = !m.baseline && !m.target ? "baseline and target" : !m.baseline ? "baseline" : "target";
            const char* missing_sv = !m.baseline && !m.target ? "utgångsläge och mål" : !m.baseline ? "utgångsläge" : "mål";
            out.evidence.push_back({concat("\"", m.name, "\": no ", missing_en), concat("\"", m.name, "\": ", missing_sv, " saknas")});
        }
    }
    return out;
}

// From the cost model: savings that outweigh the cost are met; savings that do not are an open
// question for the evaluator; no savings at all are not met.
inline data_verdict judge_reduced_needs(const economic_result& e) {
    constexpr language en = language::en, sv = language::sv;
    std::vector<evidence_item> ev{
        {concat("cost model (", view_name(e.view, en), "): present value of savings ", format_msek(e.pv_savings, en),
                " against costs ", format_msek(e.pv_costs, en), ", NPV ", format_msek(e.npv, en)),
         concat("kostnadsmodell (", view_name(e.view, sv), "): nuvärde av besparingar ", format_msek(e.pv_savings, sv),
                " mot kostnader ", format_msek(e.pv_costs, sv), ", nettonuvärde ", format_msek(e.npv, sv))}};
    if (!(e.pv_savings > 0)) return {verdict::not_met, ev};
    if (e.npv >= 0) return {verdict::met, ev};
    ev.push_back({"the savings do not cover the cost within the horizon", "besparingarna täcker inte kostnaden inom horisonten"});
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
                        {{concat("not time-limited within the rules: ", detail::months_text(eligibility.whole_months, language::en),
                                 ", more than ", std::to_string(*rules.duration.max_months)),
                          concat("inte tidsbegränsad enligt reglerna: ", detail::months_text(eligibility.whole_months, language::sv),
                                 ", mer än ", std::to_string(*rules.duration.max_months))}}};
                else
                    item.evidence.push_back({concat("time-limited: ", app.period.to_string()),
                                             concat("tidsbegränsad: ", app.period.to_string())});
                break;
            case criterion::reduced_future_resource_needs:
                if (economics) data = detail::judge_reduced_needs(*economics);
                break;
            case criterion::return_transfer_agreement:
                if (app.return_transfer)
                    data = detail::data_verdict{verdict::met,
                                                {{"a return-transfer agreement is part of the application",
                                                  "en överenskommelse om återföring ingår i ansökan"}}};
                break;
            default: break;
        }

        if (data) {
            item.verdict = data->verdict;
            item.decided_by = decided_by::data;
            item.evidence.insert(item.evidence.end(), data->evidence.begin(), data->evidence.end());
            if (assessment && assessment->verdict != data->verdict) {
                const criterion_title title = title_of(c);
                findings.push_back(
                    {"evaluator_verdict_differs_from_data", severity::warning,
                     concat("/criteria/", name, "/assessment/verdict"), concat("\"", to_string(assessment->verdict), "\""),
                     concat("the evaluator recorded \"", verdict_name(assessment->verdict, language::en), "\" for \"",
                            title.en, "\", but the application's data gives \"", verdict_name(data->verdict, language::en), "\""),
                     concat("handläggaren angav \"", verdict_name(assessment->verdict, language::sv), "\" för \"", title.sv,
                            "\", men ansökans uppgifter ger \"", verdict_name(data->verdict, language::sv), "\"")});
            }
        } else if (assessment) {
            item.verdict = assessment->verdict;
            item.decided_by = decided_by::evaluator;
            const std::string& by = assessment->by;
            const std::string on = assessment->on ? to_iso(*assessment->on) : "";
            item.evidence.push_back({concat("judged by ", by.empty() ? "the evaluator" : by, on.empty() ? "" : " on ", on),
                                     concat("bedömt av ", by.empty() ? "handläggaren" : by, on.empty() ? "" : " ", on)});
        } else {
            item.verdict = verdict::needs_information;
            item.decided_by = decided_by::nobody;
            item.evidence.push_back({"needs an evaluator's judgement; none is recorded",
                                     "kräver handläggarens bedömning; ingen är registrerad"});
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
