#pragma once
// An application to a social investment fund: the interchange model (docs/application-format.md).

#include <map>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include "socinv/application/criterion.hpp"
#include "socinv/application/economics_section.hpp"
#include "socinv/application/party.hpp"
#include "socinv/application/return_transfer_section.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/period.hpp"
#include "socinv/outcomes/effect_measure.hpp"
#include "socinv/outcomes/follow_up.hpp"

namespace socinv {

struct budget_line {
    std::string party;  // names a party of the application
    int year = 0;       // calendar budget year
    money amount;
    std::string item;
    friend bool operator==(const budget_line&, const budget_line&) = default;
};

struct co_financing {
    std::string funder;
    money amount;
    friend bool operator==(const co_financing&, const co_financing&) = default;
};

struct evaluator_assessment {
    socinv::verdict verdict = verdict::needs_information;
    std::string comment;
    std::string by;
    std::optional<date> on;
    friend bool operator==(const evaluator_assessment&, const evaluator_assessment&) = default;
};

// The applicant's text for a criterion and, once judged, the evaluator's assessment.
struct criterion_entry {
    std::string statement;
    std::optional<evaluator_assessment> assessment;
    friend bool operator==(const criterion_entry&, const criterion_entry&) = default;
};

struct decision {
    date on;
    std::string body;  // e.g. kommunstyrelsen
    money granted;
    friend bool operator==(const decision&, const decision&) = default;
};

struct application {
    std::string id;
    std::string title;
    std::string municipality;
    socinv::period period{date(2000, 1, 1), date(2000, 1, 1)};
    money requested;
    std::optional<socinv::decision> decision;
    std::vector<party> parties;
    std::string target_group;
    std::optional<std::int64_t> places_per_year;
    std::optional<std::int64_t> participants;
    std::vector<budget_line> budget;
    std::vector<socinv::co_financing> co_financing;
    std::vector<effect_measure> effect_measures;
    std::map<criterion, criterion_entry> criteria;
    std::optional<std::string> extension_of;
    std::string description;
    std::string notes;
    std::vector<std::string> sources;
    std::optional<economics_section> economics;            // the cost model's inputs
    std::optional<return_transfer_section> return_transfer;
    std::optional<std::vector<saving>> savings;              // forecast and measured savings by payer and year
    std::optional<socinv::follow_up> follow_up;              // what was observed once it ran
    // The user's own top-level `x-` keys with their values as JSON text, in document order: kept
    // opaque so that they survive a round trip (`x-` keys inside sections are ignored).
    std::vector<std::pair<std::string, std::string>> extensions;

    // The index of the party with this name, if any.
    std::optional<std::size_t> find_party(std::string_view name) const {
        for (std::size_t i = 0; i < parties.size(); ++i)
            if (parties[i].name == name) return i;
        return std::nullopt;
    }

    // The whole cost: the budget when it is given, else what is requested plus co-financing.
    money total_cost() const {
        money total;
        if (!budget.empty()) {
            for (const auto& line : budget) total += line.amount;
            return total;
        }
        total = requested;
        for (const auto& c : co_financing) total += c.amount;
        return total;
    }

    friend bool operator==(const application&, const application&) = default;
};

}  // namespace socinv
