// libFuzzer harness: a fund file (socinv::load_fund, io/fund_json.hpp), with the ledger store's
// reader for a `"ledger": "NAME.db"`. load_fund reads a path, so each input is written to a file
// in a scratch directory that also holds `applications/` (the shipped examples, for portfolio
// entries that name a file) and `ledger.db` (a small ledger database).

#include <fstream>

#include "fuzz_common.hpp"
#include "socinv/io/fund_json.hpp"
#include "socinv/store/ledger_store.hpp"

namespace {

struct fixture {
    socinv::fuzz::scratch_dir dir;
    std::string fund_path = (dir.path() / "fund.json").string();

    fixture() {
        std::filesystem::create_directory_symlink(SOCINV_EXAMPLES_DIR "/applications", dir.path() / "applications");
        auto store = socinv::store::ledger_store::create((dir.path() / "ledger.db").string(), "Fuzz fund");
        socinv::ledger_entry capital;
        capital.id = "c1";
        capital.on = socinv::date(2014, 1, 1);
        capital.amount = socinv::money::from_sek(65'000'000);
        store.append(capital);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fixture f;
    {
        std::ofstream out(f.fund_path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!out) std::abort();
    }
    socinv::fuzz::loads([&] { (void)socinv::load_fund(f.fund_path, {}, socinv::store::read_ledger_database); });
    return 0;
}
