// socinv._core: the compiled part of the socinv Python package. The Pythonic API is in
// python/socinv/; this module binds the C++ library as directly as it can.

#include "register.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "socinv's C++ core (use the socinv package, not this module, from Python code)";
    m.attr("__version__") = std::to_string(SOCINV_VERSION_MAJOR) + "." + std::to_string(SOCINV_VERSION_MINOR) +
                            "." + std::to_string(SOCINV_VERSION_PATCH);
    socinv::python::register_core(m);
    socinv::python::register_application(m);
    socinv::python::register_rules(m);
    socinv::python::register_cli(m);
    socinv::python::register_economics(m);
    socinv::python::register_cost_model(m);
    socinv::python::register_transfer(m);
    socinv::python::register_outcomes(m);
}
