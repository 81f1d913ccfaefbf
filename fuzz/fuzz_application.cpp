// libFuzzer harness: one application as JSON text (socinv::parse_application, io/load.hpp).
// A successful read is written back (to_json) and read again: the two writes must be equal.

#include "fuzz_common.hpp"
#include "socinv/io/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    socinv::application app;
    if (!socinv::fuzz::loads([&] { app = socinv::parse_application(socinv::fuzz::as_text(data, size)); })) return 0;
    const auto written = socinv::to_json(app);
    // Not inside loads(): what the writer writes, the reader must accept.
    const auto again = socinv::to_json(socinv::application_from_json(written));
    socinv::fuzz::expect_equal("an application", written, again);
    return 0;
}
