// eegtrack analyze --progress: a line per tenth of the recording in a log, percentages rising to
// 100 with the EEG time analysed; nothing with `none` or (in a log) for a short recording under
// `auto`; a bad word is a usage error before any file is read.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const fs::path kSample = sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf";  // 182 s

std::vector<int> progress_percents(const std::string& err) {
  std::vector<int> out;
  const std::regex line(R"(eegtrack: eegmat_Subject00_1_rest_eyes_closed\.edf: (\d+) % \()");
  std::istringstream lines(err);
  for (std::string l; std::getline(lines, l);) {
    std::smatch m;
    if (std::regex_search(l, m, line))
      out.push_back(std::stoi(m[1]));
  }
  return out;
}

TEST(CliAnalyzeProgress, LinesRiseByTenthsTo100) {
  const fs::path dir = program_scratch_dir() / "progress_lines";
  fs::remove_all(dir);
  const auto r = run_cli({"analyze", kSample.string(), "-o", dir.string(), "--progress", "lines"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto percents = progress_percents(r.err);
  ASSERT_GE(percents.size(), 5U) << r.err;  // 182 s read in batches of 32 s: most tenths shown
  for (std::size_t i = 1; i < percents.size(); ++i)
    EXPECT_GT(percents[i] / 10, percents[i - 1] / 10) << r.err;  // one line per tenth at most
  EXPECT_EQ(percents.back(), 100) << r.err;
  EXPECT_NE(r.err.find("(3 min 02 s of 3 min 02 s)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" h EEG/s"), std::string::npos) << r.err;
}

TEST(CliAnalyzeProgress, NoneAndShortRecordingsInALogStayQuiet) {
  for (const char* mode : {"none", "auto"}) {
    const fs::path dir = program_scratch_dir() / (std::string("progress_") + mode);
    fs::remove_all(dir);
    const auto r = run_cli({"analyze", kSample.string(), "-o", dir.string(), "--progress", mode});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_TRUE(progress_percents(r.err).empty()) << mode << ": " << r.err;
  }
}

TEST(CliAnalyzeProgress, UnknownModeIsAUsageError) {
  const fs::path dir = program_scratch_dir() / "progress_bad";
  const auto r = run_cli({"analyze", "never-read.edf", "-o", dir.string(), "--progress", "loud"});
  EXPECT_EQ(r.exit_status, 2) << r.err;
  EXPECT_NE(r.err.find("--progress loud"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("never-read"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace eegtrack::test
