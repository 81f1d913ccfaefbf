#pragma once
// A finding: one observation of an eligibility or checklist run, as data.

#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/language.hpp"
#include "socinv/detail/enum_names.hpp"

namespace socinv {

// error: makes the application ineligible; warning: worth a look; info: explains the verdict.
enum class severity { error, warning, info };

inline constexpr detail::enum_names<severity, 3> severity_names{{
    {severity::error, "error"},
    {severity::warning, "warning"},
    {severity::info, "info"},
}};

inline std::string_view to_string(severity s) { return detail::name_of(s, severity_names); }

struct finding {
    std::string code;     // stable, e.g. "period_too_short"
    socinv::severity severity = severity::info;
    std::string pointer;  // JSON pointer into the application
    std::string value;    // the value seen, as JSON text ("" when none applies)
    std::string message_en;
    std::string message_sv;

    const std::string& message(language lang) const { return lang == language::sv ? message_sv : message_en; }
    friend bool operator==(const finding&, const finding&) = default;
};

inline bool has_errors(const std::vector<finding>& findings) {
    for (const auto& f : findings)
        if (f.severity == severity::error) return true;
    return false;
}

}  // namespace socinv
