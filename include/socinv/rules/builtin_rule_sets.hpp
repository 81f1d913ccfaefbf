#pragma once
// The rule sets that ship with socinv; `orebro-2013` is the default.

#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/error.hpp"
#include "socinv/io/read.hpp"
#include "socinv/io/rule_set_json.hpp"

namespace socinv {

namespace detail {

// Örebro kommun's rules of 10 June 2013 (press release "Sociala investeringar för ett minskat
// utanförskap" and the guidelines presented 21 November 2014).
inline constexpr std::string_view orebro_2013_json = R"json({
  "name": "orebro-2013",
  "version": "2013-06-10",
  "title": "Örebro kommun: sociala investeringar (2013)",
  "source": "Örebro kommun, press release 2013 and guidelines: at least two administrations, or a civil-society actor with at least one administration; for-profit companies are not civil-society actors; 1 to 3 years, extensions decided separately.",
  "eligibility": {
    "counted_roles": ["lead", "co_applicant"],
    "never_counted_kinds": ["for_profit_company"],
    "alternatives": [
      {"id": "A",
       "description": {"en": "at least two municipal administrations", "sv": "minst två förvaltningar"},
       "requires": [{"kinds": ["municipal_administration"], "at_least": 2}]},
      {"id": "B",
       "description": {"en": "a civil-society actor together with at least one municipal administration",
                       "sv": "en civil aktör tillsammans med minst en kommunal förvaltning"},
       "requires": [{"kinds": ["civil_society"], "forms": ["association", "foundation", "cooperative", "charity", "other"], "at_least": 1},
                    {"kinds": ["municipal_administration"], "at_least": 1}]}
    ]
  },
  "duration": {"min_months": 12, "max_months": 36},
  "max_grant_per_year": null,
  "max_share_of_total_cost": null
})json";

}  // namespace detail

inline std::vector<std::string> builtin_rule_set_names() { return {"orebro-2013"}; }

// A built-in rule set by name; throws input_error listing the names that exist.
inline rule_set builtin_rule_set(std::string_view name) {
    if (name == "orebro-2013") {
        static const rule_set orebro = rule_set_from_json(io::parse_json(detail::orebro_2013_json));
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
