// eegtrack analyze, epileptiform part: the sample seizure recording gives a seizure event that
// appears identically in summary.json, the HDF5 /events table and <stem>.events.tsv, with every
// detector parameter written beside it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "eegtrack/io/hdf5_reader.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const char* kSeizureStem = "chbmit_chb01_03_seizure_2995-3036s";

std::vector<std::vector<std::string>> tsv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, '\t'))
      cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(CliAnalyzeEvents, SeizureIsReportedInAllThreeOutputs) {
  const fs::path dir = scratch_dir() / "analyze_events";
  const auto edf = sample_dir() / (std::string(kSeizureStem) + ".edf");
  const auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("1 seizure(s)"), std::string::npos) << r.out;
  const auto j =
      nlohmann::json::parse(read_text(dir / (std::string(kSeizureStem) + ".summary.json")));
  const auto& events = j["events"];
  ASSERT_FALSE(events.empty());
  std::size_t n_seizures = 0;
  for (const auto& e : events) {
    for (const char* key : {"type", "onset_s", "duration_s", "channels", "side", "region",
                            "frequency_hz", "confidence"})
      EXPECT_TRUE(e.contains(key)) << key;
    if (e["type"] == "seizure") {
      ++n_seizures;
      EXPECT_LT(e["onset_s"].get<double>(), 10.0);  // annotated onset 1 s into the file
      EXPECT_GT(e["frequency_hz"].get<double>(), 2.5);
    }
  }
  EXPECT_EQ(n_seizures, 1u);
  const auto& ep = j["epileptiform"];
  for (const char* key : {"spike_rate_per_h", "dominant_focus", "seizure_count",
                          "seizure_burden_max_per_h", "patterns", "electrographic_status"})
    EXPECT_TRUE(ep.contains(key)) << key;
  EXPECT_EQ(ep["seizure_count"], 1);
  EXPECT_FALSE(ep["electrographic_status"].get<bool>());  // 40 s, not 10 min
  const auto& detection = j["parameters"]["detection"];
  EXPECT_DOUBLE_EQ(detection["seizures"]["seizure_min_duration_s"].get<double>(), 10.0);
  for (const char* key : {"spikes", "patterns", "seizures", "birds"})
    EXPECT_TRUE(detection.contains(key)) << key;

  const auto rows = tsv_rows(read_text(dir / (std::string(kSeizureStem) + ".events.tsv")));
  ASSERT_EQ(rows.size(), events.size() + 1);
  EXPECT_EQ(rows[0][0], "onset");
  EXPECT_EQ(rows[0][1], "duration");
  EXPECT_EQ(rows[0][2], "eventType");
  EXPECT_EQ(rows[0][3], "confidence");
  EXPECT_EQ(rows[0][4], "channels");
  for (std::size_t i = 0; i < events.size(); ++i) {
    ASSERT_EQ(rows[i + 1].size(), rows[0].size());
    EXPECT_EQ(rows[i + 1][2], events[i]["type"].get<std::string>());
    EXPECT_NEAR(std::stod(rows[i + 1][0]), events[i]["onset_s"].get<double>(), 5e-4);
  }

  const io::Hdf5Reader h5(dir / (std::string(kSeizureStem) + ".h5"));
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "eegtrack_layout_version")), "1.2");
  const auto types = h5.read_strings("/events/type");
  ASSERT_EQ(types.size(), events.size());
  const auto onsets = h5.read_doubles("/events/onset_s").values;
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(types[i], events[i]["type"].get<std::string>());
    EXPECT_DOUBLE_EQ(onsets[i], events[i]["onset_s"].get<double>());
  }
}

TEST(CliAnalyzeEvents, NormalRecordingRaisesNoSeizureAndNoDetectIsHonoured) {
  const fs::path dir = scratch_dir() / "analyze_no_events";
  const auto edf = sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf";
  auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto j =
      nlohmann::json::parse(read_text(dir / "eegmat_Subject00_1_rest_eyes_closed.summary.json"));
  EXPECT_EQ(j["epileptiform"]["seizure_count"], 0);
  r = run_cli({"analyze", edf.string(), "-o", dir.string(), "--no-detect"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  j = nlohmann::json::parse(read_text(dir / "eegmat_Subject00_1_rest_eyes_closed.summary.json"));
  EXPECT_TRUE(j["events"].empty());
  EXPECT_FALSE(j["parameters"]["detection"]["enabled"].get<bool>());
  const auto rows = tsv_rows(read_text(dir / "eegmat_Subject00_1_rest_eyes_closed.events.tsv"));
  EXPECT_EQ(rows.size(), 1u);  // the header only
}

}  // namespace
}  // namespace eegtrack::test
