// `socinv follow-up`: did the intervention reach its targets, how sure are we, and what was saved.

#include <algorithm>
#include <memory>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(Judge an application's follow-up: each effect measure against its target, with
an interval, and the participants reached.

Reads the application's `follow_up` section (docs/outcomes.md): for a proportion
the Wilson interval, for a mean Student's t, at confidence 1 - alpha. A measure
whose direction is `increase` is met when the interval's lower end is at or
above the target, not met when its upper end is below it, and inconclusive
otherwise (mirrored for `decrease`). A target is read in its measure's unit
(procent/percent: out of 100; andel/share: out of 1). Where the group is too
small to detect the gap to the target at 80 % power, a warning says so. With a
return-transfer agreement, forecast savings are reconciled with actual ones.)";

constexpr const char* footer = R"(JSON output, one object per application: {"id", "as_of", "alpha", "measures":
[{"measure", "unit", "kind", "n", "observed", "ci": [low, high], "baseline",
"target", "direction", "verdict", "minimum_detectable_difference", "warnings",
"comparison"?}], "reach": {"planned", "reached", "share", "ci"}, "all_targets_met",
"reconciliation"?}. Observed values, intervals and targets are shares (0-1) for
proportions.

Exit codes: 0 every measure with a target is met (also when none has a target);
1 otherwise; 2 bad input or usage. With several files, a file with bad input is
reported on the error stream and the others are still judged.)";

struct follow_up_options {
    std::vector<std::string> files;
    output_format format = output_format::text;
    language lang = language::en;
    double alpha = 0.05;
};

std::string shown(double x, double scale) { return detail::format_number(std::round(x * scale * 10) / 10); }

void write_text(std::ostream& out, const application& app, const follow_up_evaluation& r,
                const std::optional<reconciliation>& rec, bool sv) {
    out << (sv ? "Uppföljning: " : "Follow-up: ") << app.title << " (" << app.id << "), " << (sv ? "per " : "as of ")
        << to_iso(r.as_of) << "\n";
    const std::string level = detail::format_number(std::round((1 - r.alpha) * 1000) / 10) + " %";
    if (r.reach) {
        out << (sv ? "Nådda deltagare: " : "Participants reached: ") << r.reach->reached << (sv ? " av " : " of ")
            << r.reach->planned << " (" << format_percent(r.reach->share);
        if (r.reach->ci) out << ", " << level << ": " << format_percent(r.reach->ci->low) << " - " << format_percent(r.reach->ci->high);
        out << ")\n";
    }
    for (const auto& m : r.measures) {
        const double scale = m.proportion && m.unit_scale == 1.0 ? 100.0 : m.unit_scale;
        const std::string unit = m.proportion ? " %" : " " + m.unit;
        out << "\n  " << m.measure << "\n    " << (sv ? "observerat " : "observed ") << shown(m.observed, scale) << unit
            << " (n = " << m.n << "; " << level << ": " << shown(m.ci.low, scale) << " - " << shown(m.ci.high, scale) << ")";
        if (m.target) out << (sv ? ", mål " : ", target ") << shown(*m.target, scale) << unit;
        out << "\n    " << (sv ? "bedömning: " : "verdict: ")
            << (m.verdict ? std::string(sv ? swedish_name(*m.verdict) : to_string(*m.verdict))
                          : std::string(sv ? "inget mål" : "no target"))
            << "\n";
        if (m.difference && m.difference_ci)
            out << "    " << (sv ? "skillnad mot jämförelsegrupp " : "difference from comparison ") << shown(*m.difference, scale)
                << " (" << shown(m.difference_ci->low, scale) << " - " << shown(m.difference_ci->high, scale) << ")\n";
        for (const auto& w : m.warnings)
            out << "    " << (sv ? "varning: " : "warning: ") << (sv ? w.message_sv : w.message_en) << "\n";
    }
    if (rec) {
        out << "\n" << (sv ? "Besparingar, prognos mot utfall:\n" : "Savings, forecast against actual:\n");
        for (const auto& s : rec->savings)
            out << "  " << s.year << "  " << pad_to(s.payer, 50) << pad_to(s.forecast ? format_sek(*s.forecast) : "-", 18)
                << pad_to(s.actual ? format_sek(*s.actual) : "-", 18) << (s.difference() ? format_sek(*s.difference()) : "-")
                << "\n";
        out << "\n" << (sv ? "Återföringar per " : "Return transfers as of ") << to_iso(rec->as_of) << ":\n";
        out << "  " << pad_to(sv ? "betalare" : "payer", 50) << pad_to(sv ? "återfört" : "returned", 18)
            << pad_to(sv ? "enl. prognos" : "due, forecast", 18) << pad_to(sv ? "enl. utfall" : "due, actual", 18)
            << (sv ? "justering" : "true-up") << "\n";
        for (const auto& t : rec->transfers)
            out << "  " << pad_to(t.payer, 50) << pad_to(format_sek(t.returned_so_far), 18) << pad_to(format_sek(t.due_forecast), 18)
                << pad_to(format_sek(t.due_actual), 18) << format_sek(t.true_up) << "\n";
        for (const auto& l : rec->true_ups)
            out << "  " << (sv ? "justering " : "true-up ") << l.year << ", " << l.payer << ": " << format_sek(l.amount)
                << (sv ? " (för " : " (for ") << l.saving_year << ")\n";
        out << (sv ? "Återfört hittills " : "Returned so far ") << format_sek(rec->returned_so_far())
            << (sv ? ", att återföra enligt utfallet " : ", due under the actuals ") << format_sek(rec->due())
            << (sv ? ", justering " : ", true-up ") << format_sek(rec->true_up()) << "\n";
        out << (sv ? "Hela planen: " : "Whole schedule: ") << format_sek(rec->forecast_total)
            << (sv ? " enligt prognos, " : " under the forecasts, ") << format_sek(rec->actual_total)
            << (sv ? " enligt utfall\n" : " under the actuals\n");
    }
}

// One application's report; bad input is reported on the error stream and the next file read.
int follow_up_one(const std::string& file, const follow_up_options& options, const streams& io) {
    try {
        const application app = file == "-" ? parse_application(read_stream(io.in), "<stdin>") : load_application(file);
        const follow_up_evaluation r = evaluate_follow_up(app, options.alpha);
        std::optional<reconciliation> rec;
        if (app.return_transfer && app.savings) rec = reconcile(app);
        if (options.format == output_format::json) {
            std::string text;
            io::json_writer w(text);
            write_json(w, r, app.id, rec ? &*rec : nullptr);
            io.out << text << "\n";
        } else {
            write_text(io.out, app, r, rec, options.lang == language::sv);
        }
        return r.all_targets_met() ? exit_pass : exit_fail;
    } catch (const input_error& e) {
        io.err << error_text(e.source().empty() ? e.with_source(file == "-" ? "<stdin>" : file) : e) << "\n";
        return exit_bad_input;
    }
}

int run_follow_up(const follow_up_options& options, const streams& io) {
    int status = exit_pass;
    for (const auto& file : options.files) status = std::max(status, follow_up_one(file, options, io));
    return status;
}

}  // namespace

command follow_up_command(CLI::App& socinv) {
    auto options = std::make_shared<follow_up_options>();
    CLI::App& cmd = *socinv.add_subcommand("follow-up", description);
    cmd.footer(footer);
    cmd.add_option("FILE", options->files, "applications with a `follow_up` section, or - for standard input")->required();
    add_format_option(cmd, options->format, "a report", "one JSON object per application");
    add_lang_option(cmd, options->lang, "the text report");
    cmd.add_option("--alpha", options->alpha, "1 - the confidence level of the intervals (default 0.05)")
        ->check(CLI::Range(1e-6, 0.5));
    return {&cmd, [options](const streams& io) { return run_follow_up(*options, io); }};
}

}  // namespace socinv::cli
