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
#include "socinv/core/message.hpp"
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
inline std::string kinds_text(const party_requirement& r, language lang) {
    std::string text;
    for (std::size_t i = 0; i < r.kinds.size(); ++i) {
        if (i > 0) text += text_of("list.or", lang);
        text += noun(r.kinds[i], lang, r.at_least);
    }
    return text;
}

inline std::string names_text(const std::vector<std::string>& names) {
    if (names.empty()) return "-";
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += ", ";
        text += names[i];
    }
    return text;
}

// "at least 2 municipal administrations: 1 (Vuxenutbildningsförvaltningen); ..."
inline std::string requirements_text(const alternative_outcome& alt, language lang) {
    std::string text;
    for (std::size_t i = 0; i < alt.requirements.size(); ++i) {
        const requirement_outcome& r = alt.requirements[i];
        if (i > 0) text += "; ";
        const std::string kinds = kinds_text(r.requirement, lang), names = names_text(r.counted);
        render_text_into(text, text_of("rule.requirement", lang),
                         {integer_arg("at_least", r.requirement.at_least), text_arg("kinds", kinds),
                          integer_arg("count", static_cast<long long>(r.counted.size())), text_arg("names", names)},
                         lang, "rule.requirement");
    }
    return text;
}

inline std::string quoted(const std::string& s) { return concat("\"", s, "\""); }

// "rule A (two administrations) is met: at least 2 ...; ..." in one language; the description
// falls back to the other language's, and is left out when the rule set gives none.
inline std::string rule_outcome_text(const alternative_outcome& alt, language lang) {
    const std::string& description = lang == language::sv && !alt.description_sv.empty() ? alt.description_sv
                                     : !alt.description_en.empty()                        ? alt.description_en
                                                                                          : alt.description_sv;
    const std::string requirements = requirements_text(alt, lang);
    const std::string_view key = alt.met ? "finding.eligibility_rule_met" : "finding.eligibility_rule_not_met";
    return render(key,
                  {text_arg("id", alt.id),
                   description.empty() ? text_arg("description", "")
                                       : message_part("description", "rule.description", {text_arg("description", description)}),
                   text_arg("requirements", requirements)},
                  lang);
}

inline message_arg months_arg(std::string_view name, long long n) { return count_arg(name, n, "unit.months"); }

// "36 whole months, 1 096 days" ("36 hela månader, 1096 dagar")
inline std::string length_text(int whole_months, long days, language lang) {
    return render("finding.period_length",
                  {count_arg("whole_months", whole_months, "unit.whole_months"), count_arg("days", days, "unit.days")}, lang);
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
    // A finding's message is the catalogue text "finding.<code>" with the values given.
    auto add = [&](std::string_view code, severity sev, std::string pointer, std::string value,
                   std::initializer_list<message_arg> args = {}) {
        const std::string key = concat("finding.", code);
        result.findings.push_back({std::string(code), sev, std::move(pointer), std::move(value), render(key, args, language::en),
                                   render(key, args, language::sv)});
    };

    // Who may apply.
    for (const auto& alt : rules.alternatives) result.alternatives.push_back(detail::judge_alternative(app, rules, alt));
    for (std::size_t i = 0; i < app.parties.size(); ++i) {
        const party& p = app.parties[i];
        const std::string at = concat("/parties/", std::to_string(i));
        if (rules.never_counts(p.kind)) {
            add("party_kind_not_counted", severity::warning, concat(at, "/kind"), quoted(std::string(to_string(p.kind))),
                {text_arg("name", p.name), term_arg("kind", "kind", to_string(p.kind)), text_arg("rules", rules.name)});
            continue;
        }
        bool kind_matters = false;
        for (const auto& alt : rules.alternatives)
            for (const auto& req : alt.requirements) kind_matters = kind_matters || req.accepts(p);
        if (kind_matters && !rules.counts_role(p.role))
            add("party_role_not_counted", severity::info, concat(at, "/role"), quoted(std::string(to_string(p.role))),
                {text_arg("name", p.name), term_arg("role", "role", to_string(p.role))});
    }
    bool any_met = false;
    for (const auto& alt : result.alternatives) {
        any_met = any_met || alt.met;
        result.findings.push_back({alt.met ? "eligibility_rule_met" : "eligibility_rule_not_met", severity::info, "/parties", "",
                                   detail::rule_outcome_text(alt, language::en), detail::rule_outcome_text(alt, language::sv)});
    }
    if (!any_met) add("no_eligibility_rule_met", severity::error, "/parties", "", {text_arg("rules", rules.name)});

    bool has_lead = false;
    for (const auto& p : app.parties) has_lead = has_lead || p.role == party_role::lead;
    if (!has_lead) add("no_lead_party", severity::warning, "/parties", "");

    // How long.
    result.whole_months = app.period.whole_months();
    result.days = app.period.days();
    const std::string period = app.period.to_string();
    const std::string period_value = quoted(period);
    const message_arg length = message_part("length", "finding.period_length",
                                            {count_arg("whole_months", result.whole_months, "unit.whole_months"),
                                             count_arg("days", result.days, "unit.days")});
    if (rules.duration.min_months && !app.period.lasts_at_least_months(*rules.duration.min_months))
        add("period_too_short", severity::error, "/period", period_value,
            {text_arg("period", period), length, detail::months_arg("minimum", *rules.duration.min_months)});
    if (rules.duration.max_months && !app.period.fits_within_months(*rules.duration.max_months))
        add("period_too_long", severity::error, "/period", period_value,
            {text_arg("period", period), length, detail::months_arg("maximum", *rules.duration.max_months)});
    if (app.extension_of)
        add("extension_judged_separately", severity::info, "/extension_of", quoted(*app.extension_of),
            {text_arg("original", *app.extension_of)});

    // How much.
    const std::string requested_value = quoted(format_decimal(app.requested));
    if (context.fund_available && app.requested > *context.fund_available)
        add("requested_exceeds_fund", severity::error, "/requested", requested_value,
            {money_arg("requested", app.requested), money_arg("available", *context.fund_available)});
    if (rules.max_grant_per_year) {
        // The average per year of the period, in whole öre (rounded up so that a breach is never hidden).
        const detail::int128 per_year_ore =
            (static_cast<detail::int128>(app.requested.ore()) * 365 + result.days - 1) / result.days;
        if (per_year_ore > rules.max_grant_per_year->ore())
            add("grant_per_year_exceeds_max", severity::error, "/requested", requested_value,
                {money_arg("per_year", money::from_ore(static_cast<std::int64_t>(per_year_ore))),
                 money_arg("maximum", *rules.max_grant_per_year)});
    }
    const money total = app.total_cost();
    if (rules.max_share_of_total_cost) {
        const double share = total.is_zero() ? 1.0 : static_cast<double>(app.requested.ore()) / static_cast<double>(total.ore());
        const double most = *rules.max_share_of_total_cost;
        if (share > most + 1e-12)
            add("share_of_cost_exceeds_max", severity::error, "/requested", requested_value,
                {percent_arg("share", share), money_arg("total", total), percent_arg("maximum", most)});
    }
    if (!app.budget.empty()) {
        money funding = app.requested;
        for (const auto& c : app.co_financing) funding += c.amount;
        if (funding != total)
            add("budget_does_not_match_funding", severity::warning, "/budget", quoted(format_decimal(total)),
                {money_arg("total", total), money_arg("funding", funding)});
    }
    if (app.decision && app.decision->granted > app.requested)
        add("granted_exceeds_requested", severity::warning, "/decision/granted",
            quoted(format_decimal(app.decision->granted)),
            {money_arg("granted", app.decision->granted), money_arg("requested", app.requested)});

    result.eligible = !has_errors(result.findings);
    return result;
}

}  // namespace socinv
