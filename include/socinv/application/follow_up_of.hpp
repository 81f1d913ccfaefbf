#pragma once
// What an application's follow-up says: each measure against its target, the cost model with its
// success rate updated by what was observed, and forecast savings reconciled with actual ones.

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
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
// Not the beta itself: the cost model's distributions (economics/distribution.hpp) have no
// general beta. PERT is a beta, but only with a + b = 6 (its shape is fixed by low, mode and
// high), and the posterior's a + b is the prior's plus n. With the posteriors of follow-ups
// (a + b of 30 and more) the normal lies well inside [0, 1], so the clamp rarely acts: for SöT,
// Beta(20.25, 58.75) has mean 0.256 and sd 0.049, over 5 sd above 0.
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
    try {
        out.prior = beta_from_moments(out.forecast.success_rate);
    } catch (const std::invalid_argument& e) {
        // A fixed rate, or one no beta can match, is the application's data, not a misuse.
        throw input_error("/economics/success_rate", "",
                          std::string("the forecast success rate cannot be the prior of an update: ") + e.what());
    }
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

// What the actuals do to one payer's return transfers, over the return years booked by the
// follow-up's date: what was returned, what the schedule asks for those years under the
// forecasts and under the actuals, and the true-up the schedule books for the difference.
struct transfer_reconciliation {
    std::string payer;
    money returned_so_far;  // booked, return years up to the year of as_of
    money due_forecast;     // the schedule's reductions for those years under the forecast savings
    money due_actual;       // the same under the actual savings (actuals replace forecasts)
    money true_up;          // the schedule's true-up lines: due_actual − returned_so_far
};

// Forecast against actual savings by payer and year, and what the actuals do to the
// return-transfer schedule as of the follow-up's date. The schedule under the actuals is the one
// `socinv transfers` shows (with the returns booked up to as_of); its true-up lines are here.
struct reconciliation {
    date as_of;
    std::vector<saving_reconciliation> savings;     // by payer, then year
    std::vector<transfer_reconciliation> transfers;  // by payer, for every payer with a booked return
    std::vector<schedule_line> true_ups;             // the schedule's own true-up lines
    money forecast_total;                            // the whole schedule under the forecasts
    money actual_total;                              // the whole schedule under the actuals

    money returned_so_far() const { return sum(&transfer_reconciliation::returned_so_far); }
    money due_forecast() const { return sum(&transfer_reconciliation::due_forecast); }
    money due() const { return sum(&transfer_reconciliation::due_actual); }
    money true_up() const {
        money total;
        for (const auto& l : true_ups) total += l.amount;
        return total;
    }

private:
    money sum(money transfer_reconciliation::*field) const {
        money total;
        for (const auto& t : transfers) total += t.*field;
        return total;
    }
};

// Forecasts are the `savings` list's forecasts, or the cost model's point estimate when the list
// gives none; actuals are the list's actuals. Returns booked for years after the year of
// `as_of` are left out: they had not happened at the follow-up.
inline reconciliation reconcile(const application& app, date as_of) {
    const return_transfer_section& section = return_transfer_of(app);
    const return_transfer_agreement& agreement = section.agreement;
    std::map<std::pair<std::string, int>, saving_reconciliation> rows;
    const bool listed_forecasts = app.savings && std::any_of(app.savings->begin(), app.savings->end(), [](const saving& s) {
                                      return s.basis == saving_basis::forecast;
                                  });
    std::vector<saving> forecasts;
    if (listed_forecasts) {
        for (const auto& s : *app.savings)
            if (s.basis == saving_basis::forecast) forecasts.push_back(s);
    } else {
        forecasts = forecast_savings_from(app, agreement);
    }
    for (const auto& s : forecasts) rows[{s.payer, s.year}].forecast = s.amount;
    if (app.savings)
        for (const auto& s : *app.savings)
            if (s.basis == saving_basis::actual) rows[{s.payer, s.year}].actual = s.amount;

    reconciliation out;
    out.as_of = as_of;
    for (auto& [key, row] : rows) {
        row.payer = key.first;
        row.year = key.second;
        out.savings.push_back(row);
    }

    std::vector<booked_return> booked;
    for (const auto& b : section.booked)
        if (b.year <= static_cast<int>(as_of.year())) booked.push_back(b);
    const money invested = invested_amount(app);
    // Under the actuals: the application's savings as `socinv transfers` reads them.
    const std::vector<saving> actuals = savings_from(app, agreement);
    const transfer_schedule under_forecasts = make_schedule(agreement, forecasts, booked, invested);
    const transfer_schedule under_actuals = make_schedule(agreement, actuals, booked, invested);
    out.forecast_total = under_forecasts.total;
    out.actual_total = under_actuals.total;

    auto targets_of = [&](const std::vector<saving>& savings) {
        bool capped = false;
        money uncapped;
        std::map<std::pair<std::string, int>, money> by_key;
        for (const auto& t : target_returns(agreement, savings, invested, capped, uncapped)) by_key[{t.payer, t.year}] += t.amount;
        return by_key;
    };
    auto forecast_targets = targets_of(forecasts), actual_targets = targets_of(actuals);
    std::map<std::string, transfer_reconciliation> by_payer;
    for (const auto& b : booked) {
        auto& t = by_payer[b.payer];
        t.payer = b.payer;
        t.returned_so_far += b.amount;
    }
    // Each booked (payer, year) once, however many entries it has.
    std::map<std::pair<std::string, int>, bool> seen;
    for (const auto& b : booked)
        if (!seen[{b.payer, b.year}]) {
            seen[{b.payer, b.year}] = true;
            by_payer[b.payer].due_forecast += forecast_targets[{b.payer, b.year}];
            by_payer[b.payer].due_actual += actual_targets[{b.payer, b.year}];
        }
    for (const auto& l : under_actuals.lines)
        if (l.kind == schedule_line_kind::true_up) {
            out.true_ups.push_back(l);
            by_payer[l.payer].true_up += l.amount;
        }
    for (auto& [payer, t] : by_payer) out.transfers.push_back(std::move(t));
    return out;
}

// As of the follow-up's date.
inline reconciliation reconcile(const application& app) { return reconcile(app, follow_up_of(app).as_of); }

}  // namespace socinv
