// The `socinv` command line: argument parsing, batch assessment on all cores, exit codes.

#include "cli/cli.hpp"
#include "cli/options.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* main_help = R"(socinv 0.1.0 - evaluate municipal social investments

Usage:
  socinv assess FILE... [--rules NAME|PATH] [--format text|json] [--lang en|sv]
                        [--fund-available AMOUNT] [--input-format auto|json|jsonl]
  socinv simulate FILE [--draws N] [--seed S] [--format text|json] [--lang en|sv]
  socinv transfers FILE [--format text|json]
  socinv fund FUND.json [--simulate] [--draws N] [--seed S] [--format text|json]
  socinv rules [NAME|PATH]
  socinv --help | --version

Commands:
  assess   Judge applications against an eligibility rule set and fill in the
           funding-criteria checklist. `socinv assess --help` for details.
  simulate Evaluate an application's cost model (its `economics` section): the
           point estimate, a Monte Carlo run over the uncertain inputs and a
           one-way sensitivity (tornado). `socinv simulate --help` for details.
  transfers  Print an application's return-transfer schedule: budget-frame
           reductions by administration and year (`socinv transfers --help`).
  fund     Print a fund ledger's balances; with --simulate, simulate the fund
           and compare return rules (`socinv fund --help`).
  rules    List the built-in rule sets, or print one (or a rule-set file) as JSON
           after checking it.

Exit codes: 0 every application is eligible and meets every funding criterion
the data or the evaluator has decided; 1 some application does not; 2 bad input
or usage (the error, naming the file, the JSON pointer and the value, goes to
standard error).
)";

constexpr const char* assess_help = R"(Usage: socinv assess FILE... [options]

Assess one or more applications (docs/application-format.md). FILE is a JSON
file with one application, a JSON Lines file (.jsonl or .ndjson: one application
a line), or - for standard input.

Options:
  --rules NAME|PATH        rule set: a built-in name (default orebro-2013) or a
                           rule-set JSON file (schema/rule-set.schema.json)
  --format text|json       text: a report for people (default); json: one JSON
                           object per application, one per line
  --lang en|sv             language of messages and reports (default en)
  --fund-available AMOUNT  what is left in the fund, in SEK; an application that
                           requests more is not eligible
  --input-format auto|json|jsonl
                           how to read the files (default auto: .jsonl/.ndjson
                           are JSON Lines; standard input is JSON Lines when its
                           first line is a whole JSON object and more follow)
  -h, --help               this text

The JSON output has, per application: id, title, rules, eligible, passes,
requested, eligibility (the rule alternatives, each requirement with the
parties counted), findings (code, severity, pointer, value, message,
message_en, message_sv), checklist (criterion, title, advisory, verdict,
decided_by, evidence, statement, comment) and budget_years.

Bad input is reported on standard error as FILE[:LINE]: POINTER: message, and
the other applications are still assessed; the exit code is then 2.

Exit codes: 0 all eligible and no funding criterion not_met; 1 otherwise;
2 bad input or usage.
)";

enum class input_format { automatic, json, jsonl };
enum class output_format { text, json };

struct assess_options {
    std::vector<std::string> files;
    std::string rules = "orebro-2013";
    output_format format = output_format::text;
    language lang = language::en;
    assessment_context context;
    input_format input = input_format::automatic;
};

// One application's output, error and exit status.
struct unit_result {
    std::string output;
    std::string error;
    int status = exit_pass;
};

bool looks_like_json_lines(std::string_view text) {
    const auto lines = io::split_lines(text);
    if (lines.size() < 2) return false;
    try {
        return io::parse_json(lines.front().text).is_object();
    } catch (const input_error&) {
        return false;
    }
}

unit_result assess_unit(const batch_input& input, const rule_set& rules, const assess_options& options) {
    unit_result result;
    try {
        batch_result r = assess_text(input, rules, options.context);
        if (r.error) throw *r.error;
        const assessment& a = *r.assessment;
        if (options.format == output_format::json) {
            io::json_writer writer(result.output);
            write_json(writer, a, options.lang);
            result.output += '\n';
        } else {
            result.output = text_report(a, *r.application, options.lang);
        }
        result.status = a.passes() ? exit_pass : exit_fail;
    } catch (const input_error& e) {
        result.error = error_text(e);
        result.status = exit_bad_input;
    } catch (const std::bad_alloc&) {
        result.error = "socinv: " + input.source + ": out of memory reading the application";
        result.status = exit_bad_input;
    }
    return result;
}

// Assesses the inputs in blocks, each block spread over the cores (formatting included),
// writing results in input order so that memory stays bounded for large batches.
int assess_all(const std::vector<batch_input>& inputs, const rule_set& rules, const assess_options& options,
               std::ostream& out, std::ostream& err) {
    constexpr std::size_t block = 4096;
    int status = exit_pass;
    std::vector<unit_result> results;
    bool first_text = true;
    for (std::size_t begin = 0; begin < inputs.size(); begin += block) {
        const std::size_t end = std::min(inputs.size(), begin + block);
        results.assign(end - begin, {});
        detail::parallel_for(end - begin, [&](std::size_t i) { results[i] = assess_unit(inputs[begin + i], rules, options); });
        for (const auto& r : results) {
            if (!r.error.empty()) err << r.error << "\n";
            if (!r.output.empty()) {
                if (options.format == output_format::text && !first_text) out << std::string(72, '=') << "\n";
                first_text = false;
                out << r.output;
            }
            status = std::max(status, r.status);
        }
    }
    return status;
}

int run_assess(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    assess_options options;
    bool only_files = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
            options.files.push_back(arg);
        } else if (arg == "--") {
            only_files = true;
        } else if (arg == "-h" || arg == "--help") {
            out << assess_help;
            return exit_pass;
        } else if (is_option(arg, "--rules")) {
            options.rules = option_value(args, i, "--rules");
        } else if (is_option(arg, "--format")) {
            options.format = choice(args, i, "--format", {"text", "json"}) == "json" ? output_format::json : output_format::text;
        } else if (is_option(arg, "--lang")) {
            options.lang = choice(args, i, "--lang", {"en", "sv"}) == "sv" ? language::sv : language::en;
        } else if (is_option(arg, "--fund-available")) {
            const std::string v = option_value(args, i, "--fund-available");
            try {
                options.context.fund_available = parse_sek(v);
            } catch (const input_error& e) {
                throw usage_error("--fund-available: " + e.message());
            }
            if (options.context.fund_available->is_negative())
                throw usage_error("--fund-available must not be negative, not \"" + v + "\"");
        } else if (is_option(arg, "--input-format")) {
            const std::string v = choice(args, i, "--input-format", {"auto", "json", "jsonl"});
            options.input = v == "auto" ? input_format::automatic : v == "json" ? input_format::json : input_format::jsonl;
        } else {
            throw usage_error("unknown option " + arg + " (see socinv assess --help)");
        }
    }
    if (options.files.empty()) throw usage_error("assess needs at least one FILE (or - for standard input)");

    rule_set rules;
    try {
        rules = load_rule_set(options.rules);
    } catch (const input_error& e) {
        err << error_text(e) << "\n";
        return exit_bad_input;
    }

    // Read every input first; the texts stay alive while the units point into them.
    std::vector<std::string> texts;
    texts.reserve(options.files.size());
    std::vector<batch_input> units;
    int status = exit_pass;
    bool stdin_used = false;
    for (const auto& file : options.files) {
        const bool from_stdin = file == "-";
        std::string source = from_stdin ? "<stdin>" : file;
        try {
            if (from_stdin) {
                if (stdin_used) throw input_error("", "\"-\"", "standard input is named twice").with_source(source);
                stdin_used = true;
                texts.push_back(read_stream(std::cin));
            } else {
                texts.push_back(io::read_file(file));
            }
        } catch (const input_error& e) {
            err << error_text(e) << "\n";
            status = exit_bad_input;
            continue;
        }
        const std::string& text = texts.back();
        const bool lines = options.input == input_format::jsonl ||
                           (options.input == input_format::automatic &&
                            (io::is_json_lines_path(file) || (from_stdin && looks_like_json_lines(text))));
        if (lines) {
            for (auto& input : json_lines_inputs(text, source)) units.push_back(std::move(input));
        } else {
            units.push_back({source, text});
        }
    }
    return std::max(status, assess_all(units, rules, options, out, err));
}

constexpr const char* simulate_help = R"(Usage: socinv simulate FILE [options]

Evaluate the cost model in an application's `economics` section
(docs/economics.md): present values of costs and savings, NPV, benefit-cost and
SROI ratios, payback year and break-even; then a Monte Carlo run over every
input given as a distribution, and a tornado of one-way sensitivities (each
input at its 10th and 90th percentile, the others at their means).

Options:
  --draws N            Monte Carlo draws (default 10000)
  --seed S             seed; the same seed gives the same draws on any number
                       of cores (default 1)
  --format text|json   text report (default) or one JSON object
  --lang en|sv         language of the text report (default en)
  -h, --help           this text

Exit codes: 0 done; 2 bad input or usage (an application without `economics`
is bad input here).
)";


int run_simulate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    simulation_options sim;
    bool json_output = false;
    language lang = language::en;
    auto to_count = [](const std::string& name, const std::string& v) -> std::uint64_t {
        std::uint64_t n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size())
            throw usage_error(name + " must be a whole number, not \"" + v + "\"");
        return n;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            out << simulate_help;
            return exit_pass;
        } else if (is_option(arg, "--draws")) {
            sim.draws = to_count("--draws", option_value(args, i, "--draws"));
            if (sim.draws == 0 || sim.draws > 100'000'000) throw usage_error("--draws must be between 1 and 100000000");
        } else if (is_option(arg, "--seed")) {
            sim.seed = to_count("--seed", option_value(args, i, "--seed"));
        } else if (is_option(arg, "--format")) {
            json_output = choice(args, i, "--format", {"text", "json"}) == "json";
        } else if (is_option(arg, "--lang")) {
            lang = choice(args, i, "--lang", {"en", "sv"}) == "sv" ? language::sv : language::en;
        } else if (arg.size() > 1 && arg[0] == '-') {
            throw usage_error("unknown option " + arg + " (see socinv simulate --help)");
        } else {
            files.push_back(arg);
        }
    }
    if (files.size() != 1) throw usage_error("simulate needs exactly one FILE");
    try {
        const application app = files[0] == "-" ? parse_application(read_stream(std::cin), "<stdin>")
                                                : load_application(files[0]);
        if (!app.economics)
            throw input_error("/economics", "", "the application has no cost model (an \"economics\" section)")
                .with_source(files[0]);
        const cost_model model = cost_model_from(app);
        const economic_result point = evaluate(model);
        const simulation_result mc = simulate(model, sim);
        const auto bars = tornado(model);
        if (json_output) {
            out << io::json{{"id", app.id}, {"point_estimate", to_json(point)}, {"simulation", to_json(mc)},
                            {"tornado", to_json(bars)}}
                       .dump()
                << "\n";
            return exit_pass;
        }
        const bool sv = lang == language::sv;
        out << app.title << " (" << app.id << ")\n\n" << economics_summary(point, lang) << "\n";
        out << (sv ? "Monte Carlo: " : "Monte Carlo: ") << mc.draws << (sv ? " dragningar, frö " : " draws, seed ") << mc.seed << "\n";
        out << "  " << (sv ? "medelvärde NNV " : "mean NPV       ") << format_msek(mc.mean_npv) << "\n";
        out << "  " << "P10 / P50 / P90 " << format_msek(mc.npv_percentile(0.1)) << " / "
            << format_msek(mc.npv_percentile(0.5)) << " / " << format_msek(mc.npv_percentile(0.9)) << "\n";
        out << "  " << (sv ? "sannolikhet att nå nollpunkten " : "probability of breaking even ")
            << format_percent(mc.probability_break_even) << "\n\n";
        out << (sv ? "Känslighet (P10 och P90 för varje osäker indata):\n" : "Sensitivity (each uncertain input at P10 and P90):\n");
        for (const auto& b : bars)
            out << "  " << pad_to(b.input, 44) << format_msek(b.npv_at_low) << "  ..  " << format_msek(b.npv_at_high) << "\n";
        if (bars.empty()) out << (sv ? "  (inga osäkra indata)\n" : "  (no uncertain inputs)\n");
        return exit_pass;
    } catch (const input_error& e) {
        err << error_text(e) << "\n";
        return exit_bad_input;
    }
}

int run_rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        out << "Built-in rule sets (the first is the default):\n";
        for (const auto& name : builtin_rule_set_names()) {
            const rule_set r = builtin_rule_set(name);
            out << "  " << r.name << " (" << r.version << ")  " << r.title << "\n";
        }
        out << "Print one with `socinv rules NAME`; check a file of your own with `socinv rules PATH`.\n";
        return exit_pass;
    }
    if (args[0] == "-h" || args[0] == "--help") {
        out << "Usage: socinv rules [NAME|PATH]\n\nWithout an argument, lists the built-in rule sets. With a name or "
               "the path of a rule-set JSON file, checks it and prints it as JSON.\n";
        return exit_pass;
    }
    if (args.size() > 1) throw usage_error("rules takes at most one NAME or PATH");
    try {
        out << to_json(load_rule_set(args[0])).dump(2) << "\n";
        return exit_pass;
    } catch (const input_error& e) {
        err << error_text(e) << "\n";
        return exit_bad_input;
    }
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        if (args.empty()) {
            err << main_help;
            return exit_bad_input;
        }
        const std::string& command = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (command == "-h" || command == "--help" || command == "help") {
            out << main_help;
            return exit_pass;
        }
        if (command == "--version") {
            out << "socinv " << SOCINV_VERSION_MAJOR << "." << SOCINV_VERSION_MINOR << "." << SOCINV_VERSION_PATCH << "\n";
            return exit_pass;
        }
        if (command == "assess") return run_assess(rest, out, err);
        if (command == "rules") return run_rules(rest, out, err);
        if (command == "simulate") return run_simulate(rest, out, err);
        if (command == "transfers") return run_transfers(rest, out, err);
        if (command == "fund") return run_fund(rest, out, err);
        throw usage_error("unknown command \"" + command + "\" (see socinv --help)");
    } catch (const usage_error& e) {
        err << "socinv: " << e.what() << "\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        err << "socinv: internal error: " << e.what() << "\n";
        return exit_bad_input;
    }
}

}  // namespace socinv::cli
