#pragma once
// Helpers shared by the `socinv` commands: usage errors, options, error text.

#include <iosfwd>
#include <iterator>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

#include "socinv/core/error.hpp"

namespace socinv::cli {

// Wrong use of the command line; reported with exit code 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline std::string read_stream(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "socinv: FILE: POINTER: message (value: V)"; the value is added when the message lacks it.
inline std::string error_text(const input_error& e) {
    std::string text = "socinv: " + std::string(e.what());
    if (!e.value().empty() && e.message().find(e.value()) == std::string::npos) text += " (value: " + e.value() + ")";
    return text;
}

// The value of `--name VALUE` or `--name=VALUE`; advances i past a separate value.
inline std::string option_value(const std::vector<std::string>& args, std::size_t& i, const std::string& name) {
    const std::string& arg = args[i];
    if (arg.size() > name.size() && arg.compare(0, name.size() + 1, name + "=") == 0) return arg.substr(name.size() + 1);
    if (i + 1 >= args.size()) throw usage_error("option " + name + " needs a value");
    return args[++i];
}

inline bool is_option(const std::string& arg, const std::string& name) {
    return arg == name || arg.rfind(name + "=", 0) == 0;
}

// The value of an option that takes one of a few words.
inline std::string choice(const std::vector<std::string>& args, std::size_t& i, const std::string& name,
                          std::initializer_list<const char*> allowed) {
    const std::string v = option_value(args, i, name);
    std::string list;
    for (const char* a : allowed) {
        if (v == a) return v;
        list += (list.empty() ? "" : " or ") + std::string(a);
    }
    throw usage_error(name + " must be " + list + ", not \"" + v + "\"");
}

// The commands beyond `assess` (each returns an exit code).
int run_transfers(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_fund(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace socinv::cli
