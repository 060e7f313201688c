// The findings of a recording survive being written and read back: analyze -> findings ->
// summary.json and .h5 -> read_findings -> the same findings, field by field.
#include <gtest/gtest.h>

#include <fstream>

#include "background_only.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/findings_builder.hpp"
#include "eegtrack/pipeline/hdf5_store.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "findings_compare.hpp"
#include "recording_fixture.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

struct Written {
  findings::RecordingFindings findings;
  fs::path json;
  fs::path h5;
};

// What `eegtrack analyze` does for one file.
Written analyze_and_write(const fs::path& edf, const fs::path& outdir,
                          const AnalyzeParams& params = {}) {
  const io::EdfReader reader(edf);
  Written w;
  w.h5 = outdir / (edf.stem().string() + ".h5");
  w.json = outdir / (edf.stem().string() + ".summary.json");
  Hdf5Store store(w.h5);
  const auto analysis = analyze_recording(reader, params, &store);
  const auto provenance = recording_provenance(reader);
  w.findings = make_findings(analysis, params, provenance);
  const auto summary = summary_json(w.findings, provenance.file_name);
  store.finish(analysis, params, provenance, summary);
  std::ofstream(w.json) << summary.dump(2) << '\n';
  return w;
}

findings::RecordingFindings expect_round_trip(const fs::path& edf) {
  const auto w = analyze_and_write(edf, test::scratch_dir());
  {
    SCOPED_TRACE("summary.json");
    test::expect_same_findings(w.findings, read_findings(w.json));
  }
  {
    SCOPED_TRACE(".h5");
    test::expect_same_findings(w.findings, read_findings_h5(w.h5));
  }
  // Writing what was read gives the same document.
  EXPECT_EQ(summary_json(read_findings(w.json), edf.filename().string()),
            summary_json(w.findings, edf.filename().string()));
  return w.findings;
}

TEST(FindingsRoundTrip, BundledSampleThroughJsonAndHdf5) {
  const auto edf = test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf";
  const auto w = analyze_and_write(edf, test::scratch_dir());
  const auto back = read_findings(w.json);
  test::expect_same_findings(w.findings, back);
  test::expect_same_findings(w.findings, read_findings_h5(w.h5));
  // The content itself, not only its agreement: a healthy adult at rest.
  EXPECT_EQ(back.recording.file_type, "EDF+C");
  EXPECT_EQ(back.recording.sha256.size(), 64u);
  ASSERT_EQ(back.time.segments.size(), 1u);
  EXPECT_DOUBLE_EQ(back.time.segments[0].duration_s, 182.0);
  EXPECT_FALSE(nlohmann::json::parse(std::ifstream(w.json))["recording"].contains("segments"));
  ASSERT_TRUE(back.background.pdr);
  EXPECT_NEAR(back.background.pdr->frequency_hz, 10.58, 0.01);  // occipital; data README 10.5
  ASSERT_TRUE(back.slowing);
  EXPECT_EQ(back.slowing->grade, features::SlowingGrade::None);
  EXPECT_EQ(back.quality.n_epochs, 45u);
  ASSERT_NE(findings::find_band(back.background.band_powers, "alpha"), nullptr);
  EXPECT_GT(*findings::find_band(back.background.band_powers, "alpha")->relative, 0.5);
}

// Recordings with a seizure, periodic discharges and BIRDs fill the epileptiform findings.
TEST(FindingsRoundTrip, RecordingsWithEvents) {
  for (const char* name :
       {"seizure/chbmit_chb01_03_ictal.edf", "sample/chbmit_chb01_03_seizure_2995-3036s.edf",
        "seizure/chbmit_chb01_21_ictal.edf"}) {
    const auto edf = test::eeg_path(name);
    SCOPED_TRACE(name);
    EXPECT_FALSE(expect_round_trip(edf).events.empty());  // the seizure at least
  }
}

// 30 s of the bundled sample, a 70-s gap, then the next 30 s (EDF+D records at 0..29 and
// 100..129 s).
fs::path gapped_sample() {
  const auto r =
      test::load_eeg(test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf", 60.0);
  const auto spr = static_cast<int>(std::lround(r.sample_rate_hz));
  test::RawEdfSpec spec;
  spec.format = test::RawFormat::EdfPlusD;
  spec.n_records = 60;
  for (int k = 0; k < 60; ++k)
    spec.record_onsets_s.push_back(k < 30 ? k : 70 + k);
  for (std::size_t c = 0; c < r.labels.size(); ++c) {
    std::vector<std::int32_t> digital;  // physical = 0.1 * digital with the default ranges
    for (std::size_t i = 0; i < static_cast<std::size_t>(60 * spr); ++i)
      digital.push_back(static_cast<std::int32_t>(std::lround(r.x[c][i] * 10.0)));
    spec.signals.push_back(test::raw_data_signal(r.labels[c], spr, std::move(digital)));
  }
  spec.signals.push_back(test::raw_annotation_signal(30));
  const auto path = test::scratch_dir() / "gapped_sample.edf";
  test::write_raw_edf(path, spec);
  return path;
}

// A recording with a gap states its segments (summary.json recording.segments) and gets them
// back; continuous recordings write no such key.
TEST(FindingsRoundTrip, GappedRecordingKeepsItsSegments) {
  const auto w = analyze_and_write(gapped_sample(), test::scratch_dir());
  const auto& segments = w.findings.time.segments;
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_DOUBLE_EQ(segments[0].onset_s, 0.0);
  EXPECT_DOUBLE_EQ(segments[0].duration_s, 30.0);
  EXPECT_DOUBLE_EQ(segments[1].onset_s, 100.0);
  EXPECT_DOUBLE_EQ(segments[1].duration_s, 30.0);
  const auto json = nlohmann::json::parse(std::ifstream(w.json));
  EXPECT_EQ(json["recording"]["segments"].size(), 2u);
  test::expect_same_findings(w.findings, read_findings(w.json));
  test::expect_same_findings(w.findings, read_findings_h5(w.h5));
}

// Every optional branch of the model: gaps, no PDR, focal slowing, a focus, events with
// absent values, an ungraded recording.
TEST(FindingsRoundTrip, AbsentValuesGapsAndFocalSlowing) {
  const auto edf = test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf";
  auto f = analyze_and_write(edf, test::scratch_dir()).findings;
  f.time.segments = {{0.0, 60.0}, {100.0, 82.0}};
  f.background.pdr.reset();
  f.background.pdr_confidence = 0.0;
  f.background.slower_rhythm_dominates = true;
  f.background.bsi.reset();
  f.regions.front().asymmetry.reset();
  f.slowing->grade = features::SlowingGrade::Moderate;
  f.slowing->distribution = features::SlowingDistribution::Focal;
  f.slowing->focus = findings::SlowingFocus{sites::Side::Left, sites::Region::Temporal};
  f.slowing->criteria = {"PDR absent", "excess delta"};
  f.epileptiform.dominant_focus = findings::DominantFocus{"T7", "left", "temporal", 4, 80.0, 1.0};
  f.epileptiform.per_electrode = {{"T7", 4, 80.0}};
  f.epileptiform.spike_count = 4;
  detect::Event spike;
  spike.type = detect::EventType::Spike;
  spike.onset_s = 12.25;
  spike.duration_s = 0.07;
  spike.channels = {"T7-avg", "F7-avg"};
  spike.side = sites::Laterality::Left;
  spike.focus = "T7";  // region left empty, frequency NaN: written as null
  spike.confidence = 0.5;
  f.events = {spike};
  const auto path = test::scratch_dir() / "edited.summary.json";
  std::ofstream(path) << summary_json(f, "edited.edf").dump();
  test::expect_same_findings(f, read_findings(path));

  f.slowing.reset();
  f.background.encephalopathy_index.reset();
  std::ofstream(path, std::ios::trunc) << summary_json(f, "edited.edf").dump();
  test::expect_same_findings(f, read_findings(path));
}

// Without detection the detectors' counts are unknown, not zero: summary.json (and the store's
// copy) write them as null and they read back as the model's "not looked for" (analysed_s 0).
// Files written before that held 0 and read the same; a null beside analysed_s > 0 is refused.
TEST(FindingsRoundTrip, WithoutDetectionTheDetectorsCountsAreNull) {
  const auto edf = test::sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf";
  const auto w = analyze_and_write(edf, test::scratch_dir(), test::background_only());
  auto json = nlohmann::json::parse(std::ifstream(w.json));
  auto& e = json["epileptiform"];
  EXPECT_EQ(e["analysed_s"], 0.0);
  const std::vector<std::string> unknown = {"spike_count",
                                            "spike_rate_95ci_per_h",
                                            "seizure_count",
                                            "longest_seizure_s",
                                            "seizure_burden_max_per_h",
                                            "electrographic_status",
                                            "bird_count",
                                            "discharges_in_patterns",
                                            "birds_in_seizures",
                                            "patterns_in_seizures",
                                            "rda_in_periodic",
                                            "events_dropped_for_artifacts",
                                            "two_helps2b_eeg_points",
                                            "spike_rate_per_h"};
  for (const auto& key : unknown)
    EXPECT_TRUE(e[key].is_null()) << key;
  EXPECT_FALSE(findings::detectors_ran(w.findings.epileptiform));
  test::expect_same_findings(w.findings, read_findings(w.json));
  test::expect_same_findings(w.findings, read_findings_h5(w.h5));
  EXPECT_EQ(summary_json(read_findings(w.json), edf.filename().string()),
            summary_json(w.findings, edf.filename().string()));

  // As written before the counts could be null.
  for (const auto& key : unknown)
    if (key != "two_helps2b_eeg_points" && key != "spike_rate_per_h")
      e[key] = key == "electrographic_status"   ? nlohmann::json(false)
               : key == "spike_rate_95ci_per_h" ? nlohmann::json({0.0, 0.0})
                                                : nlohmann::json(0);
  const auto older = test::scratch_dir() / "older.summary.json";
  std::ofstream(older) << json.dump();
  test::expect_same_findings(w.findings, read_findings(older));

  // A null count where the detectors did look is a broken file, named with its field.
  e["analysed_s"] = 41.0;
  e["seizure_count"] = nullptr;
  const auto broken = test::scratch_dir() / "broken.summary.json";
  std::ofstream(broken) << json.dump();
  try {
    (void)read_findings(broken);
    ADD_FAILURE() << "a null seizure count in an analysed recording was accepted";
  } catch (const std::exception& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("broken.summary.json"), std::string::npos) << what;
    EXPECT_NE(what.find("seizure_count"), std::string::npos) << what;
    EXPECT_NE(what.find("null although the detectors analysed"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace eegtrack::pipeline
