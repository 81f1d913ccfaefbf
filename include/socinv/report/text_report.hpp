#pragma once
// The human-readable assessment report of `socinv assess`, in English or Swedish.

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

#include "socinv/core/concat.hpp"
#include "socinv/core/format.hpp"
#include "socinv/core/message.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/rules/assessment.hpp"

namespace socinv {

// The cost model's point estimate in a few lines.
inline std::string economics_summary(const economic_result& e, language lang = language::en) {
    const auto row = [lang](std::string_view key) { return "  " + column(text_of(key, lang), 30); };
    std::ostringstream out;
    out << render("text.cost_model", {term_arg("view", "perspective", to_string(e.view))}, lang) << "\n";
    out << row("text.costs") << format_msek(e.pv_costs, lang) << "\n";
    out << row("text.savings") << format_msek(e.pv_savings, lang) << "\n";
    out << row("text.npv") << format_msek(e.npv, lang) << "\n";
    out << row("text.benefit_cost_ratio") << format_fixed(e.benefit_cost_ratio, 2, lang) << "\n";
    out << row("text.sroi") << format_fixed(e.sroi_ratio, 2, lang) << "\n";
    out << row("text.payback_year")
        << (e.payback_year ? std::to_string(*e.payback_year) : std::string(text_of("text.not_within_horizon", lang))) << "\n";
    out << row("text.break_even");
    if (std::isfinite(e.break_even_successes)) {
        const std::string successes = format_fixed(e.break_even_successes, 1, lang);
        const std::string participants = format_fixed(e.participants, 0, lang);
        out << render("text.break_even_value",
                      {text_arg("successes", successes), text_arg("participants", participants),
                       percent_arg("share", e.break_even_success_rate)},
                      lang);
    } else {
        out << text_of("text.not_reachable", lang);
    }
    out << "\n";
    return out.str();
}

inline std::string text_report(const assessment& a, const application& app, language lang = language::en) {
    std::ostringstream out;
    out << a.title << " (" << a.application_id << ")\n";
    out << render("text.rules", {text_arg("name", a.rule_set_name), text_arg("version", a.rule_set_version)}, lang) << "\n";
    const std::string period = app.period.to_string();
    const std::string length = detail::length_text(a.eligibility.whole_months, a.eligibility.days, lang);
    out << render("text.period", {text_arg("period", period), text_arg("length", length)}, lang) << "\n";
    out << render("text.requested", {money_arg("amount", a.requested)}, lang) << "\n";
    if (app.extension_of) out << render("text.extension_of", {text_arg("original", *app.extension_of)}, lang) << "\n";
    out << text_of("text.parties", lang) << "\n";
    for (const auto& p : app.parties) {
        out << "  - " << p.name << " [" << noun(p.kind, lang);
        if (p.form) out << ", " << form_name(*p.form, lang);
        out << "; " << role_name(p.role, lang) << "]\n";
    }

    out << "\n" << render("text.eligibility", {term_arg("verdict", "verdict", a.eligible ? "eligible" : "not_eligible")}, lang)
        << "\n";
    for (const auto& f : a.findings) {
        const char* mark = f.severity == severity::error ? "  ✗ " : f.severity == severity::warning ? "  ! " : "  · ";
        out << mark << f.message(lang);
        if (!f.pointer.empty() && f.severity != severity::info)
            out << "  " << render("text.finding_at", {text_arg("code", f.code), text_arg("pointer", f.pointer)}, lang);
        out << "\n";
    }

    for (bool advisory : {false, true}) {
        out << "\n" << text_of(advisory ? "text.advisory_features" : "text.funding_criteria", lang) << "\n";
        for (const auto& item : a.checklist) {
            if (item.advisory != advisory) continue;
            out << "  " << column(verdict_name(item.verdict, lang), lang == language::sv ? 24 : 23)
                << term("criterion", to_string(item.criterion), lang) << "\n";
            for (const auto& e : item.evidence) out << "      " << e.in(lang) << "\n";
            if (!item.comment.empty()) out << "      " << render("text.comment", {text_arg("comment", item.comment)}, lang) << "\n";
        }
    }

    const bool from_budget = !a.budget_years.empty() && a.budget_years.front().from_budget;
    out << "\n" << text_of(from_budget ? "text.money_by_year_from_budget" : "text.money_by_year_by_days", lang) << "\n";
    for (const auto& y : a.budget_years)
        out << "  " << y.year << "  " << column(count_text("unit.days", y.days, lang), 10) << "  "
            << format_sek(y.amount, lang) << "\n";

    if (a.economics) out << "\n" << economics_summary(*a.economics, lang);

    int not_met = 0, open = 0;
    for (const auto& item : a.checklist) {
        if (item.advisory) continue;
        not_met += item.verdict == verdict::not_met;
        open += item.verdict == verdict::needs_information;
    }
    out << "\n"
        << render("text.summary",
                  {message_part("verdict", a.eligible ? "text.summary_eligible" : "text.summary_not_eligible"),
                   count_arg("not_met", not_met, "text.criteria_not_met"), count_arg("open", open, "text.criteria_open")},
                  lang)
        << "\n";
    return out.str();
}

}  // namespace socinv
