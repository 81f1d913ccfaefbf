// libFuzzer harness: an application's return-transfer agreement, the document being the
// `return_transfer` section (socinv::read_return_transfer_section, io/transfer_json.hpp).
// A successful read is written back and read again.

#include "fuzz_common.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/io/transfer_json.hpp"

namespace {

socinv::return_transfer_section read(std::string_view text) {
    return socinv::read_return_transfer_section(socinv::io::thread_parser().parse(text), "/return_transfer");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    socinv::return_transfer_section section;
    if (!socinv::fuzz::loads([&] { section = read(socinv::fuzz::as_text(data, size)); })) return 0;
    const auto written = socinv::to_json(section);
    socinv::fuzz::expect_equal("a return-transfer agreement", written, socinv::to_json(read(written.dump())));
    return 0;
}
