#pragma once
// Writing a file atomically: readers see the old content or the new, never a torn mix.

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <unistd.h>

#include "socinv/core/error.hpp"

namespace socinv::io {

// Writes `content` to a temporary file beside `path`, flushes it to disk, then renames it over
// `path` (rename is atomic on POSIX file systems). On failure the old file is untouched.
inline void write_file_atomically(const std::string& path, std::string_view content) {
    const std::string temp = path + ".tmp." + std::to_string(::getpid());
    auto fail = [&](const std::string& what) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        throw input_error("", "\"" + path + "\"", "cannot " + what + ": " + why).with_source(path);
    };
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) fail("create " + temp);
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            fail("write " + temp);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("flush " + temp);
    }
    if (::close(fd) != 0) fail("close " + temp);
    if (::rename(temp.c_str(), path.c_str()) != 0) fail("replace " + path);
}

}  // namespace socinv::io
