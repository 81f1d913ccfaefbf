#pragma once
// An assessment: eligibility, the checklist and the findings of one application under one rule set.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/application/budget_years.hpp"
#include "socinv/application/cost_model_of.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/rules/checklist.hpp"
#include "socinv/rules/eligibility.hpp"
#include "socinv/rules/rule_set.hpp"

namespace socinv {

struct assessment {
    std::string application_id;
    std::string title;
    std::string rule_set_name;
    std::string rule_set_version;
    bool eligible = false;
    eligibility_result eligibility;
    std::vector<checklist_item> checklist;
    std::vector<finding> findings;  // eligibility findings (moved out of `eligibility`), then checklist findings
    std::vector<budget_year_amount> budget_years;
    money requested;
    std::optional<economic_result> economics;  // the point estimate, when the application has a cost model

    // Exit-code sense: eligible and no funding criterion not met.
    bool passes() const { return eligible && !any_criterion_not_met(checklist); }
};

// A cost model whose inputs are each in range can still overflow a double (huge participant
// counts times huge costs); such a result is bad input, never a verdict.
inline economic_result checked_finite(economic_result r) {
    for (double x : {r.npv, r.pv_costs, r.pv_savings})
        if (!std::isfinite(x))
            throw input_error("/economics", "", "the cost model's result is not a finite number (NPV " +
                                                    detail::format_number(r.npv) + "); check the magnitudes of its inputs");
    return r;
}

inline assessment assess(const application& app, const rule_set& rules, const assessment_context& context = {}) {
    assessment result;
    result.application_id = app.id;
    result.title = app.title;
    result.rule_set_name = rules.name;
    result.rule_set_version = rules.version;
    result.requested = app.requested;
    result.eligibility = assess_eligibility(app, rules, context);
    result.eligible = result.eligibility.eligible;
    result.findings = std::move(result.eligibility.findings);  // kept once, with the checklist's after them
    if (app.economics) result.economics = checked_finite(evaluate(cost_model_from(app)));
    result.checklist = evaluate_checklist(app, rules, result.eligibility, result.findings,
                                          result.economics ? &*result.economics : nullptr);
    result.budget_years = money_by_budget_year(app);
    return result;
}

}  // namespace socinv
