#pragma once
// The `economics` section of an application as given: the inputs of its cost model.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "socinv/economics/cost_model.hpp"

namespace socinv {

// How the exclusion costs differ from socinv's defaults: a whole list of items, or the defaults
// with some items' yearly cost overridden; and the common scale and age span.
struct exclusion_cost_inputs {
    std::optional<std::vector<exclusion_cost_item>> items;
    std::map<std::string, distribution> overrides;  // item name -> SEK per person and year
    std::optional<distribution> scale;
    std::optional<int> age_from;
    std::optional<int> age_to;
    friend bool operator==(const exclusion_cost_inputs&, const exclusion_cost_inputs&) = default;
};

// Each field is what the application says; an absent field takes the cost model's default or is
// derived from the rest of the application (application/cost_model_of.hpp).
struct economics_section {
    std::optional<economic_view> view;
    std::optional<int> base_year;
    std::optional<int> horizon_years;
    std::optional<discount_schedule> discount;
    std::optional<int> start_lag_years;
    std::optional<std::vector<cohort>> cohorts;
    std::optional<double> participants_per_year;
    distribution success_rate;
    std::optional<distribution> deadweight;
    std::optional<distribution> attribution;
    std::optional<distribution> displacement;
    std::optional<distribution> drop_off;
    std::optional<distribution> effect_years;
    std::optional<distribution> cost_factor;
    std::optional<exclusion_cost_inputs> exclusion_cost;
    std::string notes;
    std::vector<std::string> sources;
    friend bool operator==(const economics_section&, const economics_section&) = default;
};

}  // namespace socinv
