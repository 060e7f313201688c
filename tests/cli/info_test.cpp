// eegtrack info: JSON contents against the values listed for the real recordings, privacy of
// the identifying fields, strict validation and exit statuses.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eegtrack/io/edf_writer.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

nlohmann::json info_json(const std::string& path, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"info", path, "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_cli(args);
  EXPECT_TRUE(result.exit_status == 0 || result.exit_status == 1) << result.err;
  return nlohmann::json::parse(result.out);
}

// A compliant EDF+ file written by EDFlib, with a patient name that must never leak.
std::string write_identified_file() {
  const auto path = (scratch_dir() / "identified.edf").string();
  io::WriteParams params;
  params.patient_name = "Jane_Roe";
  params.patient_code = "MRN4711";
  params.start = io::StartTime{.year = 2026, .month = 3, .day = 14, .hour = 9, .minute = 30};
  std::vector<io::WriteSignal> signals(2);
  signals[0].label = "EEG Fp1";
  signals[1].label = "EEG T3";
  std::vector<std::vector<double>> samples(2, std::vector<double>(256 * 4));
  for (std::size_t k = 0; k < samples[0].size(); ++k) {
    samples[0][k] = 50.0 * std::sin(2.0 * M_PI * 10.0 * static_cast<double>(k) / 256.0);
    samples[1][k] = -samples[0][k];
  }
  const io::Annotation note{.onset_s = 1.5, .duration_s = 0.0, .text = "eyes closed"};
  io::write_edf(path, params, signals, samples, std::span(&note, 1));
  return path;
}

TEST(CliInfo, JsonDescribesTheBundledSample) {
  const auto path = (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string();
  const auto info = info_json(path);
  EXPECT_EQ(info["file_type"], "EDF+C");
  EXPECT_NEAR(info["duration_s"].get<double>(), 182.0, 1.0);
  EXPECT_EQ(info["segments"].size(), 1U);
  ASSERT_EQ(info["channels"].size(), 21U);
  for (const auto& channel : info["channels"])
    EXPECT_EQ(channel["sample_rate_hz"], 500.0);
  EXPECT_EQ(info["annotations"].size(), 1U);
  // Old 10-20 names are mapped to 10-10 while the original label is kept.
  bool saw_t3 = false;
  for (const auto& channel : info["channels"]) {
    if (channel["label"] == "EEG T3") {
      saw_t3 = true;
      EXPECT_EQ(channel["normalized_label"], "T7");
      EXPECT_EQ(channel["type"], "EEG");
      EXPECT_EQ(channel["unit"], "uV");
    }
  }
  EXPECT_TRUE(saw_t3);
  for (const char* key : {"n_records", "record_duration_s", "warnings"})
    EXPECT_TRUE(info.contains(key));
}

TEST(CliInfo, AnnotationOnlyFileListsAnnotationsAndNoChannels) {
  const auto path = (sample_dir() / "sleepedf_SC4001EC-Hypnogram.edf").string();
  const auto info = info_json(path);
  EXPECT_EQ(info["channels"].size(), 0U);
  EXPECT_EQ(info["annotations"].size(), 154U);
}

TEST(CliInfo, IdentifyingFieldsStayOutUnlessAsked) {
  const auto path = write_identified_file();
  for (const auto& args :
       {std::vector<std::string>{"info", path}, std::vector<std::string>{"info", path, "--json"},
        std::vector<std::string>{"info", path, "--json", "--strict"}}) {
    const auto result = run_cli(args);
    EXPECT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(result.out.find("Jane_Roe"), std::string::npos);
    EXPECT_EQ(result.out.find("MRN4711"), std::string::npos);
  }
  const auto shown = run_cli({"info", path, "--json", "--show-identifiers"});
  EXPECT_NE(shown.out.find("Jane_Roe"), std::string::npos);
  EXPECT_NE(shown.out.find("MRN4711"), std::string::npos);
}

TEST(CliInfo, StrictReportIsEmptyForACompliantFile) {
  const auto path = write_identified_file();
  const auto result = run_cli({"info", path, "--json", "--strict"});
  EXPECT_EQ(result.exit_status, 0) << result.out;
  const auto info = nlohmann::json::parse(result.out);
  ASSERT_TRUE(info.contains("deviations"));
  EXPECT_TRUE(info["deviations"].empty()) << info["deviations"].dump();
  ASSERT_EQ(info["annotations"].size(), 1U);
  EXPECT_NEAR(info["annotations"][0]["onset_s"].get<double>(), 1.5, 1e-6);
  EXPECT_EQ(info["annotations"][0]["text"], "eyes closed");
}

TEST(CliInfo, StrictReportListsDeviationsAndExitsOne) {
  // BCI2000 labels with trailing dots ("Fc5.") break the EDF+ label rules.
  const auto path = (sample_dir() / "eegmmidb_S001R01_eyes_open.edf").string();
  const auto result = run_cli({"info", path, "--json", "--strict"});
  EXPECT_EQ(result.exit_status, 1);
  const auto info = nlohmann::json::parse(result.out);
  ASSERT_FALSE(info["deviations"].empty());
  // The original label is kept; the normalized one is the 10-10 name.
  EXPECT_EQ(info["channels"][0]["label"], "Fc5.");
  EXPECT_EQ(info["channels"][0]["normalized_label"], "FC5");
  for (const auto& deviation : info["deviations"]) {
    EXPECT_FALSE(deviation["location"].get<std::string>().empty());
    EXPECT_FALSE(deviation["message"].get<std::string>().empty());
  }
}

TEST(CliInfo, FileProblemsExitOneAndNameTheFile) {
  const auto missing = (scratch_dir() / "no_such_file.edf").string();
  const auto result = run_cli({"info", missing});
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.err.find("no_such_file.edf"), std::string::npos) << result.err;

  const auto not_edf = (scratch_dir() / "notes.edf").string();
  std::ofstream(not_edf) << "this is a text file, not a recording\n";
  const auto bad = run_cli({"info", not_edf});
  EXPECT_EQ(bad.exit_status, 1);
  EXPECT_NE(bad.err.find("notes.edf"), std::string::npos) << bad.err;
}

TEST(CliInfo, UsageProblemsExitTwo) {
  EXPECT_EQ(run_cli({"info"}).exit_status, 2);
  EXPECT_EQ(run_cli({"info", "x.edf", "--no-such-flag"}).exit_status, 2);
  EXPECT_EQ(run_cli({"no-such-command"}).exit_status, 2);
}

}  // namespace
}  // namespace eegtrack::test
