// Bindings for socinv/economics cash flows: day counts, XNPV/XIRR, NPV/IRR/MIRR, every rate in a
// range, batches on all cores with the GIL released, and discount schedules. Dates arrive as day
// numbers (days since 1970-01-01, numpy's datetime64[D]); python/socinv/cashflow.py converts
// dates, strings and pandas objects into them.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "register.hpp"
#include "socinv/economics/cash_flow.hpp"
#include "socinv/economics/cash_flow_batch.hpp"
#include "socinv/economics/day_count.hpp"
#include "socinv/economics/discount_schedule.hpp"
#include "socinv/economics/irr.hpp"
#include "socinv/economics/xnpv.hpp"

namespace socinv::python {

namespace {

template <class T>
using array = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
std::span<const T> view(const array<T>& a) {
    return {a.data(), static_cast<std::size_t>(a.size())};
}

// The flows of one series; a day number outside 1400-01-01 – 9999-12-31 is an InputError.
std::vector<cash_flow> flows_of(const array<std::int64_t>& days, const array<double>& amounts) {
    if (days.size() != amounts.size())
        throw input_error("", std::to_string(days.size()),
                          std::to_string(days.size()) + " dates but " + std::to_string(amounts.size()) + " amounts");
    std::vector<cash_flow> flows(static_cast<std::size_t>(days.size()));
    const auto d = view(days);
    const auto a = view(amounts);
    for (std::size_t k = 0; k < flows.size(); ++k) {
        try {
            flows[k] = {from_epoch_days(d[k]), a[k]};
        } catch (const input_error& e) {
            throw e.under("/" + std::to_string(k) + "/on");
        }
    }
    return flows;
}

series_layout layout_of(const array<std::int64_t>& offsets, const array<std::int64_t>& lengths) {
    if (offsets.size() != lengths.size())
        throw input_error("", std::to_string(lengths.size()),
                          std::to_string(offsets.size()) + " offsets but " + std::to_string(lengths.size()) +
                              " lengths");
    series_layout layout;
    const auto o = view(offsets);
    const auto l = view(lengths);
    layout.offsets.resize(o.size());
    layout.lengths.resize(l.size());
    for (std::size_t i = 0; i < o.size(); ++i) {
        if (o[i] < 0 || l[i] < 0)
            throw input_error("/" + std::to_string(i), std::to_string(o[i] < 0 ? o[i] : l[i]),
                              "series " + std::to_string(i) + " has a negative offset or length");
        layout.offsets[i] = static_cast<std::size_t>(o[i]);
        layout.lengths[i] = static_cast<std::size_t>(l[i]);
    }
    return layout;
}

py::array_t<double> to_numpy(std::vector<double>&& values) {
    py::array_t<double> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

std::string repr_number(double x) { return detail::format_number(x); }

std::string repr_of(const discount_schedule& s) {
    const auto& steps = s.rate_steps();
    if (steps.size() == 1) return "DiscountSchedule.constant(" + repr_number(steps[0].rate) + ")";
    std::string text = "DiscountSchedule.steps([";
    for (std::size_t k = 0; k < steps.size(); ++k) {
        if (k > 0) text += ", ";
        text += "(" + repr_number(steps[k].from_year) + ", " + repr_number(steps[k].rate) + ")";
    }
    return text + "])";
}

discount_schedule schedule_from_steps(const std::vector<std::pair<double, double>>& pairs) {
    std::vector<rate_step> steps;
    steps.reserve(pairs.size());
    for (const auto& [from, rate] : pairs) steps.push_back({from, rate});
    return discount_schedule::steps(std::move(steps));
}

}  // namespace

void register_economics(py::module_& m) {
    // --- day counts ------------------------------------------------------------------------
    m.def(
        "day_count_name", [](const std::string& name) { return std::string(to_string(parse_day_count(name))); },
        py::arg("name"), "The canonical name of a day count (\"Actual/360\" -> \"act/360\"); InputError if unknown.");
    m.def(
        "year_fraction",
        [](py::handle start, py::handle end, const std::string& dc) {
            return year_fraction(from_pydate(start), from_pydate(end), parse_day_count(dc));
        },
        py::arg("start"), py::arg("end"), py::arg("day_count") = "act/365",
        "Years from start to end in a day count (negative when end is before start).");

    // --- one series ------------------------------------------------------------------------
    m.def(
        "xnpv",
        [](double rate, const array<std::int64_t>& days, const array<double>& amounts, const std::string& dc) {
            return xnpv(rate, flows_of(days, amounts), parse_day_count(dc));
        },
        py::arg("rate"), py::arg("days"), py::arg("amounts"), py::arg("day_count") = "act/365");
    m.def(
        "xirr",
        [](const array<std::int64_t>& days, const array<double>& amounts, std::optional<double> guess,
           const std::string& dc) { return xirr(flows_of(days, amounts), guess, parse_day_count(dc)); },
        py::arg("days"), py::arg("amounts"), py::arg("guess") = py::none(), py::arg("day_count") = "act/365");
    m.def(
        "all_rates_dated",
        [](const array<std::int64_t>& days, const array<double>& amounts, double lo, double hi, const std::string& dc) {
            return all_rates(flows_of(days, amounts), lo, hi, parse_day_count(dc));
        },
        py::arg("days"), py::arg("amounts"), py::arg("lo"), py::arg("hi"), py::arg("day_count") = "act/365");
    m.def(
        "npv",
        [](double rate, const array<double>& values, bool start_from_zero) {
            return npv(rate, view(values), start_from_zero);
        },
        py::arg("rate"), py::arg("values"), py::arg("start_from_zero") = true);
    m.def(
        "irr", [](const array<double>& values, std::optional<double> guess) { return irr(view(values), guess); },
        py::arg("values"), py::arg("guess") = py::none());
    m.def(
        "mirr",
        [](const array<double>& values, double finance_rate, double reinvest_rate) {
            return mirr(view(values), finance_rate, reinvest_rate);
        },
        py::arg("values"), py::arg("finance_rate"), py::arg("reinvest_rate"));
    m.def(
        "all_rates",
        [](const array<double>& values, double lo, double hi) { return all_rates(view(values), lo, hi); },
        py::arg("values"), py::arg("lo"), py::arg("hi"));

    // --- batches: flat arrays with offsets and lengths, on all cores without the GIL ----------
    m.def(
        "xirr_batch",
        [](const array<std::int64_t>& days, const array<double>& amounts, const array<std::int64_t>& offsets,
           const array<std::int64_t>& lengths, const array<double>& guesses, const std::string& dc) {
            const series_layout layout = layout_of(offsets, lengths);
            const day_count convention = parse_day_count(dc);
            std::vector<double> out;
            {
                py::gil_scoped_release release;
                out = xirr_batch(view(days), view(amounts), layout, view(guesses), convention);
            }
            return to_numpy(std::move(out));
        },
        py::arg("days"), py::arg("amounts"), py::arg("offsets"), py::arg("lengths"), py::arg("guesses"),
        py::arg("day_count") = "act/365");
    m.def(
        "xnpv_batch",
        [](const array<double>& rates, const array<std::int64_t>& days, const array<double>& amounts,
           const array<std::int64_t>& offsets, const array<std::int64_t>& lengths, const std::string& dc) {
            const series_layout layout = layout_of(offsets, lengths);
            const day_count convention = parse_day_count(dc);
            std::vector<double> out;
            {
                py::gil_scoped_release release;
                out = xnpv_batch(view(rates), view(days), view(amounts), layout, convention);
            }
            return to_numpy(std::move(out));
        },
        py::arg("rates"), py::arg("days"), py::arg("amounts"), py::arg("offsets"), py::arg("lengths"),
        py::arg("day_count") = "act/365");
    m.def(
        "irr_batch",
        [](const array<double>& amounts, const array<std::int64_t>& offsets, const array<std::int64_t>& lengths,
           const array<double>& guesses) {
            const series_layout layout = layout_of(offsets, lengths);
            std::vector<double> out;
            {
                py::gil_scoped_release release;
                out = irr_batch(view(amounts), layout, view(guesses));
            }
            return to_numpy(std::move(out));
        },
        py::arg("amounts"), py::arg("offsets"), py::arg("lengths"), py::arg("guesses"));
    m.def(
        "npv_batch",
        [](const array<double>& rates, const array<double>& amounts, const array<std::int64_t>& offsets,
           const array<std::int64_t>& lengths, bool start_from_zero) {
            const series_layout layout = layout_of(offsets, lengths);
            std::vector<double> out;
            {
                py::gil_scoped_release release;
                out = npv_batch(view(rates), view(amounts), layout, start_from_zero);
            }
            return to_numpy(std::move(out));
        },
        py::arg("rates"), py::arg("amounts"), py::arg("offsets"), py::arg("lengths"), py::arg("start_from_zero") = true);

    // --- discount schedules ----------------------------------------------------------------
    py::class_<discount_schedule>(m, "DiscountSchedule",
                                  "Discount factors over time: a constant annual rate, or piecewise-constant rates\n"
                                  "compounded across their steps (the Green Book's declining schedule, say).")
        .def(py::init<>(), "A schedule that discounts at 0 %.")
        .def_static("constant", &discount_schedule::constant, py::arg("rate"), "One annual rate for every horizon.")
        .def_static("steps", &schedule_from_steps, py::arg("steps"),
                    "Rates by horizon: [(from_year, rate), ...] with the first from year 0, in increasing order;\n"
                    "each rate holds until the next step's year. [(0, 0.035), (30, 0.03)] discounts a flow\n"
                    "31 years out by 1.035**-30 / 1.03.")
        .def_static("green_book", &discount_schedule::green_book,
                    "HM Treasury's Green Book schedule: 3.5 % to year 30, 3.0 % to 75, 2.5 % to 125, 2.0 % to\n"
                    "200, 1.5 % to 300, 1.0 % after.")
        .def_static(
            "from_index", [](const std::vector<double>& levels) { return discount_schedule::from_index(levels); },
            py::arg("levels"),
            "The annual inflation of a price index given at whole years 0, 1, ..., n (the last year's rate\n"
            "goes on), for to_real and to_nominal.")
        .def("to_real", py::overload_cast<double>(&discount_schedule::to_real, py::const_), py::arg("inflation"),
             "Real rates from these nominal ones: (1 + nominal) = (1 + real)(1 + inflation).")
        .def("to_real", py::overload_cast<const discount_schedule&>(&discount_schedule::to_real, py::const_),
             py::arg("inflation"))
        .def("to_nominal", py::overload_cast<double>(&discount_schedule::to_nominal, py::const_),
             py::arg("inflation"), "Nominal rates from these real ones.")
        .def("to_nominal", py::overload_cast<const discount_schedule&>(&discount_schedule::to_nominal, py::const_),
             py::arg("inflation"))
        .def("factor", &discount_schedule::factor, py::arg("years"),
             "The discount factor for a flow `years` after the valuation date (compounded before it).")
        .def(
            "factors",
            [](const discount_schedule& s, const array<double>& years) {
                py::array_t<double> out(std::vector<py::ssize_t>(years.shape(), years.shape() + years.ndim()));
                const double* in = years.data();
                double* o = out.mutable_data();
                const auto n = static_cast<std::size_t>(years.size());
                for (std::size_t k = 0; k < n; ++k) o[k] = s.factor(in[k]);
                return out;
            },
            py::arg("years"), "factor() of every element of an array, as an array of the same shape.")
        .def("rate", &discount_schedule::rate, py::arg("years"), "The annual rate in force `years` out.")
        .def_property_readonly(
            "rate_steps",
            [](const discount_schedule& s) {
                std::vector<std::pair<double, double>> steps;
                for (const auto& step : s.rate_steps()) steps.emplace_back(step.from_year, step.rate);
                return steps;
            },
            "The steps as (from_year, rate) pairs.")
        .def(
            "__eq__", [](const discount_schedule& a, const discount_schedule& b) { return a == b; },
            py::is_operator())
        .def("__hash__",
             [](const discount_schedule& s) {
                 py::list steps;
                 for (const auto& step : s.rate_steps()) steps.append(py::make_tuple(step.from_year, step.rate));
                 return py::hash(py::tuple(steps));
             })
        .def("__repr__", &repr_of)
        .def(py::pickle(
            [](const discount_schedule& s) {
                std::vector<std::pair<double, double>> steps;
                for (const auto& step : s.rate_steps()) steps.emplace_back(step.from_year, step.rate);
                return py::make_tuple(steps);
            },
            [](const py::tuple& t) {
                return schedule_from_steps(t[0].cast<std::vector<std::pair<double, double>>>());
            }));
}

}  // namespace socinv::python
