// The ledger store on SQLite's C API: schema and migrations, appends as IMMEDIATE transactions,
// verification, import and export.

#include "socinv/store/ledger_store.hpp"

#include <cstdint>
#include <mutex>
#include <type_traits>
#include <utility>

#include <sqlite3.h>
#include <sys/stat.h>

#include "socinv/io/atomic_file.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/io/read.hpp"

namespace socinv::store {

namespace {

// "SOCI": PRAGMA application_id of a socinv ledger database, so that another SQLite file is
// recognised as not being one.
constexpr int application_id = 0x534F4349;

// Migrations, in order: migrations[i] takes a database from user_version i to i + 1. A new
// schema version adds a step here; a database is never rebuilt, so old entries keep their hashes.
constexpr const char* migrations[] = {
    // 0 -> 1: the ledger.
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE entries (
    seq         INTEGER PRIMARY KEY CHECK (seq >= 0),  -- the entry's position, from 0
    id          TEXT NOT NULL UNIQUE CHECK (id <> ''),
    date        TEXT NOT NULL,                         -- YYYY-MM-DD
    kind        TEXT NOT NULL CHECK (kind IN ('capital', 'top_up', 'grant', 'payment', 'return', 'write_off')),
    amount      INTEGER NOT NULL CHECK (amount > 0),   -- öre
    application TEXT NOT NULL,
    decision    TEXT NOT NULL,
    note        TEXT NOT NULL,
    -- the balances after the entry (öre), derived; verify recomputes them
    capital     INTEGER NOT NULL,
    committed   INTEGER NOT NULL,
    paid        INTEGER NOT NULL,
    returned    INTEGER NOT NULL,
    written_off INTEGER NOT NULL,
    cash        INTEGER NOT NULL,
    hash        TEXT NOT NULL                          -- SHA-256, docs/return-transfers.md
);
CREATE INDEX entries_by_application ON entries (application);
CREATE INDEX entries_by_date ON entries (date);
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'the fund ledger is append-only: an entry cannot be changed'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'the fund ledger is append-only: an entry cannot be deleted'); END;
CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta
BEGIN SELECT RAISE(ABORT, 'the fund ledger''s name cannot be changed'); END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
BEGIN SELECT RAISE(ABORT, 'the fund ledger''s name cannot be deleted'); END;
)sql",
};
constexpr int latest_version = static_cast<int>(std::size(migrations));
static_assert(latest_version == ledger_store::schema_version);

constexpr const char* trigger_names[] = {"entries_no_update", "entries_no_delete", "meta_no_update", "meta_no_delete"};

constexpr const char* entry_columns =
    "seq, id, date, kind, amount, application, decision, note, capital, committed, paid, returned, written_off, cash, hash";

class statement {
public:
    statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw store_error(std::string("SQLite cannot prepare a statement: ") + sqlite3_errmsg(db), sqlite3_errcode(db));
    }
    ~statement() { sqlite3_finalize(stmt_); }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    statement& bind(int i, std::string_view text) {
        check(sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
        return *this;
    }
    statement& bind(int i, std::int64_t value) {
        check(sqlite3_bind_int64(stmt_, i, value));
        return *this;
    }
    // True while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw store_error(std::string("SQLite: ") + sqlite3_errmsg(db_), rc);
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) throw store_error(std::string("SQLite cannot bind a value: ") + sqlite3_errmsg(db_), rc);
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

fund_balances balances_from(const statement& s, int first) {
    fund_balances b;
    b.capital = money::from_ore(s.integer(first));
    b.committed = money::from_ore(s.integer(first + 1));
    b.paid = money::from_ore(s.integer(first + 2));
    b.returned = money::from_ore(s.integer(first + 3));
    b.written_off = money::from_ore(s.integer(first + 4));
    b.cash = money::from_ore(s.integer(first + 5));
    b.available = b.cash - b.committed;
    return b;
}

// A row of `entry_columns`, read without checking its date or kind (verify does that).
struct raw_row {
    std::int64_t seq = 0;
    std::string id, date, kind;
    std::int64_t amount = 0;
    std::string application, decision, note;
    fund_balances after;
    std::string hash;
};

raw_row row_from(const statement& s) {
    raw_row r;
    r.seq = s.integer(0);
    r.id = s.text(1);
    r.date = s.text(2);
    r.kind = s.text(3);
    r.amount = s.integer(4);
    r.application = s.text(5);
    r.decision = s.text(6);
    r.note = s.text(7);
    r.after = balances_from(s, 8);
    r.hash = s.text(14);
    return r;
}

ledger_entry entry_from(const raw_row& r) {
    ledger_entry e;
    e.id = r.id;
    e.on = parse_iso_date(r.date);
    e.kind = detail::parse_name(r.kind, entry_kind_names, "entry kind");
    e.amount = money::from_ore(r.amount);
    e.application = r.application;
    e.decision = r.decision;
    e.note = r.note;
    return e;
}

std::string position_text(const chain_break& b) {
    return "entry " + std::to_string(b.position) + (b.id.empty() ? "" : " (id " + quoted_text(b.id) + ")");
}

}  // namespace

chain_error::chain_error(chain_break problem, const std::string& source)
    : input_error(input_error("/entries/" + std::to_string(problem.position), problem.id.empty() ? "" : quoted_text(problem.id),
                              "the ledger does not verify at " + position_text(problem) + ": " + problem.reason)
                      .with_source(source)),
      problem_(std::move(problem)) {}

struct ledger_store::impl {
    std::string path;
    store_options options;
    sqlite3* db = nullptr;
    mutable std::mutex mutex;

    ~impl() { sqlite3_close_v2(db); }

    [[noreturn]] void fail(const std::string& what) const {
        throw store_error(path + ": " + what + ": " + sqlite3_errmsg(db), sqlite3_extended_errcode(db));
    }

    void exec(const char* sql) const {
        char* message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string text = message ? message : sqlite3_errmsg(db);
            sqlite3_free(message);
            throw store_error(path + ": " + text, sqlite3_extended_errcode(db));
        }
    }

    std::int64_t pragma(const char* sql) const {
        statement s(db, sql);
        return s.step() ? s.integer(0) : 0;
    }

    // Runs `body` in a transaction; any exception rolls it back and is rethrown.
    template <class F>
    auto transaction(const char* begin, F&& body) const {
        exec(begin);
        try {
            if constexpr (std::is_void_v<decltype(body())>) {
                body();
                exec("COMMIT");
            } else {
                auto result = body();
                exec("COMMIT");
                return result;
            }
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

    void connect(bool create) {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
        if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
            throw input_error("", quoted_text(path), "cannot open the ledger database: " + why).with_source(path);
        }
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, options.busy_timeout_ms);
        try {
            statement wal(db, "PRAGMA journal_mode = WAL");
            if (!wal.step() || wal.text(0) != "wal") fail("cannot switch to write-ahead logging");
        } catch (const store_error& e) {
            if ((e.sqlite_code() & 0xFF) == SQLITE_NOTADB)
                throw input_error("", quoted_text(path), "not a SQLite database (and so not a ledger database)").with_source(path);
            throw;
        }
        // FULL: a commit is on disk (the WAL fsync'd) before append returns, so an append that
        // reported success survives a power cut, not only a killed process.
        exec("PRAGMA synchronous = FULL");
    }

    // Brings the schema to the latest version in one transaction; refuses other SQLite files
    // and newer schemas.
    void migrate(bool create) {
        transaction("BEGIN IMMEDIATE", [&] {
            const auto version = pragma("PRAGMA user_version");
            const auto app = pragma("PRAGMA application_id");
            const auto tables = pragma("SELECT count(*) FROM sqlite_schema");
            if (version == 0 && tables == 0 && app == 0) {
                if (!create) throw input_error("", quoted_text(path), "not a ledger database (it is empty; create one first)").with_source(path);
            } else if (app != application_id) {
                throw input_error("", quoted_text(path), "not a socinv ledger database (another SQLite file)").with_source(path);
            } else if (version > latest_version) {
                throw input_error("", quoted_text(path),
                                  "the ledger database has schema version " + std::to_string(version) +
                                      ", newer than this socinv's (" + std::to_string(latest_version) + ")")
                    .with_source(path);
            }
            for (auto v = version; v < latest_version; ++v) {
                exec(migrations[v]);
                exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
            }
            if (app == 0) exec(("PRAGMA application_id = " + std::to_string(application_id)).c_str());
        });
    }

    std::string fund() const {
        statement s(db, "SELECT value FROM meta WHERE key = 'fund'");
        return s.step() ? s.text(0) : std::string();
    }

    std::size_t size() const { return static_cast<std::size_t>(pragma("SELECT count(*) FROM entries")); }

    // The state of one application's grant, from its entries.
    std::optional<grant_state> grant(const std::string& application) const {
        statement s(db, "SELECT kind, date, amount FROM entries WHERE application = ?1 ORDER BY seq");
        s.bind(1, application);
        std::optional<grant_state> g;
        while (s.step()) {
            const std::string kind = s.text(0);
            const money amount = money::from_ore(s.integer(2));
            if (kind == "grant") {
                g.emplace();
                g->granted_on = parse_iso_date(s.text(1));
                g->granted = amount;
            } else if (g) {
                if (kind == "payment") g->paid += amount;
                if (kind == "return") g->returned += amount;
                if (kind == "write_off") {
                    g->written_off += amount;
                    g->closed = true;
                }
            }
        }
        return g;
    }

    void insert(statement& s, const ledger_entry& e, std::size_t position, const fund_balances& b, const std::string& hash) {
        s.reset();
        s.bind(1, static_cast<std::int64_t>(position)).bind(2, e.id).bind(3, to_iso(e.on)).bind(4, to_string(e.kind));
        s.bind(5, e.amount.ore()).bind(6, e.application).bind(7, e.decision).bind(8, e.note);
        s.bind(9, b.capital.ore()).bind(10, b.committed.ore()).bind(11, b.paid.ore()).bind(12, b.returned.ore());
        s.bind(13, b.written_off.ore()).bind(14, b.cash.ore()).bind(15, hash);
        s.step();
    }

    static constexpr const char* insert_sql =
        "INSERT INTO entries (seq, id, date, kind, amount, application, decision, note, capital, committed, paid, "
        "returned, written_off, cash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

    fund_balances append(const ledger_entry& e) {
        return transaction("BEGIN IMMEDIATE", [&] {
            ledger_tip tip;
            std::string previous(genesis_hash);
            {
                statement last(db,
                               "SELECT seq, date, capital, committed, paid, returned, written_off, cash, hash FROM entries "
                               "ORDER BY seq DESC LIMIT 1");
                if (last.step()) {
                    tip.position = static_cast<std::size_t>(last.integer(0)) + 1;
                    tip.last_date = parse_iso_date(last.text(1));
                    tip.balances = balances_from(last, 2);
                    previous = last.text(8);
                }
            }
            statement used(db, "SELECT 1 FROM entries WHERE id = ?1");
            used.bind(1, e.id);
            const bool id_used = used.step();
            const auto g = e.application.empty() ? std::nullopt : grant(e.application);
            const entry_effect effect = check_entry(e, tip, g ? &*g : nullptr, id_used, options.policy);
            statement ins(db, insert_sql);
            insert(ins, e, tip.position, effect.balances, entry_hash(e, tip.position, previous));
            return effect.balances;
        });
    }

    std::vector<raw_row> rows() const {
        return transaction("BEGIN", [&] {
            std::vector<raw_row> out;
            out.reserve(size());
            statement s(db, (std::string("SELECT ") + entry_columns + " FROM entries ORDER BY seq").c_str());
            while (s.step()) out.push_back(row_from(s));
            return out;
        });
    }

    // Replays the stored rows: positions, hashes, the ledger's rules and the stored balances.
    verify_report check(fund_ledger& ledger, std::vector<std::string>* hashes) const {
        verify_report report;
        const auto all = rows();
        report.entries = all.size();
        std::string previous(genesis_hash);
        for (std::size_t i = 0; i < all.size(); ++i) {
            const raw_row& r = all[i];
            auto broken = [&](std::string why) {
                report.problem = chain_break{i, r.id, std::move(why)};
                return report;
            };
            if (r.seq != static_cast<std::int64_t>(i))
                return broken("entry " + std::to_string(i) + " is missing: the entry stored next has position " +
                              std::to_string(r.seq) + " (entries were removed)");
            ledger_entry e;
            try {
                e = entry_from(r);
            } catch (const input_error& err) {
                return broken("it cannot be read: " + err.message());
            }
            if (entry_hash(e, i, previous) != r.hash)
                return broken("its hash does not match its content and the hash before it: this entry, or the one "
                              "before it, was changed, removed or moved");
            previous = r.hash;
            try {
                ledger.append(e);
            } catch (const input_error& err) {
                return broken("it breaks the ledger's rules: " + err.message());
            }
            if (!(ledger.balances() == r.after)) return broken("its stored balances are not those its entries give");
            if (hashes) hashes->push_back(r.hash);
        }
        report.head = all.empty() ? std::string() : all.back().hash;
        return report;
    }
};

ledger_store::ledger_store(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
ledger_store::ledger_store(ledger_store&&) noexcept = default;
ledger_store& ledger_store::operator=(ledger_store&&) noexcept = default;
ledger_store::~ledger_store() = default;

ledger_store::impl& ledger_store::get() const {
    if (!impl_) throw std::logic_error("the ledger store is closed");
    return *impl_;
}

ledger_store ledger_store::create(const std::string& path, const std::string& fund, const store_options& options) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && st.st_size > 0)
        throw input_error("", quoted_text(path), "a file is already there; a new ledger database needs a new file").with_source(path);
    auto p = std::make_unique<impl>();
    p->path = path;
    p->options = options;
    p->connect(true);
    p->migrate(true);
    p->transaction("BEGIN IMMEDIATE", [&] {
        if (p->size() != 0 || p->pragma("SELECT count(*) FROM meta") != 0)
            throw input_error("", quoted_text(path), "another process created this ledger database first").with_source(path);
        if (!fund.empty()) {
            statement s(p->db, "INSERT INTO meta (key, value) VALUES ('fund', ?1)");
            s.bind(1, fund);
            s.step();
        }
    });
    return ledger_store(std::move(p));
}

ledger_store ledger_store::open(const std::string& path, const store_options& options) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw input_error("", quoted_text(path), "no ledger database here (create one first)").with_source(path);
    auto p = std::make_unique<impl>();
    p->path = path;
    p->options = options;
    p->connect(false);
    p->migrate(false);
    return ledger_store(std::move(p));
}

const std::string& ledger_store::path() const { return get().path; }

std::string ledger_store::fund() const {
    std::lock_guard lock(get().mutex);
    return impl_->fund();
}

std::size_t ledger_store::size() const {
    std::lock_guard lock(get().mutex);
    return impl_->size();
}

const store_options& ledger_store::options() const { return get().options; }

void ledger_store::set_policy(const ledger_policy& policy) {
    std::lock_guard lock(get().mutex);
    impl_->options.policy = policy;
}

fund_balances ledger_store::append(const ledger_entry& entry) {
    std::lock_guard lock(get().mutex);
    try {
        return impl_->append(entry);
    } catch (const input_error& e) {
        throw e.source().empty() ? e.with_source(impl_->path) : e;
    }
}

fund_balances ledger_store::balances(std::optional<date> on) const {
    std::lock_guard lock(get().mutex);
    const char* sql = on ? "SELECT capital, committed, paid, returned, written_off, cash FROM entries WHERE date <= ?1 "
                           "ORDER BY date DESC, seq DESC LIMIT 1"
                         : "SELECT capital, committed, paid, returned, written_off, cash FROM entries ORDER BY seq DESC LIMIT 1";
    statement s(impl_->db, sql);
    if (on) s.bind(1, to_iso(*on));
    return s.step() ? balances_from(s, 0) : fund_balances{};
}

std::vector<stored_entry> ledger_store::entries() const {
    std::lock_guard lock(get().mutex);
    std::vector<stored_entry> out;
    for (auto& r : impl_->rows()) {
        try {
            out.push_back({entry_from(r), r.after, r.hash});
        } catch (const input_error& e) {
            throw chain_error(chain_break{static_cast<std::size_t>(r.seq), r.id, "it cannot be read: " + e.message()}, impl_->path);
        }
    }
    return out;
}

verify_report ledger_store::verify() const {
    std::lock_guard lock(get().mutex);
    fund_ledger ledger(impl_->fund(), impl_->options.policy);
    auto report = impl_->check(ledger, nullptr);
    for (const char* name : trigger_names) {
        statement s(impl_->db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?1");
        s.bind(1, name);
        if (!s.step()) report.warnings.push_back(std::string("the append-only trigger ") + name + " is missing");
    }
    return report;
}

fund_ledger ledger_store::load() const {
    std::lock_guard lock(get().mutex);
    fund_ledger ledger(impl_->fund(), impl_->options.policy);
    const auto report = impl_->check(ledger, nullptr);
    if (report.problem) throw chain_error(*report.problem, impl_->path);
    return ledger;
}

std::vector<std::string> ledger_store::hashes() const {
    std::lock_guard lock(get().mutex);
    fund_ledger ledger(impl_->fund(), impl_->options.policy);
    std::vector<std::string> out;
    const auto report = impl_->check(ledger, &out);
    if (report.problem) throw chain_error(*report.problem, impl_->path);
    return out;
}

std::string ledger_store::export_json(int indent) const {
    std::lock_guard lock(get().mutex);
    fund_ledger ledger(impl_->fund(), impl_->options.policy);
    std::vector<std::string> hashes;
    const auto report = impl_->check(ledger, &hashes);
    if (report.problem) throw chain_error(*report.problem, impl_->path);
    return to_json(ledger, hashes).dump(indent) + "\n";
}

void ledger_store::export_file(const std::string& path) const { io::write_file_atomically(path, export_json()); }

std::size_t ledger_store::import_json(std::string_view text, const std::string& source) {
    std::lock_guard lock(get().mutex);
    impl& p = *impl_;
    try {
        const ledger_document doc = ledger_document_from_text(text);
        if (!doc.hashes.empty()) {
            if (auto problem = check_chain(doc.entries, doc.hashes))
                throw input_error("/entries/" + std::to_string(problem->position) + "/hash",
                                  problem->position < doc.hashes.size() ? "\"" + doc.hashes[problem->position] + "\"" : "",
                                  "the chain does not hold at " + position_text(*problem) + ": " + problem->reason);
        }
        const fund_ledger ledger = replay_ledger(doc, p.options.policy);
        const auto hashes = doc.hashes.empty() ? chain_hashes(ledger.entries()) : doc.hashes;
        p.transaction("BEGIN IMMEDIATE", [&] {
            if (const auto n = p.size(); n != 0)
                throw input_error("", quoted_text(p.path),
                                  "the ledger database already holds " + std::to_string(n) +
                                      " entries; a ledger is imported into an empty one")
                    .with_source(p.path);
            const std::string fund = p.fund();
            if (fund.empty() && !doc.fund.empty()) {
                statement s(p.db, "INSERT INTO meta (key, value) VALUES ('fund', ?1)");
                s.bind(1, doc.fund);
                s.step();
            } else if (!doc.fund.empty() && doc.fund != fund) {
                throw input_error("/fund", quoted_text(doc.fund), "the file's fund " + quoted_text(doc.fund) +
                                                                 " is not the database's, " + quoted_text(fund));
            }
            statement ins(p.db, impl::insert_sql);
            for (std::size_t i = 0; i < ledger.entries().size(); ++i)
                p.insert(ins, ledger.entries()[i], i, ledger.history()[i], hashes[i]);
        });
        return ledger.entries().size();
    } catch (const input_error& e) {
        throw e.source().empty() && !source.empty() ? e.with_source(source) : e;
    }
}

std::size_t ledger_store::import_file(const std::string& path) { return import_json(io::read_file(path), path); }

void ledger_store::close() { impl_.reset(); }

fund_ledger read_ledger_database(const std::string& path, const ledger_policy& policy) {
    store_options options;
    options.policy = policy;
    return ledger_store::open(path, options).load();
}

}  // namespace socinv::store
