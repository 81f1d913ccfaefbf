// Benchmark: loading a fund ledger (parse and read its entries, then replay them through the ledger's rules) and the
// ledger store (import, load and verify) at two sizes, to show the cost is linear in the entries.
// Usage: bench_ledger_core [ENTRIES] — prints one JSON object with the timings in seconds.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "socinv/socinv.hpp"
#include "socinv/store/ledger_store.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

// A capital entry and n - 1 top-ups: every entry goes through the id check and the balances.
std::string ledger_text(int n) {
    socinv::fund_ledger l("bench");
    l.append({"c", socinv::parse_iso_date("2000-01-01"), socinv::entry_kind::capital, socinv::money::from_ore(1'000'000'000), "",
              "", ""});
    for (int i = 1; i < n; ++i)
        l.append({"entry-" + std::to_string(i), socinv::parse_iso_date("2001-01-01"), socinv::entry_kind::top_up,
                  socinv::money::from_ore(i), "", "", ""});
    return to_json(l).dump();
}

struct figures {
    double parse = 1e300, replay = 1e300, store_import = 1e300, store_load = 1e300;
};

figures measure(int n, int runs) {
    const std::string text = ledger_text(n);
    figures f;
    for (int run = 0; run < runs; ++run) {
        auto t = clock_type::now();
        const auto document = socinv::ledger_document_from_text(text);
        f.parse = std::min(f.parse, seconds_since(t));
        t = clock_type::now();
        const auto ledger = socinv::replay_ledger(document);
        f.replay = std::min(f.replay, seconds_since(t));
        if (ledger.entries().size() != static_cast<std::size_t>(n)) throw std::logic_error("entries lost");

        const std::string db = "/tmp/socinv-bench-ledger-" + std::to_string(::getpid()) + ".db";
        std::remove(db.c_str());
        {
            auto store = socinv::store::ledger_store::create(db, "");
            t = clock_type::now();
            store.import_json(text);
            f.store_import = std::min(f.store_import, seconds_since(t));
            t = clock_type::now();
            if (store.load().entries().size() != static_cast<std::size_t>(n)) throw std::logic_error("entries lost");
            f.store_load = std::min(f.store_load, seconds_since(t));
        }
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    const int large = argc > 1 ? std::stoi(argv[1]) : 200'000;
    const int small = large / 10;
    const figures a = measure(small, 3), b = measure(large, 3);
    std::cout << "{\"small\": " << small << ", \"large\": " << large << ", \"parse\": [" << a.parse << ", " << b.parse
              << "], \"replay\": [" << a.replay << ", " << b.replay << "], \"store_import\": [" << a.store_import << ", "
              << b.store_import << "], \"store_load\": [" << a.store_load << ", " << b.store_load << "]}\n";
}
