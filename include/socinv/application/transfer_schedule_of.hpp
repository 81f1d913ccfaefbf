#pragma once
// The return-transfer schedule that an application's agreement and savings imply.

#include <cmath>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/application/cost_model_of.hpp"
#include "socinv/transfer/schedule.hpp"

namespace socinv {

// What "invested" means for a cap: the amount granted, or the amount requested without a decision.
inline money invested_amount(const application& app) { return app.decision ? app.decision->granted : app.requested; }

inline const return_transfer_section& return_transfer_of(const application& app) {
    if (!app.return_transfer)
        throw input_error("/return_transfer", "", "the application has no return-transfer agreement");
    return *app.return_transfer;
}

inline const return_transfer_agreement& agreement_from(const application& app) { return return_transfer_of(app).agreement; }

inline const std::vector<booked_return>& booked_from(const application& app) { return return_transfer_of(app).booked; }

// Forecasts from the cost model's point estimate: each paying payer's saving per year, rounded
// to the öre (none without a cost model).
inline std::vector<saving> forecast_savings_from(const application& app, const return_transfer_agreement& agreement) {
    std::vector<saving> out;
    if (!app.economics) return out;
    const auto result = evaluate(cost_model_from(app));
    for (const auto& [payer, row] : result.savings_by_payer)
        for (std::size_t t = 0; t < row.size(); ++t)
            if (row[t] > 0 && agreement.knows_payer(payer))
                out.push_back({payer, result.years[t], money::from_ore(std::llround(row[t] * 100)), saving_basis::forecast});
    return out;
}

// The application's savings: its `savings` list, or, without one, the cost model's forecasts.
inline std::vector<saving> savings_from(const application& app, const return_transfer_agreement& agreement) {
    return app.savings ? *app.savings : forecast_savings_from(app, agreement);
}

// The application's schedule of budget-frame reductions.
inline transfer_schedule schedule_from(const application& app) {
    const auto& section = return_transfer_of(app);
    return make_schedule(section.agreement, savings_from(app, section.agreement), section.booked, invested_amount(app));
}

}  // namespace socinv
