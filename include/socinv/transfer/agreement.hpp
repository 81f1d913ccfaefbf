#pragma once
// A return-transfer agreement (återföringsmodellen): how savings flow back to the fund.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "socinv/core/language.hpp"
#include "socinv/core/money.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

// Shares are exact: parts per million, so that share × saving is computed in whole öre.
inline constexpr std::int64_t ppm_one = 1'000'000;

enum class cap_kind { none, invested, amount };

struct return_cap {
    cap_kind kind = cap_kind::none;
    money amount;  // for cap_kind::amount
    friend bool operator==(const return_cap&, const return_cap&) = default;
};

struct payer_share {
    std::string payer;
    std::int64_t share_ppm = 0;
    friend bool operator==(const payer_share&, const payer_share&) = default;
};

struct return_transfer_agreement {
    std::int64_t share_ppm = ppm_one;  // share of each saving returned (Örebro, Norrköping: 100 %)
    return_cap cap;
    int first_year = 0;  // budget years in which returns are taken
    int last_year = 0;
    int lag_years = 0;   // a saving measured in year Y reduces the frame of year Y + lag
    money minimum;       // a reduction below this is not taken
    bool split_by_saving = true;        // each payer returns from its own saving …
    std::vector<payer_share> split;     // … or the total saving is split by fixed shares
    std::vector<std::string> payers;    // the paying administrations (empty: any payer)

    bool knows_payer(const std::string& name) const {
        if (payers.empty()) return true;
        for (const auto& p : payers)
            if (p == name) return true;
        return false;
    }
    friend bool operator==(const return_transfer_agreement&, const return_transfer_agreement&) = default;
};

enum class saving_basis { forecast, actual };

inline constexpr detail::enum_names<saving_basis, 2> saving_basis_names{{
    {saving_basis::forecast, "forecast"},
    {saving_basis::actual, "actual"},
}};
inline std::string_view to_string(saving_basis b) { return detail::name_of(b, saving_basis_names); }

// "forecast" / "prognos": a basis named in a report.
inline std::string_view basis_name(saving_basis b, language lang) {
    if (b == saving_basis::actual) return lang == language::sv ? "utfall" : "actual";
    return lang == language::sv ? "prognos" : "forecast";
}

// A saving of one payer in one budget year: forecast from the cost model, or measured.
struct saving {
    std::string payer;
    int year = 0;
    money amount;
    saving_basis basis = saving_basis::forecast;
    friend bool operator==(const saving&, const saving&) = default;
};

// A reduction already taken from a payer's frame in a budget year (before newer figures came in).
struct booked_return {
    std::string payer;
    int year = 0;
    money amount;
    friend bool operator==(const booked_return&, const booked_return&) = default;
};

}  // namespace socinv
