#pragma once
// The `socinv` command line: shared by the executable and the Python entry point.

#include <iosfwd>
#include <string>
#include <vector>

namespace socinv::cli {

// Exit codes: every application passes; some application fails a rule; bad input or usage.
inline constexpr int exit_pass = 0;
inline constexpr int exit_fail = 1;
inline constexpr int exit_bad_input = 2;

// Runs the command line `args` (without the program name) and returns the exit code. Reports go
// to `out`, errors to `err`; `in` is read for the file "-".
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// The same, reading standard input for "-".
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace socinv::cli
