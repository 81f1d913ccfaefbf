// Bindings for socinv/economics/cost_model, monte_carlo and exclusion_cost: a cost model read from
// an application's `economics` section, its point estimate, Monte Carlo (GIL released) and tornado.

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "register.hpp"

namespace socinv::python {

namespace {

using app_ptr = std::shared_ptr<application>;
using model_ptr = std::shared_ptr<cost_model>;

template <class T>
py::array_t<T> copy_array(const std::vector<T>& v) {
    return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

// A read-only array over `v` that keeps `owner` (the Python object holding v) alive: a million
// draws are handed out without a copy.
template <class Allocator>
py::array_t<double> view_array(const std::vector<double, Allocator>& v, py::handle owner) {
    py::array_t<double> a(static_cast<py::ssize_t>(v.size()), v.data(), owner);
    a.attr("setflags")(py::arg("write") = false);
    return a;
}

void check_probability(double p, const char* name) {
    if (!(p >= 0 && p <= 1)) throw py::value_error(std::string(name) + " must lie in [0, 1], not " + std::to_string(p));
}

py::dict parameters(const distribution& d) {
    py::dict out;
    switch (d.kind) {
        case distribution_kind::fixed: out["value"] = d.a; break;
        case distribution_kind::uniform:
            out["low"] = d.a;
            out["high"] = d.b;
            break;
        case distribution_kind::triangular:
        case distribution_kind::pert:
            out["low"] = d.a;
            out["mode"] = d.b;
            out["high"] = d.c;
            break;
        case distribution_kind::normal:
            out["mean"] = d.a;
            out["sd"] = d.b;
            break;
        case distribution_kind::lognormal:
            out["mu"] = d.a;
            out["sigma"] = d.b;
            break;
    }
    return out;
}

std::string describe_distribution(const distribution& d) {
    std::string text = std::string(to_string(d.kind)) + "(";
    const py::dict params = parameters(d);
    bool first = true;
    for (const auto& [key, value] : params) {
        text += (first ? "" : ", ") + std::string(py::str(key)) + "=" + std::string(py::repr(value));
        first = false;
    }
    return text + ")";
}

py::tuple item_tuple(const exclusion_cost_item& item) {
    return py::make_tuple(item.name, item.payer, std::string(to_string(item.level)),
                          std::string(to_string(item.nature)), item.per_year, item.source);
}

}  // namespace

void register_cost_model(py::module_& m) {
    // --- distributions ------------------------------------------------------------------------
    py::class_<distribution>(m, "Distribution",
                             "One uncertain input: fixed, uniform, triangular, normal, lognormal or pert "
                             "(docs/economics.md).")
        .def_property_readonly("kind", [](const distribution& d) { return std::string(to_string(d.kind)); })
        .def_property_readonly("parameters", &parameters, "The parameters by their names in the `economics` section.")
        .def_property_readonly("is_fixed", &distribution::is_fixed)
        .def("mean", &distribution::mean)
        .def(
            "quantile",
            [](const distribution& d, double p) {
                check_probability(p, "p");
                return d.quantile(p);
            },
            py::arg("p"), "The value below which a share p (0..1) of draws fall.")
        .def(
            "quantile",
            [](const distribution& d, const py::array_t<double, py::array::c_style | py::array::forcecast>& p) {
                py::array_t<double> out(p.request().shape);
                double* o = out.mutable_data();
                const double* x = p.data();
                for (py::ssize_t i = 0; i < p.size(); ++i) check_probability(x[i], "p");
                for (py::ssize_t i = 0; i < p.size(); ++i) o[i] = d.quantile(x[i]);
                return out;
            },
            py::arg("p"))
        .def(
            "sample",
            [](const distribution& d, std::size_t size, std::uint64_t seed) {
                // Draw i from the stream (seed, i), as Monte Carlo draw i takes its first input.
                py::array_t<double> out(static_cast<py::ssize_t>(size));
                double* o = out.mutable_data();
                {
                    py::gil_scoped_release release;
                    const sampler draw(d);
                    for (std::size_t i = 0; i < size; ++i) {
                        draw_stream rng(seed, i);
                        o[i] = draw(rng);
                    }
                }
                return out;
            },
            py::arg("size"), py::arg("seed") = 1,
            "`size` draws; draw i comes from the counter-based stream (seed, i).")
        .def(
            "__eq__", [](const distribution& a, const distribution& b) { return a == b; }, py::is_operator())
        .def("__hash__",
             [](const distribution& d) { return py::hash(py::make_tuple(static_cast<int>(d.kind), d.a, d.b, d.c)); })
        .def("__repr__", [](const distribution& d) { return "Distribution." + describe_distribution(d); })
        .def("__str__", &describe_distribution);

    m.def(
        "parse_distribution",
        [](std::string_view text, double min, double max) {
            return read_distribution(io::thread_parser().parse(text), "", min, max);
        },
        py::arg("text"), py::arg("min") = -std::numeric_limits<double>::infinity(),
        py::arg("max") = std::numeric_limits<double>::infinity(),
        "A distribution from JSON text: a number, or {\"dist\": kind, ...} as in the `economics` section.");

    // --- exclusion costs ----------------------------------------------------------------------
    py::class_<exclusion_cost_profile, std::shared_ptr<exclusion_cost_profile>>(
        m, "ExclusionCostProfile", "The yearly cost of one person in long-term exclusion, by payer.")
        .def_readonly("name", &exclusion_cost_profile::name)
        .def_readonly("age_from", &exclusion_cost_profile::age_from)
        .def_readonly("age_to", &exclusion_cost_profile::age_to)
        .def_readonly("scale", &exclusion_cost_profile::scale)
        .def_property_readonly("working_years", &exclusion_cost_profile::working_years)
        .def_property_readonly(
            "items",
            [](const exclusion_cost_profile& p) {
                py::list items;
                for (const auto& item : p.items) items.append(item_tuple(item));
                return items;
            },
            "(name, payer, level, nature, per_year Distribution, source) tuples.")
        .def("lifetime_cost", &exclusion_cost_profile::lifetime_cost, py::arg("resources_only") = false,
             "Undiscounted cost from age_from to age_to at the means, optionally real resources only.")
        .def("__repr__", [](const exclusion_cost_profile& p) {
            return "<socinv._core.ExclusionCostProfile " + p.name + ">";
        });

    m.def("default_exclusion_costs", [] { return std::make_shared<exclusion_cost_profile>(default_exclusion_costs()); },
          "socinv's default parameter set (docs/economics.md).");

    // --- the cost model -----------------------------------------------------------------------
    py::class_<cost_model, std::shared_ptr<cost_model>>(m, "CostModel",
                                                        "A cost model read from an application's `economics` section.")
        .def_readonly("base_year", &cost_model::base_year)
        .def_readonly("horizon_years", &cost_model::horizon_years)
        .def_readonly("start_lag_years", &cost_model::start_lag_years)
        .def_property_readonly("view", [](const cost_model& c) { return std::string(to_string(c.view)); })
        .def_property_readonly("discount_factors", [](const cost_model& c) { return copy_array(discount_factors(c)); },
                               "The factor of each year from base_year, horizon_years of them.")
        .def_property_readonly(
            "intervention_costs",
            [](const cost_model& c) {
                std::vector<std::pair<int, double>> out;
                for (const auto& y : c.intervention_costs) out.emplace_back(y.year, y.amount);
                return out;
            },
            "(budget year, SEK) pairs, as budgeted.")
        .def_property_readonly(
            "cost_payers",
            [](const cost_model& c) {
                std::vector<std::pair<std::string, double>> out;
                for (const auto& p : c.cost_payers) out.emplace_back(p.name, p.share);
                return out;
            },
            "(name, share of the costs) pairs: the fund and any co-financiers.")
        .def_property_readonly(
            "cohorts",
            [](const cost_model& c) {
                std::vector<std::pair<int, double>> out;
                for (const auto& k : c.cohorts) out.emplace_back(k.year, k.participants);
                return out;
            },
            "(start year, participants) pairs.")
        .def_property_readonly(
            "inputs",
            [](const cost_model& c) {
                std::vector<std::pair<std::string, distribution>> out;
                for (const auto& in : uncertain_inputs(c)) out.emplace_back(in.name, *in.dist);
                return out;
            },
            "(name, Distribution) pairs in the order Monte Carlo draws them.")
        .def_property_readonly(
            "exclusion", [](const cost_model& c) { return std::make_shared<exclusion_cost_profile>(c.exclusion); },
            "The exclusion costs the model saves when a participant succeeds.")
        .def("__repr__", [](const cost_model& c) {
            return "<socinv._core.CostModel " + std::string(to_string(c.view)) + " view, base year " +
                   std::to_string(c.base_year) + ">";
        });

    m.def(
        "cost_model_from",
        [](const app_ptr& app) {
            if (!app) throw py::type_error("cost_model_from needs an Application, not None");
            if (!app->economics)
                throw input_error("/economics", "", "the application has no cost model (an \"economics\" section)");
            return std::make_shared<cost_model>(cost_model_from(*app));
        },
        py::arg("application"), "The cost model of an application's `economics` section.");

    // --- the point estimate -------------------------------------------------------------------
    py::class_<economic_result, std::shared_ptr<economic_result>>(m, "EconomicResult",
                                                                  "A cost model evaluated at its inputs' means.")
        .def_property_readonly("view", [](const economic_result& r) { return std::string(to_string(r.view)); })
        .def_property_readonly("years", [](const economic_result& r) { return copy_array(r.years); })
        .def_property_readonly("costs", [](const economic_result& r) { return copy_array(r.costs); })
        .def_property_readonly("savings", [](const economic_result& r) { return copy_array(r.savings); })
        .def_property_readonly("discount_factors",
                               [](const economic_result& r) { return copy_array(r.discount_factors); })
        .def_property_readonly(
            "savings_by_payer",
            [](const economic_result& r) {
                py::dict out;
                for (const auto& [payer, row] : r.savings_by_payer) out[py::str(to_pystr(payer))] = copy_array(row);
                return out;
            },
            "Every payer's savings by year (all their items, whatever the view).")
        .def_readonly("pv_costs", &economic_result::pv_costs)
        .def_readonly("pv_savings", &economic_result::pv_savings)
        .def_readonly("npv", &economic_result::npv)
        .def_readonly("benefit_cost_ratio", &economic_result::benefit_cost_ratio)
        .def_readonly("sroi_ratio", &economic_result::sroi_ratio)
        .def_readonly("payback_year", &economic_result::payback_year)
        .def_readonly("participants", &economic_result::participants)
        .def_readonly("expected_successes", &economic_result::expected_successes)
        .def_readonly("value_per_success", &economic_result::value_per_success)
        .def_readonly("break_even_successes", &economic_result::break_even_successes)
        .def_readonly("break_even_success_rate", &economic_result::break_even_success_rate)
        .def_property_readonly(
            "by_payer",
            [](const economic_result& r) {
                py::list out;
                for (const auto& p : r.by_payer)
                    out.append(py::make_tuple(to_pystr(p.payer), p.level, p.pv_costs_paid, p.pv_savings));
                return out;
            },
            "(payer, level, pv_costs_paid, pv_savings) tuples: the funders first, then those who save.")
        .def(
            "to_json", [](const economic_result& r, int indent) { return to_pystr(to_json(r).dump(indent)); },
            py::arg("indent") = -1, "The result as `socinv simulate --format json` writes its point_estimate.")
        .def(
            "to_dict", [](const economic_result& r) { return to_python(to_json(r)); },
            "The result as a dict (what to_json writes, without the text).");

    m.def(
        "evaluate",
        [](const model_ptr& model) {
            if (!model) throw py::type_error("evaluate needs a CostModel, not None");
            std::shared_ptr<economic_result> result;
            {
                py::gil_scoped_release release;
                result = std::make_shared<economic_result>(evaluate(*model));
            }
            return result;
        },
        py::arg("model"), "The point estimate: every input at its mean.");

    // --- Monte Carlo ----------------------------------------------------------------------------
    py::class_<simulation_result, std::shared_ptr<simulation_result>>(m, "Simulation",
                                                                      "A Monte Carlo run over a cost model's inputs.")
        .def_readonly("draws", &simulation_result::draws)
        .def_readonly("seed", &simulation_result::seed)
        .def_readonly("first_draw", &simulation_result::first_draw, "The index of the run's first draw.")
        .def_readonly("mean_npv", &simulation_result::mean_npv)
        .def_readonly("probability_break_even", &simulation_result::probability_break_even)
        .def_property_readonly(
            "npv", [](py::object self) { return view_array(self.cast<const simulation_result&>().npv, self); },
            "NPV per draw (read-only, shared with this object).")
        .def_property_readonly(
            "pv_costs",
            [](py::object self) { return view_array(self.cast<const simulation_result&>().pv_costs, self); })
        .def_property_readonly(
            "pv_savings",
            [](py::object self) { return view_array(self.cast<const simulation_result&>().pv_savings, self); })
        .def(
            "npv_percentile",
            [](const simulation_result& s, double p) {
                check_probability(p, "p");
                return s.npv_percentile(p);
            },
            py::arg("p"), "The p-quantile (0..1) of the NPV, interpolating linearly between order statistics.")
        .def(
            "to_json",
            [](const simulation_result& s, bool with_draws, int indent) {
                return to_pystr(to_json(s, with_draws).dump(indent));
            },
            py::arg("with_draws") = false, py::arg("indent") = -1,
            "The summary as `socinv simulate --format json` writes it; with_draws adds every NPV.")
        .def(
            "to_dict", [](const simulation_result& s, bool with_draws) { return to_python(to_json(s, with_draws)); },
            py::arg("with_draws") = false, "The summary as a dict (what to_json writes, without the text).")
        // Every draw travels (a Dask task's result): the doubles as bytes, exactly.
        .def(py::pickle(
            [](const simulation_result& s) {
                const auto bytes = [](const simulation_result::per_draw& v) {
                    return py::bytes(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
                };
                return py::make_tuple(s.draws, s.seed, s.first_draw, s.mean_npv, s.probability_break_even, bytes(s.npv),
                                      bytes(s.pv_costs), bytes(s.pv_savings));
            },
            [](const py::tuple& t) {
                if (t.size() != 8) throw py::value_error("not a pickled Simulation");
                auto s = std::make_shared<simulation_result>();
                s->draws = t[0].cast<std::size_t>();
                s->seed = t[1].cast<std::uint64_t>();
                s->first_draw = t[2].cast<std::size_t>();
                s->mean_npv = t[3].cast<double>();
                s->probability_break_even = t[4].cast<double>();
                const auto doubles = [&](const py::handle& h, simulation_result::per_draw& v) {
                    const auto text = h.cast<std::string_view>();
                    if (text.size() != s->draws * sizeof(double)) throw py::value_error("not a pickled Simulation");
                    v.resize(s->draws);
                    std::memcpy(v.data(), text.data(), text.size());
                };
                doubles(t[5], s->npv);
                doubles(t[6], s->pv_costs);
                doubles(t[7], s->pv_savings);
                return s;
            }));
    m.attr("max_simulation_draws") = max_simulation_draws;
    m.def(
        "merge_simulations",
        [](const std::vector<std::shared_ptr<simulation_result>>& parts) {
            std::vector<simulation_result> runs;
            for (const auto& p : parts) {
                if (!p) throw py::type_error("merge_simulations takes Simulations, not None");
                runs.push_back(*p);
            }
            py::gil_scoped_release release;
            try {
                return std::make_shared<simulation_result>(merge_simulations(runs));
            } catch (const std::invalid_argument& e) {
                throw py::value_error(e.what());
            }
        },
        py::arg("parts"),
        "Runs of one model and seed over consecutive draw ranges, joined into the run over their union: the same "
        "draws and summary, digit for digit, as one simulate() over it.");
    m.def(
        "percentile",
        [](const py::array_t<double, py::array::c_style | py::array::forcecast>& values,
           const py::array_t<double, py::array::c_style | py::array::forcecast>& p) {
            // One sort for every percentile asked for; NaN among the values makes every answer NaN, as in numpy.
            for (py::ssize_t i = 0; i < p.size(); ++i)
                if (!(p.data()[i] >= 0 && p.data()[i] <= 100))
                    throw py::value_error("percentiles lie in 0..100, not " + std::string(py::str(py::float_(p.data()[i]))));
            if (values.ndim() != 1) throw py::value_error("percentile takes a one-dimensional array of values");
            if (values.size() == 0) throw py::value_error("a percentile needs at least one value");
            py::array_t<double> out(std::vector<py::ssize_t>(p.shape(), p.shape() + p.ndim()));
            double* result = out.mutable_data();
            const double* in = p.data();
            const std::span<const double> data(values.data(), static_cast<std::size_t>(values.size()));
            {
                py::gil_scoped_release release;
                if (std::any_of(data.begin(), data.end(), [](double x) { return std::isnan(x); })) {
                    std::fill(result, result + p.size(), std::numeric_limits<double>::quiet_NaN());
                } else {
                    std::vector<double> sorted(data.begin(), data.end());
                    std::sort(sorted.begin(), sorted.end());
                    const std::span<const double> s(sorted);
                    for (py::ssize_t i = 0; i < p.size(); ++i) result[i] = quantile_of_sorted(s, in[i] / 100);
                }
            }
            return out;
        },
        py::arg("values"), py::arg("p"),
        "The p-th percentiles (p in 0..100, any shape) of a 1-D array, interpolating linearly between order "
        "statistics as numpy.percentile's default (socinv/economics/percentile.hpp): an array shaped as p.");

    m.def(
        "simulate",
        [](const model_ptr& model, std::size_t draws, std::uint64_t seed, std::size_t threads, std::size_t first_draw) {
            if (!model) throw py::type_error("simulate needs a CostModel, not None");
            if (draws == 0) throw py::value_error("draws must be at least 1");
            simulation_options options{draws, seed, threads};
            options.first_draw = first_draw;
            std::shared_ptr<simulation_result> result;
            {
                py::gil_scoped_release release;
                try {
                    result = std::make_shared<simulation_result>(simulate(*model, options));
                } catch (const std::invalid_argument& e) {
                    throw py::value_error(e.what());
                }
            }
            return result;
        },
        py::arg("model"), py::arg("draws") = 10'000, py::arg("seed") = 1, py::arg("threads") = 0,
        py::arg("first_draw") = 0,
        "Monte Carlo over every input given as a distribution, without the GIL; threads 0 uses all cores. "
        "The same seed gives the same draws on any number of threads; first_draw starts the run at that draw "
        "of the whole run.");

    // --- one-way sensitivity ------------------------------------------------------------------
    auto checked_tornado = [](const cost_model& model, double low, double high) {
        if (!(low > 0 && low < high && high < 1))
            throw py::value_error("tornado needs 0 < low < high < 1, got low " + std::to_string(low) + " and high " +
                                  std::to_string(high));
        py::gil_scoped_release release;
        return tornado(model, low, high);
    };
    m.def(
        "tornado",
        [checked_tornado](const model_ptr& model, double low, double high) {
            if (!model) throw py::type_error("tornado needs a CostModel, not None");
            py::list out;
            for (const auto& b : checked_tornado(*model, low, high))
                out.append(py::make_tuple(to_pystr(b.input), b.low_value, b.high_value, b.npv_at_low, b.npv_at_high));
            return out;
        },
        py::arg("model"), py::arg("low") = 0.1, py::arg("high") = 0.9,
        "Each uncertain input at its low and high quantile, the others at their means: (input, low_value, "
        "high_value, npv_at_low, npv_at_high) tuples, widest swing first.");
    m.def(
        "tornado_json",
        [checked_tornado](const model_ptr& model, double low, double high, int indent) {
            if (!model) throw py::type_error("tornado_json needs a CostModel, not None");
            return to_pystr(to_json(checked_tornado(*model, low, high)).dump(indent));
        },
        py::arg("model"), py::arg("low") = 0.1, py::arg("high") = 0.9, py::arg("indent") = -1,
        "The tornado as `socinv simulate --format json` writes it.");
}

}  // namespace socinv::python
