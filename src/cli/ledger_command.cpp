// `socinv ledger`: a fund's ledger database (SQLite, hash-chained): init, append, show, verify, import, export.

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "socinv/io/atomic_file.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/report/ledger_text.hpp"
#include "socinv/socinv.hpp"
#include "socinv/store/ledger_store.hpp"

namespace socinv::cli {
namespace {

constexpr const char* description = R"(Keep a fund's ledger in a database that loses nothing: init, append, show,
verify, import, export.

The ledger database (SQLite) records the fund's capital, grants, payments,
returns and write-offs. Each append is one transaction, checked against the
balances read in that transaction, so several people or programs appending at
once never lose an entry, and a refused entry leaves nothing behind. Every
entry carries a SHA-256 hash over its content and the previous entry's hash:
`verify` recomputes the chain and replays every entry, and names the first
one that does not match. Entries are never changed or deleted; a correction
is a new entry.)";

constexpr const char* footer = R"(Exit codes: 0 done; 1 `verify` found an entry that does not match; 2 bad
input, a refused entry or usage (the reason goes to standard error).

docs/return-transfers.md, "The ledger store", says what survives concurrent
writers and a killed process.)";

// The state of every subcommand's options; only the parsed subcommand's are used.
struct ledger_options {
    std::string database;
    std::string fund;
    ledger_entry entry;
    std::optional<date> on;
    std::optional<date> today;
    int horizon_years = 10;
    output_format format = output_format::text;
    language lang = language::en;
    std::string file;    // import: the ledger file
    std::string output;  // export: -o FILE
};

// The computer's date, where the caller gave none: the library itself has no clock.
date local_today() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    return date(static_cast<unsigned short>(local.tm_year + 1900), static_cast<unsigned short>(local.tm_mon + 1),
                static_cast<unsigned short>(local.tm_mday));
}

store::store_options options_of(const ledger_options& o) {
    store::store_options options;
    options.policy = ledger_policy::horizon(o.today ? *o.today : local_today(), o.horizon_years);
    return options;
}

// An option read through one of the library's own parsers: its input_error is CLI11's message
// ("--date: date "2014-02-30" does not exist ..."), so a bad value is a usage error, exit 2.
template <class T, class Parse>
CLI::Option* add_parsed_option(CLI::App& cmd, const std::string& name, T& target, Parse parse, const std::string& help,
                               const std::string& type_name) {
    const CLI::Validator parses(
        [parse](std::string& text) -> std::string {
            try {
                parse(text);
                return {};
            } catch (const input_error& e) {
                return e.message();
            }
        },
        "", type_name);
    return cmd.add_option_function<std::string>(name, [&target, parse](const std::string& text) { target = parse(text); }, help)
        ->check(parses)
        ->type_name(type_name);
}

CLI::Option* add_date_option(CLI::App& cmd, const std::string& name, std::optional<date>& target, const std::string& help) {
    return add_parsed_option(cmd, name, target, [](const std::string& s) { return std::optional<date>(parse_iso_date(s)); }, help,
                             "YYYY-MM-DD");
}

void add_policy_options(CLI::App& cmd, ledger_options& o) {
    cmd.add_option("--horizon-years", o.horizon_years,
                   "entries dated more than this many years after today are refused (default 10): a date "
                   "typed as 9999-12-31 would block every later entry")
        ->check(CLI::Range(0, 1000).description(""))
        ->type_name("N");
    add_date_option(cmd, "--today", o.today, "the date the horizon counts from (default: the computer's date)");
}

int run_init(const ledger_options& o, const streams& io) {
    auto db = store::ledger_store::create(o.database, o.fund, options_of(o));
    io.out << "Created the ledger database " << escape_control(o.database) << " for the fund " << quoted_text(o.fund) << "\n";
    return exit_pass;
}

int run_append(const ledger_options& o, const streams& io) {
    auto db = store::ledger_store::open(o.database, options_of(o));
    const fund_balances after = db.append(o.entry);
    io.out << "Appended " << quoted_text(o.entry.id) << " (" << to_string(o.entry.kind) << " " << format_sek(o.entry.amount)
           << ") as entry " << db.size() << "; cash " << format_sek(after.cash) << ", available " << format_sek(after.available)
           << "\n";
    return exit_pass;
}

int run_show(const ledger_options& o, const streams& io) {
    auto db = store::ledger_store::open(o.database, options_of(o));
    const fund_ledger ledger = db.load();  // verified: a broken chain is an error here
    if (o.format == output_format::json) {
        const auto hashes = db.hashes();
        std::string text;
        io::json_writer w(text);
        w.begin_object().key("balances");
        write_json(w, o.on ? ledger.balances_on(*o.on) : ledger.balances());
        w.member("entries", ledger.entries().size()).member("fund", ledger.fund()).key("grants");
        write_json(w, ledger.grants());
        w.member("head", hashes.empty() ? std::string() : hashes.back());
        if (o.on) w.member("on", to_iso(*o.on));
        w.end_object();
        io.out << text << "\n";
        return exit_pass;
    }
    io.out << ledger_text(ledger, o.on, 10, o.lang);
    return exit_pass;
}

int run_verify(const ledger_options& o, const streams& io) {
    auto db = store::ledger_store::open(o.database, options_of(o));
    const store::verify_report report = db.verify();
    for (const auto& w : report.warnings) io.err << "socinv: " << escape_control(o.database) << ": warning: " << w << "\n";
    if (!report.ok()) {
        const auto& p = *report.problem;
        io.err << "socinv: " << escape_control(o.database) << ": /entries/" << p.position << ": entry " << p.position + 1
               << " (" << quoted_text(p.id) << ") does not match: " << escape_control(p.reason) << "\n";
        return exit_fail;
    }
    io.out << escape_control(o.database) << ": " << report.entries << " entries verified; the chain's head is "
           << (report.head.empty() ? "(none)" : report.head) << "\n";
    return exit_pass;
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

int run_import(const ledger_options& o, const streams& io) {
    // A database this command creates is removed again when the import is refused: all or nothing.
    const bool created = !file_exists(o.database);
    try {
        auto db = created ? store::ledger_store::create(o.database, "", options_of(o))
                          : store::ledger_store::open(o.database, options_of(o));
        const std::size_t n = db.import_file(o.file);
        io.out << "Imported " << n << " entries of the fund " << quoted_text(db.fund()) << " into "
               << escape_control(o.database) << "\n";
        return exit_pass;
    } catch (...) {
        if (created)
            for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((o.database + suffix).c_str());
        throw;
    }
}

int run_export(const ledger_options& o, const streams& io) {
    auto db = store::ledger_store::open(o.database, options_of(o));
    if (o.output.empty() || o.output == "-") {
        io.out << db.export_json();
        return exit_pass;
    }
    db.export_file(o.output);
    io.err << "socinv: wrote " << escape_control(o.output) << "\n";
    return exit_pass;
}

CLI::App& add_database_subcommand(CLI::App& ledger, const std::string& name, const std::string& summary,
                                  ledger_options& o) {
    CLI::App& sub = *ledger.add_subcommand(name, summary);
    sub.add_option("DB", o.database, "the ledger database (a file, e.g. fund.db)")->required();
    return sub;
}

}  // namespace

command ledger_command(CLI::App& socinv) {
    auto o = std::make_shared<ledger_options>();
    CLI::App& cmd = *socinv.add_subcommand("ledger", description);
    cmd.footer(footer);
    cmd.require_subcommand(1);

    CLI::App& init = add_database_subcommand(cmd, "init", "Create a new, empty ledger database for a fund.", *o);
    init.add_option("--fund", o->fund, "the fund's name")->required()->type_name("NAME");

    CLI::App& append = add_database_subcommand(
        cmd, "append", "Append one entry in one transaction; a refused entry stores nothing.", *o);
    append.add_option("--id", o->entry.id, "the entry's id, unique in the ledger")->required()->type_name("ID");
    add_parsed_option(append, "--date", o->entry.on, parse_iso_date, "the entry's date, on or after the last entry's", "YYYY-MM-DD")
        ->required();
    add_parsed_option(
        append, "--kind", o->entry.kind,
        [](const std::string& s) { return socinv::detail::parse_name(s, entry_kind_names, "entry kind"); },
        "capital, top_up, grant, payment, return or write_off", socinv::detail::allowed_list(entry_kind_names))
        ->required();
    add_parsed_option(append, "--amount", o->entry.amount, parse_sek,
                      "the amount in kronor, e.g. 4100000, \"4 100 000 kr\" or 12.50 (at most two decimals)", "SEK")
        ->required();
    append.add_option("--application", o->entry.application, "the application a grant, payment, return or write-off is for")
        ->type_name("ID");
    append.add_option("--decision", o->entry.decision, "the decision's reference, e.g. \"KS 2014-03-18 § 45\"")->type_name("REF");
    append.add_option("--note", o->entry.note, "a note")->type_name("TEXT");
    add_policy_options(append, *o);

    CLI::App& show = add_database_subcommand(cmd, "show", "Print the balances, grants and latest entries (verified first).", *o);
    add_format_option(show, o->format, "a report", "one JSON object with the balances, grants and the chain's head");
    add_lang_option(show, o->lang, "the report");
    add_date_option(show, "--on", o->on, "the balances at the end of this day (default: after the last entry)");

    CLI::App& verify = add_database_subcommand(
        cmd, "verify", "Recompute the hash chain and replay every entry; name the first that does not match.", *o);

    CLI::App& import = add_database_subcommand(
        cmd, "import", "Import a ledger file (JSON) into a new or empty database; all or nothing.", *o);
    import.add_option("FILE.json", o->file, "a ledger file; with hashes, its chain must hold")->required();
    add_policy_options(import, *o);

    CLI::App& export_ = add_database_subcommand(cmd, "export", "Write the ledger as JSON with each entry's hash (verified first).", *o);
    export_.add_option("-o,--output", o->output, "the file to write atomically (default: standard output)")->type_name("FILE");

    const std::vector<std::pair<CLI::App*, int (*)(const ledger_options&, const streams&)>> subcommands = {
        {&init, run_init},     {&append, run_append},   {&show, run_show},
        {&verify, run_verify}, {&import, run_import}, {&export_, run_export}};
    return {&cmd, [o, subcommands](const streams& io) {
                for (const auto& [sub, run] : subcommands) {
                    if (!sub->parsed()) continue;
                    try {
                        return run(*o, io);
                    } catch (const store::chain_error& e) {
                        io.err << error_text(e) << "\n";
                        return sub->get_name() == "verify" ? exit_fail : exit_bad_input;
                    } catch (const store::store_error& e) {
                        // A database that cannot be used (locked, full, not a database) is the
                        // user's to fix, not a bug: named, exit 2.
                        io.err << "socinv: " << escape_control(o->database) << ": " << e.what() << "\n";
                        return exit_bad_input;
                    }
                }
                throw usage_error("no ledger subcommand");  // not reached: one is required
            }};
}

}  // namespace socinv::cli
