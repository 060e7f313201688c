// eegtrack analyze, epileptiform part: the sample seizure recording gives a seizure event that
// appears identically in summary.json, the HDF5 /events table, <stem>.events.tsv (with its
// sidecar) and <stem>.events.edf, with every detector parameter written beside it; the SzCORE
// convention and leaving out the EDF+ file and the tables on request.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/hdf5_reader.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"
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

TEST(CliAnalyzeEvents, SeizureIsReportedInEveryOutput) {
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
  // Under an hour the console states the burden as the seizure's time beside the analysed
  // time, both from summary.json (seconds under a minute: "%.3f s").
  ASSERT_LT(ep["seizure_burden_window_s"].get<double>(), 60.0);
  char burden[96];
  std::snprintf(burden, sizeof burden, "(burden %.3f s of the %.3f s analysed)",
                60.0 * ep["seizure_burden_max_per_h"].get<double>(),
                ep["seizure_burden_window_s"].get<double>());
  EXPECT_NE(r.out.find(burden), std::string::npos) << burden << "\n" << r.out;
  const auto& detection = j["parameters"]["detection"];
  EXPECT_DOUBLE_EQ(detection["seizures"]["seizure_min_duration_s"].get<double>(), 10.0);
  for (const char* key : {"spikes", "patterns", "seizures", "birds"})
    EXPECT_TRUE(detection.contains(key)) << key;

  // One vocabulary: the table's columns are the JSON keys, but for BIDS's onset and duration.
  const auto rows = tsv_rows(read_text(dir / (std::string(kSeizureStem) + ".events.tsv")));
  ASSERT_EQ(rows.size(), events.size() + 1);
  const std::vector<std::string> header = {"onset",        "duration", "type",   "confidence",
                                           "channels",     "side",     "region", "focus",
                                           "frequency_hz", "modifiers"};
  EXPECT_EQ(rows[0], header);
  for (std::size_t c = 2; c < header.size(); ++c)
    EXPECT_TRUE(events[0].contains(header[c])) << header[c];
  for (std::size_t i = 0; i < events.size(); ++i) {
    ASSERT_EQ(rows[i + 1].size(), rows[0].size());
    EXPECT_EQ(rows[i + 1][2], events[i]["type"].get<std::string>());
    EXPECT_NEAR(std::stod(rows[i + 1][0]), events[i]["onset_s"].get<double>(), 5e-4);
    EXPECT_NEAR(std::stod(rows[i + 1][1]), events[i]["duration_s"].get<double>(), 5e-4);
    EXPECT_NEAR(std::stod(rows[i + 1][8]), events[i]["frequency_hz"].get<double>(), 5e-3);
  }
  const auto sidecar =
      nlohmann::json::parse(read_text(dir / (std::string(kSeizureStem) + ".events.json")));
  for (const auto& column : header)
    EXPECT_TRUE(sidecar.contains(column)) << column;
  EXPECT_EQ(sidecar["frequency_hz"]["Units"], "Hz");

  // The EDF+ annotations start where the recording starts and hold the same events.
  const io::EdfReader recording(edf);
  const io::EdfReader annotations(dir / (std::string(kSeizureStem) + ".events.edf"));
  const auto& a = annotations.header().start;
  const auto& b = recording.header().start;
  EXPECT_EQ(std::tie(a.year, a.month, a.day, a.hour, a.minute, a.second),
            std::tie(b.year, b.month, b.day, b.hour, b.minute, b.second));
  EXPECT_DOUBLE_EQ(a.subsecond_s, b.subsecond_s);
  ASSERT_EQ(annotations.annotations().size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_NEAR(annotations.annotations()[i].onset_s, events[i]["onset_s"].get<double>(), 5e-5);
    EXPECT_EQ(annotations.annotations()[i].text.rfind(
                  "eegtrack " + events[i]["type"].get<std::string>(), 0),
              0u)
        << annotations.annotations()[i].text;
  }
  EXPECT_EQ(annotations.header().patient, "X X X X");

  const io::Hdf5Reader h5(dir / (std::string(kSeizureStem) + ".h5"));
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "eegtrack_layout_version")), "2.0");
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
  // The console does not report zero spikes in zero seconds: nothing was looked for.
  EXPECT_NE(r.out.find("epileptiform: not analysed (--no-detect)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("spikes/sharp waves"), std::string::npos) << r.out;
  // Nor does summary.json: the counts were not looked for, so they are null, not 0.
  EXPECT_TRUE(j["epileptiform"]["seizure_count"].is_null());
  EXPECT_TRUE(j["epileptiform"]["spike_count"].is_null());
}

// Detection on, but every channel flat (a disconnected amplifier): no EEG time the detectors
// could read, so no count, no rate and no "0 spikes in 1 min" on the console.
TEST(CliAnalyzeEvents, AFlatRecordingIsNotAnalysedForDischarges) {
  const fs::path dir = scratch_dir() / "analyze_flat";
  RawEdfSpec spec;
  spec.n_records = 60;
  for (const char* label : {"EEG Fp1", "EEG Fp2", "EEG C3", "EEG C4", "EEG P3", "EEG P4", "EEG O1",
                            "EEG O2", "EEG T7", "EEG T8"})
    spec.signals.push_back(raw_data_signal(label, 256, std::vector<std::int32_t>(60 * 256, 0)));
  spec.signals.push_back(raw_annotation_signal());
  const auto edf = dir / "flat.edf";
  fs::create_directories(dir);
  write_raw_edf(edf, spec);
  const auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("epileptiform: not analysed (nothing the detectors could read)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("spikes/sharp waves"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("flat.edf: nothing analysed: in each of the 15 epochs"), std::string::npos)
      << r.err;
  const auto j = nlohmann::json::parse(read_text(dir / "flat.summary.json"));
  EXPECT_EQ(j["epileptiform"]["analysed_s"], 0.0);
  EXPECT_TRUE(j["epileptiform"]["spike_count"].is_null());
  EXPECT_TRUE(j["epileptiform"]["spike_rate_95ci_per_h"].is_null());
}

// Under the 10 min that rates need, a pattern is given as its share of the time, as in the
// report, not as the "insufficient" category. The 1-min EEGMMIDB recording holds a GRDA episode;
// the expected text is built from its summary.json.
TEST(CliAnalyzeEvents, PatternsOfAShortRecordingGiveTheirShareOfTheTime) {
  const fs::path dir = scratch_dir() / "analyze_short_patterns";
  const auto edf = sample_dir() / "eegmmidb_S001R01_eyes_open.edf";
  const auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto j = nlohmann::json::parse(read_text(dir / "eegmmidb_S001R01_eyes_open.summary.json"));
  const auto& e = j["epileptiform"];
  ASSERT_FALSE(e["long_enough_for_rates"].get<bool>());
  int with_episodes = 0;
  for (const auto& [type, pattern] : e["patterns"].items()) {
    const long episodes = pattern["episodes"].get<long>();
    if (episodes == 0)
      continue;
    ++with_episodes;
    char share[32];
    std::snprintf(share, sizeof share, "%.0f", 100.0 * pattern["fraction"].get<double>());
    const std::string expected =
        " " + type + " " + std::to_string(episodes) + " (" + share + " % of the time)";
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
  }
  ASSERT_GT(with_episodes, 0) << "this test needs a short recording with a pattern";
  EXPECT_EQ(r.out.find("(insufficient)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[no ACNS 2021 prevalence in 1 min 00.0 s: it needs 10 min 00.0 s or more]"),
            std::string::npos)
      << r.out;
}

TEST(CliAnalyzeEvents, SzcoreFormatAndNoEventsEdf) {
  const fs::path dir = scratch_dir() / "analyze_szcore";
  const auto edf = sample_dir() / (std::string(kSeizureStem) + ".edf");
  const auto stem = dir / kSeizureStem;
  auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_TRUE(fs::exists(stem.string() + ".events.edf"));
  r = run_cli({"analyze", edf.string(), "-o", dir.string(), "--events-format", "szcore",
               "--no-events-edf"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_FALSE(fs::exists(stem.string() + ".events.edf")) << "an earlier one is removed";
  const auto j = nlohmann::json::parse(read_text(stem.string() + ".summary.json"));
  const auto rows = tsv_rows(read_text(stem.string() + ".events.tsv"));
  ASSERT_EQ(rows.size(), 2u);  // the header and the one seizure
  EXPECT_EQ(rows[0], (std::vector<std::string>{"onset", "duration", "eventType", "confidence",
                                               "channels", "dateTime", "recordingDuration"}));
  EXPECT_EQ(rows[1][2], "sz");
  const auto start = j["recording"]["start"].get<std::string>();  // "2076-11-06T14:32:59"
  EXPECT_EQ(rows[1][5], start.substr(0, 10) + " " + start.substr(11, 8));
  EXPECT_DOUBLE_EQ(std::stod(rows[1][6]), j["recording"]["duration_s"].get<double>());
  for (const auto& e : j["events"]) {
    if (e["type"] == "seizure") {
      EXPECT_NEAR(std::stod(rows[1][0]), e["onset_s"].get<double>(), 0.005);
    }
  }
  const auto sidecar = nlohmann::json::parse(read_text(stem.string() + ".events.json"));
  EXPECT_TRUE(sidecar.contains("eventType"));

  r = run_cli({"analyze", edf.string(), "-o", dir.string(), "--events-format", "csv"});
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_NE(r.err.find("--events-format csv"), std::string::npos) << r.err;
}

TEST(CliAnalyzeEvents, NoTablesRemovesEarlierTables) {
  const auto dir = scratch_dir();
  const auto edf = sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf";
  auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto stem = dir / "chbmit_chb01_03_seizure_2995-3036s";
  EXPECT_TRUE(fs::exists(stem.string() + ".epochs.tsv"));
  EXPECT_TRUE(fs::exists(stem.string() + ".recording.json"));
  r = run_cli({"analyze", edf.string(), "-o", dir.string(), "--no-tables"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  for (const char* suffix : {".epochs.tsv", ".epochs.json", ".recording.tsv", ".recording.json"})
    EXPECT_FALSE(fs::exists(stem.string() + suffix)) << suffix;
}

}  // namespace
}  // namespace eegtrack::test
