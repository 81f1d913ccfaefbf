// `socinv simulate`: an application's cost model as a point estimate, a Monte Carlo run and a tornado.

#include <memory>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(Evaluate an application's cost model (its `economics` section): the point
estimate, a Monte Carlo run over the uncertain inputs and a one-way
sensitivity (tornado).

Evaluate the cost model in an application's `economics` section
(docs/economics.md): present values of costs and savings, NPV, benefit-cost and
SROI ratios, payback year and break-even; then a Monte Carlo run over every
input given as a distribution, and a tornado of one-way sensitivities (each
input at its 10th and 90th percentile, the others at their means).)";

constexpr const char* footer = R"(Exit codes: 0 done; 2 bad input or usage (an application without `economics`
is bad input here).)";

struct simulate_options {
    std::string file;
    std::optional<std::size_t> draws;
    std::optional<std::uint64_t> seed;
    output_format format = output_format::text;
    language lang = language::en;
};

int run_simulate(const simulate_options& options, const streams& io) {
    simulation_options sim;
    if (options.draws) sim.draws = *options.draws;
    if (options.seed) sim.seed = *options.seed;
    const application app =
        options.file == "-" ? parse_application(read_stream(io.in), "<stdin>") : load_application(options.file);
    if (!app.economics)
        throw input_error("/economics", "", "the application has no cost model (an \"economics\" section)")
            .with_source(options.file);
    const cost_model model = cost_model_from(app);
    const economic_result point = evaluate(model);
    const simulation_result mc = simulate(model, sim);
    const auto bars = tornado(model);
    std::ostream& out = io.out;
    if (options.format == output_format::json) {
        std::string text;
        io::json_writer w(text);
        w.begin_object().member("id", app.id).key("point_estimate");
        write_json(w, point);
        w.key("simulation");
        write_json(w, mc);
        w.key("tornado");
        write_json(w, bars);
        w.end_object();
        out << text << "\n";
        return exit_pass;
    }
    const language lang = options.lang;
    const bool sv = lang == language::sv;
    out << app.title << " (" << app.id << ")\n\n" << economics_summary(point, lang) << "\n";
    const auto msek = [&](double x) { return format_msek(x, lang); };
    out << "Monte Carlo: " << (sv ? counted(static_cast<long long>(mc.draws), "dragning", "dragningar")
                                  : counted(static_cast<long long>(mc.draws), "draw", "draws"))
        << (sv ? ", frö " : ", seed ") << mc.seed << "\n";
    out << "  " << column(sv ? "medelvärde, nettonuvärde" : "mean NPV", 32) << msek(mc.mean_npv) << "\n";
    out << "  " << column("P10 / P50 / P90", 32) << msek(mc.npv_percentile(0.1)) << " / " << msek(mc.npv_percentile(0.5))
        << " / " << msek(mc.npv_percentile(0.9)) << "\n";
    out << "  " << column(sv ? "sannolikhet att nå nollpunkten" : "probability of breaking even", 32)
        << format_percent(mc.probability_break_even, lang) << "\n\n";
    out << (sv ? "Känslighet (P10 och P90 för varje osäker indata):\n" : "Sensitivity (each uncertain input at P10 and P90):\n");
    for (const auto& b : bars)
        out << "  " << column(input_label(b.input, lang), 44) << msek(b.npv_at_low) << "  ..  " << msek(b.npv_at_high) << "\n";
    if (bars.empty()) out << (sv ? "  (inga osäkra indata)\n" : "  (no uncertain inputs)\n");
    return exit_pass;
}

}  // namespace

command simulate_command(CLI::App& socinv) {
    auto options = std::make_shared<simulate_options>();
    CLI::App& cmd = *socinv.add_subcommand("simulate", description);
    cmd.footer(footer);
    cmd.add_option("FILE", options->file, "an application with an `economics` section, or - for standard input")
        ->required();
    const simulation_options defaults;
    add_draws_option(cmd, options->draws, max_simulation_draws, std::to_string(defaults.draws));
    add_seed_option(cmd, options->seed, std::to_string(defaults.seed));
    add_format_option(cmd, options->format, "a report", "one JSON object");
    add_lang_option(cmd, options->lang, "the text report");
    return {&cmd, [options](const streams& io) { return run_simulate(*options, io); }};
}

}  // namespace socinv::cli
