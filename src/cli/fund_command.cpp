// `socinv fund`: a fund ledger's balances and grants; with --simulate, the fund simulated under return rules.

#include <memory>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/socinv.hpp"
#include "socinv/store/ledger_store.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(Print a fund ledger's balances; with --simulate, simulate the fund and compare
return rules.

Print the fund ledger's balances (capital, committed, paid, returned, written
off, cash, available) and each grant. The ledger is checked entry by entry on
load: entries that do not balance, returns for applications never granted,
duplicate ids and entries out of date order are refused with the entry's
pointer.

With --simulate, simulate the fund year by year over its portfolio (Monte
Carlo over each investment's cost model) and compare return rules on the same
draws: the agreements' own terms, 100 % of the saving, 50 %, capped at the
investment, and no return at all.)";

constexpr const char* footer = "Exit codes: 0 done; 2 bad input or usage.";

struct fund_options {
    std::string file;
    bool simulate = false;
    std::optional<std::size_t> draws;
    std::optional<std::uint64_t> seed;
    output_format format = output_format::text;
    language lang = language::en;
};

// A return rule named in a report (the rule's name is its stable id in JSON).
std::string rule_label(const std::string& rule, language lang) {
    if (lang == language::en) return rule;
    if (rule == "agreement") return "enligt överenskommelserna";
    if (rule == "capped at investment") return "högst insatsen";
    if (rule == "no return") return "ingen återföring";
    return rule;  // "100 %", "50 %"
}

void write_simulation(std::ostream& out, const fund_file& fund, const fund_simulation_result& sim, language lang) {
    const bool sv = lang == language::sv;
    const auto msek = [&](double x) { return format_msek(x, lang); };
    const auto percent = [&](double x) { return format_percent(x, lang); };
    out << (sv ? "\nSimulering: " : "\nSimulation: ")
        << (sv ? counted(static_cast<long long>(sim.draws), "dragning", "dragningar")
               : counted(static_cast<long long>(sim.draws), "draw", "draws"))
        << (sv ? ", frö " : ", seed ") << sim.seed << ", "
        << (sv ? counted(fund.simulation.horizon_years, "år", "år") : counted(fund.simulation.horizon_years, "year", "years"))
        << (sv ? " från " : " from ") << fund.simulation.start_year
        << (sv ? ", inga nya beviljanden möjliga under " : ", no new grant possible below ") << msek(sim.min_grant) << "\n";
    out << "  " << column(sv ? "återföringsregel" : "return rule", 26) << column(sv ? "återfört, medel" : "mean returns", 22)
        << column(sv ? "slutsaldo" : "end balance", 22) << column(sv ? "P(slut)" : "P(exhausted)", 14)
        << (sv ? "P(återbetald) per investering\n" : "P(paid back) per investment\n");
    for (const auto& o : sim.outcomes) {
        out << "  " << column(rule_label(o.rule, lang), 26) << column(msek(o.mean_total_returns), 22)
            << column(msek(o.mean_end_balance), 22) << column(percent(o.probability_exhausted), 14);
        for (std::size_t i = 0; i < sim.investments.size(); ++i)
            out << (i ? ", " : "") << sim.investments[i] << " " << percent(o.probability_paid_back[i]);
        out << "\n";
    }
    const auto& agreed = sim.outcomes.front();
    out << (sv ? "\nFondens saldo enligt överenskommelserna (P5 / P50 / P95):\n"
               : "\nFund balance under the agreements (P5 / P50 / P95):\n");
    for (std::size_t t = 0; t < agreed.years.size(); ++t)
        out << "  " << agreed.years[t] << "  " << column(msek(agreed.balance_percentiles.at(5)[t]), 22)
            << column(msek(agreed.balance_percentiles.at(50)[t]), 22) << msek(agreed.balance_percentiles.at(95)[t]) << "\n";
    out << (sv ? "\nFörväntade ramsänkningar enligt överenskommelserna:\n"
               : "\nExpected budget-frame reductions under the agreements:\n");
    for (const auto& [payer, total] : agreed.expected_reductions) out << "  " << column(payer, 52) << msek(total) << "\n";
}

int run_fund(const fund_options& options, const streams& io) {
    fund_file fund = load_fund(options.file, {}, store::read_ledger_database);
    if (options.draws) fund.simulation.draws = *options.draws;
    if (options.seed) fund.simulation.seed = *options.seed;
    const fund_balances b = fund.ledger.balances();
    std::optional<fund_simulation_result> sim;
    if (options.simulate) sim = simulate_fund(portfolio_of(fund), fund.simulation);
    std::ostream& out = io.out;
    if (options.format == output_format::json) {
        std::string text;
        io::json_writer w(text);
        w.begin_object().key("balances");
        write_json(w, b);
        w.member("entries", fund.ledger.entries().size()).member("fund", fund.ledger.fund()).key("grants");
        write_json(w, fund.ledger.grants());
        if (sim) {
            w.key("simulation");
            write_json(w, *sim);
        }
        w.end_object();
        out << text << "\n";
        return exit_pass;
    }
    out << ledger_text(fund.ledger, std::nullopt, 0, options.lang);
    if (sim) write_simulation(out, fund, *sim, options.lang);
    return exit_pass;
}

}  // namespace

command fund_command(CLI::App& socinv) {
    auto options = std::make_shared<fund_options>();
    CLI::App& cmd = *socinv.add_subcommand("fund", description);
    cmd.footer(footer);
    cmd.add_option("FUND.json", options->file, "a fund file: its ledger, portfolio and simulation settings")
        ->required();
    cmd.add_flag("--simulate", options->simulate, "simulate the fund and compare return rules");
    add_draws_option(cmd, options->draws, max_fund_simulation_draws, "the fund file's simulation.draws, else " +
                                                                        std::to_string(fund_simulation_options{}.draws));
    add_seed_option(cmd, options->seed, "the fund file's simulation.seed, else " +
                                            std::to_string(fund_simulation_options{}.seed));
    add_format_option(cmd, options->format, "a report", "one JSON object");
    add_lang_option(cmd, options->lang, "the report");
    return {&cmd, [options](const streams& io) { return run_fund(*options, io); }};
}

}  // namespace socinv::cli
