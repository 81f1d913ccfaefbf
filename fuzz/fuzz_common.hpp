#pragma once
// What every harness checks: a loader given arbitrary bytes either succeeds or throws
// socinv::input_error. Any other exception escapes LLVMFuzzerTestOneInput, std::terminate
// aborts, and libFuzzer reports the input (as it does for sanitizer reports, hangs and leaks).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <stdlib.h>  // mkdtemp

#include "socinv/core/error.hpp"

namespace socinv::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Runs `load`; true when it succeeded, false when it refused the input with an input_error.
template <class F>
bool loads(F&& load) {
    try {
        load();
        return true;
    } catch (const input_error&) {
        return false;
    }
}

// A round trip that does not give back what was written: the writer and the reader disagree.
[[noreturn]] inline void round_trip_mismatch(const char* what, const std::string& first, const std::string& second) {
    std::fprintf(stderr, "round trip of %s differs:\n--- written\n%s\n--- read back and written again\n%s\n", what,
                 first.c_str(), second.c_str());
    std::abort();
}

inline void expect_equal(const char* what, const nlohmann::json& first, const nlohmann::json& second) {
    if (first != second) round_trip_mismatch(what, first.dump(), second.dump());
}

// A directory of the process's own for harnesses that need files, on /dev/shm when there is one
// (the ledger store fsyncs every commit); removed at exit, unless the process dies of a finding.
class scratch_dir {
public:
    scratch_dir() {
        namespace fs = std::filesystem;
        const char* tmp = std::getenv("TMPDIR");
        const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::path(tmp ? tmp : "/tmp");
        std::string pattern = (base / "socinv-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::perror("mkdtemp");
            std::abort();
        }
        path_ = pattern;
    }
    ~scratch_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace socinv::fuzz
