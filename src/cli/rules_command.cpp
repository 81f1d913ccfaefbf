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

int run_rules(const std::optional<std::string>& name, const streams& io) {
    if (!name) {
        io.out << "Built-in rule sets (the first is the default):\n";
        for (const auto& builtin : builtin_rule_set_names()) {
            const rule_set r = builtin_rule_set(builtin);
            io.out << "  " << r.name << " (" << r.version << ")  " << r.title << "\n";
        }
        io.out << "Print one with `socinv rules NAME`; check a file of your own with `socinv rules PATH`.\n";
        return exit_pass;
    }
    io.out << to_json(load_rule_set(*name)).dump(2) << "\n";
    return exit_pass;
}

}  // namespace

command rules_command(CLI::App& socinv) {
    auto name = std::make_shared<std::optional<std::string>>();
    CLI::App& cmd = *socinv.add_subcommand("rules", description);
    cmd.footer(footer);
    cmd.add_option_function<std::string>(
        "NAME|PATH", [name](const std::string& n) { *name = n; }, "a built-in rule set's name, or a rule-set JSON file");
    return {&cmd, [name](const streams& io) { return run_rules(*name, io); }};
}

}  // namespace socinv::cli
