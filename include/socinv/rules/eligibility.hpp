#pragma once
// Eligibility: judges an application against a rule set and explains the verdict.

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "socinv/application/application.hpp"
#include "socinv/core/concat.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/detail/int128.hpp"
#include "socinv/core/format.hpp"
#include "socinv/rules/finding.hpp"
#include "socinv/rules/rule_set.hpp"

namespace socinv {

// Facts from outside the application that a verdict may depend on.
struct assessment_context {
    std::optional<money> fund_available;  // what is left in the fund, when known
};

struct requirement_outcome {
    party_requirement requirement;
    std::vector<std::string> counted;  // names of the parties that satisfied it
    bool met = false;
};

struct alternative_outcome {
    std::string id;
    std::string description_en;
    std::string description_sv;
    std::vector<requirement_outcome> requirements;
    bool met = false;
};

struct eligibility_result {
    bool eligible = false;
    std::vector<alternative_outcome> alternatives;  // mirrors the rule set
    int whole_months = 0;
    long days = 0;
    std::vector<finding> findings;
};

namespace detail {

// "2 municipal administrations or municipalities", "minst 1 civil aktör": the noun agrees with
// the number asked for.
inline void append_kinds(std::string& text, const party_requirement& r, language lang) {
    for (std::size_t i = 0; i < r.kinds.size(); ++i) {
        if (i > 0) text += lang == language::sv ? " eller " : " or ";
        text += noun(r.kinds[i], lang, r.at_least);
    }
}

inline void append_names(std::string& text, const std::vector<std::string>& names) {
    if (names.empty()) text += '-';
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += ", ";
        text += names[i];
    }
}

// "at least 2 municipal administrations: 1 (Vuxenutbildningsförvaltningen)"
inline void append_requirement(std::string& text, const requirement_outcome& r, language lang) {
    text += lang == language::sv ? "minst " : "at least ";
    text += std::to_string(r.requirement.at_least);
    text += ' ';
    append_kinds(text, r.requirement, lang);
    text += ": ";
    text += std::to_string(r.counted.size());
    text += " (";
    append_names(text, r.counted);
    text += ')';
}

inline std::string names_text(const std::vector<std::string>& names) {
    std::string text;
    append_names(text, names);
    return text;
}

inline std::string quoted(const std::string& s) { return concat("\"", s, "\""); }

// "rule A (two administrations) is met: at least 2 ...; ..." in one language; the description
// falls back to the other language's, and is left out when the rule set gives none.
inline std::string rule_outcome_text(const alternative_outcome& alt, language lang) {
    const bool sv = lang == language::sv;
    const std::string& description = sv && !alt.description_sv.empty() ? alt.description_sv
                                     : !alt.description_en.empty()      ? alt.description_en
                                                                        : alt.description_sv;
    std::string text = sv ? "regel " : "rule ";
    text += alt.id;
    if (!description.empty()) text += concat(" (", description, ")");
    text += alt.met ? (sv ? " är uppfylld: " : " is met: ") : (sv ? " är inte uppfylld: " : " is not met: ");
    for (std::size_t i = 0; i < alt.requirements.size(); ++i) {
        if (i > 0) text += "; ";
        append_requirement(text, alt.requirements[i], lang);
    }
    return text;
}

inline std::string months_text(long long n, language lang) {
    return lang == language::sv ? counted(n, "månad", "månader") : counted(n, "month", "months");
}

// "36 whole months, 1 096 days"
inline std::string length_text(int whole_months, long days, language lang) {
    return lang == language::sv ? concat(counted(whole_months, "hel månad", "hela månader"), ", ", counted(days, "dag", "dagar"))
                                : concat(counted(whole_months, "whole month", "whole months"), ", ", counted(days, "day", "days"));
}

// Judges one alternative; a party counts towards at most one of its requirements.
inline alternative_outcome judge_alternative(const application& app, const rule_set& rules,
                                             const eligibility_alternative& alt) {
    alternative_outcome out{alt.id, alt.description_en, alt.description_sv, {}, true};
    std::vector<bool> used(app.parties.size(), false);
    for (const auto& req : alt.requirements) {
        requirement_outcome r{req, {}, false};
        for (std::size_t i = 0; i < app.parties.size(); ++i) {
            const party& p = app.parties[i];
            if (used[i] || !rules.counts_role(p.role) || rules.never_counts(p.kind) || !req.accepts(p)) continue;
            if (static_cast<int>(r.counted.size()) >= req.at_least) break;
            used[i] = true;
            r.counted.push_back(p.name);
        }
        r.met = static_cast<int>(r.counted.size()) >= req.at_least;
        out.met = out.met && r.met;
        out.requirements.push_back(std::move(r));
    }
    return out;
}

}  // namespace detail

inline eligibility_result assess_eligibility(const application& app, const rule_set& rules,
                                             const assessment_context& context = {}) {
    using detail::quoted;
    eligibility_result result;
    auto add = [&](std::string code, severity sev, std::string pointer, std::string value, std::string en,
                   std::string sv) {
        result.findings.push_back({std::move(code), sev, std::move(pointer), std::move(value), std::move(en), std::move(sv)});
    };

    // Who may apply.
    for (const auto& alt : rules.alternatives) result.alternatives.push_back(detail::judge_alternative(app, rules, alt));
    for (std::size_t i = 0; i < app.parties.size(); ++i) {
        const party& p = app.parties[i];
        const std::string at = concat("/parties/", std::to_string(i));
        if (rules.never_counts(p.kind)) {
            add("party_kind_not_counted", severity::warning, concat(at, "/kind"), quoted(std::string(to_string(p.kind))),
                concat(p.name, " (", noun(p.kind, language::en), ") does not count towards eligibility under ", rules.name),
                concat(p.name, " (", noun(p.kind, language::sv), ") räknas inte enligt ", rules.name));
            continue;
        }
        bool kind_matters = false;
        for (const auto& alt : rules.alternatives)
            for (const auto& req : alt.requirements) kind_matters = kind_matters || req.accepts(p);
        if (kind_matters && !rules.counts_role(p.role))
            add("party_role_not_counted", severity::info, concat(at, "/role"), quoted(std::string(to_string(p.role))),
                concat(p.name, " takes part as ", role_name(p.role, language::en),
                       " and does not count towards eligibility (only parties that run the intervention count)"),
                concat(p.name, " deltar som ", role_name(p.role, language::sv),
                       " och räknas inte (bara parter som genomför insatsen räknas)"));
    }
    bool any_met = false;
    for (const auto& alt : result.alternatives) {
        any_met = any_met || alt.met;
        add(alt.met ? "eligibility_rule_met" : "eligibility_rule_not_met", severity::info, "/parties", "",
            detail::rule_outcome_text(alt, language::en), detail::rule_outcome_text(alt, language::sv));
    }
    if (!any_met)
        add("no_eligibility_rule_met", severity::error, "/parties", "",
            concat("the parties meet none of the eligibility rules of ", rules.name),
            concat("parterna uppfyller ingen av behörighetsreglerna i ", rules.name));

    bool has_lead = false;
    for (const auto& p : app.parties) has_lead = has_lead || p.role == party_role::lead;
    if (!has_lead)
        add("no_lead_party", severity::warning, "/parties", "",
            "no party is the lead applicant (role \"lead\"): who owns the intervention?",
            "ingen part är huvudsökande (rollen \"lead\"): vem äger insatsen?");

    // How long.
    result.whole_months = app.period.whole_months();
    result.days = app.period.days();
    const std::string period = app.period.to_string();
    const std::string period_value = quoted(period);
    const auto length = [&](language lang) { return detail::length_text(result.whole_months, result.days, lang); };
    if (rules.duration.min_months && !app.period.lasts_at_least_months(*rules.duration.min_months))
        add("period_too_short", severity::error, "/period", period_value,
            concat("the period ", period, " (", length(language::en), ") is shorter than the minimum of ",
                   detail::months_text(*rules.duration.min_months, language::en)),
            concat("perioden ", period, " (", length(language::sv), ") är kortare än minst ",
                   detail::months_text(*rules.duration.min_months, language::sv)));
    if (rules.duration.max_months && !app.period.fits_within_months(*rules.duration.max_months))
        add("period_too_long", severity::error, "/period", period_value,
            concat("the period ", period, " (", length(language::en), ") is longer than the maximum of ",
                   detail::months_text(*rules.duration.max_months, language::en)),
            concat("perioden ", period, " (", length(language::sv), ") är längre än högst ",
                   detail::months_text(*rules.duration.max_months, language::sv)));
    if (app.extension_of)
        add("extension_judged_separately", severity::info, "/extension_of", quoted(*app.extension_of),
            concat("this is an extension of ", *app.extension_of,
                   "; it is judged on its own, and its period is not added to the original's"),
            concat("detta är en förlängning av ", *app.extension_of, "; den prövas för sig"));

    // How much.
    const auto sek = [](money m, language lang) { return format_sek(m, lang); };
    const std::string requested_value = quoted(format_decimal(app.requested));
    if (context.fund_available && app.requested > *context.fund_available)
        add("requested_exceeds_fund", severity::error, "/requested", requested_value,
            concat("the amount requested, ", sek(app.requested, language::en), ", exceeds what is left in the fund, ",
                   sek(*context.fund_available, language::en)),
            concat("sökt belopp, ", sek(app.requested, language::sv), ", överstiger det som finns kvar i fonden, ",
                   sek(*context.fund_available, language::sv)));
    if (rules.max_grant_per_year) {
        // The average per year of the period, in whole öre (rounded up so that a breach is never hidden).
        const detail::int128 per_year_ore =
            (static_cast<detail::int128>(app.requested.ore()) * 365 + result.days - 1) / result.days;
        const money per_year = money::from_ore(static_cast<std::int64_t>(per_year_ore));
        if (per_year_ore > rules.max_grant_per_year->ore())
            add("grant_per_year_exceeds_max", severity::error, "/requested", requested_value,
                concat("the amount requested is ", sek(per_year, language::en), " a year on average, more than the maximum of ",
                       sek(*rules.max_grant_per_year, language::en), " a year"),
                concat("sökt belopp är i genomsnitt ", sek(per_year, language::sv), " per år, mer än högst ",
                       sek(*rules.max_grant_per_year, language::sv), " per år"));
    }
    const money total = app.total_cost();
    if (rules.max_share_of_total_cost) {
        const double share = total.is_zero() ? 1.0 : static_cast<double>(app.requested.ore()) / static_cast<double>(total.ore());
        const double most = *rules.max_share_of_total_cost;
        if (share > most + 1e-12)
            add("share_of_cost_exceeds_max", severity::error, "/requested", requested_value,
                concat("the amount requested is ", format_percent(share, language::en), " of the total cost ",
                       sek(total, language::en), ", more than the maximum share of ", format_percent(most, language::en)),
                concat("sökt belopp är ", format_percent(share, language::sv), " av den totala kostnaden ",
                       sek(total, language::sv), ", mer än högst ", format_percent(most, language::sv)));
    }
    if (!app.budget.empty()) {
        money funding = app.requested;
        for (const auto& c : app.co_financing) funding += c.amount;
        if (funding != total)
            add("budget_does_not_match_funding", severity::warning, "/budget", quoted(format_decimal(total)),
                concat("the budget adds up to ", sek(total, language::en),
                       " but the amount requested and co-financing add up to ", sek(funding, language::en)),
                concat("budgeten summerar till ", sek(total, language::sv),
                       " men sökt belopp och medfinansiering summerar till ", sek(funding, language::sv)));
    }
    if (app.decision && app.decision->granted > app.requested)
        add("granted_exceeds_requested", severity::warning, "/decision/granted",
            quoted(format_decimal(app.decision->granted)),
            concat("the amount granted, ", sek(app.decision->granted, language::en), ", exceeds the amount requested, ",
                   sek(app.requested, language::en)),
            concat("beviljat belopp, ", sek(app.decision->granted, language::sv), ", överstiger sökt belopp, ",
                   sek(app.requested, language::sv)));

    result.eligible = !has_errors(result.findings);
    return result;
}

}  // namespace socinv
