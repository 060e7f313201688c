// Epileptiform detection inside analyze_recording: a focal seizure injected into a real normal
// recording is reported with its side; the result does not depend on the read chunk; technical
// artifacts on the seizure's electrodes void it; normal records raise no seizure.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "eegtrack/clinical/eeg_measures.hpp"
#include "eegtrack/clinical/normalization.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/findings_builder.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "recording_fixture.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

using detect::EventType;

std::filesystem::path subject05() {
  return test::eeg_path("normal/eegmat_Subject05_1_rest_eyes_closed.edf");
}

RecordingAnalysis analyze(const std::filesystem::path& path, const AnalyzeParams& p = {}) {
  const io::EdfReader reader(path);
  return analyze_recording(reader, p);
}

// The seizure starts after the detector's 60-s background warm-up, as in a long recording.
// A sharply contoured rhythmic discharge from t0_s for duration_s, slowing from 6 to 3 Hz while
// it grows, on the left fronto-temporal chain (weights: a field around T3).
void add_left_seizure(test::Recording& r, double t0_s, double duration_s) {
  const std::pair<const char*, double> field[] = {
      {"EEG T3", 1.0}, {"EEG F7", 0.7}, {"EEG T5", 0.7}, {"EEG C3", 0.5}, {"EEG F3", 0.3}};
  const double fs = r.sample_rate_hz;
  const auto n = static_cast<std::size_t>(duration_s * fs);
  const auto i0 = static_cast<std::size_t>(t0_s * fs);
  double phase = 0.0;
  std::vector<double> wave(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = static_cast<double>(i) / static_cast<double>(n);
    phase += 2.0 * std::numbers::pi * (6.0 - 3.0 * u) / fs;
    const double amplitude = 60.0 + 100.0 * u;
    const double s = std::sin(phase);
    wave[i] = amplitude * std::copysign(std::pow(std::abs(s), 0.6), s);  // sharper than a sine
  }
  for (const auto& [label, weight] : field) {
    auto& x = r.x[test::channel(r, label)];
    for (std::size_t i = 0; i < n; ++i)
      x[i0 + i] += weight * wave[i];
  }
}

std::vector<detect::Event> seizures(const RecordingAnalysis& a) {
  std::vector<detect::Event> out;
  for (const auto& e : a.detection.events)
    if (e.type == EventType::Seizure)
      out.push_back(e);
  return out;
}

TEST(DetectionPipeline, InjectedFocalSeizureIsFoundOnItsSide) {
  auto r = test::load_eeg(subject05(), 150.0);
  const auto untouched = test::scratch_dir() / "untouched.edf";
  test::write_recording(untouched, r);
  EXPECT_TRUE(seizures(analyze(untouched)).empty());
  add_left_seizure(r, 70.0, 30.0);
  const auto file = test::scratch_dir() / "seizure_left.edf";
  test::write_recording(file, r);
  const auto a = analyze(file);
  const auto found = seizures(a);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].onset_s, 70.0, 5.0);
  EXPECT_NEAR(found[0].onset_s + found[0].duration_s, 100.0, 5.0);
  EXPECT_EQ(found[0].side, sites::Laterality::Left);
  EXPECT_EQ(a.epileptiform.seizures.seizure_count, 1);
  EXPECT_GT(a.epileptiform.seizures.seizure_burden_max_min_per_h, 0.3);
  EXPECT_EQ(a.detection.main_montage, "average");
  EXPECT_FALSE(a.detection.bipolar_channels.empty());
  EXPECT_NEAR(a.detection.analysed_s, 150.0, 4.0);

  // The same events whatever the read chunk.
  AnalyzeParams small_chunks;
  small_chunks.chunk_s = 7.0;
  const auto b = analyze(file, small_chunks);
  ASSERT_EQ(b.detection.events.size(), a.detection.events.size());
  for (std::size_t i = 0; i < a.detection.events.size(); ++i) {
    EXPECT_EQ(b.detection.events[i].type, a.detection.events[i].type);
    EXPECT_NEAR(b.detection.events[i].onset_s, a.detection.events[i].onset_s, 1e-9);
    EXPECT_EQ(b.detection.events[i].channels, a.detection.events[i].channels);
  }

  // Detection off: no events, the background analysis unchanged.
  AnalyzeParams off;
  off.detection.enabled = false;
  const auto c = analyze(file, off);
  EXPECT_TRUE(c.detection.events.empty());
  EXPECT_DOUBLE_EQ(c.slowing.encephalopathy_index, a.slowing.encephalopathy_index);
}

// Electrode pops (isolated persisting steps) on the seizure's electrodes in every epoch it
// spans: a technical artifact, so the event is voided and counted as dropped.
TEST(DetectionPipeline, TechnicalArtifactsOnTheEventChannelsVoidIt) {
  auto r = test::load_eeg(subject05(), 150.0);
  add_left_seizure(r, 70.0, 30.0);
  const double fs = r.sample_rate_hz;
  for (const char* label : {"EEG T3", "EEG F7", "EEG T5", "EEG C3", "EEG F3"}) {
    auto& x = r.x[test::channel(r, label)];
    double step = 400.0;
    for (double t = 66.0; t < 104.0; t += 4.0, step = -step) {
      for (auto i = static_cast<std::size_t>(t * fs); i < x.size(); ++i)
        x[i] += step;
    }
  }
  const auto file = test::scratch_dir() / "seizure_with_pops.edf";
  test::write_recording(file, r);
  const auto a = analyze(file);
  EXPECT_TRUE(seizures(a).empty());
  EXPECT_GE(a.detection.dropped_for_artifacts, 1u);
}

// The analysed time, the denominator of every rate, leaves out the epochs where more than
// max_masked_channel_fraction of the channels are flat: 60 s of a disconnected amplifier (every
// channel 0 µV) in the middle of a real recording are not "60 s without a spike".
TEST(DetectionPipeline, FlatEpochsAreNotAnalysedTime) {
  const auto r = test::load_eeg(subject05(), 150.0);
  const auto intact = test::scratch_dir() / "intact.edf";
  test::write_recording(intact, r);
  auto flat = r;
  const double fs = r.sample_rate_hz;
  for (auto& x : flat.x)
    std::fill(x.begin() + static_cast<std::ptrdiff_t>(40.0 * fs),
              x.begin() + static_cast<std::ptrdiff_t>(100.0 * fs), 0.0);
  const auto disconnected = test::scratch_dir() / "disconnected_60s.edf";
  test::write_recording(disconnected, flat);
  const auto a = analyze(intact);
  const auto b = analyze(disconnected);
  EXPECT_GT(a.detection.analysed_s, 140.0);
  EXPECT_DOUBLE_EQ(b.detection.analysed_s, a.detection.analysed_s - 60.0);
  // The rates' time is shorter than the recording: a warning says by how much and why.
  EXPECT_TRUE(a.detection.warnings.empty());
  ASSERT_EQ(b.detection.warnings.size(), 1u);
  EXPECT_NE(b.detection.warnings[0].find("partly analysed: 15 of 37 epochs (60.0 s) are left "
                                         "out of the analysed time and its rates, in each more "
                                         "than 50 % of the channels carried an excluded "
                                         "artifact (flat|clipping|electrode_pop)"),
            std::string::npos)
      << b.detection.warnings[0];

  // Every channel flat throughout: nothing was analysed, whatever the detectors were given.
  for (auto& x : flat.x)
    std::fill(x.begin(), x.end(), 0.0);
  const auto dead = test::scratch_dir() / "disconnected.edf";
  test::write_recording(dead, flat);
  const auto none = analyze(dead);
  EXPECT_EQ(none.detection.analysed_s, 0.0);
  ASSERT_EQ(none.detection.warnings.size(), 1u);
  EXPECT_NE(none.detection.warnings[0].find("nothing analysed: in each of the 37 epochs more "
                                            "than 50 % of the channels carried an excluded "
                                            "artifact (flat|clipping|electrode_pop)"),
            std::string::npos)
      << none.detection.warnings[0];
  // The follow-up's verdict names the reason, not a detection that was never asked for.
  const io::EdfReader reader(dead);
  const AnalyzeParams params;
  const auto measures =
      clinical::eeg_measures(make_findings(none, params, recording_provenance(reader)));
  EXPECT_TRUE(measures.detection_requested);
  // (A flat recording leaves its background measures unknown as well.)
  const auto unknown = clinical::check_against_limits(measures, clinical::NormalLimits{}).unknown;
  EXPECT_NE(std::find(unknown.begin(), unknown.end(),
                      "epileptiform: not analysed (nothing the detectors could read)"),
            unknown.end());
  EXPECT_EQ(std::find(unknown.begin(), unknown.end(), "epileptiform detection not run"),
            unknown.end());
}

// An event wholly inside time left out of the analysed time does not count either: rates keep
// their numerator and denominator over the same EEG. Fourteen of nineteen channels go flat for
// 70 s under an injected seizure on the other five; whatever the detectors still find in that
// stretch (the seizure, and rhythmic delta on three readable channels, which the artifact rule
// on its own channels would keep) is dropped.
TEST(DetectionPipeline, EventsInUnreadableEpochsAreDropped) {
  auto r = test::load_eeg(subject05(), 150.0);
  add_left_seizure(r, 70.0, 30.0);
  const auto readable = test::scratch_dir() / "seizure_readable.edf";
  test::write_recording(readable, r);
  const auto a = analyze(readable);
  ASSERT_EQ(seizures(a).size(), 1u);
  const double fs = r.sample_rate_hz;
  for (std::size_t c = 0; c < r.labels.size(); ++c) {
    const auto& label = r.labels[c];
    if (label == "EEG T3" || label == "EEG F7" || label == "EEG T5" || label == "EEG C3" ||
        label == "EEG F3")
      continue;
    std::fill(r.x[c].begin() + static_cast<std::ptrdiff_t>(40.0 * fs),
              r.x[c].begin() + static_cast<std::ptrdiff_t>(110.0 * fs), 0.0);
  }
  const auto unreadable = test::scratch_dir() / "seizure_unreadable.edf";
  test::write_recording(unreadable, r);
  const auto b = analyze(unreadable);
  EXPECT_TRUE(seizures(b).empty());
  for (const auto& e : b.detection.events)
    EXPECT_FALSE(e.onset_s >= 40.0 && e.onset_s + e.duration_s <= 112.0)
        << detect::to_string(e.type) << " at " << e.onset_s << " s";
  EXPECT_GE(b.detection.dropped_for_artifacts, 2u);
  // Epochs 40-112 s: the last holds 2 s of flat channels, enough to flag them.
  EXPECT_DOUBLE_EQ(b.detection.analysed_s, a.detection.analysed_s - 72.0);
}

}  // namespace
}  // namespace eegtrack::pipeline
