#pragma once
// What every `socinv` command shares: how it plugs into the command line, its streams and options.
//
// A command lives in one file, src/cli/<name>_command.cpp, and defines one function,
//
//     command <name>_command(CLI::App& socinv);
//
// which adds the subcommand to `socinv` (its options, bound to a state the command owns, and its
// help: the description's first paragraph is its line in `socinv --help`, the footer carries
// the paragraphs after the options) and returns how to run it once the command line has
// been parsed. The dispatcher, `run` in cli.cpp, parses, runs the command that was named and
// turns every error into a message and an exit code in one place: usage errors and
// `input_error`s that end a command exit 2, `--help` exits 0. A command therefore just throws;
// it catches an `input_error` only to go on with the rest of a batch.
//
// Adding a command (`socinv follow-up FILE...`, `socinv ledger init|append|...`) is that one
// file, listed in `socinv_cli_lib` in CMakeLists.txt, and its line in the command table in
// cli.cpp (with the function's one-line declaration beside it); `socinv --help` then lists it
// and its synopsis. The subcommands of a command (`ledger init`) are CLI11 subcommands of its
// App, and its `run` dispatches among them.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "socinv/core/error.hpp"
#include "socinv/rules/finding.hpp"

namespace socinv::cli {

// Where a command reads "-" from and writes its reports and errors.
struct streams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

// A command added to the command line: its subcommand, and what runs it (returning the exit code).
struct command {
    CLI::App* app = nullptr;
    std::function<int(const streams&)> run;
};

// Wrong use of the command line found after parsing (CLI11 finds the rest); exit code 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "socinv: FILE[:LINE]: POINTER: message (value: V)"; the value is added when the message lacks it.
std::string error_text(const input_error& e);

// The whole of a stream (standard input, for the file "-").
std::string read_stream(std::istream& in);

// ---- options shared by several commands ------------------------------------------------------

// A transform for an option bound to an enum: one of a few words, each standing for a value of E
// (handed on to CLI11 as its number). Anything else is refused as `must be a, b or c, not "x"`.
template <class E>
CLI::Validator one_of(std::vector<std::pair<std::string, E>> words) {
    std::string list;
    for (std::size_t i = 0; i < words.size(); ++i)
        list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i].first;
    return {[words = std::move(words), list](std::string& input) -> std::string {
                for (const auto& [word, value] : words) {
                    if (input == word) {
                        input = std::to_string(static_cast<std::underlying_type_t<E>>(value));
                        return {};
                    }
                }
                return "must be " + list + ", not \"" + input + "\"";
            },
            "", "one of"};
}

enum class output_format { text, json };

// `--format text|json`; `text_is` and `json_is` say what each gives.
CLI::Option* add_format_option(CLI::App& command, output_format& format, const std::string& text_is,
                               const std::string& json_is);

// `--lang en|sv`; `what` names what is translated ("messages and reports").
CLI::Option* add_lang_option(CLI::App& command, language& lang, const std::string& what);

// `--draws N`, a whole number from 1 to `max` (a library limit, shown in the help).
CLI::Option* add_draws_option(CLI::App& command, std::optional<std::size_t>& draws, std::size_t max,
                              const std::string& default_is);

// `--seed S`, a whole number from min_seed to max_seed (shown in the help).
CLI::Option* add_seed_option(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& default_is);

}  // namespace socinv::cli
