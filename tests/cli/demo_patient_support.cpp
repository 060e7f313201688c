#include "cli/demo_patient_support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

void write_demo(const fs::path& dir, const std::vector<std::string>& options) {
  fs::remove_all(dir);
  std::vector<std::string> args{
      dir.string(), "--source",
      (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string()};
  args.insert(args.end(), options.begin(), options.end());
  const auto r = run_demo_patient(args);
  EXPECT_EQ(r.exit_status, 0) << r.err;
}

// Size and modification time of a program: what changes when it is rebuilt.
std::string build_stamp(const fs::path& program) {
  const auto time = fs::last_write_time(program).time_since_epoch();
  return program.filename().string() + " " + std::to_string(fs::file_size(program)) + " " +
         std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(time).count());
}

// An exclusive lock on a file, released when the object goes (or the process ends).
class FileLock {
 public:
  explicit FileLock(const fs::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
      throw std::runtime_error("cannot lock " + path.string());
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock() { ::close(fd_); }

 private:
  int fd_;
};

std::string read_or_empty(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

fs::path make_demo(const std::string& name, const std::vector<std::string>& options) {
  const auto dir = program_scratch_dir() / name;
  write_demo(dir, options);
  return dir;
}

fs::path shared_demo(const std::string& name, const std::function<void(const fs::path&)>& then) {
  const fs::path root = EEGTRACK_TEST_SHARED_DIR;
  fs::create_directories(root);
  const FileLock lock(root / (name + ".lock"));
  const fs::path dir = root / name;
  const fs::path stamp_file = root / (name + ".made-by");
  const std::string stamp =
      build_stamp(EEGTRACK_DEMO_PATIENT_PATH) + "\n" + build_stamp(cli_path()) + "\n";
  if (fs::exists(dir) && read_or_empty(stamp_file) == stamp)
    return dir;
  fs::remove(stamp_file);
  write_demo(dir, {});
  if (::testing::Test::HasFailure())
    return dir;
  then(dir);
  if (!::testing::Test::HasFailure())
    std::ofstream(stamp_file) << stamp;
  return dir;
}

fs::path shared_demo_followup() {
  return shared_demo("demo_patient_followup", [](const fs::path& demo) {
    const auto r = run_cli(
        {"followup", (demo / "course.yaml").string(), "-o", (demo / "out").string(), "--report"});
    EXPECT_EQ(r.exit_status, 0) << r.err;
    std::ofstream(demo / "followup.stdout") << r.out;
  });
}

}  // namespace eegtrack::test
