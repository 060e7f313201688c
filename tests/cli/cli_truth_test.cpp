// The command line tells the truth: help without artefacts, every accepted value listed, an
// example per subcommand, labelled summary fields, warnings on stderr, adjusted parameters
// reported, info columns that never run together.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

std::string sample(const char* stem) {
  return (sample_dir() / (std::string(stem) + ".edf")).string();
}

TEST(CliTruth, HelpHasNoDefaultArtefactsAndAnExamplePerSubcommand) {
  for (const char* command : {"info", "export", "psd", "analyze"}) {
    const auto r = run_cli({command, "--help"});
    EXPECT_EQ(r.exit_status, 0) << command;
    EXPECT_EQ(r.out.find("{false}"), std::string::npos) << command << r.out;
    EXPECT_NE(r.out.find("Example: eegtrack " + std::string(command)), std::string::npos)
        << command << r.out;
  }
}

TEST(CliTruth, HelpListsEveryAcceptedMontageAndSaysWhatTheDetectionMontageDoes) {
  const auto r = run_cli({"analyze", "--help"});
  EXPECT_NE(r.out.find("average | bipolar | transverse | referential"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("labels are written"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("analyse the common-average view"), std::string::npos) << r.out;
}

TEST(CliTruth, SummaryLabelsItsFieldsAndNamesEveryFileWritten) {
  const fs::path out = program_scratch_dir() / "cli_truth";
  const auto r = run_cli({"analyze", sample("eegmat_Subject00_1_rest_eyes_closed"), "-o",
                          out.string(), "--no-detect"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("slowing: grade "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(", distribution "), std::string::npos) << r.out;
  for (const char* suffix : {".h5", ".summary.json", ".events.tsv"})
    EXPECT_NE(r.out.find(std::string("eegmat_Subject00_1_rest_eyes_closed") + suffix),
              std::string::npos)
        << suffix << r.out;
  // The default 30-s step holds 8 epochs of 4 s: the real width is reported.
  EXPECT_NE(r.out.find("spectrogram: columns of 32.0 s (--spectrogram-step-s 30 rounded"),
            std::string::npos)
      << r.out;
}

TEST(CliTruth, WarningsThatChangeTheMeaningReachStderr) {
  // CHB-MIT is recorded in a bipolar montage: no common average is possible, and the features
  // are those of the channels as recorded, which a reader of the terminal must be told.
  const fs::path out = program_scratch_dir() / "cli_truth_warnings";
  const auto r = run_cli(
      {"analyze", sample("chbmit_chb01_03_interictal_0-41s"), "-o", out.string(), "--no-detect"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("eegtrack: warning: chbmit_chb01_03_interictal_0-41s.edf: average "
                       "reference not possible"),
            std::string::npos)
      << r.err;
}

TEST(CliTruth, InfoColumnsNeverRunTogether) {
  const auto r = run_cli({"info", sample("sleepedf_SC4001E0_first5min")});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  // Sleep-EDF's long labels are kept as normalized names: each is followed by a gap before the
  // channel type, never run into it ("EOG horizontalEOG").
  ASSERT_NE(r.out.find("EOG horizontal"), std::string::npos) << r.out;
  for (const char* joined : {"horizontalEOG", "nasalResp", "submentalEMG", "rectalOther"})
    EXPECT_EQ(r.out.find(joined), std::string::npos) << joined << r.out;
}

}  // namespace
}  // namespace eegtrack::test
