// Uses the installed ledger store (socinv::ledger_store): a ledger database with two entries,
// verified. Usage: socinv_ledger_consumer path/to/new.db

#include <exception>
#include <iostream>

#include <socinv/store/ledger_store.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " NEW.db\n";
        return 2;
    }
    try {
        using namespace socinv;
        auto db = store::ledger_store::create(argv[1], "consumer fund");
        db.append({"c", parse_iso_date("2013-06-10"), entry_kind::capital, money::from_sek(65'000'000), "", "", ""});
        db.append({"g", parse_iso_date("2014-03-18"), entry_kind::grant, money::from_sek(4'100'000), "sot", "", ""});
        const auto report = db.verify();
        std::cout << "entries " << report.entries << ", available " << format_sek(db.balances().available) << ", head "
                  << report.head << "\n";
        return report.ok() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
