// `socinv transfers`: an application's return-transfer schedule by administration and year.

#include <memory>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(Print an application's return-transfer schedule: budget-frame reductions by
administration and year.

The budget-frame reductions (återföring) by paying administration and budget
year come from the application's `return_transfer` agreement and its `savings`
(actual savings replace forecasts; without `savings`, forecasts come from the
cost model in `economics`). Amounts are exact to the öre: no reduction exceeds
share × saving, the total never exceeds the cap, and splits and caps distribute
remainders. Years already booked (`return_transfer.booked`) keep their booked
amount and are trued up.)";

constexpr const char* footer = R"(JSON output: {"schedule": [{"payer", "year", "amount", "kind", "saving_year",
"basis"}, ...], "total", "by_payer", "cap", "capped", "uncapped_total"}.

Exit codes: 0 done; 2 bad input or usage.)";

struct transfers_options {
    std::string file;
    output_format format = output_format::text;
    language lang = language::en;
};

int run_transfers(const transfers_options& options, const streams& io) {
    const application app =
        options.file == "-" ? parse_application(read_stream(io.in), "<stdin>") : load_application(options.file);
    transfer_schedule schedule;
    try {
        schedule = schedule_from(app);
    } catch (const input_error& e) {
        throw e.with_source(options.file);
    }
    std::ostream& out = io.out;
    if (options.format == output_format::json) {
        out << io::json_text(schedule) << "\n";
        return exit_pass;
    }
    const auto agreement = agreement_from(app);
    const language lang = options.lang;
    const bool sv = lang == language::sv;
    const auto sek = [&](money m) { return format_sek(m, lang); };
    // The amount column is as wide as the widest amount, so that no amount runs into its kind.
    std::size_t amount_width = 12;
    for (const auto& l : schedule.lines) amount_width = std::max(amount_width, sek(l.amount).size() + 2);
    out << (sv ? "Återföring: " : "Return transfers: ") << app.title << " (" << app.id << ")\n";
    out << (sv ? "Andel " : "Share ") << format_percent(static_cast<double>(agreement.share_ppm) / ppm_one, lang)
        << (sv ? ", tak " : ", cap ") << (schedule.cap ? sek(*schedule.cap) : std::string(sv ? "inget" : "none"))
        << (sv ? ", år " : ", years ") << agreement.first_year << "–" << agreement.last_year << (sv ? ", eftersläpning " : ", lag ")
        << (sv ? counted(agreement.lag_years, "år", "år") : counted(agreement.lag_years, "year", "years"))
        << (sv ? ", minsta belopp " : ", minimum ") << sek(agreement.minimum) << "\n\n";
    out << pad_to(sv ? "år" : "year", 6) << pad_to(sv ? "betalare" : "payer", 52) << pad_to(sv ? "belopp" : "amount", amount_width)
        << pad_to(sv ? "slag" : "kind", 13) << pad_to(sv ? "från" : "from", 6) << (sv ? "underlag" : "basis") << "\n";
    for (const auto& l : schedule.lines)
        out << pad_to(std::to_string(l.year), 6) << column(l.payer, 52) << pad_to(sek(l.amount), amount_width)
            << pad_to(std::string(kind_name(l.kind, lang)), 13) << pad_to(std::to_string(l.saving_year), 6)
            << basis_name(l.basis, lang) << "\n";
    out << (sv ? "\nSumma " : "\nTotal ") << sek(schedule.total);
    if (schedule.capped)
        out << (sv ? " (begränsad av taket; andel × besparing skulle ge " : " (capped; share × saving would give ")
            << sek(schedule.uncapped_total) << ")";
    out << "\n";
    return exit_pass;
}

}  // namespace

command transfers_command(CLI::App& socinv) {
    auto options = std::make_shared<transfers_options>();
    CLI::App& cmd = *socinv.add_subcommand("transfers", description);
    cmd.footer(footer);
    cmd.add_option("FILE", options->file, "an application with a `return_transfer` agreement, or - for standard input")
        ->required();
    add_format_option(cmd, options->format, "a table", "one JSON object");
    add_lang_option(cmd, options->lang, "the table");
    return {&cmd, [options](const streams& io) { return run_transfers(*options, io); }};
}

}  // namespace socinv::cli
