#pragma once
// Eligibility rule sets as data: who may apply, for how long, and for how much.

#include <optional>
#include <string>
#include <vector>

#include "socinv/application/party.hpp"
#include "socinv/core/money.hpp"

namespace socinv {

// "At least n parties of these kinds (and, for civil society, these forms)".
struct party_requirement {
    std::vector<party_kind> kinds;
    std::vector<civil_society_form> forms;  // empty: any form
    int at_least = 1;

    bool accepts(const party& p) const {
        bool kind_ok = false;
        for (auto k : kinds) kind_ok = kind_ok || k == p.kind;
        if (!kind_ok) return false;
        if (forms.empty() || !p.form) return true;
        for (auto f : forms)
            if (f == *p.form) return true;
        return false;
    }
    friend bool operator==(const party_requirement&, const party_requirement&) = default;
};

// One way to be eligible (Örebro 2013: rule A or rule B); all its requirements must hold.
struct eligibility_alternative {
    std::string id;
    std::string description_en;
    std::string description_sv;
    std::vector<party_requirement> requirements;
    friend bool operator==(const eligibility_alternative&, const eligibility_alternative&) = default;
};

struct duration_limits {
    std::optional<int> min_months;
    std::optional<int> max_months;
    friend bool operator==(const duration_limits&, const duration_limits&) = default;
};

struct rule_set {
    std::string name;
    std::string version;
    std::string title;
    std::string source;
    std::vector<party_role> counted_roles;         // roles whose parties count towards eligibility
    std::vector<party_kind> never_counted_kinds;   // e.g. for-profit companies
    std::vector<eligibility_alternative> alternatives;
    duration_limits duration;
    std::optional<money> max_grant_per_year;
    std::optional<double> max_share_of_total_cost;  // in (0, 1]

    bool counts_role(party_role r) const {
        for (auto c : counted_roles)
            if (c == r) return true;
        return false;
    }
    bool never_counts(party_kind k) const {
        for (auto n : never_counted_kinds)
            if (n == k) return true;
        return false;
    }
    friend bool operator==(const rule_set&, const rule_set&) = default;
};

}  // namespace socinv
