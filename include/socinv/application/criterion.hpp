#pragma once
// The funding criteria and distinguishing features, and the verdicts an evaluator records.

#include <string_view>

#include "socinv/core/catalogue.hpp"
#include "socinv/core/language.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

enum class criterion {
    // The five funding criteria.
    collaborative,                  // samverkande
    innovative,                     // utvecklande och nytänkande
    measurable,                     // uppföljningsbar, möjlig att beräkna, värdera och mäta
    reduced_future_resource_needs,  // leda till minskade resursbehov i framtiden
    not_budget_supplement,          // inte ett allmänt ramtillskott
    // Advisory: what separates a social investment from ordinary preventive work.
    evidence_base,
    built_to_scale,
    evaluation_plan,
    return_transfer_agreement,
};

enum class verdict { met, not_met, needs_information };

inline constexpr detail::enum_names<criterion, 9> criterion_names{{
    {criterion::collaborative, "collaborative"},
    {criterion::innovative, "innovative"},
    {criterion::measurable, "measurable"},
    {criterion::reduced_future_resource_needs, "reduced_future_resource_needs"},
    {criterion::not_budget_supplement, "not_budget_supplement"},
    {criterion::evidence_base, "evidence_base"},
    {criterion::built_to_scale, "built_to_scale"},
    {criterion::evaluation_plan, "evaluation_plan"},
    {criterion::return_transfer_agreement, "return_transfer_agreement"},
}};

inline constexpr detail::enum_names<verdict, 3> verdict_names{{
    {verdict::met, "met"},
    {verdict::not_met, "not_met"},
    {verdict::needs_information, "needs_information"},
}};

inline std::string_view to_string(criterion c) { return detail::name_of(c, criterion_names); }
inline std::string_view to_string(verdict v) { return detail::name_of(v, verdict_names); }
inline criterion parse_criterion(std::string_view s) { return detail::parse_name(s, criterion_names, "criterion"); }
inline verdict parse_verdict(std::string_view s) { return detail::parse_name(s, verdict_names, "verdict"); }

inline bool is_advisory(criterion c) { return c >= criterion::evidence_base; }

struct criterion_title {
    std::string_view en;
    std::string_view sv;
};

inline criterion_title title_of(criterion c) {
    return {term("criterion", to_string(c), language::en), term("criterion", to_string(c), language::sv)};
}

// A verdict in a message: "met", "not met", "needs more information".
inline std::string_view verdict_name(verdict v, language lang) { return term("verdict", to_string(v), lang); }

}  // namespace socinv
