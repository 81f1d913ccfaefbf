// Bindings for the command line: the `socinv` console script runs the C++ CLI in-process.

#include <iostream>

#include <pybind11/stl.h>

#include "cli/cli.hpp"
#include "register.hpp"

namespace socinv::python {

void register_cli(py::module_& m) {
    m.def(
        "run_cli",
        [](const std::vector<std::string>& args) {
            // Python's buffered output first, so that the two streams do not interleave.
            const py::module_ sys = py::module_::import("sys");
            for (const char* name : {"stdout", "stderr"}) {
                const py::object stream = sys.attr(name);
                if (!stream.is_none() && py::hasattr(stream, "flush")) stream.attr("flush")();
            }
            int status = 0;
            {
                py::gil_scoped_release release;
                status = cli::run(args, std::cout, std::cerr);
                std::cout.flush();
                std::cerr.flush();
            }
            return status;
        },
        py::arg("args"),
        "Run the socinv command line with these arguments (without the program name); returns the exit code.");
}

}  // namespace socinv::python
