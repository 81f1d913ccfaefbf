#pragma once
// The `economics` section of an application: reading it into a cost model, with pointer-precise errors.

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "socinv/application/application.hpp"
#include "socinv/core/allocation.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/io/json_reader.hpp"

namespace socinv {

namespace detail {

inline double read_param(const io::json& o, std::string_view key, const std::string& at) {
    return io::read_number(io::required(o, key, at), io::join_pointer(at, key));
}

}  // namespace detail

// A number (fixed) or {"dist": kind, ...}: uniform {low, high}; triangular and pert {low, mode,
// high}; normal {mean, sd}; lognormal {mu, sigma} of the logarithm; fixed {value}. When given,
// [min, max] bounds the distribution's support (normal and lognormal: their mean).
inline distribution read_distribution(const io::json& j, const std::string& at, double min = -INFINITY,
                                      double max = INFINITY) {
    using namespace io;
    auto in_range = [&](double x, const std::string& where) {
        if (x < min || x > max)
            throw input_error(where, describe(j), "value " + std::to_string(x) + " is outside " + std::to_string(min) +
                                                      ".." + std::to_string(max));
    };
    if (j.is_number()) {
        const double v = read_number(j, at);
        in_range(v, at);
        return distribution::fixed(v);
    }
    if (!j.is_object()) wrong_type(j, at, "a number or a distribution {\"dist\": ...}");
    const auto kind = read_enum(required(j, "dist", at), join_pointer(at, "dist"), [](std::string_view s) {
        return detail::parse_name(s, distribution_kind_names, "distribution");
    });
    distribution d;
    try {
        switch (kind) {
            case distribution_kind::fixed:
                reject_unknown_keys(j, at, {"dist", "value"});
                d = distribution::fixed(detail::read_param(j, "value", at));
                break;
            case distribution_kind::uniform:
                reject_unknown_keys(j, at, {"dist", "low", "high"});
                d = distribution::uniform(detail::read_param(j, "low", at), detail::read_param(j, "high", at));
                break;
            case distribution_kind::triangular:
            case distribution_kind::pert: {
                reject_unknown_keys(j, at, {"dist", "low", "mode", "high"});
                const double lo = detail::read_param(j, "low", at), mode = detail::read_param(j, "mode", at),
                             hi = detail::read_param(j, "high", at);
                d = kind == distribution_kind::pert ? distribution::pert(lo, mode, hi) : distribution::triangular(lo, mode, hi);
                break;
            }
            case distribution_kind::normal:
                reject_unknown_keys(j, at, {"dist", "mean", "sd"});
                d = distribution::normal(detail::read_param(j, "mean", at), detail::read_param(j, "sd", at));
                break;
            case distribution_kind::lognormal:
                reject_unknown_keys(j, at, {"dist", "mu", "sigma"});
                d = distribution::lognormal(detail::read_param(j, "mu", at), detail::read_param(j, "sigma", at));
                break;
        }
    } catch (const input_error&) {
        throw;
    } catch (const std::invalid_argument& e) {  // the distribution's own parameter checks
        throw input_error(at, describe(j), e.what());
    }
    if (kind == distribution_kind::normal || kind == distribution_kind::lognormal) {
        in_range(d.mean(), at);
    } else {
        in_range(d.quantile(0.0), at);
        in_range(d.quantile(1.0), at);
    }
    return d;
}

inline discount_schedule read_discount(const io::json& j, const std::string& at) {
    using namespace io;
    auto rate_of = [&](const json& r, const std::string& where) {
        const double rate = read_number(r, where);
        if (!(rate > -1 && rate < 1)) throw input_error(where, describe(r), "discount rate must lie in (-1, 1)");
        return rate;
    };
    if (j.is_number()) return discount_schedule::constant(rate_of(j, at));
    if (j.is_string()) {
        if (j.get_ref<const std::string&>() == "green_book") return discount_schedule::green_book();
        throw input_error(at, describe(j), "unknown discount schedule " + describe(j) + " (expected \"green_book\", a rate or an object)");
    }
    require_object(j, at);
    reject_unknown_keys(j, at, {"rate", "steps", "schedule", "inflation"});
    discount_schedule schedule;
    const int given = (optional(j, "rate") != nullptr) + (optional(j, "schedule") != nullptr) + (optional(j, "steps") != nullptr);
    if (given > 1) throw input_error(at, "an object", "a discount takes one of \"rate\", \"schedule\" and \"steps\", not several");
    if (const json* r = optional(j, "rate")) {
        schedule = discount_schedule::constant(rate_of(*r, at + "/rate"));
    } else if (const json* s = optional(j, "schedule")) {
        schedule = read_discount(*s, at + "/schedule");
    } else if (const json* steps = optional(j, "steps")) {
        require_array(*steps, at + "/steps");
        std::vector<rate_step> out;
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const std::string sp = join_pointer(at + "/steps", i);
            const json& step = require_object((*steps)[i], sp);
            reject_unknown_keys(step, sp, {"from_year", "rate"});
            out.push_back({read_number(required(step, "from_year", sp), sp + "/from_year"),
                           rate_of(required(step, "rate", sp), sp + "/rate")});
        }
        try {
            schedule = discount_schedule::steps(out);
        } catch (const std::invalid_argument& e) {
            throw input_error(at + "/steps", "", e.what());
        }
    } else {
        throw input_error(at, "an object", "a discount needs \"rate\", \"schedule\" or \"steps\"");
    }
    // Rates given in nominal terms are turned real (Fisher) when an inflation rate is given.
    if (const json* inflation = optional(j, "inflation")) schedule = schedule.to_real(rate_of(*inflation, at + "/inflation"));
    return schedule;
}

inline exclusion_cost_profile read_exclusion_costs(const io::json& j, const std::string& at) {
    using namespace io;
    require_object(j, at);
    reject_unknown_keys(j, at, {"items", "scale", "age_from", "age_to", "overrides"});
    exclusion_cost_profile p = default_exclusion_costs();
    if (const json* items = optional(j, "items")) {
        require_array(*items, at + "/items");
        p.name = "custom";
        p.items.clear();
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string ip = join_pointer(at + "/items", i);
            const json& item = require_object((*items)[i], ip);
            reject_unknown_keys(item, ip, {"name", "payer", "level", "nature", "per_year", "source"});
            exclusion_cost_item out;
            out.name = read_string(required(item, "name", ip), ip + "/name", false);
            out.payer = read_string(required(item, "payer", ip), ip + "/payer", false);
            out.level = read_enum(required(item, "level", ip), ip + "/level",
                                  [](std::string_view s) { return detail::parse_name(s, payer_level_names, "payer level"); });
            out.nature = read_enum(required(item, "nature", ip), ip + "/nature",
                                   [](std::string_view s) { return detail::parse_name(s, cost_nature_names, "cost nature"); });
            out.per_year = read_distribution(required(item, "per_year", ip), ip + "/per_year", 0);
            if (const json* s = optional(item, "source")) out.source = read_string(*s, ip + "/source");
            p.items.push_back(std::move(out));
        }
    }
    if (const json* overrides = optional(j, "overrides")) {
        require_object(*overrides, at + "/overrides");
        for (const auto& [name, value] : overrides->items()) {
            const std::string op = join_pointer(at + "/overrides", name);
            bool found = false;
            for (auto& item : p.items)
                if (item.name == name) {
                    item.per_year = read_distribution(value, op, 0);
                    found = true;
                }
            if (!found) throw input_error(op, "\"" + name + "\"", "no exclusion cost item is named \"" + name + "\"");
        }
    }
    if (const json* s = optional(j, "scale")) p.scale = read_distribution(*s, at + "/scale", 0);
    if (const json* a = optional(j, "age_from")) p.age_from = static_cast<int>(read_integer(*a, at + "/age_from", 0, 120));
    if (const json* a = optional(j, "age_to")) p.age_to = static_cast<int>(read_integer(*a, at + "/age_to", 1, 120));
    if (p.age_to <= p.age_from)
        throw input_error(at + "/age_to", std::to_string(p.age_to),
                          "age_to " + std::to_string(p.age_to) + " must be after age_from " + std::to_string(p.age_from));
    return p;
}

// The application's cost model. Costs come from its budget by year or, without a budget, its
// total cost spread over the period by days; cohorts from `cohorts`, else from
// `participants_per_year` (default: the application's places_per_year) in each project year.
inline cost_model cost_model_from(const application& app) {
    using namespace io;
    const std::string at = "/economics";
    const json& j = require_object(app.economics, at);
    reject_unknown_keys(j, at,
                        {"view", "base_year", "horizon_years", "discount", "cohorts", "participants_per_year", "success_rate",
                         "deadweight", "attribution", "displacement", "drop_off", "effect_years", "cost_factor",
                         "start_lag_years", "exclusion_cost", "notes", "sources"});
    cost_model m;
    m.base_year = app.period.first_year();
    if (const json* v = optional(j, "view"))
        m.view = read_enum(*v, at + "/view", [](std::string_view s) { return detail::parse_name(s, economic_view_names, "view"); });
    if (const json* b = optional(j, "base_year")) m.base_year = static_cast<int>(read_integer(*b, at + "/base_year", 1400, 9999));
    if (const json* h = optional(j, "horizon_years")) m.horizon_years = static_cast<int>(read_integer(*h, at + "/horizon_years", 1, 300));
    if (const json* d = optional(j, "discount")) m.discount = read_discount(*d, at + "/discount");
    if (const json* lag = optional(j, "start_lag_years"))
        m.start_lag_years = static_cast<int>(read_integer(*lag, at + "/start_lag_years", 0, 50));

    const money total = app.total_cost();
    if (!app.budget.empty()) {
        std::map<int, double> by_year;
        for (const auto& line : app.budget) by_year[line.year] += line.amount.sek();
        for (const auto& [year, amount] : by_year) m.intervention_costs.push_back({year, amount});
    } else {
        std::vector<std::int64_t> weights;
        const auto years = app.period.budget_years();
        for (const auto& y : years) weights.push_back(y.days);
        const auto parts = allocate(total, weights);
        for (std::size_t i = 0; i < years.size(); ++i) m.intervention_costs.push_back({years[i].year, parts[i].sek()});
    }
    if (!total.is_zero()) {
        m.cost_payers.push_back({"Social investment fund", app.requested.sek() / total.sek()});
        for (const auto& c : app.co_financing) m.cost_payers.push_back({c.funder, c.amount.sek() / total.sek()});
    }

    if (const json* cohorts = optional(j, "cohorts")) {
        require_array(*cohorts, at + "/cohorts");
        for (std::size_t i = 0; i < cohorts->size(); ++i) {
            const std::string cp = join_pointer(at + "/cohorts", i);
            const json& c = require_object((*cohorts)[i], cp);
            reject_unknown_keys(c, cp, {"year", "participants"});
            const int year = static_cast<int>(read_integer(required(c, "year", cp), cp + "/year", 1400, 9999));
            const double people = read_number(required(c, "participants", cp), cp + "/participants");
            if (people < 0) throw input_error(cp + "/participants", describe(c["participants"]), "participants must not be negative");
            m.cohorts.push_back({year, people});
        }
    } else {
        double per_year = 0;
        if (const json* p = optional(j, "participants_per_year")) {
            per_year = read_number(*p, at + "/participants_per_year");
            if (per_year < 0) throw input_error(at + "/participants_per_year", describe(*p), "participants must not be negative");
        } else if (app.places_per_year) {
            per_year = static_cast<double>(*app.places_per_year);
        } else {
            throw input_error(at + "/participants_per_year", "",
                              "the cost model needs participants: give economics.participants_per_year, economics.cohorts "
                              "or the application's places_per_year");
        }
        const int project_years = std::max(1, (app.period.whole_months() + 11) / 12);
        for (int k = 0; k < project_years; ++k) m.cohorts.push_back({app.period.first_year() + k, per_year});
    }

    m.success_rate = read_distribution(required(j, "success_rate", at), at + "/success_rate", 0, 1);
    if (const json* x = optional(j, "deadweight")) m.deadweight = read_distribution(*x, at + "/deadweight", 0, 1);
    if (const json* x = optional(j, "attribution")) m.attribution = read_distribution(*x, at + "/attribution", 0, 1);
    if (const json* x = optional(j, "displacement")) m.displacement = read_distribution(*x, at + "/displacement", 0, 1);
    if (const json* x = optional(j, "drop_off")) m.drop_off = read_distribution(*x, at + "/drop_off", 0, 1);
    if (const json* x = optional(j, "effect_years")) m.effect_years = read_distribution(*x, at + "/effect_years", 0, 100);
    if (const json* x = optional(j, "cost_factor")) m.cost_factor = read_distribution(*x, at + "/cost_factor", 0);
    if (const json* x = optional(j, "exclusion_cost")) m.exclusion = read_exclusion_costs(*x, at + "/exclusion_cost");
    return m;
}

}  // namespace socinv
