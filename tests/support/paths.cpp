#include "support/paths.hpp"

#include <unistd.h>

#include <atomic>
#include <string>

namespace eegtrack::test {

std::filesystem::path shared_eeg_dir() {
  return EEGTRACK_SHARED_EEG_DIR;
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

std::filesystem::path scratch_dir() {
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
  return dir;
}

}  // namespace eegtrack::test
