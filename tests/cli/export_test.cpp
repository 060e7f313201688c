// eegtrack export: CSV samples against EDFlib's reading of the same file, true times across
// EDF+D gaps, montage columns.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/edflib_oracle.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

struct Csv {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;
};

Csv read_csv(const std::string& path) {
  Csv csv;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::stringstream header(line);
  for (std::string cell; std::getline(header, cell, ',');)
    csv.columns.push_back(cell);
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::vector<double> values;
    for (std::string cell; std::getline(row, cell, ',');)
      values.push_back(std::stod(cell));
    csv.rows.push_back(values);
  }
  return csv;
}

int oracle_index(const OracleFile& oracle, const std::string& label) {
  for (std::size_t i = 0; i < oracle.signals.size(); ++i) {
    if (oracle.signals[i].label == label)
      return static_cast<int>(i);
  }
  ADD_FAILURE() << "no signal " << label;
  return 0;
}

TEST(CliExport, WindowSamplesEqualEdflibPhysicalValues) {
  const auto path = (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string();
  const auto out = (scratch_dir() / "window.csv").string();
  const auto result = run_cli({"export", path, "-o", out, "--channels", "EEG O1,EEG T3",
                               "--start-s", "10", "--duration-s", "2"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto csv = read_csv(out);
  ASSERT_EQ(csv.columns, (std::vector<std::string>{"time_s", "EEG O1", "EEG T3"}));
  ASSERT_EQ(csv.rows.size(), 1000U);  // 2 s at 500 Hz

  const auto oracle = read_with_edflib(path);
  const int o1 = oracle_index(oracle, "EEG O1");
  const int t3 = oracle_index(oracle, "EEG T3");
  for (std::size_t k = 0; k < csv.rows.size(); ++k) {
    EXPECT_NEAR(csv.rows[k][0], 10.0 + static_cast<double>(k) / 500.0, 1e-9);
    // The file is in µV already; both readers apply the same linear scaling.
    EXPECT_NEAR(csv.rows[k][1], oracle.samples[o1][5000 + k], 1e-9);
    EXPECT_NEAR(csv.rows[k][2], oracle.samples[t3][5000 + k], 1e-9);
  }
}

TEST(CliExport, BipolarMontageColumnsAreElectrodeDifferences) {
  const auto path = (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string();
  const auto out = (scratch_dir() / "bipolar.csv").string();
  const auto result = run_cli({"export", path, "-o", out, "--montage", "bipolar", "--channels",
                               "Fp1-F7,T7-P7", "--duration-s", "1"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto csv = read_csv(out);
  ASSERT_EQ(csv.columns, (std::vector<std::string>{"time_s", "Fp1-F7", "T7-P7"}));
  ASSERT_EQ(csv.rows.size(), 500U);
  const auto oracle = read_with_edflib(path);
  const auto& fp1 = oracle.samples[oracle_index(oracle, "EEG Fp1")];
  const auto& f7 = oracle.samples[oracle_index(oracle, "EEG F7")];
  const auto& t3 = oracle.samples[oracle_index(oracle, "EEG T3")];  // T7 in 10-10 names
  const auto& t5 = oracle.samples[oracle_index(oracle, "EEG T5")];  // P7
  for (std::size_t k = 0; k < csv.rows.size(); ++k) {
    EXPECT_NEAR(csv.rows[k][1], fp1[k] - f7[k], 1e-9);
    EXPECT_NEAR(csv.rows[k][2], t3[k] - t5[k], 1e-9);
  }
}

TEST(CliExport, TimesAreTrueTimesAcrossEdfPlusDGaps) {
  // Records at 0, 1 s and then 10, 11 s: a 8-s gap that must show in the time column.
  RawEdfSpec spec;
  spec.format = RawFormat::EdfPlusD;
  spec.n_records = 4;
  std::vector<std::int32_t> digital(4 * 8);
  for (std::size_t k = 0; k < digital.size(); ++k)
    digital[k] = static_cast<std::int32_t>(k) * 10;
  spec.signals = {raw_data_signal("EEG Cz", 8, digital), raw_annotation_signal()};
  spec.record_onsets_s = {0.0, 1.0, 10.0, 11.0};
  const auto path = scratch_dir() / "gap.edf";
  write_raw_edf(path, spec);

  const auto out = (scratch_dir() / "gap.csv").string();
  const auto result = run_cli({"export", path.string(), "-o", out});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto csv = read_csv(out);
  ASSERT_EQ(csv.rows.size(), 32U);
  const double gain = (3276.7 - -3276.8) / (32767.0 - -32768.0);
  for (std::size_t k = 0; k < csv.rows.size(); ++k) {
    const double expected_time = (k < 16 ? 0.0 : 8.0) + static_cast<double>(k) / 8.0;
    EXPECT_NEAR(csv.rows[k][0], expected_time, 1e-9) << "row " << k;
    EXPECT_NEAR(csv.rows[k][1], -3276.8 + gain * (digital[k] + 32768.0), 1e-9);
  }
}

TEST(CliExport, BadRequestsAreUsageErrors) {
  const auto path = (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string();
  const auto out = (scratch_dir() / "x.csv").string();
  const auto unknown = run_cli({"export", path, "-o", out, "--channels", "Xyz"});
  EXPECT_EQ(unknown.exit_status, 2);
  EXPECT_NE(unknown.err.find("Xyz"), std::string::npos);
  EXPECT_EQ(run_cli({"export", path, "-o", out, "--start-s", "500"}).exit_status, 2);
  EXPECT_EQ(run_cli({"export", path, "-o", out, "--montage", "sideways"}).exit_status, 2);
}

TEST(CliExport, MixedRatesNeedAnExplicitChoice) {
  const auto path = (sample_dir() / "sleepedf_SC4001E0_first5min.edf").string();
  const auto out = (scratch_dir() / "mixed.csv").string();
  // By default only the EEG-rate channels are written, with a warning for the others.
  const auto result = run_cli({"export", path, "-o", out, "--duration-s", "30"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  EXPECT_NE(result.err.find("skipped"), std::string::npos);
  EXPECT_EQ(read_csv(out).rows.size(), 3000U);
  // Channels of different rates in one CSV are refused.
  EXPECT_EQ(
      run_cli({"export", path, "-o", out, "--channels", "EEG Fpz-Cz,Temp rectal"}).exit_status, 2);
}

}  // namespace
}  // namespace eegtrack::test
