// The per-epoch and per-recording tables of real analyses checked against what the pipeline
// computed independently: medians over clean epochs of the per-epoch means are the
// recording-level medians of summary.json (which the pipeline takes from its own per-epoch
// cells, not from the table), onsets are the store's, and every cell of the recording row is
// the summary field its column names.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eegtrack/exports/epoch_table.hpp"
#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "pipeline/background_only.hpp"
#include "pipeline/recording_fixture.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"  // read_text

namespace eegtrack::exports {
namespace {

namespace fs = std::filesystem;

struct Tsv {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
};

Tsv read_tsv(const fs::path& path) {
  Tsv t;
  std::istringstream lines(test::read_text(path.string()));
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, '\t');)
      cells.push_back(cell);
    if (t.header.empty()) {
      t.header = cells;
      continue;
    }
    EXPECT_EQ(cells.size(), t.header.size()) << line;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < cells.size() && i < t.header.size(); ++i)
      row[t.header[i]] = cells[i];
    t.rows.push_back(row);
  }
  return t;
}

// numpy's median (linear interpolation), as the pipeline takes it.
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Median over the clean epochs of one column (n/a cells left out, as the pipeline does).
double clean_median(const Tsv& t, const std::string& column) {
  std::vector<double> values;
  for (const auto& row : t.rows)
    if (row.at("clean") == "1" && row.at(column) != "n/a")
      values.push_back(std::stod(row.at(column)));
  return median(values);
}

// The pipeline keeps per-epoch cells as float for its medians; the store keeps doubles.
void expect_close(double table, double summary, const std::string& what) {
  EXPECT_NEAR(table, summary, 2e-6 * std::max(1.0, std::abs(summary))) << what;
}

struct Analysed {
  pipeline::AnalysisOutputPaths paths;
  nlohmann::json summary;
  Tsv epochs;
  nlohmann::json epochs_sidecar;
};

Analysed analyse(const fs::path& edf, const fs::path& dir) {
  fs::create_directories(dir);
  const auto out = pipeline::analyze_to_outputs(edf, dir, pipeline::AnalyzeParams{});
  return {out.paths, out.summary, read_tsv(out.paths.epochs_tsv),
          nlohmann::json::parse(test::read_text(out.paths.epochs_json.string()))};
}

void expect_medians_match_summary(const Analysed& a) {
  const auto& bg = a.summary["background"];
  for (const auto& band : a.summary["parameters"]["bands"]) {
    const auto name = band["name"].get<std::string>();
    expect_close(clean_median(a.epochs, name + "_relative"), bg["rel_power"][name].get<double>(),
                 name + " relative");
    expect_close(clean_median(a.epochs, name + "_power"), bg["abs_power_uv2"][name].get<double>(),
                 name + " power");
    for (const auto& [region, r] : a.summary["regions"].items())
      expect_close(clean_median(a.epochs, region + "." + name + "_relative"),
                   r["rel_power"][name].get<double>(), region + " " + name + " relative");
  }
  expect_close(clean_median(a.epochs, "sef95_hz"), bg["sef95_hz"].get<double>(), "SEF95");
  expect_close(clean_median(a.epochs, "delta_alpha_ratio"), bg["dar"].get<double>(), "DAR");
  expect_close(clean_median(a.epochs, "aperiodic_exponent"), bg["aperiodic_exponent"].get<double>(),
               "aperiodic exponent");
}

TEST(EpochsTable, MediansOverCleanEpochsAreTheSummaryAndOnsetsTheStore) {
  const auto a =
      analyse(test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", test::scratch_dir());
  const io::Hdf5Reader h5(a.paths.store);
  const auto onsets = h5.read_doubles("/epochs/onset_s").values;
  ASSERT_EQ(a.epochs.rows.size(), onsets.size());
  ASSERT_EQ(a.epochs.rows.size(), a.summary["quality"]["n_epochs"].get<std::size_t>());
  std::size_t clean = 0;
  for (std::size_t e = 0; e < onsets.size(); ++e) {
    EXPECT_EQ(std::stod(a.epochs.rows[e].at("onset_s")), onsets[e]) << "exact text of a double";
    clean += a.epochs.rows[e].at("clean") == "1";
  }
  EXPECT_EQ(clean, a.summary["quality"]["n_clean_epochs"].get<std::size_t>());
  expect_medians_match_summary(a);

  // Every column is described; band features carry the store's units.
  for (const auto& column : a.epochs.header)
    EXPECT_TRUE(a.epochs_sidecar.contains(column)) << column;
  EXPECT_EQ(a.epochs_sidecar.size(), a.epochs.header.size());
  EXPECT_EQ(a.epochs_sidecar["alpha_power"]["Units"], "uV^2");
  EXPECT_EQ(a.epochs_sidecar["occipital.alpha_relative"]["Units"], "1");
  EXPECT_EQ(a.epochs_sidecar["onset_s"]["Units"], "s");
}

// The first 2 min of a healthy recording with O2 flat for 70 % of it (30 epochs): O2 is a bad
// channel for the recording but has values at the end.
Analysed analyse_o2_flat() {
  auto r = test::load_eeg(test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", 120.0);
  auto& o2 = r.x[test::channel(r, "EEG O2")];
  std::fill(o2.begin(), o2.begin() + static_cast<std::ptrdiff_t>(o2.size() * 7 / 10), 0.0);
  const auto dir = test::scratch_dir();
  test::write_recording(dir / "o2_flat.edf", r);
  return analyse(dir / "o2_flat.edf", dir / "out");
}

// A channel that is bad for the recording (flat for most of it) but clean at the end: its late
// epochs have values, and they must stay out of the means as they stay out of the summary.
TEST(EpochsTable, BadChannelsStayOutOfTheMeans) {
  const auto a = analyse_o2_flat();
  const auto& bad = a.summary["quality"]["bad_channels"];
  ASSERT_NE(std::find(bad.begin(), bad.end(), "O2-avg"), bad.end()) << bad;
  const io::Hdf5Reader h5(a.paths.store);
  const auto labels = h5.read_strings("/channels/normalized_label");
  const auto o2_column =
      static_cast<std::size_t>(std::find(labels.begin(), labels.end(), "O2-avg") - labels.begin());
  ASSERT_LT(o2_column, labels.size());
  const auto alpha = h5.read_doubles("/features/alpha_relative");
  const auto n_channels = labels.size();
  EXPECT_TRUE(std::isfinite(alpha.values[(a.epochs.rows.size() - 1) * n_channels + o2_column]))
      << "O2 has values at the end: the test would not tell a bad channel from a rejected cell";
  expect_medians_match_summary(a);
}

// The table is written a block of rows at a time: any block length gives the file the
// analysis wrote, byte for byte (30 epochs: blocks of 7 leave a last block of 2).
TEST(EpochsTable, DoesNotDependOnTheRowBlock) {
  const auto a = analyse_o2_flat();
  ASSERT_EQ(a.epochs.rows.size(), 30u);
  // The context the analysis passed, rebuilt from its outputs.
  const io::Hdf5Reader h5(a.paths.store);
  EpochTableContext context;
  for (const auto& row : a.epochs.rows)
    context.clean.push_back(row.at("clean") == "1" ? 1 : 0);
  const auto& bad = a.summary["quality"]["bad_channels"];
  for (const auto& label : h5.read_strings("/channels/normalized_label"))
    context.good_channels.push_back(std::find(bad.begin(), bad.end(), label) == bad.end());
  ASSERT_EQ(std::count(context.good_channels.begin(), context.good_channels.end(), false), 1);
  for (const auto& column : a.epochs.header)
    if (h5.exists("/features/" + column))
      context.features.push_back(column);
  const std::string written = test::read_text(a.paths.epochs_tsv.string());
  for (std::size_t rows_per_block :
       {std::size_t{1}, std::size_t{7}, std::size_t{29}, std::size_t{30}, kEpochTableBlockRows}) {
    std::ostringstream tsv;
    const auto sidecar = write_epochs_table(a.paths.store, context, tsv, rows_per_block);
    EXPECT_EQ(tsv.str(), written) << rows_per_block;
    EXPECT_EQ(nlohmann::json::parse(sidecar.dump()), a.epochs_sidecar) << rows_per_block;
  }
  std::ostringstream unused;
  EXPECT_THROW((void)write_epochs_table(a.paths.store, context, unused, 0), std::invalid_argument);
  context.clean.pop_back();
  EXPECT_THROW((void)write_epochs_table(a.paths.store, context, unused), std::invalid_argument);
  EXPECT_TRUE(unused.str().empty()) << "nothing is written before the shapes are checked";
}

TEST(EpochsTable, ArtifactColumnListsTheConditionsOfTheMask) {
  const auto a =
      analyse(test::sample_dir() / "eegmmidb_S001R01_eyes_open.edf", test::scratch_dir());
  const io::Hdf5Reader h5(a.paths.store);
  const auto mask = h5.read_uint8("/artifacts/mask");
  const auto bits = std::get<std::vector<std::string>>(h5.attribute("/artifacts/mask", "bits"));
  const std::size_t n_channels = mask.shape.at(1);
  bool any_artifact = false;
  for (std::size_t e = 0; e < a.epochs.rows.size(); ++e) {
    const auto& cell = a.epochs.rows[e].at("artifacts");
    for (std::size_t b = 0; b < bits.size(); ++b) {
      bool on_any = false;
      for (std::size_t c = 0; c < n_channels; ++c)
        on_any = on_any || ((mask.values[e * n_channels + c] >> b) & 1U);
      const bool listed = ("," + cell + ",").find("," + bits[b] + ",") != std::string::npos;
      EXPECT_EQ(listed, on_any) << "epoch " << e << " " << bits[b] << " in '" << cell << "'";
      any_artifact = any_artifact || on_any;
    }
    const auto first = mask.values.begin() + static_cast<std::ptrdiff_t>(e * n_channels);
    EXPECT_EQ(cell == "none", std::all_of(first, first + static_cast<std::ptrdiff_t>(n_channels),
                                          [](std::uint8_t v) { return v == 0; }));
  }
  EXPECT_TRUE(any_artifact) << "the eyes-open recording has artifacts to list";
  expect_medians_match_summary(a);
}

// Column "a.b.c" is summary.json's a.b.c; "x.low" / "x.high" are the ends of interval x.
TEST(RecordingTable, EveryCellIsTheSummaryFieldItsColumnNames) {
  const auto a =
      analyse(test::sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf", test::scratch_dir());
  const auto table = read_tsv(a.paths.recording_tsv);
  const auto sidecar = nlohmann::json::parse(test::read_text(a.paths.recording_json.string()));
  ASSERT_EQ(table.rows.size(), 1u);
  ASSERT_EQ(sidecar.size(), table.header.size());
  const auto& row = table.rows[0];
  std::size_t numbers = 0;
  for (const auto& column : table.header) {
    ASSERT_TRUE(sidecar.contains(column)) << column;
    nlohmann::json::json_pointer pointer;
    std::istringstream steps(column);
    for (std::string step; std::getline(steps, step, '.');)
      pointer.push_back(step == "low" ? "0" : step == "high" ? "1" : step);
    const auto& cell = row.at(column);
    if (!a.summary.contains(pointer) || a.summary.at(pointer).is_null()) {
      EXPECT_EQ(cell, "n/a") << column;
      continue;
    }
    const auto& v = a.summary.at(pointer);
    if (v.is_boolean()) {
      EXPECT_EQ(cell, v.get<bool>() ? "true" : "false") << column;
    } else if (v.is_number()) {
      EXPECT_EQ(std::stod(cell), v.get<double>()) << column;  // exactly
      ++numbers;
    } else if (v.is_string()) {
      EXPECT_EQ(cell, v.get<std::string>()) << column;
    } else {
      ASSERT_TRUE(v.is_array()) << column;
      std::string joined;
      for (const auto& word : v)
        joined += (joined.empty() ? "" : "; ") + word.get<std::string>();
      EXPECT_EQ(cell, joined.empty() ? "n/a" : joined) << column;
    }
  }
  EXPECT_GT(numbers, 100u);
  EXPECT_EQ(row.at("epileptiform.seizure_count"), "1");
  EXPECT_EQ(row.at("background.pdr_hz"), "n/a");  // absent on this seizure clip
  EXPECT_EQ(row.at("recording.file"), "chbmit_chb01_03_seizure_2995-3036s.edf");
  EXPECT_EQ(sidecar["background.rel_power.delta"]["Units"], "1");
  EXPECT_EQ(sidecar["background.abs_power_uv2.delta"]["Units"], "uV^2");
  EXPECT_EQ(sidecar["epileptiform.spike_rate_95ci_per_h.high"]["Units"], "1/h");
}

// --no-detect: summary.json keeps its counts at 0 beside analysed_s 0; the table says n/a for
// every detector result (a 0 would read "none found"), and keeps the background's values.
TEST(RecordingTable, DetectorColumnsAreNotApplicableWithoutDetection) {
  const auto edf = test::sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf";
  const auto dir = test::scratch_dir();
  const auto out = pipeline::analyze_to_outputs(edf, dir, test::background_only());
  const auto table = read_tsv(out.paths.recording_tsv);
  ASSERT_EQ(table.rows.size(), 1u);
  const auto& row = table.rows[0];
  EXPECT_TRUE(out.summary["epileptiform"]["spike_count"].is_null());
  EXPECT_TRUE(out.summary["epileptiform"]["two_helps2b_eeg_points"].is_null());
  EXPECT_EQ(row.at("epileptiform.analysed_s"), "0");
  const auto sidecar = nlohmann::json::parse(test::read_text(out.paths.recording_json.string()));
  EXPECT_NE(sidecar["epileptiform.analysed_s"]["Description"].get<std::string>().find(
                "0 when they did not run"),
            std::string::npos);
  std::size_t detector_columns = 0;
  for (const auto& column : table.header) {
    if (column.rfind("epileptiform.", 0) != 0 || column == "epileptiform.analysed_s" ||
        column == "epileptiform.main_montage")
      continue;
    EXPECT_EQ(row.at(column), "n/a") << column;
    ++detector_columns;
  }
  EXPECT_GT(detector_columns, 30u);
  EXPECT_EQ(std::stod(row.at("background.rel_power.delta")),
            out.summary["background"]["rel_power"]["delta"].get<double>());
}

// Recordings analysed with the same bands give the same columns, whatever they showed.
TEST(RecordingTable, SameColumnsForEveryRecording) {
  const auto a = analyse(test::sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf",
                         test::scratch_dir() / "a");
  const auto b = analyse(test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf",
                         test::scratch_dir() / "b");
  EXPECT_EQ(read_tsv(a.paths.recording_tsv).header, read_tsv(b.paths.recording_tsv).header);
}

}  // namespace
}  // namespace eegtrack::exports
