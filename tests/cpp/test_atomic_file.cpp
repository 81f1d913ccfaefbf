#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "socinv/io/atomic_file.hpp"

using namespace socinv;
namespace fs = std::filesystem;

namespace {

// A fresh directory per test, removed afterwards.
class AtomicFile : public ::testing::Test {
protected:
    void SetUp() override {
        std::string templ = ::testing::TempDir() + "socinv_atomic_XXXXXX";
        ASSERT_NE(::mkdtemp(templ.data()), nullptr);
        dir = templ;
    }
    void TearDown() override { fs::remove_all(dir); }

    std::string path(const std::string& name) const { return (dir / name).string(); }
    std::set<std::string> listing() const {
        std::set<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
        return names;
    }
    static std::string read(const std::string& p) {
        std::ifstream in(p);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    static mode_t mode_of(const std::string& p) {
        struct stat st {};
        EXPECT_EQ(::stat(p.c_str(), &st), 0);
        return st.st_mode & 07777;
    }

    fs::path dir;
};

// Sets the umask for one scope.
struct umask_guard {
    explicit umask_guard(mode_t m) : old(::umask(m)) {}
    ~umask_guard() { ::umask(old); }
    mode_t old;
};

}  // namespace

TEST_F(AtomicFile, WritesANewFileWithTheUmasksModeAndLeavesNothingElse) {
    {
        umask_guard guard(022);
        io::write_file_atomically(path("a.json"), "{}\n");
    }
    EXPECT_EQ(read(path("a.json")), "{}\n");
    EXPECT_EQ(mode_of(path("a.json")), 0644u);
    {
        umask_guard guard(077);
        io::write_file_atomically(path("b.json"), "x");
    }
    EXPECT_EQ(mode_of(path("b.json")), 0600u);
    EXPECT_EQ(listing(), (std::set<std::string>{"a.json", "b.json"}));
}

TEST_F(AtomicFile, KeepsTheModeOfTheFileItReplaces) {
    for (mode_t mode : {0600u, 0640u, 0664u}) {
        std::ofstream(path("l.json")) << "old";
        ASSERT_EQ(::chmod(path("l.json").c_str(), mode), 0);
        io::write_file_atomically(path("l.json"), "new");
        EXPECT_EQ(read(path("l.json")), "new");
        EXPECT_EQ(mode_of(path("l.json")), mode);  // a 0600 ledger stays private
    }
    EXPECT_EQ(listing(), std::set<std::string>{"l.json"});
}

TEST_F(AtomicFile, WritesThroughASymbolicLinkAndKeepsTheLink) {
    std::ofstream(path("real.json")) << "old";
    fs::create_directory(dir / "sub");
    fs::create_symlink("../real.json", dir / "sub" / "link.json");  // relative to the link's directory
    io::write_file_atomically(path("sub/link.json"), "new");
    EXPECT_TRUE(fs::is_symlink(dir / "sub" / "link.json"));
    EXPECT_EQ(read(path("real.json")), "new");
    // A dangling link: the file it names is created.
    fs::create_symlink("made.json", dir / "dangling.json");
    io::write_file_atomically(path("dangling.json"), "made");
    EXPECT_TRUE(fs::is_symlink(dir / "dangling.json"));
    EXPECT_EQ(read(path("made.json")), "made");
    EXPECT_EQ(listing(), (std::set<std::string>{"dangling.json", "made.json", "real.json", "sub"}));
}

TEST_F(AtomicFile, RefusesASymbolicLinkWhenAskedTo) {
    std::ofstream(path("real.json")) << "old";
    fs::create_symlink("real.json", dir / "link.json");
    io::atomic_write_options options;
    options.at_symlink = io::symlink_policy::refuse;
    try {
        io::write_file_atomically(path("link.json"), "new", options);
        ADD_FAILURE() << "wrote through a link";
    } catch (const input_error& e) {
        EXPECT_NE(e.message().find("symbolic link"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
    EXPECT_EQ(read(path("real.json")), "old");
    // A loop of links is refused, not followed for ever.
    fs::create_symlink("loop2", dir / "loop1");
    fs::create_symlink("loop1", dir / "loop2");
    EXPECT_THROW(io::write_file_atomically(path("loop1"), "x"), input_error);
    EXPECT_EQ(listing(), (std::set<std::string>{"link.json", "loop1", "loop2", "real.json"}));
}

TEST_F(AtomicFile, RefusesWhatIsNotARegularFile) {
    fs::create_directory(dir / "d");
    EXPECT_THROW(io::write_file_atomically(path("d"), "x"), input_error);
    EXPECT_THROW(io::write_file_atomically(path("missing/dir/f.json"), "x"), input_error);
    EXPECT_EQ(listing(), std::set<std::string>{"d"});
}

TEST_F(AtomicFile, AFailedWriteLeavesTheOldFileAndNoTemporary) {
    std::ofstream(path("l.json")) << "old";
    // A file-size limit makes write() fail with EFBIG part-way through.
    struct rlimit old {};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    auto* previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 1000;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    try {
        io::write_file_atomically(path("l.json"), std::string(100'000, 'x'));
        ADD_FAILURE() << "a write beyond the file-size limit succeeded";
    } catch (const input_error& e) {
        EXPECT_NE(e.message().find("cannot write"), std::string::npos) << e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    EXPECT_EQ(read(path("l.json")), "old");
    EXPECT_EQ(listing(), std::set<std::string>{"l.json"});
}

TEST_F(AtomicFile, ThreadsSavingAtOnceAllSucceedAndTheFileIsOneOfThemWhole) {
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                try {
                    io::write_file_atomically(path("l.json"), std::string(5000, static_cast<char>('a' + t)));
                } catch (...) {
                    ++failures;
                }
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    const std::string content = read(path("l.json"));
    ASSERT_EQ(content.size(), 5000u);
    EXPECT_EQ(content.find_first_not_of(content[0]), std::string::npos);
    EXPECT_EQ(listing(), std::set<std::string>{"l.json"});
}

TEST_F(AtomicFile, KillNineDuringSavesLeavesTheOldOrTheNewFileAndNoTemporary) {
    const std::string big(4 << 20, 'n');
    std::ofstream(path("l.json")) << "old";
    for (int run = 0; run < 10; ++run) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (;;) io::write_file_atomically(path("l.json"), big);
        }
        ::usleep(static_cast<useconds_t>(2000 + 3000 * run));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        const std::string content = read(path("l.json"));
        EXPECT_TRUE(content == "old" || content == big) << content.size();
    }
    // With O_TMPFILE the temporary file has no name until it is complete; only a kill in the
    // moment between naming it and the rename could leave one.
    EXPECT_EQ(listing(), std::set<std::string>{"l.json"});
}
