// `socinv rules`: the built-in rule sets, or one rule set (built in or a file) checked and printed as JSON.

#include <memory>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(List the built-in rule sets, or print one (or a rule-set file) as JSON after
checking it.

Without an argument, lists the built-in rule sets. With a name or the path of a
rule-set JSON file (schema/rule-set.schema.json), checks it and prints it as
JSON.)";

constexpr const char* footer = "Exit codes: 0 done; 2 bad input or usage.";

struct rules_options {
    std::optional<std::string> name;
    language lang = language::en;
};

int run_rules(const rules_options& options, const streams& io) {
    const bool sv = options.lang == language::sv;
    if (!options.name) {
        io.out << (sv ? "Inbyggda regelverk (det första används om inget annat anges):\n"
                      : "Built-in rule sets (the first is the default):\n");
        for (const auto& builtin : builtin_rule_set_names()) {
            const rule_set r = builtin_rule_set(builtin);
            io.out << "  " << r.name << " (" << r.version << ")  " << r.title << "\n";
        }
        io.out << (sv ? "Skriv ut ett med `socinv rules NAMN`; pröva en egen fil med `socinv rules SÖKVÄG`.\n"
                      : "Print one with `socinv rules NAME`; check a file of your own with `socinv rules PATH`.\n");
        return exit_pass;
    }
    io.out << to_json(load_rule_set(*options.name)).dump(2) << "\n";
    return exit_pass;
}

}  // namespace

command rules_command(CLI::App& socinv) {
    auto options = std::make_shared<rules_options>();
    CLI::App& cmd = *socinv.add_subcommand("rules", description);
    cmd.footer(footer);
    cmd.add_option_function<std::string>(
        "NAME|PATH", [options](const std::string& n) { options->name = n; },
        "a built-in rule set's name, or a rule-set JSON file");
    add_lang_option(cmd, options->lang, "the list");
    return {&cmd, [options](const streams& io) { return run_rules(*options, io); }};
}

}  // namespace socinv::cli
