#pragma once
// Loading applications and rule sets from files, with the file named in every error.

#include <string>
#include <string_view>

#include "socinv/io/application_json.hpp"
#include "socinv/io/read.hpp"
#include "socinv/io/rule_set_json.hpp"
#include "socinv/rules/builtin_rule_sets.hpp"

namespace socinv {

// Parses the text of one application; `source` names it in errors.
inline application parse_application(std::string_view text, const std::string& source = "") {
    try {
        return application_from_text(text);
    } catch (const input_error& e) {
        throw e.with_source(source);
    }
}

inline application load_application(const std::string& path) {
    return parse_application(io::read_file(path), path);
}

// A rule set by built-in name ("orebro-2013") or by the path of a JSON file.
inline rule_set load_rule_set(const std::string& name_or_path) {
    for (const auto& name : builtin_rule_set_names())
        if (name == name_or_path) return builtin_rule_set(name);
    const bool looks_like_path = name_or_path.find('/') != std::string::npos ||
                                 name_or_path.find('.') != std::string::npos;
    if (!looks_like_path) return builtin_rule_set(name_or_path);  // throws: unknown name
    const std::string text = io::read_file(name_or_path);
    try {
        return rule_set_from_text(text);
    } catch (const input_error& e) {
        throw e.with_source(name_or_path);
    }
}

}  // namespace socinv
