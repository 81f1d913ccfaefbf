#pragma once
// Rule sets to and from JSON (schema/rule-set.schema.json).

#include <string>

#include <nlohmann/json.hpp>

#include "socinv/core/money_format.hpp"
#include "socinv/io/json_reader.hpp"
#include "socinv/rules/rule_set.hpp"

namespace socinv {

inline rule_set rule_set_from_json(const io::json& j) {
    using namespace io;
    require_object(j, "");
    reject_unknown_keys(j, "", {"name", "version", "title", "source", "eligibility", "duration", "max_grant_per_year",
                                "max_share_of_total_cost"});
    rule_set rules;
    rules.name = read_string(required(j, "name", ""), "/name", false);
    rules.version = read_string(required(j, "version", ""), "/version", false);
    if (const json* t = optional(j, "title")) rules.title = read_string(*t, "/title");
    if (const json* s = optional(j, "source")) rules.source = read_string(*s, "/source");

    const json& el = require_object(required(j, "eligibility", ""), "/eligibility");
    reject_unknown_keys(el, "/eligibility", {"counted_roles", "never_counted_kinds", "alternatives"});
    if (const json* roles = optional(el, "counted_roles")) {
        require_array(*roles, "/eligibility/counted_roles");
        for (std::size_t i = 0; i < roles->size(); ++i)
            rules.counted_roles.push_back(
                read_enum((*roles)[i], join_pointer("/eligibility/counted_roles", i), parse_party_role));
    } else {
        rules.counted_roles = {party_role::lead, party_role::co_applicant};
    }
    if (const json* kinds = optional(el, "never_counted_kinds")) {
        require_array(*kinds, "/eligibility/never_counted_kinds");
        for (std::size_t i = 0; i < kinds->size(); ++i)
            rules.never_counted_kinds.push_back(
                read_enum((*kinds)[i], join_pointer("/eligibility/never_counted_kinds", i), parse_party_kind));
    }
    const json& alternatives = require_array(required(el, "alternatives", "/eligibility"), "/eligibility/alternatives");
    if (alternatives.empty())
        throw input_error("/eligibility/alternatives", "[]", "a rule set needs at least one eligibility alternative");
    for (std::size_t a = 0; a < alternatives.size(); ++a) {
        const std::string at = join_pointer("/eligibility/alternatives", a);
        const json& alt = require_object(alternatives[a], at);
        reject_unknown_keys(alt, at, {"id", "description", "requires"});
        eligibility_alternative out;
        out.id = read_string(required(alt, "id", at), at + "/id", false);
        for (const auto& seen : rules.alternatives)
            if (seen.id == out.id)
                throw input_error(at + "/id", describe(alt["id"]), "alternative id \"" + out.id + "\" is used twice");
        if (const json* d = optional(alt, "description")) {
            require_object(*d, at + "/description");
            reject_unknown_keys(*d, at + "/description", {"en", "sv"});
            if (const json* en = optional(*d, "en")) out.description_en = read_string(*en, at + "/description/en");
            if (const json* sv = optional(*d, "sv")) out.description_sv = read_string(*sv, at + "/description/sv");
        }
        const json& reqs = require_array(required(alt, "requires", at), at + "/requires");
        if (reqs.empty()) throw input_error(at + "/requires", "[]", "an alternative needs at least one requirement");
        for (std::size_t r = 0; r < reqs.size(); ++r) {
            const std::string rp = join_pointer(at + "/requires", r);
            const json& req = require_object(reqs[r], rp);
            reject_unknown_keys(req, rp, {"kinds", "forms", "at_least"});
            party_requirement pr;
            const json& kinds = require_array(required(req, "kinds", rp), rp + "/kinds");
            if (kinds.empty()) throw input_error(rp + "/kinds", "[]", "a requirement needs at least one party kind");
            for (std::size_t k = 0; k < kinds.size(); ++k)
                pr.kinds.push_back(read_enum(kinds[k], join_pointer(rp + "/kinds", k), parse_party_kind));
            if (const json* forms = optional(req, "forms")) {
                require_array(*forms, rp + "/forms");
                for (std::size_t f = 0; f < forms->size(); ++f)
                    pr.forms.push_back(read_enum((*forms)[f], join_pointer(rp + "/forms", f), parse_civil_society_form));
            }
            pr.at_least = static_cast<int>(read_integer(required(req, "at_least", rp), rp + "/at_least", 1, 1000));
            out.requirements.push_back(std::move(pr));
        }
        rules.alternatives.push_back(std::move(out));
    }

    if (const json* d = optional(j, "duration")) {
        require_object(*d, "/duration");
        reject_unknown_keys(*d, "/duration", {"min_months", "max_months"});
        if (const json* mn = optional(*d, "min_months"))
            rules.duration.min_months = static_cast<int>(read_integer(*mn, "/duration/min_months", 0, 1200));
        if (const json* mx = optional(*d, "max_months"))
            rules.duration.max_months = static_cast<int>(read_integer(*mx, "/duration/max_months", 1, 1200));
        if (rules.duration.min_months && rules.duration.max_months &&
            *rules.duration.min_months > *rules.duration.max_months)
            throw input_error("/duration/min_months", std::to_string(*rules.duration.min_months),
                              "min_months " + std::to_string(*rules.duration.min_months) + " exceeds max_months " +
                                  std::to_string(*rules.duration.max_months));
    }
    if (const json* m = optional(j, "max_grant_per_year"))
        rules.max_grant_per_year = read_money_at_least(*m, "/max_grant_per_year", money{}, true);
    if (const json* s = optional(j, "max_share_of_total_cost")) {
        const double share = read_number(*s, "/max_share_of_total_cost");
        if (!(share > 0.0 && share <= 1.0))
            throw input_error("/max_share_of_total_cost", describe(*s),
                              "share " + describe(*s) + " must be greater than 0 and at most 1");
        rules.max_share_of_total_cost = share;
    }
    return rules;
}

inline io::json to_json(const rule_set& rules) {
    using io::json;
    json alternatives = json::array();
    for (const auto& alt : rules.alternatives) {
        json reqs = json::array();
        for (const auto& r : alt.requirements) {
            json rj = {{"kinds", json::array()}, {"at_least", r.at_least}};
            for (auto k : r.kinds) rj["kinds"].push_back(to_string(k));
            if (!r.forms.empty()) {
                rj["forms"] = json::array();
                for (auto f : r.forms) rj["forms"].push_back(to_string(f));
            }
            reqs.push_back(std::move(rj));
        }
        alternatives.push_back({{"id", alt.id},
                                {"description", {{"en", alt.description_en}, {"sv", alt.description_sv}}},
                                {"requires", std::move(reqs)}});
    }
    json roles = json::array(), never = json::array();
    for (auto r : rules.counted_roles) roles.push_back(to_string(r));
    for (auto k : rules.never_counted_kinds) never.push_back(to_string(k));
    json duration = json::object();
    if (rules.duration.min_months) duration["min_months"] = *rules.duration.min_months;
    if (rules.duration.max_months) duration["max_months"] = *rules.duration.max_months;
    return {{"name", rules.name},
            {"version", rules.version},
            {"title", rules.title},
            {"source", rules.source},
            {"eligibility", {{"counted_roles", roles}, {"never_counted_kinds", never}, {"alternatives", alternatives}}},
            {"duration", duration},
            {"max_grant_per_year", rules.max_grant_per_year ? json(format_decimal(*rules.max_grant_per_year)) : json(nullptr)},
            {"max_share_of_total_cost",
             rules.max_share_of_total_cost ? json(*rules.max_share_of_total_cost) : json(nullptr)}};
}

// nlohmann's conversions, found by ADL: `j.get<rule_set>()` and `io::json j = rules;`.
inline void from_json(const io::json& j, rule_set& rules) { rules = rule_set_from_json(j); }
inline void to_json(io::json& j, const rule_set& rules) { j = to_json(rules); }

}  // namespace socinv
