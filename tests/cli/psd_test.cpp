// eegtrack psd against scipy.signal.welch run on the same recording read by MNE
// (tools/reference/generate_cli_psd.py), and its JSON/CSV contracts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

struct Spectra {
  std::vector<std::string> labels;
  std::vector<double> frequencies_hz;
  std::vector<std::vector<double>> psd;  // per channel
};

Spectra parse_csv(std::istream& in) {
  Spectra out;
  std::string line;
  while (std::getline(in, line) && line.starts_with("#")) {
  }
  std::stringstream header(line);
  std::string cell;
  std::getline(header, cell, ',');  // frequency_hz
  while (std::getline(header, cell, ','))
    out.labels.push_back(cell);
  out.psd.resize(out.labels.size());
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::getline(row, cell, ',');
    out.frequencies_hz.push_back(std::stod(cell));
    for (auto& channel : out.psd) {
      std::getline(row, cell, ',');
      channel.push_back(std::stod(cell));
    }
  }
  return out;
}

Spectra golden(const std::string& name) {
  std::ifstream in(test_data_dir() / name);
  return parse_csv(in);
}

void expect_matches_scipy(const Spectra& ours, const Spectra& scipy) {
  ASSERT_EQ(ours.labels, scipy.labels);
  ASSERT_EQ(ours.frequencies_hz.size(), scipy.frequencies_hz.size());
  for (std::size_t c = 0; c < scipy.psd.size(); ++c) {
    const double peak = *std::max_element(scipy.psd[c].begin(), scipy.psd[c].end());
    for (std::size_t k = 0; k < scipy.frequencies_hz.size(); ++k) {
      EXPECT_NEAR(ours.frequencies_hz[k], scipy.frequencies_hz[k], 1e-12);
      // The issue's tolerance for Welch against SciPy: 1e-9 of the spectrum maximum.
      EXPECT_NEAR(ours.psd[c][k], scipy.psd[c][k], 1e-9 * peak) << scipy.labels[c] << " bin " << k;
    }
  }
}

const std::string kSample = "eegmat_Subject00_1_rest_eyes_closed.edf";

TEST(CliPsd, WholeRecordingCsvMatchesScipyWelch) {
  // The recording is streamed in 60-s chunks: segments bridging chunk edges must be the same
  // segments SciPy takes from the whole signal.
  const auto result = run_cli({"psd", (sample_dir() / kSample).string(), "--channels",
                               "EEG O1,EEG Fp1", "--fmax", "40", "--csv"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  std::stringstream out(result.out);
  expect_matches_scipy(parse_csv(out), golden("cli_psd_referential.csv"));
  EXPECT_TRUE(result.out.starts_with("# eegtrack psd {"));  // provenance line
}

TEST(CliPsd, WindowJsonMatchesScipyWelch) {
  const auto result =
      run_cli({"psd", (sample_dir() / kSample).string(), "--channels", "EEG O1,EEG Fp1",
               "--start-s", "10", "--duration-s", "60", "--fmax", "40", "--json"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  Spectra ours;
  ours.frequencies_hz = json["frequencies_hz"].get<std::vector<double>>();
  for (const auto& channel : json["channels"]) {
    ours.labels.push_back(channel["label"]);
    ours.psd.push_back(channel["psd"].get<std::vector<double>>());
  }
  expect_matches_scipy(ours, golden("cli_psd_window.csv"));
  const auto& p = json["parameters"];
  EXPECT_EQ(p["method"], "welch");
  EXPECT_EQ(p["segment_s"], 2.0);
  EXPECT_EQ(p["overlap"], 0.5);
  EXPECT_EQ(p["window"], "hann");
  EXPECT_EQ(p["n_segments"], 59);  // (60 s - 2 s) / 1 s + 1
  EXPECT_TRUE(p.contains("eegtrack_version"));
}

TEST(CliPsd, AverageMontageMatchesScipyOnTheAverageReference) {
  const auto result = run_cli({"psd", (sample_dir() / kSample).string(), "--montage", "average",
                               "--channels", "O2-avg,T7-avg", "--fmax", "40", "--csv"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  std::stringstream out(result.out);
  expect_matches_scipy(parse_csv(out), golden("cli_psd_average.csv"));
}

TEST(CliPsd, MultitaperMatchesMneOnEachSegment) {
  const auto result = run_cli({"psd", (sample_dir() / kSample).string(), "--method", "multitaper",
                               "--nw", "4", "--channels", "EEG O1,EEG Fp1", "--start-s", "10",
                               "--duration-s", "30", "--fmax", "40", "--csv"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  std::stringstream out(result.out);
  const auto ours = parse_csv(out);
  const auto mne = golden("cli_psd_multitaper.csv");
  ASSERT_EQ(ours.frequencies_hz.size(), mne.frequencies_hz.size());
  for (std::size_t c = 0; c < mne.psd.size(); ++c) {
    const double peak = *std::max_element(mne.psd[c].begin(), mne.psd[c].end());
    for (std::size_t k = 0; k < mne.frequencies_hz.size(); ++k) {
      // The issue's tolerance for multitaper against MNE: 1e-6 of the spectrum maximum.
      EXPECT_NEAR(ours.psd[c][k], mne.psd[c][k], 1e-6 * peak) << mne.labels[c] << " bin " << k;
    }
  }
}

// The summary names the montage for a reader: the default "referential" analyses the channels
// as recorded, which may be bipolar, so it is not called referential there.
TEST(CliPsd, SummaryCallsTheDefaultMontageAsRecorded) {
  const auto recorded = run_cli({"psd", (sample_dir() / kSample).string(), "--channels", "EEG O1"});
  ASSERT_EQ(recorded.exit_status, 0) << recorded.err;
  EXPECT_NE(recorded.out.find(" of data, montage as recorded\n"), std::string::npos)
      << recorded.out;
  const auto average = run_cli(
      {"psd", (sample_dir() / kSample).string(), "--montage", "average", "--channels", "O2-avg"});
  ASSERT_EQ(average.exit_status, 0) << average.err;
  EXPECT_NE(average.out.find(" of data, montage average\n"), std::string::npos) << average.out;
}

TEST(CliPsd, BadParametersAreUsageErrors) {
  const auto file = (sample_dir() / kSample).string();
  const auto overlap = run_cli({"psd", file, "--overlap", "1.0"});
  EXPECT_EQ(overlap.exit_status, 2);
  EXPECT_NE(overlap.err.find("overlap"), std::string::npos) << overlap.err;
  EXPECT_EQ(run_cli({"psd", file, "--method", "burg"}).exit_status, 2);
  EXPECT_EQ(run_cli({"psd", file, "--window", "triangle"}).exit_status, 2);
  EXPECT_EQ(run_cli({"psd", file, "--segment-s", "500"}).exit_status, 2);
  EXPECT_EQ(run_cli({"psd", file, "--csv", "--json"}).exit_status, 2);
}

TEST(CliPsd, AnnotationOnlyFileIsAFileProblem) {
  const auto result = run_cli({"psd", (sample_dir() / "sleepedf_SC4001EC-Hypnogram.edf").string()});
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.err.find("annotation"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace eegtrack::test
