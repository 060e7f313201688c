// scripts/validate on the recordings shipped in the repository: the chb01 windows of
// tests/data/eeg/seizure (their own events.csv) and the shipped healthy recordings. Checks that
// the script needs nothing outside the repository and that the table holds every recording.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

std::string quoted(const fs::path& path) {
  // Appended piece by piece: "'" + string + "'" trips a false -Wrestrict in GCC 12.
  std::string out(1, '\'');
  out += path.string();
  out += '\'';
  return out;
}

// The row of a TSV table whose first cell is `level`, as header name -> cell.
std::map<std::string, std::string> row_of(const std::string& text, const std::string& level) {
  std::istringstream lines(text);
  std::string line;
  std::vector<std::string> header;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, '\t'))
      cells.push_back(cell);
    if (header.empty()) {
      header = cells;
    } else if (!cells.empty() && cells[0] == level) {
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
        row[header[i]] = cells[i];
      return row;
    }
  }
  return {};
}

TEST(ValidateScript, ScoresTheShippedSeizureWindowsAndHealthyRecordings) {
  const fs::path repo = sample_dir().parent_path();
  const fs::path out = scratch_dir() / "validate";
  const std::string command = "cd " + quoted(repo) + " && EEGTRACK=" + quoted(cli_path()) +
                              " scripts/validate seizures " +
                              quoted(eeg_path("seizure/events.csv").parent_path()) + " -o " +
                              quoted(out) + " > " + quoted(out.parent_path() / "log.txt") + " 2>&1";
  const int status = std::system(command.c_str());
  ASSERT_EQ(status, 0) << read_text((out.parent_path() / "log.txt").string());
  const auto summary = read_text((out / "summary.tsv").string());
  const auto all = row_of(summary, "all");
  ASSERT_FALSE(all.empty()) << summary;
  EXPECT_EQ(all.at("recordings"), "11");
  EXPECT_EQ(all.at("seizures"), "7");
  EXPECT_EQ(all.at("postictal_windows"), "4");
  const auto healthy = row_of(summary, "healthy");
  ASSERT_FALSE(healthy.empty()) << summary;
  EXPECT_EQ(healthy.at("healthy_recordings"), "8");
  EXPECT_TRUE(fs::exists(out / "summary.txt"));
  EXPECT_TRUE(fs::exists(out / "seizures.tsv"));
}

}  // namespace
}  // namespace eegtrack::test
