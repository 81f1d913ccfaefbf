#pragma once
// The human-readable assessment report of `socinv assess`, in English or Swedish.

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

#include "socinv/core/concat.hpp"
#include "socinv/core/format.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/rules/assessment.hpp"

namespace socinv {

// The cost model's point estimate in a few lines.
inline std::string economics_summary(const economic_result& e, language lang = language::en) {
    const bool sv = lang == language::sv;
    const auto row = [](std::string_view label) { return "  " + column(label, 30); };
    std::ostringstream out;
    out << (sv ? "Kostnadsmodell (" : "Cost model (") << view_name(e.view, lang) << (sv ? ", nuvärden):\n" : ", present values):\n");
    out << row(sv ? "Kostnader" : "Costs") << format_msek(e.pv_costs, lang) << "\n";
    out << row(sv ? "Besparingar" : "Savings") << format_msek(e.pv_savings, lang) << "\n";
    out << row(sv ? "Nettonuvärde" : "Net present value") << format_msek(e.npv, lang) << "\n";
    out << row(sv ? "Nytta/kostnad" : "Benefit-cost ratio") << format_fixed(e.benefit_cost_ratio, 2, lang) << "\n";
    out << row(sv ? "SROI (samhälle)" : "SROI ratio (society)") << format_fixed(e.sroi_ratio, 2, lang) << "\n";
    out << row(sv ? "Återbetalt år" : "Payback year")
        << (e.payback_year ? std::to_string(*e.payback_year) : std::string(sv ? "inte inom horisonten" : "not within the horizon"))
        << "\n";
    out << row(sv ? "Nollpunkt, lyckade deltagare" : "Break-even successes")
        << (std::isfinite(e.break_even_successes)
                ? concat(format_fixed(e.break_even_successes, 1, lang), sv ? " av " : " of ", format_fixed(e.participants, 0, lang),
                         " (", format_percent(e.break_even_success_rate, lang), ")")
                : std::string(sv ? "nås inte" : "not reachable"))
        << "\n";
    return out.str();
}

inline std::string text_report(const assessment& a, const application& app, language lang = language::en) {
    const bool sv = lang == language::sv;
    std::ostringstream out;
    out << a.title << " (" << a.application_id << ")\n";
    out << (sv ? "Regelverk: " : "Rules: ") << a.rule_set_name << " (" << a.rule_set_version << ")\n";
    out << "Period: " << app.period.to_string() << " (" << detail::length_text(a.eligibility.whole_months, a.eligibility.days, lang)
        << ")\n";
    out << (sv ? "Sökt belopp: " : "Requested: ") << format_sek(a.requested, lang) << "\n";
    if (app.extension_of) out << (sv ? "Förlängning av: " : "Extension of: ") << *app.extension_of << "\n";
    out << (sv ? "Parter:\n" : "Parties:\n");
    for (const auto& p : app.parties) {
        out << "  - " << p.name << " [" << noun(p.kind, lang);
        if (p.form) out << ", " << form_name(*p.form, lang);
        out << "; " << role_name(p.role, lang) << "]\n";
    }

    out << "\n" << (sv ? "Behörighet: " : "Eligibility: ")
        << (a.eligible ? (sv ? "BEHÖRIG" : "ELIGIBLE") : (sv ? "EJ BEHÖRIG" : "NOT ELIGIBLE")) << "\n";
    for (const auto& f : a.findings) {
        const char* mark = f.severity == severity::error ? "  ✗ " : f.severity == severity::warning ? "  ! " : "  · ";
        out << mark << f.message(lang);
        if (!f.pointer.empty() && f.severity != severity::info) out << "  [" << f.code << (sv ? " vid " : " at ") << f.pointer << "]";
        out << "\n";
    }

    for (bool advisory : {false, true}) {
        out << "\n"
            << (advisory ? (sv ? "Kännetecken för sociala investeringar (rådgivande):\n"
                               : "Distinguishing features (advisory):\n")
                         : (sv ? "Kriterier:\n" : "Funding criteria:\n"));
        for (const auto& item : a.checklist) {
            if (item.advisory != advisory) continue;
            const auto title = title_of(item.criterion);
            out << "  " << column(verdict_name(item.verdict, lang), sv ? 24 : 23) << (sv ? title.sv : title.en) << "\n";
            for (const auto& e : item.evidence) out << "      " << (sv ? e.sv : e.en) << "\n";
            if (!item.comment.empty()) out << "      " << (sv ? "Kommentar: " : "Comment: ") << item.comment << "\n";
        }
    }

    out << "\n" << (sv ? "Pengar per budgetår" : "Money by budget year");
    const bool from_budget = !a.budget_years.empty() && a.budget_years.front().from_budget;
    out << (from_budget ? (sv ? " (enligt budgeten):\n" : " (from the budget):\n")
                        : (sv ? " (sökt belopp fördelat efter dagar):\n" : " (requested, spread by days):\n"));
    for (const auto& y : a.budget_years)
        out << "  " << y.year << "  " << column(sv ? counted(y.days, "dag", "dagar") : counted(y.days, "day", "days"), 10)
            << "  " << format_sek(y.amount, lang) << "\n";

    if (a.economics) out << "\n" << economics_summary(*a.economics, lang);

    int not_met = 0, open = 0;
    for (const auto& item : a.checklist) {
        if (item.advisory) continue;
        not_met += item.verdict == verdict::not_met;
        open += item.verdict == verdict::needs_information;
    }
    out << "\n" << (sv ? "Sammanfattning: " : "Summary: ")
        << (a.eligible ? (sv ? "behörig" : "eligible") : (sv ? "ej behörig" : "not eligible")) << "; "
        << (sv ? counted(not_met, "kriterium ej uppfyllt", "kriterier ej uppfyllda")
               : counted(not_met, "criterion not met", "criteria not met"))
        << ", "
        << (sv ? concat(std::to_string(open), " behöver mer information.\n")
               : concat(std::to_string(open), open == 1 ? " needs" : " need", " more information.\n"));
    return out.str();
}

}  // namespace socinv
