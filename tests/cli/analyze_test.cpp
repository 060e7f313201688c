// eegtrack analyze: both outputs per recording, every summary key, the HDF5 store read back
// with the project's reader and checked against summary.json and against itself, provenance
// against sha256sum, failures per file, usage errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "eegtrack/io/hdf5_reader.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const char* kStem = "eegmat_Subject00_1_rest_eyes_closed";

std::string sha256sum(const fs::path& path) {
  const std::string command = "sha256sum '" + path.string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[65] = {};
  const std::size_t n = pipe ? std::fread(buffer, 1, 64, pipe) : 0;
  if (pipe)
    pclose(pipe);
  return std::string(buffer, n);
}

// Runs analyze once on the bundled sample into a fresh directory.
fs::path analyzed_sample() {
  static const fs::path out = [] {
    const fs::path dir = program_scratch_dir() / "analyze_sample";
    fs::remove_all(dir);
    const auto r = run_cli(
        {"analyze", (sample_dir() / (std::string(kStem) + ".edf")).string(), "-o", dir.string()});
    EXPECT_EQ(r.exit_status, 0) << r.err;
    EXPECT_NE(r.out.find("PDR"), std::string::npos) << r.out;
    return dir;
  }();
  return out;
}

TEST(CliAnalyze, SummaryJsonHasEveryKey) {
  const auto dir = analyzed_sample();
  const auto j = nlohmann::json::parse(read_text((dir / (std::string(kStem) + ".summary.json"))));
  for (const char* key : {"file", "duration_s", "sha256", "start", "size_bytes"})
    EXPECT_TRUE(j["recording"].contains(key)) << key;
  EXPECT_EQ(j["recording"]["file"], std::string(kStem) + ".edf");
  EXPECT_DOUBLE_EQ(j["recording"]["duration_s"].get<double>(), 182.0);
  const fs::path edf = sample_dir() / (std::string(kStem) + ".edf");
  EXPECT_EQ(j["recording"]["sha256"], sha256sum(edf));
  EXPECT_EQ(j["recording"]["size_bytes"].get<std::uint64_t>(), fs::file_size(edf));
  EXPECT_TRUE(j.contains("eegtrack_version"));
  for (const char* key : {"montage", "epoch_s", "bands", "method", "segment_s", "artifacts"})
    EXPECT_TRUE(j["parameters"].contains(key)) << key;
  EXPECT_TRUE(j["quality"].contains("clean_fraction"));
  EXPECT_TRUE(j["quality"]["bad_channels"].is_array());
  const auto& bg = j["background"];
  for (const char* key : {"pdr_hz", "pdr_confidence", "rel_power", "dar", "tar", "dtabr",
                          "sef95_hz", "bsi", "suppression_fraction", "encephalopathy_index"})
    EXPECT_TRUE(bg.contains(key)) << key;
  for (const char* band : {"delta", "theta", "alpha", "beta"})
    EXPECT_TRUE(bg["rel_power"][band].is_number()) << band;
  // README: posterior peak at 10.5 Hz on this healthy eyes-closed recording.
  EXPECT_NEAR(bg["pdr_hz"].get<double>(), 10.5, 0.5);
  for (const char* region : {"frontal", "central", "temporal", "parietal", "occipital"})
    EXPECT_TRUE(j["regions"][region]["rel_power"]["alpha"].is_number()) << region;
  for (const char* key : {"grade", "distribution", "side", "region"})
    EXPECT_TRUE(j["slowing"].contains(key)) << key;
  EXPECT_EQ(j["slowing"]["grade"], "none");
  // No patient identity anywhere.
  const auto text = j.dump();
  EXPECT_EQ(text.find("patient"), std::string::npos);
}

TEST(CliAnalyze, Hdf5StoreReadsBackWithTheDocumentedLayout) {
  const auto dir = analyzed_sample();
  const io::Hdf5Reader h5(dir / (std::string(kStem) + ".h5"));
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "eegtrack_layout_version")), "2.0");
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "file_name")), std::string(kStem) + ".edf");
  EXPECT_EQ(std::get<std::string>(h5.attribute("/", "sha256")),
            sha256sum(sample_dir() / (std::string(kStem) + ".edf")));
  EXPECT_DOUBLE_EQ(std::get<double>(h5.attribute("/", "duration_s")), 182.0);
  EXPECT_TRUE(h5.has_attribute("/parameters", "json"));
  const auto channels = h5.read_strings("/channels/normalized_label");
  const auto n_ch = channels.size();
  EXPECT_EQ(n_ch, 19u);  // 19 scalp electrodes re-referenced to their average
  EXPECT_NE(std::find(channels.begin(), channels.end(), "O1-avg"), channels.end());
  const auto onsets = h5.read_doubles("/epochs/onset_s").values;
  ASSERT_EQ(onsets.size(), 45u);  // 182 s in 4-s epochs
  for (std::size_t i = 0; i < onsets.size(); ++i)
    EXPECT_NEAR(onsets[i], 4.0 * static_cast<double>(i), 1e-9);
  const auto alpha = h5.read_doubles("/features/alpha_relative");
  ASSERT_EQ(alpha.shape, (std::vector<std::uint64_t>{45, n_ch}));
  EXPECT_EQ(std::get<std::string>(h5.attribute("/features/alpha_relative", "units")), "1");
  const auto mask = h5.read_uint8("/artifacts/mask");
  EXPECT_EQ(mask.shape, (std::vector<std::uint64_t>{45, n_ch}));
  const auto power = h5.read_doubles("/spectrogram/power");
  ASSERT_EQ(power.shape.size(), 3u);
  EXPECT_EQ(power.shape[1], n_ch);
  EXPECT_EQ(power.shape[2], h5.read_doubles("/spectrogram/frequencies_hz").values.size());
  EXPECT_EQ(power.shape[0], h5.read_doubles("/spectrogram/time_s").values.size());
  // The streamed per-epoch array and the per-channel summary agree: the summary is the median
  // of each column over the clean (here: unmasked) epochs.
  const auto median = h5.read_doubles("/summary/alpha_relative").values;
  ASSERT_EQ(median.size(), n_ch);
  for (std::size_t c = 0; c < n_ch; ++c) {
    std::vector<double> column;
    for (std::size_t e = 0; e < 45; ++e)
      if (mask.values[e * n_ch + c] == 0)
        column.push_back(alpha.values[e * n_ch + c]);
    ASSERT_FALSE(column.empty());
    std::sort(column.begin(), column.end());
    const std::size_t m = column.size();
    const double expected = m % 2 ? column[m / 2] : 0.5 * (column[m / 2 - 1] + column[m / 2]);
    EXPECT_NEAR(median[c], expected, 1e-6) << channels[c];  // cells are kept as float
  }
  // The summary attribute is the same document as summary.json.
  const auto in_h5 = nlohmann::json::parse(std::get<std::string>(h5.attribute("/summary", "json")));
  const auto in_file =
      nlohmann::json::parse(read_text((dir / (std::string(kStem) + ".summary.json")).string()));
  EXPECT_EQ(in_h5, in_file);
}

TEST(CliAnalyze, BadFileIsNamedAndTheOthersStillRun) {
  const fs::path dir = scratch_dir() / "analyze_mixed";
  fs::remove_all(dir);
  const fs::path bad = scratch_dir() / "not_an_edf.edf";
  write_bytes(bad, "this is not an EDF file at all");
  const auto good = sample_dir() / "eegmmidb_S001R01_eyes_open.edf";
  const auto r = run_cli({"analyze", bad.string(), good.string(), "-o", dir.string()});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("not_an_edf.edf"), std::string::npos) << r.err;
  // Named once: the reader's error already begins with the path.
  const auto named = r.err.find("analyze failed for " + bad.string() + ": ");
  ASSERT_NE(named, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(bad.string(), named + 20 + bad.string().size()), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir / "eegmmidb_S001R01_eyes_open.h5"));
  EXPECT_TRUE(fs::exists(dir / "eegmmidb_S001R01_eyes_open.summary.json"));
  EXPECT_FALSE(fs::exists(dir / "not_an_edf.h5"));
  // A folder is not a recording: the message points to batch, and the rest still runs.
  const auto folder =
      run_cli({"analyze", sample_dir().string(), good.string(), "-o", dir.string()});
  EXPECT_EQ(folder.exit_status, 1);
  EXPECT_NE(folder.err.find(": a folder, not a recording; eegtrack batch "), std::string::npos)
      << folder.err;
  EXPECT_NE(folder.err.find("1 of 2 file(s) failed"), std::string::npos) << folder.err;
  for (const auto& entry : fs::directory_iterator(dir))  // no temporary left behind
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

// CHB-MIT records in a bipolar montage: no common average is possible, so the channels are
// analysed as recorded and both outputs say so.
TEST(CliAnalyze, BipolarRecordingIsAnalysedAsRecorded) {
  const fs::path dir = scratch_dir() / "analyze_bipolar";
  const auto edf = sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf";
  const auto r = run_cli({"analyze", edf.string(), "-o", dir.string()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto j = nlohmann::json::parse(
      read_text((dir / "chbmit_chb01_03_interictal_0-41s.summary.json").string()));
  EXPECT_EQ(j["recording"]["montage_used"], "referential");
  EXPECT_EQ(j["parameters"]["montage"], "average");
  ASSERT_FALSE(j["warnings"].empty());
  const auto warning = j["warnings"][0].get<std::string>();
  EXPECT_NE(warning.find("average reference not possible"), std::string::npos);
  // The reason, in words for the reader of the report: no function name.
  EXPECT_NE(warning.find("needs at least 2 referential EEG scalp channels (0 found"),
            std::string::npos)
      << warning;
  EXPECT_EQ(warning.find("plan_montage"), std::string::npos) << warning;
  const io::Hdf5Reader h5(dir / "chbmit_chb01_03_interictal_0-41s.h5");
  const auto labels = h5.read_strings("/channels/normalized_label");
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Fp1-F7"), labels.end());
  EXPECT_EQ(h5.read_doubles("/epochs/onset_s").values.size(), 10u);  // 41 s in 4-s epochs
}

// A polysomnogram analysed as recorded (its EEG is bipolar): the EOG, EMG, respiration,
// temperature and marker channels never enter the EEG measures, and each is named in a
// warning. With the EOG left in, the global relative delta read 0.64 instead of 0.58.
TEST(CliAnalyze, NonEegChannelsNeverEnterEegMeasures) {
  const fs::path dir = scratch_dir() / "analyze_psg";
  const auto edf = sample_dir() / "sleepedf_SC4001E0_first5min.edf";
  const auto r = run_cli({"analyze", edf.string(), "-o", dir.string(), "--no-detect"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("left out EOG horizontal (EOG, not EEG)"), std::string::npos) << r.err;
  const auto j =
      nlohmann::json::parse(read_text((dir / "sleepedf_SC4001E0_first5min.summary.json").string()));
  std::vector<std::string> labels;
  for (const auto& c : j["quality"]["channels"])
    labels.push_back(c["label"].get<std::string>());
  EXPECT_EQ(labels, (std::vector<std::string>{"Fpz-Cz", "Pz-Oz"}));
  // Fpz-Cz and Pz-Oz only (with the EOG the pair reads 0.64); eye movements on Fpz-Cz are kept
  // out too, so delta falls below the 0.58 of the pair as recorded.
  EXPECT_LT(j["background"]["rel_power"]["delta"].get<double>(), 0.55);
  EXPECT_GT(j["background"]["rel_power"]["delta"].get<double>(), 0.3);
  const auto off = run_cli(
      {"analyze", edf.string(), "-o", (dir / "off").string(), "--no-detect", "--no-ocular-screen"});
  ASSERT_EQ(off.exit_status, 0) << off.err;
  const auto k = nlohmann::json::parse(
      read_text((dir / "off" / "sleepedf_SC4001E0_first5min.summary.json").string()));
  EXPECT_NEAR(k["background"]["rel_power"]["delta"].get<double>(), 0.58, 0.02);
  EXPECT_FALSE(k["parameters"]["artifacts"]["screen_ocular"].get<bool>());
}

TEST(CliAnalyze, UsageErrorsExitTwo) {
  const auto edf = (sample_dir() / (std::string(kStem) + ".edf")).string();
  const auto dir = (scratch_dir() / "analyze_usage").string();
  EXPECT_EQ(run_cli({"analyze", edf, "-o", dir, "--method", "bogus"}).exit_status, 2);
  EXPECT_EQ(run_cli({"analyze", edf, "-o", dir, "--bands", "delta:1-4"}).exit_status, 2);
  EXPECT_EQ(run_cli({"analyze", edf}).exit_status, 2);  // -o is required
  EXPECT_EQ(run_cli({"analyze", edf, "-o", dir, "--detection-montage", "average"}).exit_status, 2);
}

}  // namespace
}  // namespace eegtrack::test
