#pragma once
// The rule sets that ship with socinv, as C++ values; `orebro-2013` is the default. The same
// rule set is shipped as examples/rules/orebro-2013.json, and a test proves the two equal.

#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/rules/rule_set.hpp"

namespace socinv {

namespace detail {

// Örebro kommun's rules of 10 June 2013 (press release "Sociala investeringar för ett minskat
// utanförskap" and the guidelines presented 21 November 2014).
inline rule_set orebro_2013() {
    rule_set r;
    r.name = "orebro-2013";
    r.version = "2013-06-10";
    r.title = "Örebro kommun: sociala investeringar (2013)";
    r.source =
        "Örebro kommun, press release 2013 and guidelines: at least two administrations, or a civil-society actor "
        "with at least one administration; for-profit companies are not civil-society actors; 1 to 3 years, "
        "extensions decided separately.";
    r.counted_roles = {party_role::lead, party_role::co_applicant};
    r.never_counted_kinds = {party_kind::for_profit_company};
    r.alternatives = {
        {"A",
         "at least two municipal administrations",
         "minst två förvaltningar",
         {{{party_kind::municipal_administration}, {}, 2}}},
        {"B",
         "a civil-society actor together with at least one municipal administration",
         "en civil aktör tillsammans med minst en kommunal förvaltning",
         {{{party_kind::civil_society},
           {civil_society_form::association, civil_society_form::foundation, civil_society_form::cooperative,
            civil_society_form::charity, civil_society_form::other},
           1},
          {{party_kind::municipal_administration}, {}, 1}}},
    };
    r.duration = {12, 36};
    return r;
}

}  // namespace detail

inline std::vector<std::string> builtin_rule_set_names() { return {"orebro-2013"}; }

// A built-in rule set by name; throws input_error listing the names that exist.
inline rule_set builtin_rule_set(std::string_view name) {
    if (name == "orebro-2013") {
        static const rule_set orebro = detail::orebro_2013();
        return orebro;
    }
    std::string names;
    for (const auto& n : builtin_rule_set_names()) names += (names.empty() ? "" : ", ") + n;
    throw input_error("", "\"" + std::string(name) + "\"",
                      "unknown rule set \"" + std::string(name) + "\" (built in: " + names +
                          "; or give the path of a rule-set JSON file)");
}

inline rule_set default_rule_set() { return builtin_rule_set("orebro-2013"); }

}  // namespace socinv
