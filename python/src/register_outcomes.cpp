// Bindings for socinv/outcomes: proportion intervals and comparisons, effect sizes, pooling,
// difference in differences, beta updates and minimum detectable differences. Batches arrive as
// equal-length 1-D float64 arrays (python/socinv/outcomes.py broadcasts and reshapes) and are
// computed with the GIL released.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "register.hpp"
#include "socinv/outcomes/beta_update.hpp"
#include "socinv/outcomes/diff_in_diff.hpp"
#include "socinv/outcomes/effect_size.hpp"
#include "socinv/outcomes/meta_analysis.hpp"
#include "socinv/outcomes/power.hpp"
#include "socinv/outcomes/proportion_interval.hpp"
#include "socinv/outcomes/two_means.hpp"
#include "socinv/outcomes/two_proportions.hpp"

namespace socinv::python {

namespace {

using array = py::array_t<double, py::array::c_style | py::array::forcecast>;
using pair_of_arrays = std::pair<py::array_t<double>, py::array_t<double>>;

std::span<const double> view(const array& a) { return {a.data(), static_cast<std::size_t>(a.size())}; }

// The common length of the inputs; the Python layer has broadcast them already.
template <class... Arrays>
std::size_t common_size(const array& first, const Arrays&... rest) {
    const auto n = first.size();
    if (((rest.size() != n) || ...))
        throw std::invalid_argument("the arrays differ in length; broadcast them first");
    return static_cast<std::size_t>(n);
}

// Calls f(i) -> (x, y) for every element, without the GIL, into two new arrays.
template <class F>
pair_of_arrays map_pairs(std::size_t n, F f) {
    py::array_t<double> first(static_cast<py::ssize_t>(n)), second(static_cast<py::ssize_t>(n));
    double* a = first.mutable_data();
    double* b = second.mutable_data();
    {
        py::gil_scoped_release release;
        for (std::size_t i = 0; i < n; ++i) {
            const auto [x, y] = f(i);
            a[i] = x;
            b[i] = y;
        }
    }
    return {std::move(first), std::move(second)};
}

// (successes, n) or (mean, sd, n) from a Python sequence; the message names the argument.
observation observation_from(const py::sequence& group, const char* name) {
    if (group.size() == 2) return proportion_observation{group[0].cast<std::int64_t>(), group[1].cast<std::int64_t>()};
    if (group.size() == 3)
        return mean_observation{group[0].cast<double>(), group[1].cast<double>(), group[2].cast<std::int64_t>()};
    throw std::invalid_argument(std::string(name) + " must be (successes, n) or (mean, sd, n), got " +
                                std::to_string(group.size()) + " values");
}

py::tuple estimate_tuple(const pooled_estimate& e) { return py::make_tuple(e.mean, e.se, e.ci.low, e.ci.high); }

}  // namespace

void register_outcomes(py::module_& m) {
    // --- an application's follow-up ----------------------------------------------------------
    m.def(
        "evaluate_follow_up",
        [](const application& app, double alpha) {
            py::dict out = to_python(to_json(evaluate_follow_up(app, alpha)));
            out["id"] = to_pystr(app.id);
            out["reconciliation"] = app.return_transfer && app.savings ? to_python(to_json(reconcile(app))) : py::none();
            return out;
        },
        py::arg("application"), py::arg("alpha") = 0.05,
        "The follow-up judged against the targets (a dict as `socinv follow-up --format json` writes it).");
    m.def(
        "evaluative_model",
        [](const application& app, const std::string& measure) {
            auto e = evaluative_model_of(app, measure);
            return py::make_tuple(e.measure, py::make_tuple(e.prior.a, e.prior.b), py::make_tuple(e.posterior.a, e.posterior.b),
                                  std::make_shared<cost_model>(std::move(e.forecast)),
                                  std::make_shared<cost_model>(std::move(e.updated)));
        },
        py::arg("application"), py::arg("measure") = "",
        "(measure, prior (a, b), posterior (a, b), forecast CostModel, updated CostModel): the success rate\n"
        "updated by the follow-up's observed proportion.");
    m.def(
        "proportion_confint",
        [](const array& count, const array& nobs, double alpha, const std::string& method) {
            const auto how = parse_proportion_method(method);
            detail::check_alpha(alpha);
            const auto c = view(count), n = view(nobs);
            return map_pairs(common_size(count, nobs), [&](std::size_t i) {
                const auto ci = proportion_confint(c[i], n[i], alpha, how);
                return std::pair{ci.low, ci.high};
            });
        },
        py::arg("count"), py::arg("nobs"), py::arg("alpha"), py::arg("method"));

    m.def(
        "confint_proportions_2indep",
        [](const array& count1, const array& nobs1, const array& count2, const array& nobs2,
           std::optional<std::string> method, const std::string& compare, double alpha) {
            const auto cmp = parse_proportion_comparison(compare);
            std::optional<two_proportion_method> how;
            if (method) how = parse_two_proportion_method(*method);
            const auto c1 = view(count1), n1 = view(nobs1), c2 = view(count2), n2 = view(nobs2);
            return map_pairs(common_size(count1, nobs1, count2, nobs2), [&](std::size_t i) {
                const auto ci = confint_proportions_2indep(c1[i], n1[i], c2[i], n2[i], how, cmp, alpha);
                return std::pair{ci.low, ci.high};
            });
        },
        py::arg("count1"), py::arg("nobs1"), py::arg("count2"), py::arg("nobs2"), py::arg("method"),
        py::arg("compare"), py::arg("alpha"));

    m.def(
        "confint_means_2indep",
        [](const array& mean1, const array& sd1, const array& nobs1, const array& mean2, const array& sd2,
           const array& nobs2, double alpha) {
            const auto a = view(mean1), b = view(sd1), c = view(nobs1), d = view(mean2), e = view(sd2), f = view(nobs2);
            return map_pairs(common_size(mean1, sd1, nobs1, mean2, sd2, nobs2), [&](std::size_t i) {
                const auto ci = confint_means_2indep(a[i], b[i], c[i], d[i], e[i], f[i], alpha);
                return std::pair{ci.low, ci.high};
            });
        },
        py::arg("mean1"), py::arg("sd1"), py::arg("nobs1"), py::arg("mean2"), py::arg("sd2"), py::arg("nobs2"),
        py::arg("alpha"));

    m.def(
        "effectsize_smd",
        [](const array& mean1, const array& sd1, const array& nobs1, const array& mean2, const array& sd2,
           const array& nobs2) {
            const auto a = view(mean1), b = view(sd1), c = view(nobs1), d = view(mean2), e = view(sd2), f = view(nobs2);
            return map_pairs(common_size(mean1, sd1, nobs1, mean2, sd2, nobs2), [&](std::size_t i) {
                const auto es = effectsize_smd(a[i], b[i], c[i], d[i], e[i], f[i]);
                return std::pair{es.effect, es.variance};
            });
        },
        py::arg("mean1"), py::arg("sd1"), py::arg("nobs1"), py::arg("mean2"), py::arg("sd2"), py::arg("nobs2"));

    m.def(
        "effectsize_cox",
        [](const array& count1, const array& nobs1, const array& count2, const array& nobs2, double zero_correction) {
            const auto c1 = view(count1), n1 = view(nobs1), c2 = view(count2), n2 = view(nobs2);
            return map_pairs(common_size(count1, nobs1, count2, nobs2), [&](std::size_t i) {
                const auto es = cox_effect_size(c1[i], n1[i], c2[i], n2[i], zero_correction);
                return std::pair{es.effect, es.variance};
            });
        },
        py::arg("count1"), py::arg("nobs1"), py::arg("count2"), py::arg("nobs2"), py::arg("zero_correction"));

    m.def(
        "combine_effects",
        [](const array& effect, const array& variance, const std::string& method_re, double alpha) {
            const auto r = combine_effects(view(effect), view(variance), parse_tau2_method(method_re), alpha);
            py::dict out;
            out["fixed"] = estimate_tuple(r.fixed);
            out["random"] = estimate_tuple(r.random);
            out["tau2"] = r.tau2;
            out["i2"] = r.i2;
            out["q"] = r.q;
            out["q_pvalue"] = r.q_pvalue;
            out["k"] = r.k;
            out["method_re"] = std::string(to_string(r.method));
            out["weights_fixed"] = py::array_t<double>(static_cast<py::ssize_t>(r.k), r.weights_fixed.data());
            out["weights_random"] = py::array_t<double>(static_cast<py::ssize_t>(r.k), r.weights_random.data());
            return out;
        },
        py::arg("effect"), py::arg("variance"), py::arg("method_re"), py::arg("alpha"));

    m.def(
        "z_critical",
        [](double alpha) {
            detail::check_alpha(alpha);
            return detail::z_critical(alpha);
        },
        py::arg("alpha"), "The upper alpha/2 point of the standard normal.");

    m.def(
        "diff_in_diff",
        [](const py::sequence& tb, const py::sequence& ta, const py::sequence& cb, const py::sequence& ca,
           double alpha) {
            const auto r = diff_in_diff(observation_from(tb, "treated_before"), observation_from(ta, "treated_after"),
                                        observation_from(cb, "comparison_before"),
                                        observation_from(ca, "comparison_after"), alpha);
            return py::make_tuple(r.estimate, r.se, r.ci.low, r.ci.high);
        },
        py::arg("treated_before"), py::arg("treated_after"), py::arg("comparison_before"),
        py::arg("comparison_after"), py::arg("alpha"));

    py::class_<beta_belief>(m, "BetaBelief",
                            "A belief about a rate: Beta(a, b). From beta_update, or BetaBelief(a, b) for a prior.")
        .def(py::init(&beta_belief::of), py::arg("a"), py::arg("b"))
        .def_readonly("a", &beta_belief::a)
        .def_readonly("b", &beta_belief::b)
        .def_property_readonly("mean", &beta_belief::mean)
        .def_property_readonly("variance", &beta_belief::variance)
        .def(
            "interval",
            [](const beta_belief& b, double level) {
                const auto ci = b.interval(level);
                return py::make_tuple(ci.low, ci.high);
            },
            py::arg("level") = 0.95, "The equal-tailed interval holding `level` of the belief: (low, high).")
        .def("probability_at_least", &beta_belief::probability_at_least, py::arg("x"), "P(rate >= x).")
        .def(
            "probability_at_least",
            [](const beta_belief& b, const array& x) {
                py::array_t<double> out(x.request().shape);
                const auto in = view(x);
                double* o = out.mutable_data();
                for (std::size_t i = 0; i < in.size(); ++i) o[i] = b.probability_at_least(in[i]);
                return out;
            },
            py::arg("x"), "P(rate >= x) for each x of an array.")
        .def("__eq__", [](const beta_belief& a, const beta_belief& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const beta_belief& b) { return py::hash(py::make_tuple(b.a, b.b)); })
        .def("__repr__", [](const beta_belief& b) {
            return "BetaBelief(a=" + detail::number_text(b.a) + ", b=" + detail::number_text(b.b) + ")";
        });
    m.def("beta_from_moments", &beta_from_moments, py::arg("distribution"),
          "The beta with a distribution's mean and variance.");
    m.def(
        "beta_update",
        [](const beta_belief& prior, std::int64_t successes, std::int64_t n) { return beta_update(prior, successes, n); },
        py::arg("prior"), py::arg("successes"), py::arg("n"));

    m.def("minimum_detectable_difference_proportion",
          py::vectorize([](double p0, double n, double alpha, double power) {
              return minimum_detectable_difference_proportion(p0, n, alpha, power);
          }),
          py::arg("p0"), py::arg("n"), py::arg("alpha"), py::arg("power"));
    m.def("minimum_detectable_difference_mean", py::vectorize([](double sd, double n, double alpha, double power) {
              return minimum_detectable_difference_mean(sd, n, alpha, power);
          }),
          py::arg("sd"), py::arg("n"), py::arg("alpha"), py::arg("power"));
}

}  // namespace socinv::python
