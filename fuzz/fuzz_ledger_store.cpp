// libFuzzer harness: a ledger file imported into the SQLite ledger store
// (socinv::store::ledger_store::import_json, store/ledger_store.hpp). The store lives in a
// scratch directory and is made anew after every import that succeeds (a refused import leaves
// it empty: all or nothing). A successful import must hold the entries ledger_from_text reads,
// and its export must import into a new store and export again to the same text.

#include <optional>

#include "fuzz_common.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/store/ledger_store.hpp"

namespace {

using socinv::store::ledger_store;

struct fixture {
    socinv::fuzz::scratch_dir dir;
    std::string path = (dir.path() / "ledger.db").string();
    std::string again_path = (dir.path() / "again.db").string();
    std::optional<ledger_store> store;

    static void remove(const std::string& db) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + suffix);
    }
    ledger_store& fresh() {
        if (!store) {
            remove(path);
            store = ledger_store::create(path, "");
        }
        return *store;
    }
    void used() {
        store.reset();
        remove(path);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fixture f;
    const auto text = socinv::fuzz::as_text(data, size);
    ledger_store& store = f.fresh();
    std::size_t imported = 0;
    if (!socinv::fuzz::loads([&] { imported = store.import_json(text, "fuzz.json"); })) {
        if (store.size() != 0) std::abort();  // a refused import left entries behind
        return 0;
    }
    const auto exported = store.export_json();
    const auto entries = store.load().entries();
    f.used();
    if (entries.size() != imported) std::abort();
    // What the store took is what the file reader reads.
    const auto from_file = socinv::ledger_from_text(text);
    if (from_file.entries() != entries) std::abort();
    // Its export imports again, unchanged.
    fixture::remove(f.again_path);
    {
        auto again = ledger_store::create(f.again_path, "");
        again.import_json(exported, "export");
        const auto reexported = again.export_json();
        if (reexported != exported) socinv::fuzz::round_trip_mismatch("a ledger store's export", exported, reexported);
    }
    fixture::remove(f.again_path);
    return 0;
}
