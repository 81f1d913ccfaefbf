#pragma once
// Declarations shared by the binding sources of socinv._core: one register_<area>() per area,
// and the conversions that more than one area needs.

#include <memory>
#include <optional>
#include <string>

#include <pybind11/pybind11.h>

#include "socinv/socinv.hpp"

namespace socinv::python {

namespace py = pybind11;

void register_core(py::module_& m);         // money, dates, periods, errors
void register_application(py::module_& m);  // Application: parse, properties, to_json
void register_rules(py::module_& m);        // RuleSet, Assessment, assess, batches
void register_cli(py::module_& m);          // run_cli
void register_economics(py::module_& m);    // cash flows: XIRR, XNPV, IRR, NPV, MIRR, batches, discount schedules
void register_cost_model(py::module_& m);   // cost models: evaluate, simulate, tornado, exclusion costs
void register_transfer(py::module_& m);     // return-transfer schedules, the fund ledger, fund simulations
void register_outcomes(py::module_& m);     // follow-up statistics: intervals, comparisons, pooling, power

// An assessment together with the application it judged (the text report needs both).
struct bound_assessment {
    socinv::assessment result;
    std::shared_ptr<socinv::application> application;
};

// C++ text is UTF-8; a message that quotes a cut-off input may end in half a character,
// which becomes U+FFFD rather than a UnicodeDecodeError.
py::str to_pystr(const std::string& text);

// datetime.date <-> socinv::date. A str in ISO form is accepted too; both go through
// parse_iso_date, so the same dates are rejected with the same messages.
py::object to_pydate(socinv::date d);
socinv::date from_pydate(py::handle value);

// An instance of socinv.errors.InputError carrying the pointer, value, source and message.
py::object make_input_error(const socinv::input_error& error);

// A JSON value as Python objects (dict, list, str, int, float, bool, None), without going through
// JSON text.
py::object to_python(const nlohmann::json& j);

// "en" or "sv"; anything else is a ValueError.
socinv::language parse_language(const std::string& lang);

// A fund size from Python (whole öre, or None), checked to be non-negative.
std::optional<socinv::money> fund_from_ore(std::optional<std::int64_t> ore);

}  // namespace socinv::python
