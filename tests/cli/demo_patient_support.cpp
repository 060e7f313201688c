#include "cli/demo_patient_support.hpp"

#include <gtest/gtest.h>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {

std::filesystem::path make_demo(const std::string& name, const std::vector<std::string>& options) {
  const auto dir = program_scratch_dir() / name;
  std::filesystem::remove_all(dir);
  std::vector<std::string> args{
      dir.string(), "--source",
      (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string()};
  args.insert(args.end(), options.begin(), options.end());
  const auto r = run_demo_patient(args);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  return dir;
}

}  // namespace eegtrack::test
