// libFuzzer harness: a rule set file's text (socinv::rule_set_from_text, as
// socinv::load_rule_set reads it). A successful read is written back and read again.

#include "fuzz_common.hpp"
#include "socinv/io/read.hpp"
#include "socinv/io/rule_set_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    socinv::rule_set rules;
    const auto text = socinv::fuzz::as_text(data, size);
    if (!socinv::fuzz::loads([&] { rules = socinv::rule_set_from_text(text); })) return 0;
    const auto written = socinv::to_json(rules);
    const auto again = socinv::to_json(socinv::rule_set_from_json(written));
    socinv::fuzz::expect_equal("a rule set", written, again);
    return 0;
}
