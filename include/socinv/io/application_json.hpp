#pragma once
// The application model to and from JSON (docs/application-format.md), with pointer-precise errors.

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/application/application.hpp"
#include "socinv/application/consistency.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/economics_json.hpp"
#include "socinv/io/follow_up_json.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/json_writer.hpp"
#include "socinv/io/parse.hpp"
#include "socinv/io/transfer_json.hpp"

namespace socinv {

namespace detail {

inline party read_party(io::element value, const std::string& at) {
    using namespace io;
    const dom_object j = require_object(value, at);
    check_keys(j, at, {"name", "kind", "form", "role"});
    party p;
    p.name = read_string(required(j, "name", at), pointer_ref(at, "name"), false);
    p.kind = read_enum(required(j, "kind", at), pointer_ref(at, "kind"), parse_party_kind);
    if (auto form = optional(j, "form")) {
        if (p.kind != party_kind::civil_society)
            throw input_error(join_pointer(at, "form"), describe(*form),
                              "a form is given only for civil_society parties, not for " +
                                  std::string(to_string(p.kind)));
        p.form = read_enum(*form, pointer_ref(at, "form"), parse_civil_society_form);
    } else if (p.kind == party_kind::civil_society) {
        p.form = civil_society_form::other;
    }
    if (auto role = optional(j, "role")) p.role = read_enum(*role, pointer_ref(at, "role"), parse_party_role);
    return p;
}

inline effect_measure read_effect_measure(io::element value, const std::string& at) {
    using namespace io;
    const dom_object j = require_object(value, at);
    check_keys(j, at, {"name", "unit", "baseline", "target", "direction"});
    effect_measure m;
    m.name = read_string(required(j, "name", at), pointer_ref(at, "name"), false);
    m.unit = read_string(required(j, "unit", at), pointer_ref(at, "unit"));
    if (auto b = optional(j, "baseline")) m.baseline = read_number(*b, pointer_ref(at, "baseline"));
    if (auto t = optional(j, "target")) m.target = read_number(*t, pointer_ref(at, "target"));
    if (auto d = optional(j, "direction"))
        m.direction = read_enum(*d, pointer_ref(at, "direction"),
                                [](std::string_view s) { return detail::parse_name(s, effect_direction_names, "direction"); });
    return m;
}

inline criterion_entry read_criterion_entry(io::element value, const std::string& at) {
    using namespace io;
    const dom_object j = require_object(value, at);
    check_keys(j, at, {"statement", "assessment"});
    criterion_entry entry;
    if (auto s = optional(j, "statement")) entry.statement = read_string(*s, pointer_ref(at, "statement"));
    if (auto a = optional(j, "assessment")) {
        const std::string ap = join_pointer(at, "assessment");
        const dom_object o = require_object(*a, ap);
        check_keys(o, ap, {"verdict", "comment", "by", "date"});
        evaluator_assessment assessment;
        assessment.verdict = read_enum(required(o, "verdict", ap), pointer_ref(ap, "verdict"), parse_verdict);
        if (auto c = optional(o, "comment")) assessment.comment = read_string(*c, pointer_ref(ap, "comment"));
        if (auto b = optional(o, "by")) assessment.by = read_string(*b, pointer_ref(ap, "by"));
        if (auto d = optional(o, "date")) assessment.on = read_date(*d, pointer_ref(ap, "date"));
        entry.assessment = assessment;
    }
    return entry;
}

// A user's own "x-" value as canonical JSON text: object keys sorted (nlohmann's order, so that
// writing the application back and reading it again gives the same text), numbers in shortest
// form. Written straight from the DOM: no second parse.
inline void write_canonical(io::json_writer& w, io::element e, const std::string& at) {
    using namespace io;
    switch (e.type()) {
        case element_type::OBJECT: {
            const dom_object o = e.get_object().value_unsafe();
            check_duplicate_keys(o, at);
            std::vector<std::pair<std::string_view, element>> members;
            for (auto [key, value] : o) members.emplace_back(key, value);
            std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            w.begin_object();
            for (const auto& [key, value] : members) {
                w.key(key);
                write_canonical(w, value, join_pointer(at, key));
            }
            w.end_object();
            break;
        }
        case element_type::ARRAY: {
            w.begin_array();
            std::size_t i = 0;
            const dom_array items = e.get_array().value_unsafe();
            for (element item : items) write_canonical(w, item, join_pointer(at, i++));
            w.end_array();
            break;
        }
        case element_type::STRING: w.value(e.get_string().value_unsafe()); break;
        case element_type::INT64: w.value(e.get_int64().value_unsafe()); break;
        case element_type::UINT64: w.value(e.get_uint64().value_unsafe()); break;
        case element_type::DOUBLE: w.value(e.get_double().value_unsafe()); break;
        case element_type::BOOL: w.value(e.get_bool().value_unsafe()); break;
        case element_type::NULL_VALUE: w.null(); break;
    }
}

}  // namespace detail

// Reads an application from a parsed document; throws input_error naming the pointer and value
// of the first problem. Every section is read into its typed form here, once.
inline application application_from_dom(io::element root_value) {
    using namespace io;
    const std::string root;
    const dom_object j = require_object(root_value, root);
    check_keys(j, root,
               {"id", "title", "municipality", "period", "requested", "decision", "parties", "target_group",
                "places_per_year", "participants", "budget", "co_financing", "effect_measures", "criteria",
                "extension_of", "description", "notes", "sources", "economics", "return_transfer", "savings",
                "follow_up"});
    application app;
    app.id = read_string(required(j, "id", root), "/id", false);
    app.title = read_string(required(j, "title", root), "/title", false);
    if (auto m = optional(j, "municipality")) app.municipality = read_string(*m, "/municipality");

    const dom_object per = require_object(required(j, "period", root), "/period");
    check_keys(per, "/period", {"start", "end"});
    const date start = read_date(required(per, "start", "/period"), "/period/start");
    const date end = read_date(required(per, "end", "/period"), "/period/end");
    app.period = at_pointer("/period", [&] { return period(start, end); });

    app.requested = read_money_at_least(required(j, "requested", root), "/requested", money{}, true);

    if (auto d = optional(j, "decision")) {
        const dom_object o = require_object(*d, "/decision");
        check_keys(o, "/decision", {"date", "body", "granted"});
        socinv::decision dec;
        dec.on = read_date(required(o, "date", "/decision"), "/decision/date");
        if (auto b = optional(o, "body")) dec.body = read_string(*b, "/decision/body");
        dec.granted = read_money_at_least(required(o, "granted", "/decision"), "/decision/granted", money{}, false);
        app.decision = dec;
    }

    const dom_array parties = require_array(required(j, "parties", root), "/parties");
    if (parties.size() == 0) throw input_error("/parties", "[]", "an application needs at least one party");
    std::size_t index = 0;
    for (element value : parties) {
        const std::string at = join_pointer("/parties", index++);
        party p = detail::read_party(value, at);
        if (app.find_party(p.name))
            throw input_error(at + "/name", describe(json(p.name)),
                              "party \"" + p.name + "\" is named twice; party names must be unique");
        app.parties.push_back(std::move(p));
    }

    app.target_group = read_string(required(j, "target_group", root), "/target_group", false);
    if (auto p = optional(j, "places_per_year")) app.places_per_year = read_integer(*p, "/places_per_year", 0, 100'000'000);
    if (auto p = optional(j, "participants")) app.participants = read_integer(*p, "/participants", 0, 100'000'000);

    for_each_element(j, "budget", root, [&](element value, const std::string& at) {
        const dom_object line = require_object(value, at);
        check_keys(line, at, {"party", "year", "amount", "item"});
        budget_line b;
        const element party_name = required(line, "party", at);
        b.party = read_string(party_name, pointer_ref(at, "party"), false);
        if (!app.find_party(b.party))
            throw input_error(at + "/party", describe(party_name),
                              "budget line names party \"" + b.party + "\", which is not among the parties");
        b.year = static_cast<int>(read_integer(required(line, "year", at), pointer_ref(at, "year"), 1400, 9999));
        if (b.year < app.period.first_year() || b.year > app.period.last_year())
            throw input_error(at + "/year", std::to_string(b.year),
                              "budget year " + std::to_string(b.year) + " is outside the period " +
                                  app.period.to_string());
        b.amount = read_money_at_least(required(line, "amount", at), pointer_ref(at, "amount"), money{}, false);
        if (auto item = optional(line, "item")) b.item = read_string(*item, pointer_ref(at, "item"));
        app.budget.push_back(std::move(b));
    });
    for_each_element(j, "co_financing", root, [&](element value, const std::string& at) {
        const dom_object c = require_object(value, at);
        check_keys(c, at, {"funder", "amount"});
        app.co_financing.push_back({read_string(required(c, "funder", at), pointer_ref(at, "funder"), false),
                                    read_money_at_least(required(c, "amount", at), pointer_ref(at, "amount"), money{}, true)});
    });
    for_each_element(j, "effect_measures", root, [&](element m, const std::string& at) {
        app.effect_measures.push_back(detail::read_effect_measure(m, at));
    });
    if (auto criteria = optional(j, "criteria")) {
        const dom_object o = require_object(*criteria, "/criteria");
        check_duplicate_keys(o, "/criteria");
        for (auto [key, value] : o) {
            const std::string at = join_pointer("/criteria", key);
            const criterion c = at_pointer(at, [&] { return parse_criterion(key); });
            app.criteria[c] = detail::read_criterion_entry(value, at);
        }
    }
    if (auto e = optional(j, "extension_of")) {
        app.extension_of = read_string(*e, "/extension_of", false);
        if (*app.extension_of == app.id)
            throw input_error("/extension_of", describe(*e), "an application cannot extend itself");
    }
    if (auto d = optional(j, "description")) app.description = read_string(*d, "/description");
    if (auto n = optional(j, "notes")) app.notes = read_string(*n, "/notes");
    for_each_element(j, "sources", root, [&](element s, const std::string& at) { app.sources.push_back(read_string(s, at)); });
    if (auto e = optional(j, "economics")) app.economics = read_economics_section(*e, "/economics");
    if (auto r = optional(j, "return_transfer")) app.return_transfer = read_return_transfer_section(*r, "/return_transfer");
    if (auto s = optional(j, "savings")) app.savings = read_savings(*s, "/savings");
    if (auto f = optional(j, "follow_up")) app.follow_up = read_follow_up(*f, "/follow_up");
    for (auto [key, value] : j) {
        if (key.substr(0, 2) != "x-") continue;
        std::string text;
        io::json_writer w(text);
        detail::write_canonical(w, value, join_pointer(root, key));
        app.extensions.emplace_back(std::string(key), std::move(text));
    }

    // Sums must fit too: an overflow here is the input's fault, not a crash.
    at_pointer("/budget", [&] { return app.total_cost(); });
    check_consistency(app);
    return app;
}

// Reads an application from JSON text (parsed once, with the calling thread's parser).
inline application application_from_text(std::string_view text) {
    return application_from_dom(io::thread_parser().parse(text));
}

// Reads an application from an nlohmann document (a fund file's portfolio, a test).
inline application application_from_json(const io::json& j) { return application_from_text(j.dump()); }

// Writes an application in the interchange format; application_from_text reads it back equal.
inline io::json to_json(const application& app) {
    using io::json;
    json j;
    j["id"] = app.id;
    j["title"] = app.title;
    if (!app.municipality.empty()) j["municipality"] = app.municipality;
    j["period"] = {{"start", to_iso(app.period.start())}, {"end", to_iso(app.period.end())}};
    j["requested"] = format_decimal(app.requested);
    if (app.decision)
        j["decision"] = {{"date", to_iso(app.decision->on)},
                         {"body", app.decision->body},
                         {"granted", format_decimal(app.decision->granted)}};
    j["parties"] = json::array();
    for (const auto& p : app.parties) {
        json pj = {{"name", p.name}, {"kind", to_string(p.kind)}, {"role", to_string(p.role)}};
        if (p.form) pj["form"] = to_string(*p.form);
        j["parties"].push_back(std::move(pj));
    }
    j["target_group"] = app.target_group;
    if (app.places_per_year) j["places_per_year"] = *app.places_per_year;
    if (app.participants) j["participants"] = *app.participants;
    if (!app.budget.empty()) {
        j["budget"] = json::array();
        for (const auto& b : app.budget) {
            json bj = {{"party", b.party}, {"year", b.year}, {"amount", format_decimal(b.amount)}};
            if (!b.item.empty()) bj["item"] = b.item;
            j["budget"].push_back(std::move(bj));
        }
    }
    if (!app.co_financing.empty()) {
        j["co_financing"] = json::array();
        for (const auto& c : app.co_financing)
            j["co_financing"].push_back({{"funder", c.funder}, {"amount", format_decimal(c.amount)}});
    }
    if (!app.effect_measures.empty()) {
        j["effect_measures"] = json::array();
        for (const auto& m : app.effect_measures) {
            json mj = {{"name", m.name}, {"unit", m.unit}};
            mj["baseline"] = m.baseline ? json(*m.baseline) : json(nullptr);
            mj["target"] = m.target ? json(*m.target) : json(nullptr);
            if (m.direction) mj["direction"] = to_string(*m.direction);
            j["effect_measures"].push_back(std::move(mj));
        }
    }
    if (!app.criteria.empty()) {
        json cj = json::object();
        for (const auto& [c, entry] : app.criteria) {
            json ej = json::object();
            if (!entry.statement.empty()) ej["statement"] = entry.statement;
            if (entry.assessment) {
                json aj = {{"verdict", to_string(entry.assessment->verdict)}};
                if (!entry.assessment->comment.empty()) aj["comment"] = entry.assessment->comment;
                if (!entry.assessment->by.empty()) aj["by"] = entry.assessment->by;
                if (entry.assessment->on) aj["date"] = to_iso(*entry.assessment->on);
                ej["assessment"] = std::move(aj);
            }
            cj[std::string(to_string(c))] = std::move(ej);
        }
        j["criteria"] = std::move(cj);
    }
    if (app.extension_of) j["extension_of"] = *app.extension_of;
    if (!app.description.empty()) j["description"] = app.description;
    if (!app.notes.empty()) j["notes"] = app.notes;
    if (!app.sources.empty()) j["sources"] = app.sources;
    if (app.economics) j["economics"] = to_json(*app.economics);
    if (app.return_transfer) j["return_transfer"] = to_json(*app.return_transfer);
    if (app.savings) j["savings"] = to_json(*app.savings);
    if (app.follow_up) j["follow_up"] = to_json(*app.follow_up);
    for (const auto& [key, text] : app.extensions) j[key] = json::parse(text);
    return j;
}

// nlohmann's conversions, found by ADL: `j.get<application>()` reads with the same checks and
// pointer-precise errors as application_from_text, and `io::json j = app;` writes to_json(app).
inline void from_json(const io::json& j, application& app) { app = application_from_json(j); }
inline void to_json(io::json& j, const application& app) { j = to_json(app); }

}  // namespace socinv
