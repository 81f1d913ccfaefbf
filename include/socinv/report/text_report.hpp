#pragma once
// The human-readable assessment report of `socinv assess`, in English or Swedish.

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

#include "socinv/core/money_format.hpp"
#include "socinv/core/format.hpp"
#include "socinv/rules/assessment.hpp"

namespace socinv {

namespace detail {

inline std::string verdict_text(verdict v, language lang) {
    return lang == language::sv ? std::string(swedish_name(v)) : std::string(to_string(v));
}

}  // namespace detail

// The cost model's point estimate in a few lines.
inline std::string economics_summary(const economic_result& e, language lang = language::en) {
    const bool sv = lang == language::sv;
    std::ostringstream out;
    char ratio[64];
    out << (sv ? "Kostnadsmodell (" : "Cost model (") << to_string(e.view) << (sv ? ", nuvärden):\n" : " view, present values):\n");
    out << "  " << pad_to(sv ? "Kostnader" : "Costs", 28) << format_msek(e.pv_costs) << "\n";
    out << "  " << pad_to(sv ? "Besparingar" : "Savings", 28) << format_msek(e.pv_savings) << "\n";
    out << "  " << pad_to(sv ? "Nettonuvärde" : "Net present value", 28) << format_msek(e.npv) << "\n";
    std::snprintf(ratio, sizeof ratio, "%.2f", e.benefit_cost_ratio);
    out << "  " << pad_to(sv ? "Nytta/kostnad" : "Benefit-cost ratio", 28) << ratio << "\n";
    std::snprintf(ratio, sizeof ratio, "%.2f", e.sroi_ratio);
    out << "  " << pad_to(sv ? "SROI (samhälle)" : "SROI ratio (society)", 28) << ratio << "\n";
    out << "  " << pad_to(sv ? "Återbetalt år" : "Payback year", 28)
        << (e.payback_year ? std::to_string(*e.payback_year) : std::string(sv ? "inte inom horisonten" : "not within the horizon"))
        << "\n";
    std::snprintf(ratio, sizeof ratio, "%.1f of %.0f (%.1f %%)", e.break_even_successes, e.participants,
                  100 * e.break_even_success_rate);
    if (sv) std::snprintf(ratio, sizeof ratio, "%.1f av %.0f (%.1f %%)", e.break_even_successes, e.participants,
                          100 * e.break_even_success_rate);
    out << "  " << pad_to(sv ? "Nollpunkt, lyckade deltagare" : "Break-even successes", 28)
        << (std::isfinite(e.break_even_successes) ? std::string(ratio) : std::string(sv ? "nås inte" : "not reachable")) << "\n";
    return out.str();
}

inline std::string text_report(const assessment& a, const application& app, language lang = language::en) {
    const bool sv = lang == language::sv;
    std::ostringstream out;
    out << a.title << " (" << a.application_id << ")\n";
    out << (sv ? "Regelverk: " : "Rules: ") << a.rule_set_name << " (" << a.rule_set_version << ")\n";
    out << (sv ? "Period: " : "Period: ") << app.period.to_string() << " (" << a.eligibility.whole_months
        << (sv ? " hela månader, " : " whole months, ") << a.eligibility.days << (sv ? " dagar)\n" : " days)\n");
    out << (sv ? "Sökt belopp: " : "Requested: ") << format_sek(a.requested) << "\n";
    if (app.extension_of) out << (sv ? "Förlängning av: " : "Extension of: ") << *app.extension_of << "\n";
    out << (sv ? "Parter:\n" : "Parties:\n");
    for (const auto& p : app.parties) {
        out << "  - " << p.name << " [" << (sv ? swedish_name(p.kind) : to_string(p.kind));
        if (p.form) out << ", " << to_string(*p.form);
        out << "; " << to_string(p.role) << "]\n";
    }

    out << "\n" << (sv ? "Behörighet: " : "Eligibility: ")
        << (a.eligible ? (sv ? "BEHÖRIG" : "ELIGIBLE") : (sv ? "EJ BEHÖRIG" : "NOT ELIGIBLE")) << "\n";
    for (const auto& f : a.findings) {
        const char* mark = f.severity == severity::error ? "  ✗ " : f.severity == severity::warning ? "  ! " : "  · ";
        out << mark << f.message(lang);
        if (!f.pointer.empty() && f.severity != severity::info) out << "  [" << f.code << " at " << f.pointer << "]";
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
            out << "  " << pad_to(detail::verdict_text(item.verdict, lang), sv ? 24 : 18)
                << (sv ? title.sv : title.en) << "\n";
            for (const auto& e : item.evidence) out << "      " << (sv ? e.sv : e.en) << "\n";
            if (!item.comment.empty()) out << "      " << (sv ? "Kommentar: " : "Comment: ") << item.comment << "\n";
        }
    }

    out << "\n" << (sv ? "Pengar per budgetår" : "Money by budget year");
    const bool from_budget = !a.budget_years.empty() && a.budget_years.front().from_budget;
    out << (from_budget ? (sv ? " (enligt budgeten):\n" : " (from the budget):\n")
                        : (sv ? " (sökt belopp fördelat efter dagar):\n" : " (requested, spread by days):\n"));
    for (const auto& y : a.budget_years)
        out << "  " << y.year << "  " << pad_to(std::to_string(y.days) + (sv ? " dagar" : " days"), 10) << "  "
            << format_sek(y.amount) << "\n";

    if (a.economics) out << "\n" << economics_summary(*a.economics, lang);

    int not_met = 0, open = 0;
    for (const auto& item : a.checklist) {
        if (item.advisory) continue;
        not_met += item.verdict == verdict::not_met;
        open += item.verdict == verdict::needs_information;
    }
    out << "\n" << (sv ? "Sammanfattning: " : "Summary: ")
        << (a.eligible ? (sv ? "behörig" : "eligible") : (sv ? "ej behörig" : "not eligible")) << "; " << not_met
        << (sv ? " kriterier ej uppfyllda, " : " criteria not met, ") << open
        << (sv ? " behöver mer information.\n" : " need more information.\n");
    return out.str();
}

}  // namespace socinv
