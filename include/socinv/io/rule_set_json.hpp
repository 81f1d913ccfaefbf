#pragma once
// Rule sets to and from JSON (schema/rule-set.schema.json).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "socinv/core/money_format.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/rules/rule_set.hpp"

namespace socinv {

// Reads a rule set from a parsed document; throws input_error naming the pointer and value of
// the first problem.
inline rule_set read_rule_set(io::element root) {
    using namespace io;
    const dom_object j = require_object(root, "");
    check_keys(j, "", {"name", "version", "title", "source", "eligibility", "duration", "max_grant_per_year",
                       "max_share_of_total_cost"});
    rule_set rules;
    rules.name = read_string(required(j, "name", ""), "/name", false);
    rules.version = read_string(required(j, "version", ""), "/version", false);
    if (auto t = optional(j, "title")) rules.title = read_string(*t, "/title");
    if (auto s = optional(j, "source")) rules.source = read_string(*s, "/source");

    const dom_object el = require_object(required(j, "eligibility", ""), "/eligibility");
    check_keys(el, "/eligibility", {"counted_roles", "never_counted_kinds", "alternatives"});
    if (optional(el, "counted_roles")) {
        for_each_element(el, "counted_roles", "/eligibility", [&](element r, const std::string& at) {
            rules.counted_roles.push_back(read_enum(r, at, parse_party_role));
        });
    } else {
        rules.counted_roles = {party_role::lead, party_role::co_applicant};
    }
    for_each_element(el, "never_counted_kinds", "/eligibility", [&](element k, const std::string& at) {
        rules.never_counted_kinds.push_back(read_enum(k, at, parse_party_kind));
    });
    const dom_array alternatives = require_array(required(el, "alternatives", "/eligibility"), "/eligibility/alternatives");
    if (alternatives.size() == 0)
        throw input_error("/eligibility/alternatives", "[]", "a rule set needs at least one eligibility alternative");
    for_each_element(el, "alternatives", "/eligibility", [&](element alt_value, const std::string& at) {
        const dom_object alt = require_object(alt_value, at);
        check_keys(alt, at, {"id", "description", "requires"});
        eligibility_alternative out;
        const element id = required(alt, "id", at);
        out.id = read_string(id, pointer_ref(at, "id"), false);
        for (const auto& seen : rules.alternatives)
            if (seen.id == out.id)
                throw input_error(at + "/id", describe(id), "alternative id \"" + out.id + "\" is used twice");
        if (auto d = optional(alt, "description")) {
            const dom_object description = require_object(*d, at + "/description");
            check_keys(description, at + "/description", {"en", "sv"});
            if (auto en = optional(description, "en")) out.description_en = read_string(*en, at + "/description/en");
            if (auto sv = optional(description, "sv")) out.description_sv = read_string(*sv, at + "/description/sv");
        }
        if (require_array(required(alt, "requires", at), at + "/requires").size() == 0)
            throw input_error(at + "/requires", "[]", "an alternative needs at least one requirement");
        for_each_element(alt, "requires", at, [&](element req_value, const std::string& rp) {
            const dom_object req = require_object(req_value, rp);
            check_keys(req, rp, {"kinds", "forms", "at_least"});
            party_requirement pr;
            if (require_array(required(req, "kinds", rp), rp + "/kinds").size() == 0)
                throw input_error(rp + "/kinds", "[]", "a requirement needs at least one party kind");
            for_each_element(req, "kinds", rp, [&](element k, const std::string& kp) {
                pr.kinds.push_back(read_enum(k, kp, parse_party_kind));
            });
            for_each_element(req, "forms", rp, [&](element f, const std::string& fp) {
                pr.forms.push_back(read_enum(f, fp, parse_civil_society_form));
            });
            pr.at_least = static_cast<int>(read_integer(required(req, "at_least", rp), pointer_ref(rp, "at_least"), 1, 1000));
            out.requirements.push_back(std::move(pr));
        });
        rules.alternatives.push_back(std::move(out));
    });

    if (auto d = optional(j, "duration")) {
        const dom_object duration = require_object(*d, "/duration");
        check_keys(duration, "/duration", {"min_months", "max_months"});
        if (auto mn = optional(duration, "min_months"))
            rules.duration.min_months = static_cast<int>(read_integer(*mn, "/duration/min_months", 0, 1200));
        if (auto mx = optional(duration, "max_months"))
            rules.duration.max_months = static_cast<int>(read_integer(*mx, "/duration/max_months", 1, 1200));
        if (rules.duration.min_months && rules.duration.max_months &&
            *rules.duration.min_months > *rules.duration.max_months)
            throw input_error("/duration/min_months", std::to_string(*rules.duration.min_months),
                              "min_months " + std::to_string(*rules.duration.min_months) + " exceeds max_months " +
                                  std::to_string(*rules.duration.max_months));
    }
    if (auto m = optional(j, "max_grant_per_year"))
        rules.max_grant_per_year = read_money_at_least(*m, "/max_grant_per_year", money{}, true);
    if (auto s = optional(j, "max_share_of_total_cost")) {
        const double share = read_number(*s, "/max_share_of_total_cost");
        if (!(share > 0.0 && share <= 1.0))
            throw input_error("/max_share_of_total_cost", describe(*s),
                              "share " + describe(*s) + " must be greater than 0 and at most 1");
        rules.max_share_of_total_cost = share;
    }
    return rules;
}

// Reads a rule set from JSON text (parsed once, with the calling thread's parser).
inline rule_set rule_set_from_text(std::string_view text) { return read_rule_set(io::thread_parser().parse(text)); }

// Reads a rule set from an nlohmann document (a test, a binding).
inline rule_set rule_set_from_json(const io::json& j) { return rule_set_from_text(j.dump()); }

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
