#pragma once
// The `economics` section of an application to and from JSON, with pointer-precise errors.

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/application/economics_section.hpp"
#include "socinv/io/dom_reader.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/parse.hpp"

namespace socinv {

namespace detail {

inline double read_param(io::dom_object o, std::string_view key, const std::string& at) {
    return io::read_number(io::required(o, key, at), io::pointer_ref(at, key));
}

}  // namespace detail

// A number (fixed) or {"dist": kind, ...}: uniform {low, high}; triangular and pert {low, mode,
// high}; normal {mean, sd}; lognormal {mu, sigma} of the logarithm; fixed {value}. When given,
// [min, max] bounds the distribution's support (normal and lognormal: their mean).
inline distribution read_distribution(io::element j, const std::string& at, double min = -INFINITY,
                                      double max = INFINITY) {
    using namespace io;
    auto in_range = [&](double x, const std::string& where) {
        if (x < min || x > max)
            throw input_error(where, describe(j), "value " + std::to_string(x) + " is outside " + std::to_string(min) +
                                                      ".." + std::to_string(max));
    };
    if (is_number(j)) {
        const double v = read_number(j, at);
        in_range(v, at);
        return distribution::fixed(v);
    }
    if (j.type() != element_type::OBJECT) wrong_type(j, at, "a number or a distribution {\"dist\": ...}");
    const dom_object o = j.get_object().value_unsafe();
    const auto kind = read_enum(required(o, "dist", at), pointer_ref(at, "dist"), [](std::string_view s) {
        return detail::parse_name(s, distribution_kind_names, "distribution");
    });
    distribution d;
    try {
        switch (kind) {
            case distribution_kind::fixed:
                check_keys(o, at, {"dist", "value"});
                d = distribution::fixed(detail::read_param(o, "value", at));
                break;
            case distribution_kind::uniform:
                check_keys(o, at, {"dist", "low", "high"});
                d = distribution::uniform(detail::read_param(o, "low", at), detail::read_param(o, "high", at));
                break;
            case distribution_kind::triangular:
            case distribution_kind::pert: {
                check_keys(o, at, {"dist", "low", "mode", "high"});
                const double lo = detail::read_param(o, "low", at), mode = detail::read_param(o, "mode", at),
                             hi = detail::read_param(o, "high", at);
                d = kind == distribution_kind::pert ? distribution::pert(lo, mode, hi) : distribution::triangular(lo, mode, hi);
                break;
            }
            case distribution_kind::normal:
                check_keys(o, at, {"dist", "mean", "sd"});
                d = distribution::normal(detail::read_param(o, "mean", at), detail::read_param(o, "sd", at));
                break;
            case distribution_kind::lognormal:
                check_keys(o, at, {"dist", "mu", "sigma"});
                d = distribution::lognormal(detail::read_param(o, "mu", at), detail::read_param(o, "sigma", at));
                break;
        }
    } catch (const input_error&) {
        throw;
    } catch (const std::invalid_argument& e) {  // the distribution's own parameter checks
        throw input_error(at, describe(j), e.what());
    }
    switch (kind) {
        case distribution_kind::normal:
        case distribution_kind::lognormal: in_range(d.mean(), at); break;
        case distribution_kind::fixed: in_range(d.a, at); break;
        case distribution_kind::uniform:  // the support's ends
            in_range(d.a, at);
            in_range(d.b, at);
            break;
        case distribution_kind::triangular:
        case distribution_kind::pert:
            in_range(d.a, at);
            in_range(d.c, at);
            break;
    }
    return d;
}

inline discount_schedule read_discount(io::element j, const std::string& at) {
    using namespace io;
    auto rate_of = [&](element r, const std::string& where) {
        const double rate = read_number(r, where);
        if (!(rate > -1 && rate < 1)) throw input_error(where, describe(r), "discount rate must lie in (-1, 1)");
        return rate;
    };
    if (is_number(j)) return discount_schedule::constant(rate_of(j, at));
    if (j.type() == element_type::STRING) {
        if (j.get_string().value_unsafe() == "green_book") return discount_schedule::green_book();
        throw input_error(at, describe(j), "unknown discount schedule " + describe(j) + " (expected \"green_book\", a rate or an object)");
    }
    const dom_object o = require_object(j, at);
    check_keys(o, at, {"rate", "steps", "schedule", "inflation"});
    discount_schedule schedule;
    const auto rate = optional(o, "rate"), nested = optional(o, "schedule"), steps = optional(o, "steps");
    if (rate.has_value() + nested.has_value() + steps.has_value() > 1)
        throw input_error(at, "an object", "a discount takes one of \"rate\", \"schedule\" and \"steps\", not several");
    if (rate) {
        schedule = discount_schedule::constant(rate_of(*rate, at + "/rate"));
    } else if (nested) {
        schedule = read_discount(*nested, at + "/schedule");
    } else if (steps) {
        std::vector<rate_step> out;
        std::size_t i = 0;
        for (element step_value : require_array(*steps, at + "/steps")) {
            const std::string sp = join_pointer(at + "/steps", i++);
            const dom_object step = require_object(step_value, sp);
            check_keys(step, sp, {"from_year", "rate"});
            out.push_back({read_number(required(step, "from_year", sp), pointer_ref(sp, "from_year")),
                           rate_of(required(step, "rate", sp), sp + "/rate")});
        }
        try {
            schedule = discount_schedule::steps(out);
        } catch (const input_error& e) {  // names the step ("/1/from_year"): keep its pointer and value
            throw e.under(at + "/steps");
        }
    } else {
        throw input_error(at, "an object", "a discount needs \"rate\", \"schedule\" or \"steps\"");
    }
    // Rates given in nominal terms are turned real (Fisher) when an inflation rate is given.
    if (auto inflation = optional(o, "inflation")) schedule = schedule.to_real(rate_of(*inflation, at + "/inflation"));
    return schedule;
}

inline exclusion_cost_inputs read_exclusion_costs(io::element j, const std::string& at) {
    using namespace io;
    const dom_object o = require_object(j, at);
    check_keys(o, at, {"items", "scale", "age_from", "age_to", "overrides"});
    exclusion_cost_inputs in;
    if (auto items = optional(o, "items")) {
        in.items.emplace();
        std::size_t i = 0;
        for (element item_value : require_array(*items, at + "/items")) {
            const std::string ip = join_pointer(at + "/items", i++);
            const dom_object item = require_object(item_value, ip);
            check_keys(item, ip, {"name", "payer", "level", "nature", "per_year", "source"});
            exclusion_cost_item out;
            out.name = read_string(required(item, "name", ip), pointer_ref(ip, "name"), false);
            out.payer = read_string(required(item, "payer", ip), pointer_ref(ip, "payer"), false);
            out.level = read_enum(required(item, "level", ip), pointer_ref(ip, "level"),
                                  [](std::string_view s) { return detail::parse_name(s, payer_level_names, "payer level"); });
            out.nature = read_enum(required(item, "nature", ip), pointer_ref(ip, "nature"),
                                   [](std::string_view s) { return detail::parse_name(s, cost_nature_names, "cost nature"); });
            out.per_year = read_distribution(required(item, "per_year", ip), ip + "/per_year", 0);
            if (auto s = optional(item, "source")) out.source = read_string(*s, pointer_ref(ip, "source"));
            in.items->push_back(std::move(out));
        }
    }
    const exclusion_cost_profile& defaults = default_exclusion_costs();
    const std::vector<exclusion_cost_item>& items = in.items ? *in.items : defaults.items;
    if (auto overrides = optional(o, "overrides")) {
        const std::string op_base = at + "/overrides";
        const dom_object list = require_object(*overrides, op_base);
        check_duplicate_keys(list, op_base);
        for (auto [key, value] : list) {
            const std::string name(key);
            const std::string op = join_pointer(op_base, name);
            bool found = false;
            for (const auto& item : items) found = found || item.name == name;
            if (!found) throw input_error(op, "\"" + name + "\"", "no exclusion cost item is named \"" + name + "\"");
            in.overrides[name] = read_distribution(value, op, 0);
        }
    }
    if (auto s = optional(o, "scale")) in.scale = read_distribution(*s, at + "/scale", 0);
    if (auto a = optional(o, "age_from")) in.age_from = static_cast<int>(read_integer(*a, pointer_ref(at, "age_from"), 0, 120));
    if (auto a = optional(o, "age_to")) in.age_to = static_cast<int>(read_integer(*a, pointer_ref(at, "age_to"), 1, 120));
    const int from = in.age_from.value_or(defaults.age_from);
    const int to = in.age_to.value_or(defaults.age_to);
    if (to <= from)
        throw input_error(at + "/age_to", std::to_string(to),
                          "age_to " + std::to_string(to) + " must be after age_from " + std::to_string(from));
    return in;
}

inline economics_section read_economics_section(io::element j, const std::string& at) {
    using namespace io;
    const dom_object o = require_object(j, at);
    check_keys(o, at,
               {"view", "base_year", "horizon_years", "discount", "cohorts", "participants_per_year", "success_rate",
                "deadweight", "attribution", "displacement", "drop_off", "effect_years", "cost_factor",
                "start_lag_years", "exclusion_cost", "notes", "sources"});
    economics_section e;
    if (auto v = optional(o, "view"))
        e.view = read_enum(*v, pointer_ref(at, "view"), [](std::string_view s) { return detail::parse_name(s, economic_view_names, "view"); });
    if (auto b = optional(o, "base_year")) e.base_year = static_cast<int>(read_integer(*b, pointer_ref(at, "base_year"), 1400, 9999));
    if (auto h = optional(o, "horizon_years")) e.horizon_years = static_cast<int>(read_integer(*h, pointer_ref(at, "horizon_years"), 1, 300));
    if (auto d = optional(o, "discount")) e.discount = read_discount(*d, at + "/discount");
    if (auto lag = optional(o, "start_lag_years"))
        e.start_lag_years = static_cast<int>(read_integer(*lag, pointer_ref(at, "start_lag_years"), 0, 50));
    if (auto cohorts = optional(o, "cohorts")) {
        e.cohorts.emplace();
        std::size_t i = 0;
        for (element value : require_array(*cohorts, at + "/cohorts")) {
            const std::string cp = join_pointer(at + "/cohorts", i++);
            const dom_object c = require_object(value, cp);
            check_keys(c, cp, {"year", "participants"});
            const int year = static_cast<int>(read_integer(required(c, "year", cp), pointer_ref(cp, "year"), 1400, 9999));
            const element people_value = required(c, "participants", cp);
            const double people = read_number(people_value, pointer_ref(cp, "participants"));
            if (people < 0) throw input_error(cp + "/participants", describe(people_value), "participants must not be negative");
            e.cohorts->push_back({year, people});
        }
    }
    if (auto p = optional(o, "participants_per_year")) {
        e.participants_per_year = read_number(*p, pointer_ref(at, "participants_per_year"));
        if (*e.participants_per_year < 0)
            throw input_error(at + "/participants_per_year", describe(*p), "participants must not be negative");
    }
    e.success_rate = read_distribution(required(o, "success_rate", at), at + "/success_rate", 0, 1);
    if (auto x = optional(o, "deadweight")) e.deadweight = read_distribution(*x, at + "/deadweight", 0, 1);
    if (auto x = optional(o, "attribution")) e.attribution = read_distribution(*x, at + "/attribution", 0, 1);
    if (auto x = optional(o, "displacement")) e.displacement = read_distribution(*x, at + "/displacement", 0, 1);
    if (auto x = optional(o, "drop_off")) e.drop_off = read_distribution(*x, at + "/drop_off", 0, 1);
    if (auto x = optional(o, "effect_years")) e.effect_years = read_distribution(*x, at + "/effect_years", 0, 100);
    if (auto x = optional(o, "cost_factor")) e.cost_factor = read_distribution(*x, at + "/cost_factor", 0);
    if (auto x = optional(o, "exclusion_cost")) e.exclusion_cost = read_exclusion_costs(*x, at + "/exclusion_cost");
    if (auto n = optional(o, "notes")) e.notes = read_string(*n, pointer_ref(at, "notes"));
    for_each_element(o, "sources", at, [&](element s, const std::string& sp) { e.sources.push_back(read_string(s, sp)); });
    return e;
}

// --- writing -------------------------------------------------------------------------------------

inline io::json to_json(const distribution& d) {
    switch (d.kind) {
        case distribution_kind::fixed: return d.a;
        case distribution_kind::uniform: return {{"dist", "uniform"}, {"low", d.a}, {"high", d.b}};
        case distribution_kind::triangular:
        case distribution_kind::pert:
            return {{"dist", std::string(to_string(d.kind))}, {"low", d.a}, {"mode", d.b}, {"high", d.c}};
        case distribution_kind::normal: return {{"dist", "normal"}, {"mean", d.a}, {"sd", d.b}};
        case distribution_kind::lognormal: return {{"dist", "lognormal"}, {"mu", d.a}, {"sigma", d.b}};
    }
    return nullptr;
}

// A schedule as its steps, which read back into the same schedule.
inline io::json to_json(const discount_schedule& s) {
    io::json steps = io::json::array();
    for (const auto& step : s.rate_steps()) steps.push_back({{"from_year", step.from_year}, {"rate", step.rate}});
    return {{"steps", std::move(steps)}};
}

inline io::json to_json(const exclusion_cost_inputs& in) {
    io::json j = io::json::object();
    if (in.items) {
        j["items"] = io::json::array();
        for (const auto& item : *in.items) {
            io::json ij = {{"name", item.name},
                           {"payer", item.payer},
                           {"level", std::string(to_string(item.level))},
                           {"nature", std::string(to_string(item.nature))},
                           {"per_year", to_json(item.per_year)}};
            if (!item.source.empty()) ij["source"] = item.source;
            j["items"].push_back(std::move(ij));
        }
    }
    if (!in.overrides.empty()) {
        j["overrides"] = io::json::object();
        for (const auto& [name, d] : in.overrides) j["overrides"][name] = to_json(d);
    }
    if (in.scale) j["scale"] = to_json(*in.scale);
    if (in.age_from) j["age_from"] = *in.age_from;
    if (in.age_to) j["age_to"] = *in.age_to;
    return j;
}

inline io::json to_json(const economics_section& e) {
    io::json j = io::json::object();
    if (e.view) j["view"] = std::string(to_string(*e.view));
    if (e.base_year) j["base_year"] = *e.base_year;
    if (e.horizon_years) j["horizon_years"] = *e.horizon_years;
    if (e.discount) j["discount"] = to_json(*e.discount);
    if (e.start_lag_years) j["start_lag_years"] = *e.start_lag_years;
    if (e.cohorts) {
        j["cohorts"] = io::json::array();
        for (const auto& c : *e.cohorts) j["cohorts"].push_back({{"year", c.year}, {"participants", c.participants}});
    }
    if (e.participants_per_year) j["participants_per_year"] = *e.participants_per_year;
    j["success_rate"] = to_json(e.success_rate);
    const std::pair<const char*, const std::optional<distribution>*> optional_inputs[] = {
        {"deadweight", &e.deadweight}, {"attribution", &e.attribution}, {"displacement", &e.displacement},
        {"drop_off", &e.drop_off},     {"effect_years", &e.effect_years}, {"cost_factor", &e.cost_factor}};
    for (const auto& [name, value] : optional_inputs)
        if (*value) j[name] = to_json(**value);
    if (e.exclusion_cost) j["exclusion_cost"] = to_json(*e.exclusion_cost);
    if (!e.notes.empty()) j["notes"] = e.notes;
    if (!e.sources.empty()) j["sources"] = e.sources;
    return j;
}

// nlohmann's conversions, found by ADL: `j.get<economics_section>()` reads the section as the
// application reader does (pointers relative to the section), `io::json j = section;` writes it.
inline void from_json(const io::json& j, economics_section& e) {
    e = read_economics_section(io::thread_parser().parse(j.dump()), "");
}
inline void to_json(io::json& j, const economics_section& e) { j = to_json(e); }

}  // namespace socinv
