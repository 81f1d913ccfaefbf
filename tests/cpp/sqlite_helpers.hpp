#pragma once
// For the ledger database tests: a scratch directory and SQL run behind the store's back.

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace socinv::testing {

// A new, empty directory under the test's temp directory.
inline std::filesystem::path make_temp_dir(const std::string& prefix) {
    std::string templ = ::testing::TempDir() + prefix + "_XXXXXX";
    if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp " + templ);
    return templ;
}

// Runs SQL on the database file as an attacker with the file would; SQLite's error, "" when none.
inline std::string run_sql(const std::string& path, const std::string& sql) {
    sqlite3* h = nullptr;
    if (sqlite3_open(path.c_str(), &h) != SQLITE_OK) {
        sqlite3_close(h);
        return "cannot open " + path;
    }
    char* message = nullptr;
    const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &message);
    std::string text = message ? message : (rc == SQLITE_OK ? "" : "SQLite error " + std::to_string(rc));
    sqlite3_free(message);
    sqlite3_close(h);
    return text;
}

}  // namespace socinv::testing
