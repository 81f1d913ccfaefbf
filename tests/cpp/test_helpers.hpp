#pragma once
// Shared helpers for the GoogleTest files: example paths and small applications.

#include <string>

#include <nlohmann/json.hpp>

#include "socinv/io/load.hpp"
#include "socinv/rules/finding.hpp"

namespace socinv::testing {

inline std::string example_path(const std::string& relative) { return std::string(SOCINV_EXAMPLES_DIR) + "/" + relative; }

inline application example(const std::string& name) { return load_application(example_path("applications/" + name)); }

inline bool has_code(const std::vector<finding>& findings, const std::string& code) {
    for (const auto& f : findings)
        if (f.code == code) return true;
    return false;
}

inline const finding* find_code(const std::vector<finding>& findings, const std::string& code) {
    for (const auto& f : findings)
        if (f.code == code) return &f;
    return nullptr;
}

// A two-year application by the given parties: [{name, kind, role?, form?}, ...].
inline application with_parties(const nlohmann::json& parties, const std::string& start = "2015-01-01",
                                 const std::string& end = "2016-12-31") {
    return application_from_json({{"id", "t"},
                                  {"title", "Test"},
                                  {"period", {{"start", start}, {"end", end}}},
                                  {"requested", 1'000'000},
                                  {"target_group", "test"},
                                  {"parties", parties}});
}

}  // namespace socinv::testing
