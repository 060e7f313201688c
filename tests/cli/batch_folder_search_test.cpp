// What a folder search of eegtrack batch takes for a recording: a hypnogram beside its
// polysomnogram holds annotations only and is left out, neither analysed nor failed; a link back
// to a folder above is not followed, and a recording reached twice is analysed once.
#include <gtest/gtest.h>

#include <regex>

#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/tsv_table.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

TEST(BatchFolderSearch, HypnogramBesideItsRecordingIsLeftOutNotFailed) {
  // A Sleep-EDF night: the polysomnogram and its hypnogram (EDF+, annotations only).
  const fs::path in = scratch_dir() / "in";
  fs::create_directories(in);
  fs::copy_file(sample_dir() / "sleepedf_SC4001E0_first5min.edf", in / "SC4001E0-PSG.edf");
  fs::copy_file(sample_dir() / "sleepedf_SC4001EC-Hypnogram.edf", in / "SC4001EC-Hypnogram.edf");
  // A link to the folder itself: followed, it would list the night some forty times over.
  fs::create_directory_symlink(".", in / "again");
  fs::create_symlink("SC4001E0-PSG.edf", in / "psg link.edf");
  const fs::path out = scratch_dir() / "out";
  const auto r = run_cli({"batch", in.string(), "-o", out.string(), "--no-detect"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("1 recording(s), 1 file(s) with annotations only left out (no data "
                       "signal: SC4001EC-Hypnogram.edf), 1 more name(s) of a recording already "
                       "listed left out (symbolic links: psg link.edf), 1 link(s) back to a "
                       "folder above not followed (the search would go round: again)"),
            std::string::npos)
      << r.err;
  // Its time is the few hundredths of a second it took, not "0.0 s".
  std::smatch took;
  ASSERT_TRUE(std::regex_search(r.err, took, std::regex("of EEG in ([0-9.]+) s;"))) << r.err;
  EXPECT_GT(std::stod(took[1]), 0.0) << r.err;
  EXPECT_NE(r.out.find("1 recording(s): 1 analysed, 0 skipped (outputs up to date), 0 failed"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(tsv_rows(out / "cohort.tsv").size(), 2U);
  EXPECT_EQ(tsv_rows(out / "errors.tsv").size(), 1U);  // the header alone
}

}  // namespace
}  // namespace eegtrack::test
