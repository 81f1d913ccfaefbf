// The `socinv` dispatcher: the command table, the help layout, and the one place errors become exit codes.

#include "cli/cli.hpp"

#include <algorithm>
#include <iostream>
#include <string_view>

#include "cli/command.hpp"
#include "socinv/socinv.hpp"

namespace socinv::cli {

// The commands, in the order `socinv --help` lists them. Each is defined in its own
// src/cli/<name>_command.cpp (see command.hpp); a new command is that file, its declaration
// here and its line in the table below.
command assess_command(CLI::App& socinv);
command simulate_command(CLI::App& socinv);
command transfers_command(CLI::App& socinv);
command follow_up_command(CLI::App& socinv);
command fund_command(CLI::App& socinv);
command ledger_command(CLI::App& socinv);
command rules_command(CLI::App& socinv);

namespace {

constexpr command (*command_table[])(CLI::App&) = {
    assess_command,
    simulate_command,
    transfers_command,
    follow_up_command,
    fund_command,
    ledger_command,
    rules_command,
};

const std::string version = "socinv " + std::to_string(SOCINV_VERSION_MAJOR) + "." +
                            std::to_string(SOCINV_VERSION_MINOR) + "." + std::to_string(SOCINV_VERSION_PATCH);

constexpr const char* main_footer = R"(`socinv COMMAND --help` explains a command and each of its options.

Exit codes: 0 every application is eligible and meets every funding criterion
the data or the evaluator has decided; 1 some application does not; 2 bad input
or usage (the error, naming the file, the JSON pointer and the value, goes to
standard error).)";

// ---- help --------------------------------------------------------------------------------------

constexpr std::size_t help_width = 80;

// Columns on a terminal: UTF-8 continuation bytes take none.
std::size_t columns(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `words` in lines of at most `width` columns (a longer word gets a line of its own).
std::vector<std::string> fill(const std::vector<std::string>& words, std::size_t width) {
    std::vector<std::string> lines;
    for (const auto& word : words) {
        if (!lines.empty() && columns(lines.back()) + 1 + columns(word) <= width)
            lines.back() += " " + word;
        else
            lines.push_back(word);
    }
    return lines;
}

// `text` wrapped at `width` columns, keeping its own line breaks; lines after the first are
// indented by `indent` columns.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
    std::string result;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        std::vector<std::string> words;
        for (std::size_t i = begin; i < end;) {
            const std::size_t space = std::min(text.find(' ', i), end);
            if (space > i) words.emplace_back(text.substr(i, space - i));
            i = space + 1;
        }
        for (const auto& line : fill(words, width)) result += (result.empty() ? "" : "\n" + std::string(indent, ' ')) + line;
        if (words.empty() && !result.empty()) result += "\n";
        begin = end + 1;
    }
    return result;
}

// CLI11's help, laid out as the tool always had it: a command's page starts with its usage,
// then its description, arguments, options and the footer's paragraphs; option descriptions are
// wrapped to the terminal's 80 columns; `socinv --help` lists each command's full synopsis and
// the first paragraph of its description.
class help_formatter : public CLI::Formatter {
public:
    help_formatter() {
        column_width(27);
        label("Positionals", "Arguments");
    }

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
        std::string text = app->get_parent() == nullptr
                               ? app->get_description() + "\n\n" + make_usage(app, name)
                               : make_usage(app, name) + "\n" + app->get_description() + "\n";
        text += make_positionals(app) + make_groups(app, mode) + make_subcommands(app, mode);
        if (!app->get_footer().empty()) text += "\n" + make_footer(app);
        return text;
    }

    std::string make_usage(const CLI::App* app, std::string name) const override {
        if (app->get_parent() != nullptr) return CLI::Formatter::make_usage(app, name);
        std::string text = "Usage:\n";
        for (const CLI::App* sub : app->get_subcommands({})) text += "  " + synopsis(sub, name + " " + sub->get_name()) + "\n";
        return text + "  " + name + " --help | --version\n";
    }

    // The first paragraph of the command's description.
    std::string make_subcommand(const CLI::App* sub) const override {
        std::size_t width = 0;
        for (const CLI::App* s : sub->get_parent()->get_subcommands({})) width = std::max(width, s->get_name().size());
        width += 4;
        const std::string& d = sub->get_description();
        std::string first = d.substr(0, d.find("\n\n"));
        std::replace(first.begin(), first.end(), '\n', ' ');
        std::string name = "  " + sub->get_name();
        name.resize(width, ' ');
        return name + wrap(first, help_width - width, width) + "\n";
    }

    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string desc = wrap(make_option_desc(opt), help_width - column_width_, column_width_);
        if (columns(name) + 1 > column_width_) return name + "\n" + std::string(column_width_, ' ') + desc + "\n";
        return name + std::string(column_width_ - columns(name), ' ') + desc + "\n";
    }

    // The usage line shows how many values an argument takes.
    std::string make_option_opts(const CLI::Option* opt) const override {
        return opt->get_positional() ? std::string() : CLI::Formatter::make_option_opts(opt);
    }

private:
    // "socinv assess FILE... [--rules NAME|PATH] [--format text|json] ...", wrapped under itself.
    std::string synopsis(const CLI::App* sub, const std::string& name) const {
        std::vector<std::string> words;
        for (const CLI::Option* opt : sub->get_options([](const CLI::Option* o) { return o->get_positional(); }))
            words.push_back(make_option_usage(opt));
        std::string subcommands;  // `socinv ledger init|append|...`
        for (const CLI::App* s : sub->get_subcommands({})) subcommands += (subcommands.empty() ? "" : "|") + s->get_name();
        if (!subcommands.empty()) words.push_back(subcommands + " ...");
        for (const CLI::Option* opt : sub->get_options([sub](const CLI::Option* o) {
                 return o->nonpositional() && o != sub->get_help_ptr() && o != sub->get_help_all_ptr();
             }))
            words.push_back("[" + opt->get_name() + (opt->get_expected_max() == 0 ? "" : " " + opt->get_type_name()) + "]");
        const std::size_t indent = 2 + columns(name) + 1;
        std::string text = name;
        const auto lines = fill(words, help_width - indent);
        for (std::size_t i = 0; i < lines.size(); ++i) text += (i == 0 ? " " : "\n" + std::string(indent, ' ')) + lines[i];
        return text;
    }
};

// ---- the dispatcher -----------------------------------------------------------------------------

// `socinv help` and `socinv help COMMAND` are `socinv --help` and `socinv COMMAND --help`.
std::vector<std::string> with_help_spelled_out(std::vector<std::string> args) {
    if (args.empty() || args[0] != "help") return args;
    if (args.size() == 1) return {"--help"};
    return {args[1], "--help"};
}

// "socinv assess --help": the page of the command being parsed when a usage error was found.
std::string help_hint(const CLI::App& socinv) {
    std::string hint = socinv.get_name();
    for (const CLI::App* app = &socinv; !app->get_subcommands().empty();) {
        app = app->get_subcommands().front();
        hint += " " + app->get_name();
    }
    return hint + " --help";
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    const streams io{in, out, err};
    CLI::App socinv(version + " - evaluate municipal social investments", "socinv");
    try {
        socinv.formatter(std::make_shared<help_formatter>());
        socinv.set_help_flag("-h,--help", "this text");
        socinv.set_version_flag("--version", version, "the version");
        socinv.footer(main_footer);
        socinv.require_subcommand(1);
        // As before CLI11: an option given twice takes its last value.
        socinv.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
        std::vector<command> commands;
        for (const auto add : command_table) {
            commands.push_back(add(socinv));
            commands.back().app->group("Commands");
        }

        if (args.empty()) {
            err << socinv.help();
            return exit_bad_input;
        }
        std::vector<std::string> line = with_help_spelled_out(args);
        const auto named = [&](const command& c) { return c.app->get_name() == line[0]; };
        // CLI11 would say "A subcommand is required" for both.
        if ((line[0].empty() || line[0][0] != '-') && std::none_of(commands.begin(), commands.end(), named))
            throw usage_error("unknown command \"" + line[0] + "\"");
        if (line[0].size() > 1 && line[0][0] == '-' && socinv.get_option_no_throw(line[0].substr(0, line[0].find('='))) == nullptr)
            throw usage_error("unknown option " + line[0] + " before the command");

        std::reverse(line.begin(), line.end());  // CLI11 takes the arguments last first
        socinv.parse(line);
        for (const command& c : commands)
            if (c.app->parsed()) return c.run(io);
        throw usage_error("no command");  // not reached: CLI11 requires one
    } catch (const CLI::CallForHelp&) {
        out << socinv.help();
        return exit_pass;
    } catch (const CLI::CallForVersion& e) {
        out << e.what() << "\n";
        return exit_pass;
    } catch (const CLI::ParseError& e) {
        err << "socinv: " << e.what() << " (see " << help_hint(socinv) << ")\n";
        return exit_bad_input;
    } catch (const usage_error& e) {
        err << "socinv: " << e.what() << " (see " << help_hint(socinv) << ")\n";
        return exit_bad_input;
    } catch (const input_error& e) {
        err << error_text(e) << "\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        err << "socinv: internal error: " << e.what() << "\n";
        return exit_bad_input;
    }
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run(args, std::cin, out, err);
}

}  // namespace socinv::cli
