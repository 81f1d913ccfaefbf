#pragma once
// What an application's follow-up says: each measure against its target, the cost model with its
// success rate updated by what was observed, and forecast savings reconciled with actual ones.

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/application/cost_model_of.hpp"
#include "socinv/application/transfer_schedule_of.hpp"
#include "socinv/outcomes/beta_update.hpp"
#include "socinv/outcomes/measure_verdict.hpp"

namespace socinv {

inline const follow_up& follow_up_of(const application& app) {
    if (!app.follow_up) throw input_error("/follow_up", "", "the application has no follow-up (a \"follow_up\" section)");
    return *app.follow_up;
}

// Each measure of the follow-up against its effect measure's target, at confidence 1 − alpha.
inline follow_up_evaluation evaluate_follow_up(const application& app, double alpha = 0.05) {
    return evaluate(follow_up_of(app), app.effect_measures, alpha);
}

// The cost model's success rate updated by one observed proportion: the forecast distribution,
// moment-matched to a beta, is the prior; the posterior enters the model as a normal of the same
// mean and standard deviation (shares drawn outside [0, 1] are clamped, as for any share).
struct evaluative_model {
    std::string measure;      // the follow-up measure whose successes update the rate
    beta_belief prior;
    beta_belief posterior;
    cost_model forecast;
    cost_model updated;
};

// `measure` names the follow-up measure to use; empty: the first proportion measure.
inline evaluative_model evaluative_model_of(const application& app, const std::string& measure = "") {
    const follow_up& f = follow_up_of(app);
    const proportion_observation* observed = nullptr;
    std::string name;
    for (const auto& m : f.measures) {
        const auto* p = std::get_if<proportion_observation>(&m.observed);
        if (p && (measure.empty() || m.measure == measure)) {
            observed = p;
            name = m.measure;
            break;
        }
    }
    if (!observed)
        throw input_error("/follow_up/measures", measure.empty() ? "" : "\"" + measure + "\"",
                          measure.empty() ? "the follow-up has no proportion (successes of n) to update the success rate with"
                                          : "the follow-up has no proportion measure named \"" + measure + "\"");
    evaluative_model out{name, {}, {}, cost_model_from(app), {}};
    out.prior = beta_from_moments(out.forecast.success_rate);
    out.posterior = beta_update(out.prior, observed->successes, observed->n);
    out.updated = out.forecast;
    out.updated.success_rate = distribution::normal(out.posterior.mean(), std::sqrt(out.posterior.variance()));
    return out;
}

// One payer's saving in one year, forecast against actual.
struct saving_reconciliation {
    std::string payer;
    int year = 0;
    std::optional<money> forecast;
    std::optional<money> actual;
    // Actual less forecast, where both are known.
    std::optional<money> difference() const {
        if (!forecast || !actual) return std::nullopt;
        return *actual - *forecast;
    }
};

// Forecast against actual savings, and what the actuals do to the return transfers: returned
// so far (booked), due under the actuals (the schedule), and the true-up between them.
struct reconciliation {
    std::vector<saving_reconciliation> savings;  // by payer, then year
    money returned_so_far;
    money due;
    money true_up() const { return due - returned_so_far; }
};

// Forecasts are the `savings` list's forecasts, or the cost model's point estimate when the list
// gives none; actuals are the list's actuals.
inline reconciliation reconcile(const application& app) {
    const return_transfer_section& section = return_transfer_of(app);
    std::map<std::pair<std::string, int>, saving_reconciliation> rows;
    const bool listed_forecasts = app.savings && std::any_of(app.savings->begin(), app.savings->end(), [](const saving& s) {
                                      return s.basis == saving_basis::forecast;
                                  });
    if (!listed_forecasts)
        for (const auto& s : forecast_savings_from(app, section.agreement)) rows[{s.payer, s.year}].forecast = s.amount;
    if (app.savings)
        for (const auto& s : *app.savings) {
            auto& row = rows[{s.payer, s.year}];
            (s.basis == saving_basis::forecast ? row.forecast : row.actual) = s.amount;
        }
    reconciliation out;
    for (auto& [key, row] : rows) {
        row.payer = key.first;
        row.year = key.second;
        out.savings.push_back(row);
    }
    for (const auto& b : section.booked) out.returned_so_far += b.amount;
    out.due = schedule_from(app).total;
    return out;
}

}  // namespace socinv
