// Bindings for socinv/rules: rule sets, assessing one application, and batches assessed on all
// cores with the GIL released.

#include <memory>
#include <string_view>
#include <vector>

#include <pybind11/stl.h>

#include "register.hpp"

namespace socinv::python {

namespace {

using app_ptr = std::shared_ptr<application>;
using rules_ptr = std::shared_ptr<rule_set>;
using assessment_ptr = std::shared_ptr<bound_assessment>;

// The UTF-8 text of a str or bytes object, valid while the object lives.
std::string_view text_of(py::handle item, std::size_t index) {
    if (PyUnicode_Check(item.ptr())) {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(item.ptr(), &size);
        if (data == nullptr) throw py::error_already_set();
        return {data, static_cast<std::size_t>(size)};
    }
    if (PyBytes_Check(item.ptr()))
        return {PyBytes_AS_STRING(item.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(item.ptr()))};
    throw py::type_error("batch item " + std::to_string(index) + " is a " +
                         std::string(py::str(py::type::handle_of(item).attr("__name__"))) +
                         ", not JSON text (str or bytes)");
}

// Runs the batch without the GIL; returns, in input order, an Assessment or an InputError each.
py::list run_batch(const std::vector<batch_input>& inputs, const rule_set& rules,
                   std::optional<std::int64_t> fund_available_ore) {
    const assessment_context context{fund_from_ore(fund_available_ore)};
    std::vector<batch_result> results(inputs.size());
    {
        py::gil_scoped_release release;
        results = assess_batch(inputs, rules, context);
    }
    py::list out(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        batch_result& r = results[i];
        py::object item;
        if (r.error) {
            item = make_input_error(*r.error);
        } else {
            item = py::cast(std::make_shared<bound_assessment>(
                bound_assessment{std::move(*r.assessment), std::make_shared<application>(std::move(*r.application))}));
        }
        out[i] = std::move(item);
    }
    return out;
}

}  // namespace

void register_rules(py::module_& m) {
    py::class_<rule_set, rules_ptr>(m, "RuleSet", "An eligibility rule set (schema/rule-set.schema.json).")
        .def_readonly("name", &rule_set::name)
        .def_readonly("version", &rule_set::version)
        .def_readonly("title", &rule_set::title)
        .def_readonly("source", &rule_set::source)
        .def_property_readonly(
            "min_months", [](const rule_set& r) { return r.duration.min_months; },
            "The shortest period allowed, in whole months, or None.")
        .def_property_readonly(
            "max_months", [](const rule_set& r) { return r.duration.max_months; },
            "The longest period allowed, in whole months, or None.")
        .def(
            "to_json", [](const rule_set& r, int indent) { return to_pystr(to_json(r).dump(indent)); },
            py::arg("indent") = -1, "The rule set as JSON text; parse_rule_set reads it back equal.")
        .def(
            "to_dict", [](const rule_set& r) { return to_python(to_json(r)); },
            "The rule set as a dict (what to_json writes, without the text).")
        .def("__repr__", [](const rule_set& r) { return "<socinv._core.RuleSet " + r.name + " " + r.version + ">"; });

    m.def("builtin_rule_set_names", &builtin_rule_set_names, "Names of the built-in rule sets; the first is the default.");
    m.def(
        "builtin_rule_set", [](const std::string& name) { return std::make_shared<rule_set>(builtin_rule_set(name)); },
        py::arg("name"), "A built-in rule set; an unknown name raises InputError listing the names.");
    m.def(
        "parse_rule_set",
        [](std::string_view text, const std::string& source) {
            try {
                return std::make_shared<rule_set>(rule_set_from_text(text));
            } catch (const input_error& e) {
                throw e.with_source(source);
            }
        },
        py::arg("text"), py::arg("source") = "", "Parse a rule set from JSON text; `source` names it in errors.");

    py::class_<bound_assessment, assessment_ptr>(
        m, "Assessment", "Eligibility, the checklist and the findings of one application under one rule set.")
        .def_property_readonly("id", [](const bound_assessment& a) { return a.result.application_id; })
        .def_property_readonly("title", [](const bound_assessment& a) { return a.result.title; })
        .def_property_readonly("rules_name", [](const bound_assessment& a) { return a.result.rule_set_name; })
        .def_property_readonly("rules_version", [](const bound_assessment& a) { return a.result.rule_set_version; })
        .def_property_readonly("eligible", [](const bound_assessment& a) { return a.result.eligible; })
        .def_property_readonly("passes", [](const bound_assessment& a) { return a.result.passes(); },
                               "Eligible, and no funding criterion is not_met (the CLI's exit code 0).")
        .def_property_readonly("requested", [](const bound_assessment& a) { return a.result.requested.ore(); })
        .def_property_readonly("application", [](const bound_assessment& a) { return a.application; })
        .def(
            "to_json",
            [](const bound_assessment& a, const std::string& lang, int indent) {
                return to_pystr(to_json(a.result, parse_language(lang)).dump(indent));
            },
            py::arg("lang") = "en", py::arg("indent") = -1,
            "The assessment as JSON text (the output of `socinv assess --format json`).")
        .def(
            "to_dict",
            [](const bound_assessment& a, const std::string& lang) {
                return to_python(to_json(a.result, parse_language(lang)));
            },
            py::arg("lang") = "en", "The assessment as a dict (what to_json writes, without the text).")
        .def(
            "summary",
            [](const bound_assessment& a) {
                // What a table of many assessments needs, without going through JSON.
                const assessment& r = a.result;
                py::list met, findings, checklist;
                for (const auto& alt : r.eligibility.alternatives)
                    if (alt.met) met.append(alt.id);
                for (const auto& f : r.findings) findings.append(py::make_tuple(f.code, to_string(f.severity)));
                for (const auto& item : r.checklist)
                    checklist.append(py::make_tuple(to_string(item.criterion), item.advisory, to_string(item.verdict)));
                py::dict d;
                d["whole_months"] = r.eligibility.whole_months;
                d["days"] = r.eligibility.days;
                d["rules_met"] = met;
                d["findings"] = findings;
                d["checklist"] = checklist;
                return d;
            },
            "whole_months, days, rules_met (ids), findings ((code, severity) pairs) and checklist "
            "((criterion, advisory, verdict) triples), without the texts.")
        .def(
            "text_report",
            [](const bound_assessment& a, const std::string& lang) {
                return to_pystr(text_report(a.result, *a.application, parse_language(lang)));
            },
            py::arg("lang") = "en", "The report of `socinv assess`, in English or Swedish.")
        .def("__repr__", [](const bound_assessment& a) {
            return "<socinv._core.Assessment " + a.result.application_id + ": " +
                   (a.result.eligible ? "eligible" : "not eligible") + ">";
        });

    m.def(
        "assess",
        [](const app_ptr& app, const rule_set& rules, std::optional<std::int64_t> fund_available_ore) {
            if (!app) throw py::type_error("assess needs an Application, not None");
            const assessment_context context{fund_from_ore(fund_available_ore)};
            assessment result;
            {
                py::gil_scoped_release release;
                result = assess(*app, rules, context);
            }
            return std::make_shared<bound_assessment>(bound_assessment{std::move(result), app});
        },
        py::arg("application"), py::arg("rules"), py::arg("fund_available_ore") = py::none());

    m.def(
        "assess_batch",
        [](const py::sequence& texts, const rule_set& rules, std::optional<std::int64_t> fund_available_ore,
           const std::string& source) {
            // Hold every item so that the views into their text stay valid without the GIL.
            std::vector<py::object> items;
            std::vector<batch_input> inputs;
            const auto n = static_cast<std::size_t>(py::len(texts));
            items.reserve(n);
            inputs.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                items.push_back(texts[i]);
                inputs.push_back({source + ":" + std::to_string(i + 1), text_of(items.back(), i)});
            }
            return run_batch(inputs, rules, fund_available_ore);
        },
        py::arg("texts"), py::arg("rules"), py::arg("fund_available_ore") = py::none(), py::arg("source") = "<input>",
        "Assess a sequence of JSON texts on all cores; item i (from 1) is named \"source:i\" in errors. "
        "Returns an Assessment or an InputError per item, in order.");

    m.def(
        "assess_json_lines",
        [](std::string_view text, const rule_set& rules, std::optional<std::int64_t> fund_available_ore,
           const std::string& source) {
            return run_batch(json_lines_inputs(text, source), rules, fund_available_ore);
        },
        py::arg("text"), py::arg("rules"), py::arg("fund_available_ore") = py::none(), py::arg("source") = "<input>",
        "Assess JSON Lines text (one application a line; blank lines skipped) on all cores; a line is named "
        "\"source:LINE\" in errors. Returns an Assessment or an InputError per application, in order.");
}

}  // namespace socinv::python
