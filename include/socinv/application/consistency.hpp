#pragma once
// The checks that span an application's sections; an inconsistency is an input_error at the
// pointer of the value that disagrees.

#include <string>

#include "socinv/application/application.hpp"
#include "socinv/application/cost_model_of.hpp"
#include "socinv/core/error.hpp"
#include "socinv/outcomes/follow_up.hpp"

namespace socinv {

// The checks that span an application's sections, made once every section is read: the cost
// model's participants follow from the application, the follow-up names its effect measures,
// each saving's payer is a party to the agreement and no saving comes before the start.
inline void check_consistency(const application& app) {
    if (app.economics && !app.economics->cohorts) (void)participants_per_year_of(app, *app.economics);
    if (app.follow_up) validate(*app.follow_up, app.effect_measures);  // names every measure
    if (app.savings) {
        for (std::size_t i = 0; i < app.savings->size(); ++i) {
            const saving& s = (*app.savings)[i];
            const std::string at = "/savings/" + std::to_string(i);
            if (app.return_transfer && !app.return_transfer->agreement.knows_payer(s.payer))
                throw input_error(at + "/payer", "\"" + s.payer + "\"",
                                  "payer \"" + s.payer + "\" is not among the agreement's paying administrations");
            if (s.year < app.period.first_year())
                throw input_error(at + "/year", std::to_string(s.year),
                                  "a saving in " + std::to_string(s.year) + " is before the intervention started (" +
                                      to_iso(app.period.start()) + ")");
        }
    }
}

}  // namespace socinv
