#pragma once
// Messages from the catalogue: a key and named values, written in a language. The catalogue text
// says where each value goes ("the period {period} is shorter than {minimum}"); the value says how
// it is written in that language (amounts, millions, percentages, counts with their nouns, names
// of enumerators).

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/core/catalogue.hpp"
#include "socinv/core/format.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/money_format.hpp"

namespace socinv {

// The value of one {name} placeholder. Text values are referred to, not copied: render before
// they go. A part (another catalogue text) keeps its own values.
struct message_arg {
    enum class kind { text, integer, money, millions, percent, count, term, message };
    std::string_view name;
    kind what = kind::text;
    std::string_view text;   // text; count: the catalogue key of its forms; term: the group; message: the key
    std::string_view value;  // term: the enumerator's name
    long long integer = 0;   // integer, count, term: the count its form agrees with
    double number = 0;       // millions, percent
    socinv::money amount;
    std::vector<message_arg> args;  // message: its own values
};

namespace detail {

inline message_arg make_arg(std::string_view name, message_arg::kind what) {
    message_arg a;
    a.name = name;
    a.what = what;
    return a;
}

}  // namespace detail

// Shown as given ("Vuxenutbildningsförvaltningen", "2014-04-01 – 2017-03-31").
inline message_arg text_arg(std::string_view name, std::string_view text) {
    message_arg a = detail::make_arg(name, message_arg::kind::text);
    a.text = text;
    return a;
}
// A plain integer, "36".
inline message_arg integer_arg(std::string_view name, long long n) {
    message_arg a = detail::make_arg(name, message_arg::kind::integer);
    a.integer = n;
    return a;
}
// Booked money: "4 100 000 kr", "SEK 4,100,000".
inline message_arg money_arg(std::string_view name, money amount) {
    message_arg a = detail::make_arg(name, message_arg::kind::money);
    a.amount = amount;
    return a;
}
// An expected value in millions: "4,31 mnkr", "SEK 4.31 million".
inline message_arg millions_arg(std::string_view name, double sek) {
    message_arg a = detail::make_arg(name, message_arg::kind::millions);
    a.number = sek;
    return a;
}
// A share as a percentage: "22,8 %", "22.8%".
inline message_arg percent_arg(std::string_view name, double share) {
    message_arg a = detail::make_arg(name, message_arg::kind::percent);
    a.number = share;
    return a;
}
// A count with its noun, the catalogue's form for it ({"one": "{n} dag", "other": "{n} dagar"}).
inline message_arg count_arg(std::string_view name, long long n, std::string_view key) {
    message_arg a = detail::make_arg(name, message_arg::kind::count);
    a.text = key;
    a.integer = n;
    return a;
}
// An enumerator's name, the text of "group.value" in the form for `count`.
inline message_arg term_arg(std::string_view name, std::string_view group, std::string_view value, long long count = 1) {
    message_arg a = detail::make_arg(name, message_arg::kind::term);
    a.text = group;
    a.value = value;
    a.integer = count;
    return a;
}
// Another catalogue text with its own values (a clause that is there or not).
inline message_arg message_part(std::string_view name, std::string_view key, std::initializer_list<message_arg> args = {}) {
    message_arg a = detail::make_arg(name, message_arg::kind::message);
    a.text = key;
    a.args.assign(args.begin(), args.end());
    return a;
}

namespace detail {

inline void render_into(std::string& out, std::string_view text, std::span<const message_arg> args, language lang,
                        std::string_view key);

inline void append_arg(std::string& out, const message_arg& a, language lang) {
    using kind = message_arg::kind;
    switch (a.what) {
        case kind::text: out += a.text; return;
        case kind::integer: out += std::to_string(a.integer); return;
        case kind::money: out += format_sek(a.amount, lang); return;
        case kind::millions: out += format_msek(a.number, lang); return;
        case kind::percent: out += format_percent(a.number, lang); return;
        case kind::count: {
            const std::string n = std::to_string(a.integer);
            const message_arg count[] = {text_arg("n", n)};
            render_into(out, text_of(a.text, lang, a.integer), count, lang, a.text);
            return;
        }
        case kind::term: out += term(a.text, a.value, lang, a.integer); return;
        case kind::message: render_into(out, text_of(a.text, lang), a.args, lang, a.text); return;
    }
}

// Appends `text` with each {name} replaced by its value ({{ and }} are braces, as in Python's
// str.format, which the memo's templates use on the same catalogue).
inline void render_into(std::string& out, std::string_view text, std::span<const message_arg> args, language lang,
                        std::string_view key) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t brace = text.find_first_of("{}", i);
        if (brace == std::string_view::npos) {
            out += text.substr(i);
            return;
        }
        out += text.substr(i, brace - i);
        if (brace + 1 < text.size() && text[brace + 1] == text[brace]) {
            out += text[brace];
            i = brace + 2;
            continue;
        }
        const std::size_t close = text.find('}', brace);
        if (text[brace] == '}' || close == std::string_view::npos)
            throw missing_text(concat("the catalogue text \"", key, "\" has an unmatched brace"));
        const std::string_view name = text.substr(brace + 1, close - brace - 1);
        const message_arg* value = nullptr;
        for (const auto& a : args)
            if (a.name == name) value = &a;
        if (value == nullptr) throw missing_text(concat("the catalogue text \"", key, "\" asks for {", name, "}, which is not given"));
        append_arg(out, *value, lang);
        i = close + 1;
    }
}

}  // namespace detail

// Appends the catalogue text `text` (of `key`, for errors) with its placeholders filled.
inline void render_text_into(std::string& out, std::string_view text, std::initializer_list<message_arg> args,
                             language lang, std::string_view key) {
    detail::render_into(out, text, std::span<const message_arg>(args.begin(), args.size()), lang, key);
}

// The catalogue text of `key` in `lang` with its placeholders filled.
inline std::string render(std::string_view key, std::initializer_list<message_arg> args, language lang) {
    std::string out;
    render_text_into(out, text_of(key, lang), args, lang, key);
    return out;
}

// A count with its noun, the catalogue's form of `key` for it: count_text("unit.days", 2, sv) is "2 dagar".
inline std::string count_text(std::string_view key, long long n, language lang) {
    std::string out;
    detail::append_arg(out, count_arg("", n, key), lang);
    return out;
}

// A text in both languages, as findings and evidence carry it.
struct localized_text {
    std::string en;
    std::string sv;
    const std::string& in(language lang) const { return lang == language::sv ? sv : en; }
    friend bool operator==(const localized_text&, const localized_text&) = default;
};

inline localized_text render_both(std::string_view key, std::initializer_list<message_arg> args = {}) {
    return {render(key, args, language::en), render(key, args, language::sv)};
}

}  // namespace socinv
