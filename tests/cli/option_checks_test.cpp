// Every option is checked once, before any file is read: a bad value exits with status 2 and a
// message that names the option and the value given (docs/cli-checks.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

std::string sample() {
  return (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string();
}

struct BadOption {
  std::vector<std::string> args;  ///< after "<subcommand> <file>"
  std::string shown;              ///< option and value as the message must name them
};

// A file that does not exist: the check must come before any reading, so the message is about
// the option, never about the file.
const char* kMissing = "/nonexistent/never-read.edf";

void expect_refused(const std::string& command, const BadOption& bad) {
  std::vector<std::string> args{command, kMissing};
  if (command == "analyze") {
    args.push_back("-o");
    args.push_back((program_scratch_dir() / "option_checks").string());
  }
  if (command == "export") {
    args.push_back("-o");
    args.push_back((program_scratch_dir() / "option_checks.csv").string());
  }
  args.insert(args.end(), bad.args.begin(), bad.args.end());
  const auto r = run_cli(args);
  EXPECT_EQ(r.exit_status, 2) << bad.shown << ": " << r.err;
  EXPECT_NE(r.err.find(bad.shown), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("never-read"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliOptionChecks, DetectorOptionsAreCheckedBeforeReading) {
  for (const BadOption& bad : std::vector<BadOption>{
           {{"--seizure-min-duration-s", "nan"}, "--seizure-min-duration-s nan"},
           {{"--seizure-absolute-rms-uv", "-1"}, "--seizure-absolute-rms-uv -1"},
           {{"--seizure-min-channels", "0"}, "--seizure-min-channels 0"},
           {{"--pd-amplitude-ratio", "0"}, "--pd-amplitude-ratio 0"},
           {{"--rda-min-peak-fraction", "1.5"}, "--rda-min-peak-fraction 1.5"},
           {{"--detection-montage", "average"}, "--detection-montage 'average'"},
       })
    expect_refused("analyze", bad);
}

TEST(CliOptionChecks, AnalysisOptionsAreCheckedBeforeReading) {
  for (const BadOption& bad : std::vector<BadOption>{
           {{"--epoch-s", "1e308"}, "--epoch-s 1e+308"},
           {{"--epoch-s", "0"}, "--epoch-s 0"},
           {{"--segment-s", "1e-9"}, "--segment-s 1e-09"},
           {{"--segment-s", "8"}, "--segment-s 8"},
           {{"--overlap", "-0.5"}, "--overlap -0.5"},
           {{"--overlap", "1"}, "--overlap 1"},
           {{"--nw", "nan"}, "--nw nan"},
           {{"--bands", "delta:1-4,theta:4-8,alpha:8-13,beta:13-30,delta:2-3"}, "--bands 'delta'"},
           {{"--bands", "delta:1-4,theta:4-8,alpha:8-13"}, "--bands 'beta'"},
           {{"--amplitude-limit-uv", "-5"}, "--amplitude-limit-uv -5"},
           {{"--flat-std-uv", "nan"}, "--flat-std-uv nan"},
           {{"--muscle-ratio", "0"}, "--muscle-ratio 0"},
           {{"--bad-channel-fraction", "1"}, "--bad-channel-fraction 1"},
           {{"--spectrogram-step-s", "1e-9"}, "--spectrogram-step-s 1e-09"},
           {{"--pdr-slow-below", "nan"}, "--pdr-slow-below nan"},
       })
    expect_refused("analyze", bad);
}

TEST(CliOptionChecks, EmptyOutputDirectoryIsRefused) {
  const auto r = run_cli({"analyze", kMissing, "-o", ""});
  EXPECT_EQ(r.exit_status, 2) << r.err;
  EXPECT_NE(r.err.find("--outdir ''"), std::string::npos) << r.err;
}

TEST(CliOptionChecks, PsdAndExportWindowsAreCheckedBeforeReading) {
  for (const BadOption& bad : std::vector<BadOption>{
           {{"--fmax", "-1"}, "--fmax -1"},
           {{"--fmax", "nan"}, "--fmax nan"},
           {{"--overlap", "-0.5"}, "--overlap -0.5"},
           {{"--segment-s", "0"}, "--segment-s 0"},
           {{"--duration-s", "-5"}, "--duration-s -5"},
           {{"--start-s", "nan"}, "--start-s nan"},
       })
    expect_refused("psd", bad);
  for (const BadOption& bad : std::vector<BadOption>{
           {{"--duration-s", "-5"}, "--duration-s -5"},
           {{"--duration-s", "0"}, "--duration-s 0"},
           {{"--start-s", "-1"}, "--start-s -1"},
       })
    expect_refused("export", bad);
}

TEST(CliOptionChecks, ValidOptionsStillRun) {
  const fs::path out = program_scratch_dir() / "option_checks_valid";
  const auto r = run_cli({"analyze", sample(), "-o", out.string(), "--no-detect", "--epoch-s", "60",
                          "--segment-s", "4"});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  const auto psd = run_cli({"psd", sample(), "--fmax", "40", "--duration-s", "20", "--csv"});
  EXPECT_EQ(psd.exit_status, 0) << psd.err;
}

}  // namespace
}  // namespace eegtrack::test
