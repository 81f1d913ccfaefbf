// `socinv assess`: applications judged against a rule set, in blocks spread over all cores.

#include <algorithm>
#include <memory>
#include <new>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(Judge applications against an eligibility rule set and fill in the
funding-criteria checklist.

Assess one or more applications (docs/application-format.md). FILE is a JSON
file with one application, a JSON Lines file (.jsonl or .ndjson: one application
a line), or - for standard input.)";

constexpr const char* footer = R"(The JSON output has, per application: id, title, rules, eligible, passes,
requested, eligibility (the rule alternatives, each requirement with the
parties counted), findings (code, severity, pointer, value, message,
message_en, message_sv), checklist (criterion, title, advisory, verdict,
decided_by, evidence, statement, comment) and budget_years.

Bad input is reported on standard error as FILE[:LINE]: POINTER: message, and
the other applications are still assessed; the exit code is then 2.

Exit codes: 0 all eligible and no funding criterion not_met; 1 otherwise;
2 bad input or usage.)";

enum class input_format { automatic, json, jsonl };

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
        return io::thread_parser().parse(lines.front().text).type() == io::element_type::OBJECT;
    } catch (const input_error&) {
        return false;
    }
}

// One application; its bad input is reported with it, so that the rest of the batch goes on.
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
               const streams& io) {
    constexpr std::size_t block = 4096;
    int status = exit_pass;
    std::vector<unit_result> results;
    bool first_text = true;
    for (std::size_t begin = 0; begin < inputs.size(); begin += block) {
        const std::size_t end = std::min(inputs.size(), begin + block);
        results.assign(end - begin, {});
        detail::parallel_for(end - begin, [&](std::size_t i) { results[i] = assess_unit(inputs[begin + i], rules, options); });
        for (const auto& r : results) {
            if (!r.error.empty()) io.err << r.error << "\n";
            if (!r.output.empty()) {
                if (options.format == output_format::text && !first_text) io.out << std::string(72, '=') << "\n";
                first_text = false;
                io.out << r.output;
            }
            status = std::max(status, r.status);
        }
    }
    return status;
}

int run_assess(const assess_options& options, const streams& io) {
    const rule_set rules = load_rule_set(options.rules);

    // Read every input first; the texts stay alive while the units point into them. A file that
    // cannot be read is reported and the others are still assessed.
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
                texts.push_back(read_stream(io.in));
            } else {
                texts.push_back(io::read_file(file));
            }
        } catch (const input_error& e) {
            io.err << error_text(e) << "\n";
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
    return std::max(status, assess_all(units, rules, options, io));
}

// `--fund-available AMOUNT`: an amount in SEK, not negative.
std::string check_fund_available(const std::string& text) {
    try {
        if (parse_sek(text).is_negative()) return "must not be negative, not \"" + text + "\"";
    } catch (const input_error& e) {
        return e.message();
    }
    return {};
}

}  // namespace

command assess_command(CLI::App& socinv) {
    auto options = std::make_shared<assess_options>();
    CLI::App& cmd = *socinv.add_subcommand("assess", description);
    cmd.footer(footer);
    cmd.add_option("FILE", options->files, "JSON or JSON Lines files with applications, or - for standard input")
        ->required();
    cmd.add_option("--rules", options->rules,
                   "rule set: a built-in name (default orebro-2013) or a rule-set JSON file "
                   "(schema/rule-set.schema.json)")
        ->type_name("NAME|PATH");
    add_format_option(cmd, options->format, "a report for people", "one JSON object per application, one per line");
    add_lang_option(cmd, options->lang, "messages and reports");
    cmd.add_option_function<std::string>(
           "--fund-available", [options](const std::string& v) { options->context.fund_available = parse_sek(v); },
           "what is left in the fund, in SEK; an application that requests more is not eligible")
        ->check(check_fund_available)
        ->type_name("AMOUNT");
    cmd.add_option("--input-format", options->input,
                   "how to read the files (default auto: .jsonl/.ndjson are JSON Lines; standard input is JSON "
                   "Lines when its first line is a whole JSON object and more follow)")
        ->transform(one_of<input_format>(
            {{"auto", input_format::automatic}, {"json", input_format::json}, {"jsonl", input_format::jsonl}}))
        ->type_name("auto|json|jsonl");
    return {&cmd, [options](const streams& io) { return run_assess(*options, io); }};
}

}  // namespace socinv::cli
