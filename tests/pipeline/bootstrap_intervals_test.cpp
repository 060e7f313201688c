// Block-bootstrap intervals of a recording's main measures: they hold the point estimate, are
// reproducible, widen when the recording is shorter, contain the analytic value of white noise,
// and are withheld (with the reason) when there are too few clean blocks.
#include <gtest/gtest.h>

#include <random>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/sos_filter.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "pipeline/background_only.hpp"
#include "recording_fixture.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

RecordingAnalysis analyze(const fs::path& path, const AnalyzeParams& p = {}) {
  const io::EdfReader reader(path);
  return analyze_recording(reader, test::background_only(p));
}

double width(const std::optional<findings::Interval>& i) {
  return i->high - i->low;
}

double relative_delta(const RecordingAnalysis& a) {
  return a.global[1].median;
}  // delta_relative

TEST(BootstrapIntervals, HoldThePointEstimatesOfRealRecordings) {
  for (const char* name : {"normal/eegmat_Subject03_1_rest_eyes_closed.edf",
                           "normal/eegmat_Subject05_1_rest_eyes_closed.edf",
                           "normal/eegmat_Subject07_1_rest_eyes_closed.edf"}) {
    SCOPED_TRACE(name);
    const auto a = analyze(test::eeg_path(name));
    const auto& iv = a.intervals;
    ASSERT_TRUE(iv.unavailable.empty()) << iv.unavailable;
    EXPECT_EQ(iv.n_blocks, 6U);  // 182 s in blocks of 8 epochs of 4 s
    EXPECT_DOUBLE_EQ(iv.block_s, 32.0);
    ASSERT_TRUE(iv.relative_delta && iv.encephalopathy_index && iv.pdr_hz);
    EXPECT_LE(iv.relative_delta->low, relative_delta(a));
    EXPECT_GE(iv.relative_delta->high, relative_delta(a));
    EXPECT_LT(width(iv.relative_delta), 0.2);
    EXPECT_LE(iv.encephalopathy_index->low, a.slowing.encephalopathy_index);
    EXPECT_GE(iv.encephalopathy_index->high, a.slowing.encephalopathy_index);
    EXPECT_LE(iv.pdr_hz->low, a.pdr.frequency_hz);
    EXPECT_GE(iv.pdr_hz->high, a.pdr.frequency_hz);
    EXPECT_GT(iv.pdr_present_fraction, 0.9);
  }
}

TEST(BootstrapIntervals, AreReproducibleAndDependOnTheSeed) {
  const auto path = test::eeg_path("normal/eegmat_Subject07_1_rest_eyes_closed.edf");
  AnalyzeParams p;
  p.bootstrap.block_s = 8.0;  // 22 blocks: enough combinations for the seed to matter
  const auto a = analyze(path, p);
  const auto b = analyze(path, p);
  EXPECT_EQ(a.intervals, b.intervals);
  AnalyzeParams other = p;
  other.bootstrap.seed = 7;
  const auto c = analyze(path, other);
  EXPECT_NE(a.intervals.relative_delta, c.intervals.relative_delta);
}

TEST(BootstrapIntervals, WidenWhenTheRecordingIsShorter) {
  const auto full =
      test::load_eeg(test::eeg_path("normal/eegmat_Subject05_1_rest_eyes_closed.edf"), 180.0);
  auto quarter = full;
  for (auto& x : quarter.x)
    x.resize(x.size() / 4);
  const fs::path dir = test::program_scratch_dir() / "bootstrap_widen";
  fs::create_directories(dir);
  test::write_recording(dir / "full.edf", full);
  test::write_recording(dir / "quarter.edf", quarter);
  AnalyzeParams p;
  p.bootstrap.block_s = 8.0;  // 2 epochs: 22 blocks in 180 s, 5 in 45 s
  const auto long_iv = analyze(dir / "full.edf", p).intervals;
  const auto short_iv = analyze(dir / "quarter.edf", p).intervals;
  ASSERT_TRUE(short_iv.unavailable.empty()) << short_iv.unavailable;
  EXPECT_GT(width(short_iv.relative_delta), 1.3 * width(long_iv.relative_delta));
  EXPECT_GT(width(short_iv.encephalopathy_index) + width(short_iv.pdr_hz),
            width(long_iv.encephalopathy_index) + width(long_iv.pdr_hz));
}

TEST(BootstrapIntervals, ContainTheRelativeDeltaOfWhiteNoise) {
  // Noise with a flat spectrum up to 36 Hz (8th-order Butterworth, so the screen does not call
  // it muscle): delta (1-4 Hz) holds 3/29 of the 1-30 Hz power, slightly more as the filter
  // starts to roll off below 30 Hz (-0.2 dB at 30 Hz).
  dsp::ButterworthParams lowpass;
  lowpass.order = 8;
  lowpass.cutoff_hz = 36.0;
  lowpass.sample_rate_hz = 256.0;
  const auto sos = dsp::butterworth(lowpass);
  test::Recording r;
  r.sample_rate_hz = 256.0;
  r.labels = {"Fp1", "Fp2", "F3", "F4", "C3", "C4", "P3", "P4", "O1", "O2"};
  std::mt19937 rng(3);
  std::normal_distribution<double> noise(0.0, 20.0);
  for (std::size_t c = 0; c < r.labels.size(); ++c) {
    std::vector<double> white(256 * 240);
    for (auto& v : white)
      v = noise(rng);
    r.x.push_back(dsp::sosfilt(sos, white));
  }
  const fs::path dir = test::program_scratch_dir() / "bootstrap_noise";
  fs::create_directories(dir);
  test::write_recording(dir / "noise.edf", r);
  const auto a = analyze(dir / "noise.edf");
  const auto& iv = a.intervals.relative_delta;
  ASSERT_TRUE(iv);
  EXPECT_LT(iv->low, 3.0 / 29.0 + 0.005);  // Hann leakage at the band edges: a few 1e-3
  EXPECT_GT(iv->high, 3.0 / 29.0 - 0.005);
  EXPECT_LT(width(iv), 0.01);
  EXPECT_FALSE(a.pdr.present);  // no posterior rhythm in noise, and almost never in a resample
  EXPECT_LT(a.intervals.pdr_present_fraction, 0.01);
}

TEST(BootstrapIntervals, WithheldWithTheReasonWhenTooShort) {
  const auto a = analyze(test::sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf");
  EXPECT_EQ(a.intervals.unavailable, "too few clean blocks (2 < 5 of 32.0 s)");
  EXPECT_FALSE(a.intervals.relative_delta);
  EXPECT_FALSE(a.intervals.encephalopathy_index);
}

}  // namespace
}  // namespace eegtrack::pipeline
