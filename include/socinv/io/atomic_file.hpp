#pragma once
// Writing a file atomically: readers see the old content or the new, never a torn mix.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "socinv/core/error.hpp"

namespace socinv::io {

// What to do when the target is a symbolic link: write to the file it names (the link stays a
// link), or refuse. Never is the link itself replaced by a regular file.
enum class symlink_policy { follow, refuse };

struct atomic_write_options {
    symlink_policy at_symlink = symlink_policy::follow;
};

}  // namespace socinv::io

// Not socinv::io::detail: io's readers say `using namespace io` and then `detail::`.
namespace socinv::detail {


class atomic_writer {
public:
    atomic_writer(const std::string& path, const io::atomic_write_options& options) : shown_(path) {
        target_ = resolve(path, options.at_symlink);
        const auto slash = target_.rfind('/');
        dir_ = slash == std::string::npos ? "." : slash == 0 ? "/" : target_.substr(0, slash);
        base_ = slash == std::string::npos ? target_ : target_.substr(slash + 1);
    }

    void write(std::string_view content) {
        struct stat old {};
        const bool exists = ::stat(target_.c_str(), &old) == 0;
        if (!exists && errno != ENOENT) fail("examine " + target_);
        if (exists && !S_ISREG(old.st_mode)) refuse("is not a regular file");
        open_temporary();
        std::size_t written = 0;
        while (written < content.size()) {
            const ssize_t n = ::write(fd_, content.data() + written, content.size() - written);
            if (n < 0) {
                if (errno == EINTR) continue;
                fail("write " + shown_temp());
            }
            written += static_cast<std::size_t>(n);
        }
        // The original's mode (and, where we may, its owner) is kept; a new file gets
        // 0666 minus the umask, as the shell and editors create files.
        const mode_t mode = exists ? old.st_mode & 07777 : (0666 & ~current_umask());
        if (::fchmod(fd_, mode) != 0) fail("set the mode of " + shown_temp());
        if (exists && (old.st_uid != ::geteuid() || old.st_gid != ::getegid()))
            (void)!::fchown(fd_, old.st_uid, old.st_gid);  // EPERM for others' files: the writer owns it
        if (::fsync(fd_) != 0) fail("flush " + shown_temp());
        if (temp_.empty()) link_temporary();
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) fail("close " + temp_);
        if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("replace " + target_);
        temp_.clear();
        // The rename is durable only once the directory is on disk.
        const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0) fail("open the directory " + dir_ + " to flush it");
        const int synced = ::fsync(dir);
        const int saved = errno;
        ::close(dir);
        errno = saved;
        if (synced != 0 && errno != EINVAL) fail("flush the directory " + dir_);
    }

    ~atomic_writer() { cleanup(); }
    atomic_writer(const atomic_writer&) = delete;
    atomic_writer& operator=(const atomic_writer&) = delete;

    const std::string& target() const { return target_; }

private:
    // The path to write: `path` itself, or with a symbolic link at `path`, the file it names
    // (followed through further links, relative links against their own directory).
    std::string resolve(const std::string& path, io::symlink_policy policy) {
        std::string p = path;
        for (int hops = 0;; ++hops) {
            struct stat st {};
            if (::lstat(p.c_str(), &st) != 0) {
                if (errno == ENOENT) return p;
                fail("examine " + p);
            }
            if (!S_ISLNK(st.st_mode)) return p;
            if (policy == io::symlink_policy::refuse) refuse("is a symbolic link (refusing to write through it)");
            if (hops == 40) refuse("is a symbolic link in a loop");
            std::string link(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
            const ssize_t n = ::readlink(p.c_str(), link.data(), link.size());
            if (n < 0) fail("read the symbolic link " + p);
            link.resize(static_cast<std::size_t>(n));
            if (link.empty()) refuse("is an empty symbolic link");
            if (link[0] != '/') {
                const auto slash = p.rfind('/');
                if (slash != std::string::npos) link = p.substr(0, slash + 1) + link;
            }
            p = link;
        }
    }

    // The temporary file. On Linux it is first an unnamed file in the target's directory
    // (O_TMPFILE), so that a kill -9 while it is written leaves nothing behind; it gets a name
    // only once complete. Elsewhere, or where the file system cannot, it is a named file made
    // by mkstemp (unique, O_EXCL, mode 0600). Either way it lies beside the target, so the
    // rename stays within one file system, and nobody else can read it before its mode is set.
    void open_temporary() {
#ifdef O_TMPFILE
        if (::access("/proc/self/fd", X_OK) == 0) {  // linkat names the file through /proc
            fd_ = ::open(dir_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
            if (fd_ >= 0) return;
            if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) fail("create a temporary file in " + dir_);
        }
#endif
        temp_ = dir_ + "/." + base_ + ".tmp-XXXXXX";
        fd_ = ::mkostemp(temp_.data(), O_CLOEXEC);
        if (fd_ < 0) {
            temp_.clear();
            fail("create a temporary file in " + dir_);
        }
    }

    // Names the unnamed temporary file: linkat fails rather than replace an existing name.
    void link_temporary() {
        const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
        static constexpr char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        std::random_device random;
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::string name = dir_ + "/." + base_ + ".tmp-";
            for (int i = 0; i < 6; ++i) name += letters[random() % (sizeof letters - 1)];
            if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
                temp_ = name;
                return;
            }
            if (errno != EEXIST) fail("name the temporary file in " + dir_);
        }
        fail("find a free name for a temporary file in " + dir_);
    }

    std::string shown_temp() const { return temp_.empty() ? "a temporary file in " + dir_ : temp_; }

    static mode_t current_umask() {
        // umask(2) cannot be read without setting it, which races with other threads; Linux
        // reports it in /proc. Elsewhere, assume the strictest common umask.
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
        return 077;
    }

    void cleanup() noexcept {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        if (!temp_.empty()) ::unlink(temp_.c_str());
        temp_.clear();
    }

    [[noreturn]] void fail(const std::string& what) {
        const std::string why = std::strerror(errno);
        cleanup();
        throw input_error("", "\"" + shown_ + "\"", "cannot " + what + ": " + why).with_source(shown_);
    }

    [[noreturn]] void refuse(const std::string& why) {
        cleanup();
        throw input_error("", "\"" + shown_ + "\"", "cannot write " + shown_ + ": it " + why).with_source(shown_);
    }

    std::string shown_, target_, dir_, base_, temp_;
    int fd_ = -1;
};


}  // namespace socinv::detail

namespace socinv::io {


// Writes `content` to a new temporary file beside `path` (unnamed with O_TMPFILE on Linux, else
// mkstemp: unique, O_EXCL), flushes it to disk, gives it the mode of the file it replaces,
// renames it over `path` (atomic on POSIX file systems) and flushes the directory. On failure
// the old file is untouched and the temporary file removed. A kill -9 can leave a hidden
// ".NAME.tmp-XXXXXX" beside the target only in the moment between naming the finished
// temporary file and the rename (or, without O_TMPFILE, while it is written). A symbolic link at `path` is written through
// (options.at_symlink). Errors are input_error with the path as source.
inline void write_file_atomically(const std::string& path, std::string_view content,
                                  const atomic_write_options& options = {}) {
    socinv::detail::atomic_writer writer(path, options);
    writer.write(content);
}

}  // namespace socinv::io
