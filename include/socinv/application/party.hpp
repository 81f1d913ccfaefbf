#pragma once
// The parties of an application: who they are (kind, civil-society form) and their role.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "socinv/core/catalogue.hpp"
#include "socinv/core/language.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

enum class party_kind {
    municipal_administration,  // förvaltning
    civil_society,             // civil aktör: förening, stiftelse, kooperativ, …
    for_profit_company,        // never a civil-society actor
    municipal_company,
    municipal_association,     // kommunförbund
    municipality,
    region,
    state_agency,
    co_financier,  // e.g. the European Social Fund
};

enum class civil_society_form { association, foundation, cooperative, charity, other };

enum class party_role { lead, co_applicant, partner, co_financier };

inline constexpr detail::enum_names<party_kind, 9> party_kind_names{{
    {party_kind::municipal_administration, "municipal_administration"},
    {party_kind::civil_society, "civil_society"},
    {party_kind::for_profit_company, "for_profit_company"},
    {party_kind::municipal_company, "municipal_company"},
    {party_kind::municipal_association, "municipal_association"},
    {party_kind::municipality, "municipality"},
    {party_kind::region, "region"},
    {party_kind::state_agency, "state_agency"},
    {party_kind::co_financier, "co_financier"},
}};

inline constexpr detail::enum_names<civil_society_form, 5> civil_society_form_names{{
    {civil_society_form::association, "association"},
    {civil_society_form::foundation, "foundation"},
    {civil_society_form::cooperative, "cooperative"},
    {civil_society_form::charity, "charity"},
    {civil_society_form::other, "other"},
}};

inline constexpr detail::enum_names<party_role, 4> party_role_names{{
    {party_role::lead, "lead"},
    {party_role::co_applicant, "co_applicant"},
    {party_role::partner, "partner"},
    {party_role::co_financier, "co_financier"},
}};

inline std::string_view to_string(party_kind k) { return detail::name_of(k, party_kind_names); }
inline std::string_view to_string(civil_society_form f) { return detail::name_of(f, civil_society_form_names); }
inline std::string_view to_string(party_role r) { return detail::name_of(r, party_role_names); }

inline party_kind parse_party_kind(std::string_view s) { return detail::parse_name(s, party_kind_names, "party kind"); }
inline civil_society_form parse_civil_society_form(std::string_view s) {
    return detail::parse_name(s, civil_society_form_names, "civil-society form");
}
inline party_role parse_party_role(std::string_view s) { return detail::parse_name(s, party_role_names, "party role"); }

// What parties are called in messages and reports, in the form that agrees with a count
// ("minst 2 kommunala förvaltningar"): the catalogue's "kinds.<kind>".
inline std::string_view noun(party_kind k, language lang, std::int64_t count = 1) {
    return term("kinds", to_string(k), lang, count);
}

// "lead" is the huvudsökande, who owns the intervention; co-applicants run it with the lead.
inline std::string_view role_name(party_role r, language lang) { return term("role", to_string(r), lang); }

inline std::string_view form_name(civil_society_form f, language lang) { return term("form", to_string(f), lang); }

struct party {
    std::string name;
    party_kind kind = party_kind::municipal_administration;
    std::optional<civil_society_form> form;  // only for civil_society
    party_role role = party_role::co_applicant;

    friend bool operator==(const party&, const party&) = default;
};

}  // namespace socinv
