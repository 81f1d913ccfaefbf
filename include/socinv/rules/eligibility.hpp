#pragma once
// Eligibility: judges an application against a rule set and explains the verdict.

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "socinv/application/application.hpp"
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

inline std::string kinds_text(const party_requirement& r, language lang) {
    std::string text;
    for (std::size_t i = 0; i < r.kinds.size(); ++i) {
        if (i > 0) text += lang == language::sv ? " eller " : " or ";
        text += lang == language::sv ? std::string(swedish_name(r.kinds[i])) : std::string(to_string(r.kinds[i]));
    }
    return text;
}

inline std::string names_text(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
    return text.empty() ? "-" : text;
}

inline std::string requirement_text(const requirement_outcome& r, language lang) {
    const std::string need = std::to_string(r.requirement.at_least);
    const std::string got = std::to_string(r.counted.size());
    if (lang == language::sv)
        return "minst " + need + " " + kinds_text(r.requirement, lang) + ": " + got + " (" + names_text(r.counted) + ")";
    return "at least " + need + " " + kinds_text(r.requirement, lang) + ": " + got + " (" + names_text(r.counted) + ")";
}

inline std::string quoted(const std::string& s) { return "\"" + s + "\""; }

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
        const std::string at = "/parties/" + std::to_string(i);
        if (rules.never_counts(p.kind)) {
            add("party_kind_not_counted", severity::warning, at + "/kind", quoted(std::string(to_string(p.kind))),
                p.name + " is a " + std::string(to_string(p.kind)) + " and does not count towards eligibility under " +
                    rules.name,
                p.name + " är " + std::string(swedish_name(p.kind)) + " och räknas inte enligt " + rules.name);
            continue;
        }
        bool kind_matters = false;
        for (const auto& alt : rules.alternatives)
            for (const auto& req : alt.requirements) kind_matters = kind_matters || req.accepts(p);
        if (kind_matters && !rules.counts_role(p.role))
            add("party_role_not_counted", severity::info, at + "/role", quoted(std::string(to_string(p.role))),
                p.name + " takes part as " + std::string(to_string(p.role)) +
                    " and does not count towards eligibility (only parties that run the intervention count)",
                p.name + " deltar som " + std::string(to_string(p.role)) +
                    " och räknas inte (bara parter som genomför insatsen räknas)");
    }
    bool any_met = false;
    for (const auto& alt : result.alternatives) {
        std::string en, sv;
        for (const auto& r : alt.requirements) {
            en += (en.empty() ? "" : "; ") + detail::requirement_text(r, language::en);
            sv += (sv.empty() ? "" : "; ") + detail::requirement_text(r, language::sv);
        }
        if (alt.met) {
            any_met = true;
            add("eligibility_rule_met", severity::info, "/parties", "",
                "rule " + alt.id + " (" + alt.description_en + ") is met: " + en,
                "regel " + alt.id + " (" + alt.description_sv + ") är uppfylld: " + sv);
        } else {
            add("eligibility_rule_not_met", severity::info, "/parties", "",
                "rule " + alt.id + " (" + alt.description_en + ") is not met: " + en,
                "regel " + alt.id + " (" + alt.description_sv + ") är inte uppfylld: " + sv);
        }
    }
    if (!any_met)
        add("no_eligibility_rule_met", severity::error, "/parties", "",
            "the parties meet none of the eligibility rules of " + rules.name,
            "parterna uppfyller ingen av behörighetsreglerna i " + rules.name);

    bool has_lead = false;
    for (const auto& p : app.parties) has_lead = has_lead || p.role == party_role::lead;
    if (!has_lead)
        add("no_lead_party", severity::warning, "/parties", "",
            "no party has the role lead (who owns the intervention?)",
            "ingen part har rollen lead (vem äger insatsen?)");

    // How long.
    result.whole_months = app.period.whole_months();
    result.days = app.period.days();
    const std::string period_value = quoted(app.period.to_string());
    const std::string length_en = std::to_string(result.whole_months) + " whole months, " + std::to_string(result.days) + " days";
    const std::string length_sv = std::to_string(result.whole_months) + " hela månader, " + std::to_string(result.days) + " dagar";
    if (rules.duration.min_months && !app.period.lasts_at_least_months(*rules.duration.min_months))
        add("period_too_short", severity::error, "/period", period_value,
            "the period " + app.period.to_string() + " (" + length_en + ") is shorter than the minimum of " +
                std::to_string(*rules.duration.min_months) + " months",
            "perioden " + app.period.to_string() + " (" + length_sv + ") är kortare än minst " +
                std::to_string(*rules.duration.min_months) + " månader");
    if (rules.duration.max_months && !app.period.fits_within_months(*rules.duration.max_months))
        add("period_too_long", severity::error, "/period", period_value,
            "the period " + app.period.to_string() + " (" + length_en + ") is longer than the maximum of " +
                std::to_string(*rules.duration.max_months) + " months",
            "perioden " + app.period.to_string() + " (" + length_sv + ") är längre än högst " +
                std::to_string(*rules.duration.max_months) + " månader");
    if (app.extension_of)
        add("extension_judged_separately", severity::info, "/extension_of", quoted(*app.extension_of),
            "this is an extension of " + *app.extension_of +
                "; it is judged on its own, and its period is not added to the original's",
            "detta är en förlängning av " + *app.extension_of + "; den prövas för sig");

    // How much.
    const std::string requested_value = quoted(format_decimal(app.requested));
    if (context.fund_available && app.requested > *context.fund_available)
        add("requested_exceeds_fund", severity::error, "/requested", requested_value,
            "the amount requested, " + format_sek(app.requested) + ", exceeds what is left in the fund, " +
                format_sek(*context.fund_available),
            "sökt belopp, " + format_sek(app.requested) + ", överstiger det som finns kvar i fonden, " +
                format_sek(*context.fund_available));
    if (rules.max_grant_per_year) {
        // The average per year of the period, in whole öre (rounded up so that a breach is never hidden).
        const detail::int128 per_year_ore =
            (static_cast<detail::int128>(app.requested.ore()) * 365 + result.days - 1) / result.days;
        const money per_year = money::from_ore(static_cast<std::int64_t>(per_year_ore));
        if (per_year_ore > rules.max_grant_per_year->ore())
            add("grant_per_year_exceeds_max", severity::error, "/requested", requested_value,
                "the amount requested is " + format_sek(per_year) + " a year on average, more than the maximum of " +
                    format_sek(*rules.max_grant_per_year) + " a year",
                "sökt belopp är i genomsnitt " + format_sek(per_year) + " per år, mer än högst " +
                    format_sek(*rules.max_grant_per_year) + " per år");
    }
    const money total = app.total_cost();
    if (rules.max_share_of_total_cost) {
        const double share = total.is_zero() ? 1.0 : static_cast<double>(app.requested.ore()) / static_cast<double>(total.ore());
        if (share > *rules.max_share_of_total_cost + 1e-12) {
            const auto percent = format_percent;
            add("share_of_cost_exceeds_max", severity::error, "/requested", requested_value,
                "the amount requested is " + percent(share) + " of the total cost " + format_sek(total) +
                    ", more than the maximum share of " + percent(*rules.max_share_of_total_cost),
                "sökt belopp är " + percent(share) + " av den totala kostnaden " + format_sek(total) +
                    ", mer än högst " + percent(*rules.max_share_of_total_cost));
        }
    }
    if (!app.budget.empty()) {
        money funding = app.requested;
        for (const auto& c : app.co_financing) funding += c.amount;
        if (funding != total)
            add("budget_does_not_match_funding", severity::warning, "/budget", quoted(format_decimal(total)),
                "the budget adds up to " + format_sek(total) + " but the amount requested and co-financing add up to " +
                    format_sek(funding),
                "budgeten summerar till " + format_sek(total) + " men sökt belopp och medfinansiering summerar till " +
                    format_sek(funding));
    }
    if (app.decision && app.decision->granted > app.requested)
        add("granted_exceeds_requested", severity::warning, "/decision/granted",
            quoted(format_decimal(app.decision->granted)),
            "the amount granted, " + format_sek(app.decision->granted) + ", exceeds the amount requested, " +
                format_sek(app.requested),
            "beviljat belopp, " + format_sek(app.decision->granted) + ", överstiger sökt belopp, " +
                format_sek(app.requested));

    result.eligible = !has_errors(result.findings);
    return result;
}

}  // namespace socinv
