// Bindings for socinv/core: money as whole öre, ISO dates, periods, and the error translation.

#include <cstdio>
#include <span>
#include <vector>

#include "register.hpp"  // before datetime.h: it brings in Python.h

#include <datetime.h>
#include <pybind11/stl.h>

namespace socinv::python {

py::str to_pystr(const std::string& text) {
    PyObject* s = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
    if (s == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(s);
}

py::object to_pydate(socinv::date d) {
    PyObject* o = PyDate_FromDate(static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()));
    if (o == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

socinv::date from_pydate(py::handle value) {
    if (PyDateTime_Check(value.ptr()))
        throw py::type_error("expected a datetime.date, not a datetime.datetime (use .date())");
    if (PyDate_Check(value.ptr())) {
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", PyDateTime_GET_YEAR(value.ptr()),
                      PyDateTime_GET_MONTH(value.ptr()), PyDateTime_GET_DAY(value.ptr()));
        return parse_iso_date(iso);
    }
    if (py::isinstance<py::str>(value)) return parse_iso_date(value.cast<std::string>());
    throw py::type_error("expected a datetime.date or an ISO date string \"YYYY-MM-DD\", got " +
                         std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

py::object to_python(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            py::dict d;
            for (const auto& [key, value] : j.items()) d[to_pystr(key)] = to_python(value);
            return d;
        }
        case nlohmann::json::value_t::array: {
            py::list l;
            for (const auto& value : j) l.append(to_python(value));
            return l;
        }
        case nlohmann::json::value_t::string: return to_pystr(j.get_ref<const std::string&>());
        case nlohmann::json::value_t::boolean: return py::bool_(j.get<bool>());
        case nlohmann::json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
        case nlohmann::json::value_t::number_float: return py::float_(j.get<double>());
        default: return py::none();
    }
}

py::object make_input_error(const socinv::input_error& error) {
    const py::object cls = py::module_::import("socinv.errors").attr("InputError");
    return cls(to_pystr(error.message()), py::arg("pointer") = to_pystr(error.pointer()),
               py::arg("value") = to_pystr(error.value()), py::arg("source") = to_pystr(error.source()));
}

socinv::language parse_language(const std::string& lang) {
    if (lang == "en") return language::en;
    if (lang == "sv") return language::sv;
    throw py::value_error("lang must be \"en\" or \"sv\", not \"" + lang + "\"");
}

std::optional<socinv::money> fund_from_ore(std::optional<std::int64_t> ore) {
    if (!ore) return std::nullopt;
    if (*ore < 0) throw py::value_error("fund_available must not be negative");
    return money::from_ore(*ore);
}

void register_core(py::module_& m) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();

    // Bad input becomes socinv.errors.InputError (a ValueError), imported when first needed so
    // that the module does not depend on the package at import time.
    py::register_local_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const socinv::input_error& e) {
            try {
                const py::object error = make_input_error(e);
                PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
            } catch (py::error_already_set& failure) {
                failure.restore();
            }
        } catch (const socinv::money_overflow& e) {
            PyErr_SetString(PyExc_OverflowError, e.what());
        }
    });

    // --- money: whole öre in Python ints ---------------------------------------------------
    m.def("parse_sek", [](const std::string& text) { return parse_sek(text).ore(); }, py::arg("text"),
          "Parse an amount in SEK (\"4 100 000,50 kr\", \"12.5\") into whole öre.");
    m.def("format_sek", [](std::int64_t ore) { return format_sek(money::from_ore(ore)); }, py::arg("ore"),
          "Swedish display of an amount in öre: \"4 100 000 kr\", \"-1 234,50 kr\".");
    m.def("format_decimal", [](std::int64_t ore) { return format_decimal(money::from_ore(ore)); }, py::arg("ore"),
          "A plain decimal in SEK (\"4100000.00\") that parse_sek reads back exactly.");
    m.def(
        "allocate",
        [](std::int64_t total_ore, const std::vector<std::int64_t>& weights) {
            std::vector<std::int64_t> parts;
            for (const money& part : allocate(money::from_ore(total_ore), std::span<const std::int64_t>(weights)))
                parts.push_back(part.ore());
            return parts;
        },
        py::arg("total_ore"), py::arg("weights"),
        "Split whole öre over non-negative integer weights by largest remainder; the parts sum to the total.");

    // --- dates and periods ----------------------------------------------------------------
    m.def("parse_date", [](const std::string& text) { return to_pydate(parse_iso_date(text)); }, py::arg("text"),
          "Parse a strict ISO date \"YYYY-MM-DD\" into a datetime.date.");

    py::class_<socinv::period>(m, "Period",
                               "A period with an inclusive end date, e.g. 2014-04-01 – 2017-03-31.")
        .def(py::init([](py::handle start, py::handle end) {
                 const date s = io::at_pointer("/start", [&] { return from_pydate(start); });
                 const date e = io::at_pointer("/end", [&] { return from_pydate(end); });
                 return socinv::period(s, e);
             }),
             py::arg("start"), py::arg("end"))
        .def_property_readonly("start", [](const socinv::period& p) { return to_pydate(p.start()); })
        .def_property_readonly("end", [](const socinv::period& p) { return to_pydate(p.end()); })
        .def_property_readonly("days", &socinv::period::days, "Days in the period, both ends counted.")
        .def_property_readonly("whole_months", &socinv::period::whole_months,
                               "Complete calendar months from the start to the day after the end.")
        .def(
            "budget_years",
            [](const socinv::period& p) {
                std::vector<std::pair<int, long>> years;
                for (const auto& y : p.budget_years()) years.emplace_back(y.year, y.days);
                return years;
            },
            "The calendar budget years the period touches, as (year, days) pairs.")
        .def("contains", [](const socinv::period& p, py::handle d) { return p.contains(from_pydate(d)); },
             py::arg("day"))
        .def("lasts_at_least_months", &socinv::period::lasts_at_least_months, py::arg("months"))
        .def("fits_within_months", &socinv::period::fits_within_months, py::arg("months"))
        .def(
            "__eq__", [](const socinv::period& a, const socinv::period& b) { return a == b; }, py::is_operator())
        .def("__str__", &socinv::period::to_string)
        .def("__repr__",
             [](const socinv::period& p) {
                 return "Period(" + to_iso(p.start()) + ", " + to_iso(p.end()) + ")";
             })
        .def("__hash__",
             [](const socinv::period& p) { return py::hash(py::make_tuple(to_iso(p.start()), to_iso(p.end()))); })
        .def(py::pickle(
            [](const socinv::period& p) { return py::make_tuple(to_pydate(p.start()), to_pydate(p.end())); },
            [](const py::tuple& t) { return socinv::period(from_pydate(t[0]), from_pydate(t[1])); }));
}

}  // namespace socinv::python
