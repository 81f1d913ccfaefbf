// Bindings for socinv/application and io/application_json: an application parsed from JSON text,
// kept as an opaque C++ object with read-only properties.

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include <pybind11/stl.h>

#include "register.hpp"

namespace socinv::python {

namespace {

py::tuple party_tuple(const party& p) {
    return py::make_tuple(p.name, std::string(to_string(p.kind)),
                          p.form ? py::object(py::str(std::string(to_string(*p.form)))) : py::object(py::none()),
                          std::string(to_string(p.role)));
}

}  // namespace

void register_application(py::module_& m) {
    using app_ptr = std::shared_ptr<application>;

    py::class_<application, app_ptr>(m, "Application",
                                     "An application to a social investment fund (docs/application-format.md).")
        .def_readonly("id", &application::id)
        .def_readonly("title", &application::title)
        .def_readonly("municipality", &application::municipality)
        .def_readonly("target_group", &application::target_group)
        .def_readonly("extension_of", &application::extension_of)
        .def_readonly("places_per_year", &application::places_per_year)
        .def_readonly("participants", &application::participants)
        .def_property_readonly("period", [](const application& a) { return a.period; })
        .def_property_readonly("requested", [](const application& a) { return a.requested.ore(); },
                               "The amount requested, in öre.")
        .def_property_readonly("total_cost", [](const application& a) { return a.total_cost().ore(); },
                               "The budget's sum when a budget is given, else requested plus co-financing, in öre.")
        .def_property_readonly(
            "parties",
            [](const application& a) {
                py::list parties;
                for (const auto& p : a.parties) parties.append(party_tuple(p));
                return parties;
            },
            "The parties as (name, kind, form or None, role) tuples.")
        .def_property_readonly(
            "decision",
            [](const application& a) -> py::object {
                if (!a.decision) return py::none();
                return py::make_tuple(to_pydate(a.decision->on), a.decision->body, a.decision->granted.ore());
            },
            "(date, body, granted öre), or None before the fund has decided.")
        .def(
            "to_json", [](const application& a, int indent) { return to_pystr(to_json(a).dump(indent)); },
            py::arg("indent") = -1, "The application in the interchange format, as JSON text.")
        .def(
            "to_dict", [](const application& a) { return to_python(to_json(a)); },
            "The application in the interchange format, as a dict (what to_json writes, not parsed again).")
        .def("__repr__", [](const application& a) {
            return "<socinv._core.Application " + a.id + ">";
        });

    m.def(
        "parse_application",
        [](std::string_view text, const std::string& source) {
            app_ptr app;
            {
                py::gil_scoped_release release;
                app = std::make_shared<application>(parse_application(text, source));
            }
            return app;
        },
        py::arg("text"), py::arg("source") = "",
        "Parse one application from JSON text (str or UTF-8 bytes); `source` names it in errors.");
}

}  // namespace socinv::python
