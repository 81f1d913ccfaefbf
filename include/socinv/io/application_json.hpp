#pragma once
// The application model to and from JSON (docs/application-format.md), with pointer-precise errors.

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/application/application.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/io/economics_json.hpp"
#include "socinv/io/transfer_json.hpp"
#include "socinv/io/json_reader.hpp"

namespace socinv {

namespace detail {

inline party read_party(const io::json& j, const std::string& at) {
    using namespace io;
    require_object(j, at);
    reject_unknown_keys(j, at, {"name", "kind", "form", "role"});
    party p;
    p.name = read_string(required(j, "name", at), join_pointer(at, "name"), false);
    p.kind = read_enum(required(j, "kind", at), join_pointer(at, "kind"), parse_party_kind);
    if (const json* form = optional(j, "form")) {
        if (p.kind != party_kind::civil_society)
            throw input_error(join_pointer(at, "form"), describe(*form),
                              "a form is given only for civil_society parties, not for " +
                                  std::string(to_string(p.kind)));
        p.form = read_enum(*form, join_pointer(at, "form"), parse_civil_society_form);
    } else if (p.kind == party_kind::civil_society) {
        p.form = civil_society_form::other;
    }
    if (const json* role = optional(j, "role")) p.role = read_enum(*role, join_pointer(at, "role"), parse_party_role);
    return p;
}

inline effect_measure read_effect_measure(const io::json& j, const std::string& at) {
    using namespace io;
    require_object(j, at);
    reject_unknown_keys(j, at, {"name", "unit", "baseline", "target", "direction"});
    effect_measure m;
    m.name = read_string(required(j, "name", at), join_pointer(at, "name"), false);
    m.unit = read_string(required(j, "unit", at), join_pointer(at, "unit"));
    if (const json* b = optional(j, "baseline")) m.baseline = read_number(*b, join_pointer(at, "baseline"));
    if (const json* t = optional(j, "target")) m.target = read_number(*t, join_pointer(at, "target"));
    if (const json* d = optional(j, "direction")) {
        m.direction = read_enum(*d, join_pointer(at, "direction"), [](std::string_view s) {
            static constexpr detail::enum_names<effect_direction, 2> names{
                {{effect_direction::decrease, "decrease"}, {effect_direction::increase, "increase"}}};
            return detail::parse_name(s, names, "direction");
        });
    }
    return m;
}

inline criterion_entry read_criterion_entry(const io::json& j, const std::string& at) {
    using namespace io;
    require_object(j, at);
    reject_unknown_keys(j, at, {"statement", "assessment"});
    criterion_entry entry;
    if (const json* s = optional(j, "statement")) entry.statement = read_string(*s, join_pointer(at, "statement"));
    if (const json* a = optional(j, "assessment")) {
        const std::string ap = join_pointer(at, "assessment");
        require_object(*a, ap);
        reject_unknown_keys(*a, ap, {"verdict", "comment", "by", "date"});
        evaluator_assessment assessment;
        assessment.verdict = read_enum(required(*a, "verdict", ap), join_pointer(ap, "verdict"), parse_verdict);
        if (const json* c = optional(*a, "comment")) assessment.comment = read_string(*c, join_pointer(ap, "comment"));
        if (const json* b = optional(*a, "by")) assessment.by = read_string(*b, join_pointer(ap, "by"));
        if (const json* d = optional(*a, "date")) assessment.on = read_date(*d, join_pointer(ap, "date"));
        entry.assessment = assessment;
    }
    return entry;
}

template <class F>
void for_each_element(const io::json& object, std::string_view key, const std::string& at, F&& read) {
    if (const io::json* array = io::optional(object, key)) {
        const std::string ap = io::join_pointer(at, key);
        io::require_array(*array, ap);
        for (std::size_t i = 0; i < array->size(); ++i) read((*array)[i], io::join_pointer(ap, i));
    }
}

inline std::string_view direction_name(effect_direction d) {
    return d == effect_direction::decrease ? "decrease" : "increase";
}

}  // namespace detail

// Reads an application; throws input_error naming the pointer and value of the first problem.
inline application application_from_json(const io::json& j) {
    using namespace io;
    const std::string root;
    require_object(j, root);
    reject_unknown_keys(j, root,
                        {"id", "title", "municipality", "period", "requested", "decision", "parties", "target_group",
                         "places_per_year", "participants", "budget", "co_financing", "effect_measures", "criteria",
                         "extension_of", "description", "notes", "sources", "economics", "return_transfer",
                         "savings"});
    application app;
    app.id = read_string(required(j, "id", root), "/id", false);
    app.title = read_string(required(j, "title", root), "/title", false);
    if (const json* m = optional(j, "municipality")) app.municipality = read_string(*m, "/municipality");

    const json& per = require_object(required(j, "period", root), "/period");
    reject_unknown_keys(per, "/period", {"start", "end"});
    const date start = read_date(required(per, "start", "/period"), "/period/start");
    const date end = read_date(required(per, "end", "/period"), "/period/end");
    app.period = at_pointer("/period", [&] { return period(start, end); });

    app.requested = read_money_at_least(required(j, "requested", root), "/requested", money{}, true);

    if (const json* d = optional(j, "decision")) {
        require_object(*d, "/decision");
        reject_unknown_keys(*d, "/decision", {"date", "body", "granted"});
        socinv::decision dec;
        dec.on = read_date(required(*d, "date", "/decision"), "/decision/date");
        if (const json* b = optional(*d, "body")) dec.body = read_string(*b, "/decision/body");
        dec.granted = read_money_at_least(required(*d, "granted", "/decision"), "/decision/granted", money{}, false);
        app.decision = dec;
    }

    const json& parties = require_array(required(j, "parties", root), "/parties");
    if (parties.empty()) throw input_error("/parties", "[]", "an application needs at least one party");
    std::set<std::string> names;
    for (std::size_t i = 0; i < parties.size(); ++i) {
        const std::string at = join_pointer("/parties", i);
        party p = detail::read_party(parties[i], at);
        if (!names.insert(p.name).second)
            throw input_error(at + "/name", describe(parties[i]["name"]),
                              "party \"" + p.name + "\" is named twice; party names must be unique");
        app.parties.push_back(std::move(p));
    }

    app.target_group = read_string(required(j, "target_group", root), "/target_group", false);
    if (const json* p = optional(j, "places_per_year")) app.places_per_year = read_integer(*p, "/places_per_year", 0, 100'000'000);
    if (const json* p = optional(j, "participants")) app.participants = read_integer(*p, "/participants", 0, 100'000'000);

    detail::for_each_element(j, "budget", root, [&](const json& line, const std::string& at) {
        require_object(line, at);
        reject_unknown_keys(line, at, {"party", "year", "amount", "item"});
        budget_line b;
        b.party = read_string(required(line, "party", at), at + "/party", false);
        if (!app.find_party(b.party))
            throw input_error(at + "/party", describe(line["party"]),
                              "budget line names party \"" + b.party + "\", which is not among the parties");
        b.year = static_cast<int>(read_integer(required(line, "year", at), at + "/year", 1400, 9999));
        if (b.year < app.period.first_year() || b.year > app.period.last_year())
            throw input_error(at + "/year", std::to_string(b.year),
                              "budget year " + std::to_string(b.year) + " is outside the period " +
                                  app.period.to_string());
        b.amount = read_money_at_least(required(line, "amount", at), at + "/amount", money{}, false);
        if (const json* item = optional(line, "item")) b.item = read_string(*item, at + "/item");
        app.budget.push_back(std::move(b));
    });
    detail::for_each_element(j, "co_financing", root, [&](const json& c, const std::string& at) {
        require_object(c, at);
        reject_unknown_keys(c, at, {"funder", "amount"});
        app.co_financing.push_back({read_string(required(c, "funder", at), at + "/funder", false),
                                    read_money_at_least(required(c, "amount", at), at + "/amount", money{}, true)});
    });
    detail::for_each_element(j, "effect_measures", root, [&](const json& m, const std::string& at) {
        app.effect_measures.push_back(detail::read_effect_measure(m, at));
    });
    if (const json* criteria = optional(j, "criteria")) {
        require_object(*criteria, "/criteria");
        for (const auto& [key, value] : criteria->items()) {
            const std::string at = join_pointer("/criteria", key);
            const criterion c = at_pointer(at, [&] { return parse_criterion(key); });
            app.criteria[c] = detail::read_criterion_entry(value, at);
        }
    }
    if (const json* e = optional(j, "extension_of")) {
        app.extension_of = read_string(*e, "/extension_of", false);
        if (*app.extension_of == app.id)
            throw input_error("/extension_of", describe(*e), "an application cannot extend itself");
    }
    if (const json* d = optional(j, "description")) app.description = read_string(*d, "/description");
    if (const json* n = optional(j, "notes")) app.notes = read_string(*n, "/notes");
    detail::for_each_element(j, "sources", root, [&](const json& s, const std::string& at) {
        app.sources.push_back(read_string(s, at));
    });
    if (auto it = j.find("economics"); it != j.end()) app.economics = *it;
    if (auto it = j.find("return_transfer"); it != j.end()) app.return_transfer = *it;
    if (auto it = j.find("savings"); it != j.end()) app.savings = *it;
    for (const auto& [key, value] : j.items())
        if (key.rfind("x-", 0) == 0) app.extra[key] = value;

    // Sums must fit too: an overflow here is the input's fault, not a crash.
    at_pointer("/budget", [&] { return app.total_cost(); });
    // A cost model that cannot be built is bad input, found when the application is read.
    if (!app.economics.is_null()) (void)cost_model_from(app);
    if (!app.return_transfer.is_null()) (void)schedule_from(app);
    return app;
}

// Writes an application in the interchange format; application_from_json reads it back equal.
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
            if (m.direction) mj["direction"] = detail::direction_name(*m.direction);
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
    if (!app.economics.is_null()) j["economics"] = app.economics;
    if (!app.return_transfer.is_null()) j["return_transfer"] = app.return_transfer;
    if (!app.savings.is_null()) j["savings"] = app.savings;
    for (const auto& [key, value] : app.extra.items()) j[key] = value;
    return j;
}

}  // namespace socinv
