// `socinv transfers` and `socinv fund`: return-transfer schedules, the fund ledger, fund simulations.

#include <charconv>
#include <cstdio>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* transfers_help = R"(Usage: socinv transfers FILE [--format text|json]

Print an application's return-transfer schedule: the budget-frame reductions
(återföring) by paying administration and budget year, from its
`return_transfer` agreement and its `savings` (actual savings replace forecasts;
without `savings`, forecasts come from the cost model in `economics`). Amounts
are exact to the öre: no reduction exceeds share × saving, the total never
exceeds the cap, and splits and caps distribute remainders. Years already
booked (`return_transfer.booked`) keep their booked amount and are trued up.

JSON output: {"schedule": [{"payer", "year", "amount", "kind", "saving_year",
"basis"}, ...], "total", "by_payer", "cap", "capped", "uncapped_total"}.

Exit codes: 0 done; 2 bad input or usage.
)";

constexpr const char* fund_help = R"(Usage: socinv fund FUND.json [--simulate] [--draws N] [--seed S] [--format text|json]

Print the fund ledger's balances (capital, committed, paid, returned, written
off, cash, available) and each grant. The ledger is checked entry by entry on
load: entries that do not balance, returns for applications never granted,
duplicate ids and entries out of date order are refused with the entry's
pointer.

With --simulate, simulate the fund year by year over its portfolio (Monte
Carlo over each investment's cost model) and compare return rules on the same
draws: the agreements' own terms, 100 % of the saving, 50 %, capped at the
investment, and no return at all.

Exit codes: 0 done; 2 bad input or usage.
)";

}  // namespace

int run_transfers(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    bool json_output = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            out << transfers_help;
            return exit_pass;
        } else if (is_option(args[i], "--format")) {
            json_output = choice(args, i, "--format", {"text", "json"}) == "json";
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            throw usage_error("unknown option " + args[i] + " (see socinv transfers --help)");
        } else {
            files.push_back(args[i]);
        }
    }
    if (files.size() != 1) throw usage_error("transfers needs exactly one FILE");
    try {
        const application app = files[0] == "-" ? parse_application(read_stream(std::cin), "<stdin>") : load_application(files[0]);
        transfer_schedule schedule;
        try {
            schedule = schedule_from(app);
        } catch (const input_error& e) {
            throw e.with_source(files[0]);
        }
        if (json_output) {
            out << to_json(schedule).dump() << "\n";
            return exit_pass;
        }
        const auto agreement = agreement_from(app);
        out << "Return transfers: " << app.title << " (" << app.id << ")\n";
        out << "Share " << format_percent(static_cast<double>(agreement.share_ppm) / ppm_one) << ", cap "
            << (schedule.cap ? format_sek(*schedule.cap) : std::string("none")) << ", years " << agreement.first_year << "-"
            << agreement.last_year << ", lag " << agreement.lag_years << " year(s), minimum " << format_sek(agreement.minimum)
            << "\n\n";
        out << pad_to("year", 6) << pad_to("payer", 52) << pad_to("amount", 18) << pad_to("kind", 11) << pad_to("from", 6) << "basis\n";
        for (const auto& l : schedule.lines)
            out << pad_to(std::to_string(l.year), 6) << pad_to(l.payer, 52) << pad_to(format_sek(l.amount), 18)
                << pad_to(std::string(to_string(l.kind)), 11) << pad_to(std::to_string(l.saving_year), 6) << to_string(l.basis)
                << "\n";
        out << "\nTotal " << format_sek(schedule.total);
        if (schedule.capped) out << " (capped; share × saving would give " << format_sek(schedule.uncapped_total) << ")";
        out << "\n";
        return exit_pass;
    } catch (const input_error& e) {
        err << error_text(e) << "\n";
        return exit_bad_input;
    }
}

int run_fund(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    bool json_output = false, simulate = false;
    std::optional<std::size_t> draws;
    std::optional<std::uint64_t> seed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            out << fund_help;
            return exit_pass;
        } else if (args[i] == "--simulate") {
            simulate = true;
        } else if (is_option(args[i], "--format")) {
            json_output = choice(args, i, "--format", {"text", "json"}) == "json";
        } else if (is_option(args[i], "--draws") || is_option(args[i], "--seed")) {
            const std::string name = args[i].substr(0, args[i].find('='));
            const std::string v = option_value(args, i, name);
            std::uint64_t n = 0;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc() || end != v.data() + v.size()) throw usage_error(name + " must be a whole number, not \"" + v + "\"");
            if (name == "--draws") {
                if (n == 0 || n > 10'000'000) throw usage_error("--draws must be between 1 and 10000000");
                draws = n;
            } else {
                seed = n;
            }
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            throw usage_error("unknown option " + args[i] + " (see socinv fund --help)");
        } else {
            files.push_back(args[i]);
        }
    }
    if (files.size() != 1) throw usage_error("fund needs exactly one FUND.json");
    try {
        fund_file fund = load_fund(files[0]);
        if (draws) fund.simulation.draws = *draws;
        if (seed) fund.simulation.seed = *seed;
        const fund_balances b = fund.ledger.balances();
        std::optional<fund_simulation_result> sim;
        if (simulate) sim = simulate_fund(portfolio_of(fund), fund.simulation);
        if (json_output) {
            io::json grants = io::json::object();
            for (const auto& [id, g] : fund.ledger.grants())
                grants[id] = {{"granted", format_decimal(g.granted)}, {"paid", format_decimal(g.paid)},
                              {"returned", format_decimal(g.returned)}, {"written_off", format_decimal(g.written_off)},
                              {"outstanding", format_decimal(g.outstanding())}, {"closed", g.closed}};
            io::json j = {{"fund", fund.ledger.fund()}, {"entries", fund.ledger.entries().size()}, {"balances", to_json(b)},
                          {"grants", grants}};
            if (sim) j["simulation"] = to_json(*sim);
            out << j.dump() << "\n";
            return exit_pass;
        }
        out << "Fund: " << fund.ledger.fund() << "\n";
        out << "Ledger: " << fund.ledger.entries().size() << " entries";
        if (!fund.ledger.entries().empty()) out << ", the last on " << to_iso(fund.ledger.entries().back().on);
        out << "\n\n";
        for (const auto& [name, amount] : std::vector<std::pair<const char*, money>>{
                 {"Capital and top-ups", b.capital}, {"Committed (granted, unpaid)", b.committed}, {"Paid", b.paid},
                 {"Returned", b.returned}, {"Written off", b.written_off}, {"Cash", b.cash}, {"Available for grants", b.available}})
            out << "  " << pad_to(name, 30) << format_sek(amount) << "\n";
        out << "\nGrants:\n";
        for (const auto& [id, g] : fund.ledger.grants())
            out << "  " << pad_to(id, 36) << "granted " << format_sek(g.granted) << ", paid " << format_sek(g.paid)
                << ", returned " << format_sek(g.returned) << (g.closed ? ", written off" : "") << "\n";
        if (sim) {
            out << "\nSimulation: " << sim->draws << " draws, seed " << sim->seed << ", " << fund.simulation.horizon_years
                << " years from " << fund.simulation.start_year << ", no new grant possible below " << format_msek(sim->min_grant)
                << "\n";
            out << "  " << pad_to("return rule", 24) << pad_to("mean returns", 15) << pad_to("end balance", 15) << pad_to("P(exhausted)", 14)
                << "P(paid back) per investment\n";
            for (const auto& o : sim->outcomes) {
                out << "  " << pad_to(o.rule, 24) << pad_to(format_msek(o.mean_total_returns), 15) << pad_to(format_msek(o.mean_end_balance), 15)
                    << pad_to(format_percent(o.probability_exhausted), 14);
                for (std::size_t i = 0; i < sim->investments.size(); ++i)
                    out << (i ? ", " : "") << sim->investments[i] << " " << format_percent(o.probability_paid_back[i]);
                out << "\n";
            }
            const auto& agreed = sim->outcomes.front();
            out << "\nFund balance under the agreements (P5 / P50 / P95):\n";
            for (std::size_t t = 0; t < agreed.years.size(); ++t)
                out << "  " << agreed.years[t] << "  " << pad_to(format_msek(agreed.balance_percentiles.at(5)[t]), 14)
                    << pad_to(format_msek(agreed.balance_percentiles.at(50)[t]), 14) << format_msek(agreed.balance_percentiles.at(95)[t]) << "\n";
            out << "\nExpected budget-frame reductions under the agreements:\n";
            for (const auto& [payer, total] : agreed.expected_reductions) out << "  " << pad_to(payer, 52) << format_msek(total) << "\n";
        }
        return exit_pass;
    } catch (const input_error& e) {
        err << error_text(e) << "\n";
        return exit_bad_input;
    }
}

}  // namespace socinv::cli
