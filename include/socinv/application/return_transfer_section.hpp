#pragma once
// The `return_transfer` section of an application: the agreement and the returns already booked.

#include <string>
#include <vector>

#include "socinv/transfer/agreement.hpp"

namespace socinv {

struct return_transfer_section {
    return_transfer_agreement agreement;
    std::vector<booked_return> booked;
    std::string notes;
    friend bool operator==(const return_transfer_section&, const return_transfer_section&) = default;
};

}  // namespace socinv
