#pragma once
// The texts of messages and reports in each language, from the catalogues locale/en.json and
// locale/sv.json (compiled in by cmake/catalogue.cmake). A text may hold {name} placeholders
// (core/message.hpp fills them) and may have a form for one and a form for other counts.

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "socinv/core/catalogue_data.hpp"
#include "socinv/core/concat.hpp"
#include "socinv/core/language.hpp"

namespace socinv {

namespace detail {

constexpr bool sorted_by_key(std::span<const catalogue_entry> entries) {
    return std::is_sorted(entries.begin(), entries.end(),
                          [](const catalogue_entry& a, const catalogue_entry& b) { return a.key < b.key; });
}
static_assert(sorted_by_key(catalogue_en) && sorted_by_key(catalogue_sv), "the generated catalogues are sorted by key");

constexpr std::span<const catalogue_entry> catalogue_of(language lang) {
    return lang == language::sv ? std::span<const catalogue_entry>(catalogue_sv) : std::span<const catalogue_entry>(catalogue_en);
}

}  // namespace detail

// A key the catalogue of a language does not hold: a bug in socinv (a test renders every key), never bad input.
class missing_text : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// The catalogue entry of `key` in `lang`, or nullptr.
inline const detail::catalogue_entry* find_text(std::string_view key, language lang) {
    const auto entries = detail::catalogue_of(lang);
    const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                     [](const detail::catalogue_entry& e, std::string_view k) { return e.key < k; });
    return it != entries.end() && it->key == key ? &*it : nullptr;
}

// The text of `key` in `lang`, its form for `count` ("1 dag", "2 dagar").
inline std::string_view text_of(std::string_view key, language lang, long long count = 1) {
    const detail::catalogue_entry* e = find_text(key, lang);
    if (e == nullptr) throw missing_text(concat("the ", lang == language::sv ? "sv" : "en", " catalogue has no text \"", key, "\""));
    return count == 1 ? e->one : e->other;
}

// The name of an enumerator in a message: the text of "group.value" ("role.lead" is "huvudsökande").
inline std::string_view term(std::string_view group, std::string_view value, language lang, long long count = 1) {
    char key[96];
    if (group.size() + 1 + value.size() > sizeof key) return text_of(concat(group, ".", value), lang, count);
    std::copy(group.begin(), group.end(), key);
    key[group.size()] = '.';
    std::copy(value.begin(), value.end(), key + group.size() + 1);
    return text_of(std::string_view(key, group.size() + 1 + value.size()), lang, count);
}

}  // namespace socinv
