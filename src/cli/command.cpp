// The options several `socinv` commands share, and the text of an input error.

#include "cli/command.hpp"

#include <charconv>
#include <istream>
#include <iterator>

#include "socinv/economics/random.hpp"

namespace socinv::cli {
namespace {

// A whole number written in decimal digits. CLI11's own conversion (strtoull, base 0) would
// take "-1" as 2^64 - 1, "010" as octal 8 and "0x10" as 16; this one hands CLI11 the number
// in canonical form, so the range check that follows sees what the user meant. [min, max] is
// only for the message when the number does not fit in 64 bits.
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
    return {[min, max](std::string& input) -> std::string {
                std::uint64_t n = 0;
                const auto [end, ec] = std::from_chars(input.data(), input.data() + input.size(), n);
                if (ec == std::errc::result_out_of_range)  // CLI::Range's words, for the same mistake
                    return "Value " + input + " not in range " + std::to_string(min) + " to " + std::to_string(max);
                if (input.empty() || ec != std::errc() || end != input.data() + input.size())
                    return "must be a whole number, not \"" + input + "\"";
                input = std::to_string(n);
                return {};
            },
            "", "whole number"};
}

}  // namespace

std::string error_text(const input_error& e) {
    std::string text = "socinv: " + std::string(e.what());
    if (!e.value().empty() && e.message().find(e.value()) == std::string::npos) text += " (value: " + e.value() + ")";
    return text;
}

std::string read_stream(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

CLI::Option* add_format_option(CLI::App& command, output_format& format, const std::string& text_is,
                               const std::string& json_is) {
    return command.add_option("--format", format, "text: " + text_is + " (default); json: " + json_is)
        ->transform(one_of<output_format>({{"text", output_format::text}, {"json", output_format::json}}))
        ->type_name("text|json");
}

CLI::Option* add_lang_option(CLI::App& command, language& lang, const std::string& what) {
    return command.add_option("--lang", lang, "language of " + what + " (default en)")
        ->transform(one_of<language>({{"en", language::en}, {"sv", language::sv}}))
        ->type_name("en|sv");
}

CLI::Option* add_draws_option(CLI::App& command, std::optional<std::size_t>& draws, std::size_t max,
                              const std::string& default_is) {
    return command
        .add_option_function<std::size_t>(
            "--draws", [&draws](const std::size_t& n) { draws = n; },
            "Monte Carlo draws, from 1 to " + std::to_string(max) + " (default " + default_is + ")")
        ->transform(whole_number(1, max))
        ->check(CLI::Range(std::size_t{1}, max).description(""))  // the description says it
        ->type_name("N");
}

CLI::Option* add_seed_option(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& default_is) {
    return command
        .add_option_function<std::uint64_t>(
            "--seed", [&seed](const std::uint64_t& s) { seed = s; },
            "seed, from " + std::to_string(min_seed) + " to " + std::to_string(max_seed) +
                "; the same seed gives the same draws on any number of cores (default " + default_is + ")")
        ->transform(whole_number(min_seed, max_seed))
        ->check(CLI::Range(min_seed, max_seed).description(""))
        ->type_name("S");
}

}  // namespace socinv::cli
