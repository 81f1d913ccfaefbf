// Bindings for socinv/transfer and its JSON: return-transfer agreements and schedules, the fund
// ledger (checked appends, atomic save, checked load) and the fund simulation (GIL released).
// Booked money crosses as whole öre (int); python/socinv/{transfer,ledger}.py make it Decimal.

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "register.hpp"
#include "socinv/store/ledger_store.hpp"

namespace socinv::python {

namespace {

using app_ptr = std::shared_ptr<application>;

// (capital, committed, paid, returned, written_off, cash, available), in öre.
using balances_tuple = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t,
                                  std::int64_t>;

balances_tuple balances_of(const fund_balances& b) {
    return {b.capital.ore(), b.committed.ore(), b.paid.ore(),      b.returned.ore(),
            b.written_off.ore(), b.cash.ore(), b.available.ore()};
}

py::tuple entry_tuple(const ledger_entry& e) {
    return py::make_tuple(e.id, to_pydate(e.on), std::string(to_string(e.kind)), e.amount.ore(), e.application,
                          e.decision, e.note);
}

py::array_t<double> copy_array(const std::vector<double>& v) {
    return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
}

// A fund file as Python sees it: the file's contents, and the path it came from.
struct bound_fund {
    fund_file file;
    std::string path;
};

// Python passes the last date the ledger accepts (today + the horizon), or None for no limit.
ledger_policy policy_from(const py::object& latest) {
    return latest.is_none() ? ledger_policy{} : ledger_policy{from_pydate(latest)};
}

fund_ledger parse_ledger(std::string_view text, const std::string& source, const ledger_policy& policy = {}) {
    try {
        return ledger_from_text(text, policy);
    } catch (const input_error& e) {
        throw e.source().empty() && !source.empty() ? e.with_source(source) : e;
    }
}

}  // namespace

void register_transfer(py::module_& m) {
    // --- the agreement ---------------------------------------------------------------------
    py::class_<return_transfer_agreement>(m, "Agreement",
                                          "The terms of a return-transfer agreement (docs/return-transfers.md).")
        .def_readonly("share_ppm", &return_transfer_agreement::share_ppm, "The share returned, in parts per million.")
        .def_property_readonly("cap_kind",
                               [](const return_transfer_agreement& a) {
                                   switch (a.cap.kind) {
                                       case cap_kind::none: return "none";
                                       case cap_kind::invested: return "invested";
                                       case cap_kind::amount: return "amount";
                                   }
                                   return "none";
                               })
        .def_property_readonly("cap_amount", [](const return_transfer_agreement& a) { return a.cap.amount.ore(); },
                               "The cap in öre when cap_kind is \"amount\".")
        .def_readonly("first_year", &return_transfer_agreement::first_year)
        .def_readonly("last_year", &return_transfer_agreement::last_year)
        .def_readonly("lag_years", &return_transfer_agreement::lag_years)
        .def_property_readonly("minimum", [](const return_transfer_agreement& a) { return a.minimum.ore(); })
        .def_readonly("split_by_saving", &return_transfer_agreement::split_by_saving)
        .def_property_readonly(
            "split",
            [](const return_transfer_agreement& a) {
                std::vector<std::pair<std::string, std::int64_t>> split;
                for (const auto& p : a.split) split.emplace_back(p.payer, p.share_ppm);
                return split;
            },
            "(payer, share in ppm) pairs of a fixed split; empty when each payer returns from its own saving.")
        .def_readonly("payers", &return_transfer_agreement::payers)
        .def(
            "__eq__", [](const return_transfer_agreement& a, const return_transfer_agreement& b) { return a == b; },
            py::is_operator());

    m.def(
        "agreement_from", [](const application& app) { return agreement_from(app); }, py::arg("application"),
        "The application's return-transfer agreement; InputError (pointer under /return_transfer) if it\n"
        "cannot be read.");
    m.def(
        "invested_amount", [](const application& app) { return invested_amount(app).ore(); }, py::arg("application"),
        "What a cap of \"invested\" means: the amount granted, or requested before a decision, in öre.");
    m.def(
        "savings_from",
        [](const application& app) {
            const auto agreement = agreement_from(app);
            std::vector<std::tuple<std::string, int, std::int64_t, std::string>> out;
            for (const auto& s : savings_from(app, agreement))
                out.emplace_back(s.payer, s.year, s.amount.ore(), std::string(to_string(s.basis)));
            return out;
        },
        py::arg("application"),
        "The savings the schedule uses as (payer, year, öre, basis): the `savings` list, else the cost\n"
        "model's forecasts.");
    m.def(
        "booked_from",
        [](const application& app) {
            std::vector<std::tuple<std::string, int, std::int64_t>> out;
            for (const auto& b : booked_from(app)) out.emplace_back(b.payer, b.year, b.amount.ore());
            return out;
        },
        py::arg("application"), "The reductions already booked, as (payer, year, öre).");

    // --- the schedule ----------------------------------------------------------------------
    py::class_<transfer_schedule>(m, "TransferSchedule",
                                  "The budget-frame reductions an agreement gives, exact to the öre.")
        .def_property_readonly(
            "lines",
            [](const transfer_schedule& s) {
                std::vector<std::tuple<std::string, int, std::int64_t, std::string, int, std::string>> lines;
                for (const auto& l : s.lines)
                    lines.emplace_back(l.payer, l.year, l.amount.ore(), std::string(to_string(l.kind)), l.saving_year,
                                       std::string(to_string(l.basis)));
                return lines;
            },
            "(payer, year, öre, kind, saving_year, basis) by year, then payer.")
        .def_property_readonly("total", [](const transfer_schedule& s) { return s.total.ore(); })
        .def_property_readonly("cap",
                               [](const transfer_schedule& s) -> std::optional<std::int64_t> {
                                   if (!s.cap) return std::nullopt;
                                   return s.cap->ore();
                               })
        .def_readonly("capped", &transfer_schedule::capped)
        .def_property_readonly("uncapped_total", [](const transfer_schedule& s) { return s.uncapped_total.ore(); })
        .def(
            "to_json", [](const transfer_schedule& s, int indent) { return to_pystr(to_json(s).dump(indent)); },
            py::arg("indent") = -1, "As `socinv transfers --format json` writes it.")
        .def(
            "to_dict", [](const transfer_schedule& s) { return to_python(to_json(s)); },
            "As a dict (what to_json writes, without the text).");

    m.def(
        "schedule_from", [](const application& app) { return schedule_from(app); }, py::arg("application"),
        "The application's schedule of budget-frame reductions (InputError with the pointer for bad\n"
        "terms or savings).");

    // --- the ledger ------------------------------------------------------------------------
    py::class_<fund_ledger>(m, "FundLedger", "The fund's append-only ledger, checked entry by entry.")
        .def(py::init([](const std::string& fund, const py::object& latest) { return fund_ledger(fund, policy_from(latest)); }),
             py::arg("fund") = "", py::arg("latest") = py::none(),
             "An empty ledger; entries dated after `latest` (a date, or None) are refused.")
        .def(py::init<const fund_ledger&>(), py::arg("other"), "A copy.")
        .def_property_readonly("fund", &fund_ledger::fund)
        .def_property_readonly(
            "entries",
            [](const fund_ledger& l) {
                py::list out;
                for (const auto& e : l.entries()) out.append(entry_tuple(e));
                return out;
            },
            "(id, date, kind, öre, application, decision, note) tuples; absent texts are \"\".")
        .def_property_readonly(
            "history",
            [](const fund_ledger& l) {
                std::vector<balances_tuple> out;
                for (const auto& b : l.history()) out.push_back(balances_of(b));
                return out;
            },
            "The balances after each entry (see balances()).")
        .def("balances", [](const fund_ledger& l) { return balances_of(l.balances()); },
             "(capital, committed, paid, returned, written_off, cash, available) in öre.")
        .def(
            "balances_on",
            [](const fund_ledger& l, py::handle day) { return balances_of(l.balances_on(from_pydate(day))); },
            py::arg("day"), "The balances at the end of a day.")
        .def(
            "grants",
            [](const fund_ledger& l) {
                py::dict out;
                for (const auto& [id, g] : l.grants())
                    out[py::str(id)] =
                        py::make_tuple(to_pydate(g.granted_on), g.granted.ore(), g.paid.ore(), g.returned.ore(),
                                       g.written_off.ore(), g.outstanding().ore(), g.closed);
                return out;
            },
            "application → (granted_on, granted, paid, returned, written_off, outstanding, closed), öre.")
        .def(
            "append",
            [](fund_ledger& l, const std::string& id, py::handle day, const std::string& kind, std::int64_t amount_ore,
               const std::string& application, const std::string& decision, const std::string& note) {
                const std::string at = "/entries/" + std::to_string(l.entries().size());
                ledger_entry e;
                e.id = id;
                e.on = io::at_pointer(at + "/date", [&] { return from_pydate(day); });
                e.kind = io::at_pointer(at + "/kind",
                                        [&] { return detail::parse_name(kind, entry_kind_names, "entry kind"); });
                e.amount = money::from_ore(amount_ore);
                e.application = application;
                e.decision = decision;
                e.note = note;
                l.append(e);
            },
            py::arg("id"), py::arg("date"), py::arg("kind"), py::arg("amount_ore"), py::arg("application") = "",
            py::arg("decision") = "", py::arg("note") = "",
            "Append an entry after checking it; a refused entry raises InputError (pointer /entries/N/...) and\n"
            "leaves the ledger as it was.")
        .def(
            "to_json", [](const fund_ledger& l, int indent) { return to_pystr(to_json(l).dump(indent)); },
            py::arg("indent") = -1, "The ledger file's JSON (each entry with the cash after it).")
        .def(
            "to_dict", [](const fund_ledger& l) { return to_python(to_json(l)); },
            "The ledger file's JSON as a dict (what to_json writes, without the text).")
        .def(
            "__eq__",
            [](const fund_ledger& a, const fund_ledger& b) {
                return a.fund() == b.fund() && a.entries() == b.entries();
            },
            py::is_operator())
        .def("__len__", [](const fund_ledger& l) { return l.entries().size(); })
        .def(py::pickle([](const fund_ledger& l) { return to_json(l).dump(); },
                        [](const std::string& text) { return parse_ledger(text, "<pickle>"); }));

    m.def(
        "parse_ledger",
        [](std::string_view text, const std::string& source, const py::object& latest) {
            const ledger_policy policy = policy_from(latest);
            fund_ledger ledger;
            {
                py::gil_scoped_release release;
                ledger = parse_ledger(text, source, policy);
            }
            return ledger;
        },
        py::arg("text"), py::arg("source") = "", py::arg("latest") = py::none(),
        "Read a ledger from JSON text, replaying every entry; InputError with the entry's pointer if refused.");
    m.def(
        "save_ledger",
        [](const fund_ledger& l, const std::string& path) {
            py::gil_scoped_release release;
            save_ledger(l, path);
        },
        py::arg("ledger"), py::arg("path"), "Write the ledger atomically (a temporary file renamed over the path).");

    // --- the ledger store (socinv/store/ledger_store.hpp) --------------------------------------
    m.def(
        "ledger_horizon",
        [](py::handle today, int years) { return to_pydate(*ledger_policy::horizon(from_pydate(today), years).latest); },
        py::arg("today"), py::arg("years"), "The last date a ledger accepts: today + years (at most 9999-12-31).");

    py::class_<store::ledger_store, std::unique_ptr<store::ledger_store>>(
        m, "LedgerStore", "A fund ledger in a SQLite database: appends commit at once, hash-chained.")
        .def_property_readonly("path", &store::ledger_store::path)
        .def_property_readonly("fund", &store::ledger_store::fund)
        .def("__len__", &store::ledger_store::size)
        .def(
            "append",
            [](store::ledger_store& s, const std::string& id, py::handle day, const std::string& kind, std::int64_t amount_ore,
               const std::string& application, const std::string& decision, const std::string& note) {
                ledger_entry e;
                e.id = id;
                e.on = io::at_pointer("/entries/-/date", [&] { return from_pydate(day); });
                e.kind = io::at_pointer("/entries/-/kind",
                                        [&] { return detail::parse_name(kind, entry_kind_names, "entry kind"); });
                e.amount = money::from_ore(amount_ore);
                e.application = application;
                e.decision = decision;
                e.note = note;
                py::gil_scoped_release release;  // it may wait for another process's transaction
                return balances_of(s.append(e));
            },
            py::arg("id"), py::arg("date"), py::arg("kind"), py::arg("amount_ore"), py::arg("application") = "",
            py::arg("decision") = "", py::arg("note") = "",
            "Append an entry in one transaction; returns the balances after it. A refused entry raises\n"
            "InputError (pointer /entries/N/...) and stores nothing.")
        .def(
            "balances",
            [](const store::ledger_store& s, const py::object& on) {
                std::optional<date> day;
                if (!on.is_none()) day = from_pydate(on);
                return balances_of(s.balances(day));
            },
            py::arg("on") = py::none(), "The balances after the last entry on or before `on` (all entries: None).")
        .def(
            "load",
            [](const store::ledger_store& s) {
                py::gil_scoped_release release;
                return s.load();
            },
            "The ledger, every hash and rule checked (ChainError for the first entry that does not match).")
        .def(
            "hashes",
            [](const store::ledger_store& s) {
                py::gil_scoped_release release;
                return s.hashes();
            },
            "Each entry's hash, in order (verified).")
        .def(
            "verify",
            [](const store::ledger_store& s) {
                store::verify_report r;
                {
                    py::gil_scoped_release release;
                    r = s.verify();
                }
                py::object problem = py::none();
                if (r.problem) problem = py::make_tuple(r.problem->position, r.problem->id, r.problem->reason);
                return py::make_tuple(r.entries, r.head, problem, r.warnings);
            },
            "(entries, head hash, None or (position, id, reason) of the first entry that does not match, warnings).")
        .def(
            "export_json",
            [](const store::ledger_store& s, int indent) {
                std::string text;
                {
                    py::gil_scoped_release release;
                    text = s.export_json(indent);
                }
                return to_pystr(text);
            },
            py::arg("indent") = 2, "The ledger file format with each entry's hash (verified first).")
        .def(
            "export_file",
            [](const store::ledger_store& s, const std::string& path) {
                py::gil_scoped_release release;
                s.export_file(path);
            },
            py::arg("path"), "Write export_json() to a file atomically.")
        .def(
            "import_json",
            [](store::ledger_store& s, std::string_view text, const std::string& source) {
                py::gil_scoped_release release;
                return s.import_json(text, source);
            },
            py::arg("text"), py::arg("source") = "",
            "Import a ledger file into this empty store: its chain (if it has hashes), rules and cash_after\n"
            "are checked; all or nothing. Returns the number of entries.")
        .def("close", &store::ledger_store::close, "Close the database (also when the object is collected).");

    m.def(
        "open_ledger_store",
        [](const std::string& path, bool create, const std::string& fund, const py::object& latest, int busy_timeout_ms) {
            store::store_options options;
            options.policy = policy_from(latest);
            options.busy_timeout_ms = busy_timeout_ms;
            py::gil_scoped_release release;
            return std::make_unique<store::ledger_store>(create ? store::ledger_store::create(path, fund, options)
                                                                : store::ledger_store::open(path, options));
        },
        py::arg("path"), py::arg("create"), py::arg("fund"), py::arg("latest"), py::arg("busy_timeout_ms"),
        "Open (or with create=True, make) a ledger database.");

    // Stored ledgers that do not verify are socinv.errors.ChainError; database failures OSError.
    py::register_local_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const store::chain_error& e) {
            try {
                const py::object cls = py::module_::import("socinv.errors").attr("ChainError");
                const py::object error =
                    cls(to_pystr(e.message()), py::arg("pointer") = to_pystr(e.pointer()), py::arg("value") = to_pystr(e.value()),
                        py::arg("source") = to_pystr(e.source()), py::arg("position") = e.problem().position,
                        py::arg("id") = to_pystr(e.problem().id));
                PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
            } catch (py::error_already_set& failure) {
                failure.restore();
            }
        } catch (const store::store_error& e) {
            PyErr_SetString(PyExc_OSError, e.what());
        }
    });

    // --- the fund and its simulation -------------------------------------------------------
    py::class_<bound_fund, std::shared_ptr<bound_fund>>(m, "Fund",
                                                        "A fund file: ledger, portfolio and simulation settings.")
        .def_readonly("path", &bound_fund::path)
        .def_property_readonly("ledger_database", [](const bound_fund& f) { return f.file.ledger_database; },
                               "The ledger database the fund file names, or \"\".")
        .def_property_readonly("ledger", [](const bound_fund& f) { return f.file.ledger; }, "A copy of the ledger.")
        .def_property_readonly(
            "applications",
            [](const bound_fund& f) {
                std::vector<app_ptr> apps;
                for (const auto& a : f.file.applications) apps.push_back(std::make_shared<application>(a));
                return apps;
            },
            "The portfolio's applications, in file order.")
        .def_property_readonly("granted", [](const bound_fund& f) { return f.file.granted; },
                               "Per application: granted (True) or planned (False).")
        .def_property_readonly("start_year", [](const bound_fund& f) { return f.file.simulation.start_year; })
        .def_property_readonly("horizon_years", [](const bound_fund& f) { return f.file.simulation.horizon_years; })
        .def_property_readonly("draws", [](const bound_fund& f) { return f.file.simulation.draws; })
        .def_property_readonly("seed", [](const bound_fund& f) { return f.file.simulation.seed; })
        .def_property_readonly("min_grant", [](const bound_fund& f) { return f.file.simulation.min_grant; },
                               "SEK; 0 means the smallest investment.");

    m.def(
        "load_fund",
        [](const std::string& path, const py::object& latest) {
            const ledger_policy policy = policy_from(latest);
            auto fund = std::make_shared<bound_fund>();
            {
                py::gil_scoped_release release;
                fund->file = load_fund(path, policy, store::read_ledger_database);
                fund->path = path;
            }
            return fund;
        },
        py::arg("path"), py::arg("latest") = py::none(),
        "Read a fund file; portfolio paths are relative to it; a `ledger` database is opened and verified.");

    m.def(
        "standard_return_rules",
        [] {
            std::vector<std::tuple<std::string, bool, double, bool>> out;
            for (const auto& r : standard_return_rules())
                out.emplace_back(r.name, r.use_agreement, r.share, r.cap_at_invested);
            return out;
        },
        "The rules socinv fund --simulate compares, as (name, use_agreement, share, cap_at_invested).");

    py::class_<rule_outcome>(m, "RuleOutcome", "The fund under one return rule, over every draw.")
        .def_readonly("rule", &rule_outcome::rule)
        .def_readonly("years", &rule_outcome::years)
        .def_property_readonly("balance_mean", [](const rule_outcome& o) { return copy_array(o.balance_mean); })
        .def_property_readonly(
            "balance_percentiles",
            [](const rule_outcome& o) {
                py::dict out;
                for (const auto& [p, row] : o.balance_percentiles) out[py::int_(p)] = copy_array(row);
                return out;
            },
            "{5, 25, 50, 75, 95} → the balance's percentile by year.")
        .def_property_readonly("probability_paid_back",
                               [](const rule_outcome& o) { return copy_array(o.probability_paid_back); })
        .def_readonly("probability_exhausted", &rule_outcome::probability_exhausted)
        .def_readonly("median_years_to_exhaustion", &rule_outcome::median_years_to_exhaustion)
        .def_readonly("expected_reductions", &rule_outcome::expected_reductions)
        .def_property_readonly(
            "expected_reductions_by_year",
            [](const rule_outcome& o) {
                py::dict out;
                for (const auto& [payer, row] : o.expected_reductions_by_year) out[py::str(payer)] = copy_array(row);
                return out;
            })
        .def_readonly("mean_total_returns", &rule_outcome::mean_total_returns)
        .def_readonly("mean_end_balance", &rule_outcome::mean_end_balance);

    py::class_<fund_simulation_result>(m, "FundSimulation",
                                       "A fund simulated under several return rules on the same draws.")
        .def_readonly("draws", &fund_simulation_result::draws)
        .def_readonly("seed", &fund_simulation_result::seed)
        .def_readonly("min_grant", &fund_simulation_result::min_grant)
        .def_readonly("investments", &fund_simulation_result::investments)
        .def_readonly("outcomes", &fund_simulation_result::outcomes)
        .def(
            "to_json", [](const fund_simulation_result& r, int indent) { return to_pystr(to_json(r).dump(indent)); },
            py::arg("indent") = -1, "As the `simulation` of `socinv fund --simulate --format json`.")
        .def(
            "to_dict", [](const fund_simulation_result& r) { return to_python(to_json(r)); },
            "As a dict (what to_json writes, without the text).");
    m.attr("max_fund_simulation_draws") = max_fund_simulation_draws;

    using rule_tuple = std::tuple<std::string, bool, double, bool>;
    // The options of a simulation of the fund from the ledger's capital and top-ups.
    const auto options_of = [](const bound_fund& fund, const fund_ledger& ledger, std::size_t draws, std::uint64_t seed,
                               std::size_t threads, const std::vector<rule_tuple>& rules, int start_year,
                               int horizon_years, double min_grant, std::size_t first_draw) {
        fund_simulation_options options = fund.file.simulation;
        options.capital = ledger.balances().capital.sek();
        options.draws = draws;
        options.seed = seed;
        options.threads = threads;
        options.start_year = start_year;
        options.horizon_years = horizon_years;
        options.min_grant = min_grant;
        options.first_draw = first_draw;
        options.rules.clear();
        for (const auto& [name, use_agreement, share, cap] : rules) {
            if (!(share >= 0 && share <= 1))
                throw py::value_error("return rule \"" + name + "\": share must lie in [0, 1]");
            options.rules.push_back({name, use_agreement, share, cap});
        }
        return options;
    };
    // std::invalid_argument from the library is the caller's mistake: a ValueError.
    const auto checked = [](auto&& run) {
        py::gil_scoped_release release;
        try {
            return run();
        } catch (const std::invalid_argument& e) {
            throw py::value_error(e.what());
        }
    };

    m.def(
        "simulate_fund",
        [options_of, checked](const bound_fund& fund, const fund_ledger& ledger, std::size_t draws, std::uint64_t seed,
                              std::size_t threads, const std::vector<rule_tuple>& rules, int start_year,
                              int horizon_years, double min_grant) {
            const auto options = options_of(fund, ledger, draws, seed, threads, rules, start_year, horizon_years, min_grant, 0);
            return checked([&] { return simulate_fund(portfolio_of(fund.file), options); });
        },
        py::arg("fund"), py::arg("ledger"), py::arg("draws"), py::arg("seed"), py::arg("threads"), py::arg("rules"),
        py::arg("start_year"), py::arg("horizon_years"), py::arg("min_grant"),
        "Simulate the fund's portfolio from the ledger's capital and top-ups, on all cores without the GIL.");

    // The draws of a range, before they are summed up: what a Dask task computes and sends back.
    py::class_<fund_draws>(m, "FundDraws", "The draws [first_draw, first_draw + draws) of a fund simulation.")
        .def_readonly("seed", &fund_draws::seed)
        .def_readonly("first_draw", &fund_draws::first_draw)
        .def_readonly("draws", &fund_draws::draws)
        .def(py::pickle(
            [](const fund_draws& d) {
                py::list balances, paid_back, exhausted, blocks;
                for (std::size_t r = 0; r < d.balances.size(); ++r) {
                    balances.append(py::bytes(reinterpret_cast<const char*>(d.balances[r].data()),
                                              d.balances[r].size() * sizeof(float)));
                    paid_back.append(py::bytes(reinterpret_cast<const char*>(d.paid_back[r].data()), d.paid_back[r].size()));
                    exhausted.append(py::bytes(reinterpret_cast<const char*>(d.exhausted_after[r].data()),
                                               d.exhausted_after[r].size() * sizeof(int)));
                }
                for (const auto& b : d.blocks) blocks.append(py::make_tuple(b.reductions, b.total));
                return py::make_tuple(d.seed, d.first_draw, d.draws, d.horizon, d.investments, balances, paid_back,
                                      exhausted, blocks);
            },
            [](const py::tuple& t) {
                if (t.size() != 9) throw py::value_error("not a pickled FundDraws");
                fund_draws d;
                d.seed = t[0].cast<std::uint64_t>();
                d.first_draw = t[1].cast<std::size_t>();
                d.draws = t[2].cast<std::size_t>();
                d.horizon = t[3].cast<std::size_t>();
                d.investments = t[4].cast<std::size_t>();
                const auto copy = [](const py::handle& h, auto& v, std::size_t n) {
                    const auto text = h.cast<std::string_view>();
                    if (text.size() != n * sizeof(v[0])) throw py::value_error("not a pickled FundDraws");
                    v.resize(n);
                    std::memcpy(v.data(), text.data(), text.size());
                };
                const auto balances = t[5].cast<py::list>(), paid_back = t[6].cast<py::list>(), exhausted = t[7].cast<py::list>();
                const std::size_t rules = balances.size();
                if (paid_back.size() != rules || exhausted.size() != rules) throw py::value_error("not a pickled FundDraws");
                d.balances.resize(rules);
                d.paid_back.resize(rules);
                d.exhausted_after.resize(rules);
                for (std::size_t r = 0; r < rules; ++r) {
                    copy(balances[r], d.balances[r], d.draws * d.horizon);
                    copy(paid_back[r], d.paid_back[r], d.draws * d.investments);
                    copy(exhausted[r], d.exhausted_after[r], d.draws);
                }
                for (const auto& b : t[8].cast<py::list>()) {
                    const auto pair = b.cast<py::tuple>();
                    d.blocks.push_back({pair[0].cast<std::vector<std::map<std::string, std::vector<double>>>>(),
                                        pair[1].cast<std::vector<double>>()});
                }
                return d;
            }));

    m.def(
        "draw_fund",
        [options_of, checked](const bound_fund& fund, const fund_ledger& ledger, std::size_t first_draw,
                              std::size_t draws, std::uint64_t seed, std::size_t threads,
                              const std::vector<rule_tuple>& rules, int start_year, int horizon_years, double min_grant) {
            const auto options =
                options_of(fund, ledger, draws, seed, threads, rules, start_year, horizon_years, min_grant, first_draw);
            return checked([&] { return draw_fund(portfolio_of(fund.file), options); });
        },
        py::arg("fund"), py::arg("ledger"), py::arg("first_draw"), py::arg("draws"), py::arg("seed"), py::arg("threads"),
        py::arg("rules"), py::arg("start_year"), py::arg("horizon_years"), py::arg("min_grant"),
        "The draws [first_draw, first_draw + draws) of simulate_fund, not yet summed up (without the GIL).");
    m.def(
        "summarize_fund",
        [options_of, checked](const bound_fund& fund, const fund_ledger& ledger, const std::vector<const fund_draws*>& parts,
                              std::size_t threads, const std::vector<rule_tuple>& rules, int start_year,
                              int horizon_years, double min_grant) {
            std::vector<fund_draws> runs;
            for (const auto* p : parts) {
                if (!p) throw py::type_error("summarize_fund takes FundDraws, not None");
                runs.push_back(*p);
            }
            const std::size_t total = runs.empty() ? 0 : runs.back().first_draw + runs.back().draws - runs.front().first_draw;
            const auto options = options_of(fund, ledger, total, runs.empty() ? 0 : runs.front().seed, threads, rules,
                                             start_year, horizon_years, min_grant, runs.empty() ? 0 : runs.front().first_draw);
            return checked([&] { return summarize_fund(portfolio_of(fund.file), options, merge_fund_draws(runs)); });
        },
        py::arg("fund"), py::arg("ledger"), py::arg("parts"), py::arg("threads"), py::arg("rules"), py::arg("start_year"),
        py::arg("horizon_years"), py::arg("min_grant"),
        "draw_fund's runs over consecutive ranges, merged and summed up: digit for digit the simulate_fund of "
        "their union.");
}

}  // namespace socinv::python
