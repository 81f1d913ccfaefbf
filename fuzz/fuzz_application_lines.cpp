// libFuzzer harness: a JSON Lines batch of applications, read and assessed line by line as
// socinv::assess_batch does (io/batch.hpp), on one thread. Every line gives either an error
// (an input_error) or an application with its assessment.

#include <cstdlib>

#include "fuzz_common.hpp"
#include "socinv/io/batch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const socinv::rule_set rules = socinv::builtin_rule_set("orebro-2013");
    const auto inputs = socinv::json_lines_inputs(socinv::fuzz::as_text(data, size), "fuzz.jsonl");
    for (const auto& input : inputs) {
        const auto result = socinv::assess_text(input, rules, {});
        if (result.error.has_value() == (result.application.has_value() && result.assessment.has_value())) std::abort();
    }
    return 0;
}
