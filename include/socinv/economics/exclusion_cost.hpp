#pragma once
// The yearly cost of one person in long-term exclusion, by payer, and its default parameter set.

#include <string>
#include <string_view>
#include <vector>

#include "socinv/detail/enum_names.hpp"
#include "socinv/economics/distribution.hpp"

namespace socinv {

// Which level of society carries a cost: decides the municipality's, the public sector's and
// society's views.
enum class payer_level { municipality, region, state, household, society };

// Real resource use counts for society; a transfer (social assistance) is a cost to its payer
// and income to the person, so society's view leaves it out.
enum class cost_nature { resource, transfer };

inline constexpr detail::enum_names<payer_level, 5> payer_level_names{{
    {payer_level::municipality, "municipality"},
    {payer_level::region, "region"},
    {payer_level::state, "state"},
    {payer_level::household, "household"},
    {payer_level::society, "society"},
}};

inline constexpr detail::enum_names<cost_nature, 2> cost_nature_names{{
    {cost_nature::resource, "resource"},
    {cost_nature::transfer, "transfer"},
}};

inline std::string_view to_string(payer_level l) { return detail::name_of(l, payer_level_names); }
inline std::string_view to_string(cost_nature n) { return detail::name_of(n, cost_nature_names); }

struct exclusion_cost_item {
    std::string name;
    std::string payer;  // who pays: "Socialförvaltningen", "Region", "Arbetsförmedlingen", …
    payer_level level = payer_level::municipality;
    cost_nature nature = cost_nature::resource;
    distribution per_year;  // SEK per person and year
    std::string source;     // where the figure comes from
    friend bool operator==(const exclusion_cost_item&, const exclusion_cost_item&) = default;
};

struct exclusion_cost_profile {
    std::string name;
    std::vector<exclusion_cost_item> items;
    int age_from = 20;  // the sources' span: from 20 until retirement
    int age_to = 65;    // exclusive: costs run for ages 20..64
    distribution scale = distribution::fixed(1.0);  // a common factor on every item (the 10–20 MSEK range)

    int working_years() const { return age_to - age_from; }

    // Undiscounted cost over the age span at the items' means, optionally for one nature only.
    double lifetime_cost(bool resources_only = false) const {
        double per_year = 0;
        for (const auto& item : items)
            if (!resources_only || item.nature == cost_nature::resource) per_year += item.per_year.mean();
        return per_year * scale.mean() * working_years();
    }
    friend bool operator==(const exclusion_cost_profile&, const exclusion_cost_profile&) = default;
};

// socinv's default parameter set, calibrated so that one person from 20 to 65 costs about
// 15 MSEK (undiscounted), the middle of the seeds' 10–20 MSEK (Örebro kommun, 2014) and of
// Nilsson & Wadeskog's 10–15 MSEK. The split by payer follows Nilsson & Wadeskog's structure
// (municipality, region, state agencies, lost production; social assistance as a transfer);
// the individual figures are illustrative round numbers, not published line items: replace
// them with local figures. `scale` triangular(2/3, 1, 4/3) gives the 10–20 MSEK range.
// Built once: every cost model starts from a copy of it.
inline const exclusion_cost_profile& default_exclusion_costs() {
    static const exclusion_cost_profile defaults = [] {
        const std::string basis = "socinv default: calibrated to 10-20 MSEK per person age 20-65 (see docs/economics.md)";
        exclusion_cost_profile p;
        p.name = "socinv-default-2013";
        p.items = {
            {"Försörjningsstöd (social assistance)", "municipality", payer_level::municipality, cost_nature::transfer,
             distribution::fixed(96'000), basis + "; about 8 000 SEK a month for a single adult"},
            {"Social services and support", "municipality", payer_level::municipality, cost_nature::resource,
             distribution::fixed(24'000), basis},
            {"Health care", "region", payer_level::region, cost_nature::resource, distribution::fixed(25'000), basis},
            {"Labour-market measures (Arbetsförmedlingen)", "state", payer_level::state, cost_nature::resource,
             distribution::fixed(40'000), basis},
            {"Justice system", "state", payer_level::state, cost_nature::resource, distribution::fixed(15'000), basis},
            {"Lost production", "society", payer_level::society, cost_nature::resource, distribution::fixed(133'000),
             basis + "; the value of work not done"},
        };
        return p;
    }();
    return defaults;
}

}  // namespace socinv
