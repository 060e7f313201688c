// Each artifact kind injected into one epoch of one channel of a clean real recording is
// flagged in the mask and that cell is excluded (NaN per-epoch features, left out of the
// medians); line noise is flagged but, by default, not rejected. A high-voltage rhythm over
// several neighbouring electrodes is cerebral: it is marked, not excluded.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <string>
#include <vector>

#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "pipeline/background_only.hpp"
#include "recording_fixture.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

using features::ArtifactReason;
constexpr double kPi = std::numbers::pi;

// Keeps the streamed rows of one feature.
class CaptureSink final : public FeatureSink {
 public:
  explicit CaptureSink(std::string name) : name_(std::move(name)) {}
  void append_rows(const FeatureSpec& f, std::span<const double> rows, std::size_t) override {
    if (f.name == name_)
      values.insert(values.end(), rows.begin(), rows.end());
  }
  std::vector<double> values;

 private:
  std::string name_;
};

struct Injection {
  const char* label;  ///< recorded channel
  std::size_t epoch;  ///< 4-s epoch index
  ArtifactReason reason;
};

// Adds f(t, x) over seconds [0.5, 3.5) of the epoch (t from the injection start).
template <class F>
void inject(test::Recording& r, const Injection& in, F f) {
  auto& x = r.x[test::channel(r, in.label)];
  const double fs = r.sample_rate_hz;
  const auto first = static_cast<std::size_t>((4.0 * static_cast<double>(in.epoch) + 0.5) * fs);
  const auto n = static_cast<std::size_t>(3.0 * fs);
  for (std::size_t i = 0; i < n; ++i)
    x[first + i] = f(static_cast<double>(i) / fs, x[first + i]);
}

TEST(AnalysisArtifacts, EachInjectedKindIsFlaggedAndExcluded) {
  const auto path = test::eeg_path("normal/eegmat_Subject05_1_rest_eyes_closed.edf");
  auto r = test::load_eeg(path, 60.0);
  const std::vector<Injection> injections = {
      {"EEG O2", 2, ArtifactReason::Flat},          {"EEG Fp2", 4, ArtifactReason::Clipping},
      {"EEG Fp1", 6, ArtifactReason::Amplitude},    {"EEG T4", 8, ArtifactReason::Muscle},
      {"EEG C3", 10, ArtifactReason::ElectrodePop}, {"EEG P4", 12, ArtifactReason::LineNoise}};
  // Disconnected electrode: a constant value.
  inject(r, injections[0], [](double, double) { return 3.0; });
  // A swing beyond the +-3000 uV range of the written file: held at the digital limit.
  inject(r, injections[1], [](double t, double x) { return x + 5000.0 * std::sin(kPi * t / 3.0); });
  // A 1-s, 800-uV transient (movement), inside the range.
  inject(r, injections[2],
         [](double t, double x) { return t < 1.0 ? x + 800.0 * std::sin(kPi * t) : x; });
  // EMG: 30-70 Hz components (away from 50/60 Hz), 40 uV RMS in all.
  inject(r, injections[3], [](double t, double x) {
    for (double f : {33.0, 37.0, 41.0, 44.0, 47.0, 53.0, 57.0, 63.0, 67.0})
      x += 18.9 * std::sin(2.0 * kPi * f * t + f);
    return x;
  });
  // Electrode pop: an instantaneous 300-uV step decaying over seconds.
  inject(r, injections[4],
         [](double t, double x) { return t < 1.0 ? x : x + 300.0 * std::exp(-(t - 1.0) / 2.0); });
  // Mains pickup: 50 Hz, 20 uV amplitude.
  inject(r, injections[5],
         [](double t, double x) { return x + 20.0 * std::sin(2 * kPi * 50 * t); });
  const auto file = test::scratch_dir() / "artifacts.edf";
  test::write_recording(file, r);

  const io::EdfReader reader(file);
  CaptureSink sink("alpha_relative");
  const auto a = analyze_recording(reader, AnalyzeParams{}, &sink);
  const std::size_t nc = a.channels.size();
  ASSERT_EQ(a.epochs.size(), 15u);
  ASSERT_EQ(sink.values.size(), 15u * nc);
  std::map<std::string, std::size_t> column;
  for (std::size_t c = 0; c < nc; ++c)
    column[a.channels[c].normalized_label] = c;
  for (const auto& in : injections) {
    const std::string site = io::normalize_channel(in.label).normalized + "-avg";
    ASSERT_TRUE(column.count(site)) << site;
    const std::size_t cell = in.epoch * nc + column[site];
    const auto mask = static_cast<ArtifactReason>(a.epochs.artifact_mask[cell]);
    EXPECT_TRUE(features::has_any(mask, in.reason))
        << site << " epoch " << in.epoch << " mask " << features::to_string(mask);
    if (in.reason == ArtifactReason::LineNoise) {
      EXPECT_TRUE(std::isfinite(sink.values[cell])) << site;  // reported, not rejected
    } else {
      EXPECT_TRUE(std::isnan(sink.values[cell])) << site << " epoch " << in.epoch;
      // The same channel is clean (and kept) in the epoch before.
      EXPECT_EQ(a.epochs.artifact_mask[cell - nc] & 0x1F, 0) << site;
      EXPECT_TRUE(std::isfinite(sink.values[cell - nc])) << site;
    }
  }
  // One bad cell per epoch leaves the epoch clean; no channel becomes bad.
  EXPECT_TRUE(a.bad_channels.empty());
  EXPECT_EQ(a.n_clean_epochs, 15u);
  // Excluding the artifact keeps the clean PDR of this recording.
  ASSERT_TRUE(a.pdr.present);
  EXPECT_NEAR(a.pdr.frequency_hz, 10.5, 0.5);
}

// A 700-µV, 3-Hz rhythm over F3, Fz, F4, C3, Cz and C4 (falling to 250 µV over their other
// neighbours) in epoch 7 of the same recording: an ictal-like field, not an artifact.
TEST(AnalysisArtifacts, AHighVoltageFieldIsKeptAndMarked) {
  auto r = test::load_eeg(test::eeg_path("normal/eegmat_Subject05_1_rest_eyes_closed.edf"), 60.0);
  const auto rhythm = [](double amplitude_uv) {
    return
        [amplitude_uv](double t, double x) { return x + amplitude_uv * std::sin(6.0 * kPi * t); };
  };
  const std::vector<const char*> field{"EEG F3", "EEG Fz", "EEG F4", "EEG C3", "EEG Cz", "EEG C4"};
  for (const char* label : field)
    inject(r, {label, 7, ArtifactReason::None}, rhythm(700.0));
  for (const char* label :
       {"EEG Fp1", "EEG Fp2", "EEG F7", "EEG F8", "EEG T3", "EEG T4", "EEG P3", "EEG Pz", "EEG P4"})
    inject(r, {label, 7, ArtifactReason::None}, rhythm(250.0));
  const auto file = test::scratch_dir() / "field.edf";
  test::write_recording(file, r);
  const io::EdfReader reader(file);

  AnalyzeParams without;
  without.artifacts.spare_high_amplitude_fields = false;
  for (const bool spare : {true, false}) {
    CaptureSink sink("alpha_relative");
    const auto a = analyze_recording(reader, spare ? AnalyzeParams{} : without, &sink);
    const std::size_t nc = a.channels.size();
    ASSERT_EQ(a.epochs.size(), 15u);
    for (const char* label : field) {
      const std::string site = io::normalize_channel(label).normalized + "-avg";
      std::size_t c = nc;
      for (std::size_t k = 0; k < nc; ++k)
        if (a.channels[k].normalized_label == site)
          c = k;
      ASSERT_LT(c, nc) << site;
      const std::size_t cell = 7 * nc + c;
      const auto mask = static_cast<ArtifactReason>(a.epochs.artifact_mask[cell]);
      if (spare) {
        EXPECT_EQ(mask, ArtifactReason::HighAmplitudeField)
            << site << ": " << features::to_string(mask);
        EXPECT_TRUE(std::isfinite(sink.values[cell])) << site;
      } else {
        EXPECT_EQ(mask, ArtifactReason::Amplitude) << site << ": " << features::to_string(mask);
        EXPECT_TRUE(std::isnan(sink.values[cell])) << site;
      }
    }
    if (spare) {
      EXPECT_EQ(a.n_clean_epochs, 15u);  // the epoch with the field stays clean
    }
  }
}

// Healthy adults never produce a high-amplitude field: the shipped normal recordings keep their
// masks, clean epochs and slowing grade whether or not fields are spared.
TEST(AnalysisArtifacts, HealthyRecordingsAreUnchangedByFieldSparing) {
  const AnalyzeParams with = test::background_only();
  AnalyzeParams without = with;
  without.artifacts.spare_high_amplitude_fields = false;
  for (const char* name :
       {"eegmat_Subject00_2_mental_arithmetic.edf", "eegmat_Subject01_2_mental_arithmetic.edf",
        "eegmat_Subject03_1_rest_eyes_closed.edf", "eegmat_Subject05_1_rest_eyes_closed.edf",
        "eegmat_Subject07_1_rest_eyes_closed.edf"}) {
    const io::EdfReader reader(test::eeg_path(std::string("normal/") + name));
    const auto a = analyze_recording(reader, with);
    const auto b = analyze_recording(reader, without);
    for (const std::uint8_t m : a.epochs.artifact_mask)
      ASSERT_FALSE(
          features::has_any(static_cast<ArtifactReason>(m), ArtifactReason::HighAmplitudeField))
          << name;
    EXPECT_EQ(a.epochs.artifact_mask, b.epochs.artifact_mask) << name;
    EXPECT_EQ(a.n_clean_epochs, b.n_clean_epochs) << name;
    ASSERT_EQ(a.graded, b.graded) << name;
    EXPECT_EQ(a.slowing.grade, b.slowing.grade) << name;
  }
}

}  // namespace
}  // namespace eegtrack::pipeline
