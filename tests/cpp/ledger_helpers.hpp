#pragma once
// For the ledger tests: an entry in one line, and a small ledger with a grant, a payment and a return.

#include <cstdint>
#include <string>

#include "socinv/core/date.hpp"
#include "socinv/transfer/ledger.hpp"

namespace socinv::testing {

inline ledger_entry entry(std::string id, const char* on, entry_kind kind, std::int64_t sek, std::string app = "") {
    return {std::move(id), parse_iso_date(on), kind, money::from_sek(sek), std::move(app), "", ""};
}

inline fund_ledger small_ledger() {
    fund_ledger l("test fund");
    l.append(entry("c", "2013-06-10", entry_kind::capital, 65'000'000));
    l.append(entry("g", "2014-03-18", entry_kind::grant, 4'100'000, "sot"));
    l.append(entry("p", "2014-04-01", entry_kind::payment, 1'000'000, "sot"));
    l.append(entry("r", "2016-12-31", entry_kind::return_transfer, 200'000, "sot"));
    return l;
}

}  // namespace socinv::testing
