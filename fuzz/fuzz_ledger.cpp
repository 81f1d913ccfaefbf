// libFuzzer harness: a fund ledger file's text (socinv::ledger_from_text, as
// socinv::load_ledger reads it). A successful read is written back (with each entry's cash
// after it) and read again: the same entries, the same file.

#include "fuzz_common.hpp"
#include "socinv/io/ledger_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    socinv::fund_ledger ledger;
    const auto text = socinv::fuzz::as_text(data, size);
    if (!socinv::fuzz::loads([&] { ledger = socinv::ledger_from_text(text); })) return 0;
    const auto written = socinv::to_json(ledger);
    const auto reread = socinv::ledger_from_text(written.dump());
    if (reread.entries() != ledger.entries() || reread.history() != ledger.history())
        socinv::fuzz::round_trip_mismatch("a ledger's entries", written.dump(), socinv::to_json(reread).dump());
    socinv::fuzz::expect_equal("a ledger", written, socinv::to_json(reread));
    return 0;
}
