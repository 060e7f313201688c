#include "support/paths.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace eegtrack::test {

namespace {

// Scratch directories of the running test. A passing test's directories are removed when it
// ends, so repeated runs do not fill the temp dir; a failing test's are kept for inspection.
std::mutex scratch_mutex;
std::vector<std::filesystem::path> scratch_dirs;
std::vector<std::filesystem::path> program_scratch_dirs;  // shared by several tests
bool any_test_failed = false;

void remove_or_keep(const std::vector<std::filesystem::path>& dirs, bool keep) {
  for (const auto& dir : dirs) {
    if (keep) {
      std::printf("scratch directory kept: %s\n", dir.c_str());
      continue;
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
}

class ScratchCleaner : public ::testing::EmptyTestEventListener {
  void OnTestEnd(const ::testing::TestInfo& info) override {
    std::vector<std::filesystem::path> dirs;
    {
      std::lock_guard lock(scratch_mutex);
      dirs.swap(scratch_dirs);
    }
    const bool failed = info.result() != nullptr && info.result()->Failed();
    any_test_failed = any_test_failed || failed;
    remove_or_keep(dirs, failed);
  }
  void OnTestProgramEnd(const ::testing::UnitTest&) override {
    std::lock_guard lock(scratch_mutex);
    remove_or_keep(program_scratch_dirs, any_test_failed);
    program_scratch_dirs.clear();
  }
};

// Registered when the first scratch directory is made, before the test that asked ends.
void register_cleaner_once() {
  static const bool registered = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new ScratchCleaner);
    return true;
  }();
  (void)registered;
}

}  // namespace

std::filesystem::path eeg_path(const std::string& folder_and_file) {
  const bool sample = folder_and_file.rfind("sample/", 0) == 0;
  const auto path = sample ? sample_dir() / folder_and_file.substr(7)
                           : std::filesystem::path(EEGTRACK_TEST_EEG_DIR) / folder_and_file;
  if (!std::filesystem::is_regular_file(path))
    throw std::runtime_error("test recording missing: " + path.string() +
                             " (it is part of the repository; is the checkout complete?)");
  return path;
}
std::filesystem::path vendor_clip_path(const std::string& file) {
  const std::filesystem::path dir(EEGTRACK_VENDOR_CLIP_DIR);
  return dir.empty() ? std::filesystem::path() : dir / file;  // no folder given: nothing exists
}
std::filesystem::path recording_path(const std::string& folder_and_file) {
  if (folder_and_file.rfind("format/", 0) == 0)
    return vendor_clip_path(folder_and_file.substr(7));
  return eeg_path(folder_and_file);
}
std::filesystem::path test_data_dir() {
  return EEGTRACK_TEST_DATA_DIR;
}
std::filesystem::path sample_dir() {
  return EEGTRACK_SAMPLE_DIR;
}
std::filesystem::path cli_path() {
  return EEGTRACK_CLI_PATH;
}

namespace {

std::filesystem::path make_scratch_dir(std::vector<std::filesystem::path>& registry) {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "test";
  for (char& c : name) {
    if (c == '/')
      c = '_';
  }
  auto dir =
      std::filesystem::temp_directory_path() /
      ("eegtrack-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  register_cleaner_once();
  {
    std::lock_guard lock(scratch_mutex);
    registry.push_back(dir);
  }
  return dir;
}

}  // namespace

std::filesystem::path scratch_dir() {
  return make_scratch_dir(scratch_dirs);
}

std::filesystem::path program_scratch_dir() {
  return make_scratch_dir(program_scratch_dirs);
}

}  // namespace eegtrack::test
