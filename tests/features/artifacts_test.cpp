// Artifact screening on a real recording: each kind of artifact injected into clean epochs of
// eegmat Subject03 (eyes closed, 500 Hz) must raise its reason, and the untouched recording
// must be rejected rarely. Real artifacts (the constant padding that ends every eegmat file,
// the O2 movement artifact of Subject01) are checked as found.

#include "eegtrack/features/artifacts.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <iostream>
#include <numbers>
#include <random>
#include <span>
#include <vector>

#include "eeg_recording.hpp"
#include "eegtrack/dsp/fft.hpp"
#include "support/paths.hpp"

namespace eegtrack::features {
namespace {

constexpr double kFs = 500.0;
constexpr std::size_t kEpoch = 1000;  // 2 s at 500 Hz
constexpr std::size_t kFirstInjected = 10;
constexpr std::size_t kInjectedEpochs = 20;

std::filesystem::path subject03() {
  return test::eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf");
}

const test::EegRecording& clean_recording() {
  static const test::EegRecording rec = test::read_eeg_channels(subject03());
  return rec;
}

std::vector<double> epoch_of(const test::EegChannel& c, std::size_t k) {
  return {c.samples.begin() + static_cast<std::ptrdiff_t>(k * kEpoch),
          c.samples.begin() + static_cast<std::ptrdiff_t>((k + 1) * kEpoch)};
}

// Gaussian noise restricted to [low_hz, high_hz] by zeroing FFT bins, scaled to rms_uv.
std::vector<double> band_noise(std::size_t n, double low_hz, double high_hz, double rms_uv,
                               unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g;
  std::vector<double> x(n);
  for (double& v : x)
    v = g(rng);
  std::vector<std::complex<double>> bins(n / 2 + 1);
  dsp::rfft(x, bins);
  for (std::size_t k = 0; k < bins.size(); ++k) {
    const double f = static_cast<double>(k) * kFs / static_cast<double>(n);
    if (f < low_hz || f > high_hz)
      bins[k] = 0.0;
  }
  dsp::irfft(bins, x);
  double ss = 0.0;
  for (const double v : x)
    ss += v * v;
  const double scale = rms_uv / std::sqrt(ss / static_cast<double>(n));
  for (double& v : x)
    v *= scale;
  return x;
}

// Applies inject to epochs kFirstInjected.. of O1 and checks that `reason` fires on every
// injected epoch and on none of the same epochs left untouched.
template <typename Inject>
void expect_detected(Inject inject, ArtifactReason reason, bool with_range = true) {
  const auto& o1 = clean_recording().channel("EEG O1");
  const std::optional<ChannelRange> range =
      with_range ? std::optional<ChannelRange>(o1.range) : std::nullopt;
  for (std::size_t k = kFirstInjected; k < kFirstInjected + kInjectedEpochs; ++k) {
    std::vector<double> x = epoch_of(o1, k);
    const ArtifactScreen clean = screen_epoch(x, kFs, range);
    EXPECT_FALSE(has_any(clean.reasons, reason))
        << "clean epoch " << k << ": " << to_string(clean.reasons);
    inject(x, k);
    const ArtifactScreen dirty = screen_epoch(x, kFs, range);
    EXPECT_TRUE(has_any(dirty.reasons, reason))
        << "epoch " << k << ": " << to_string(dirty.reasons);
  }
}

TEST(ScreenEpoch, CleanRecordingIsRarelyRejected) {
  const auto& rec = clean_recording();
  ASSERT_EQ(rec.channels.size(), 19U);
  ASSERT_DOUBLE_EQ(rec.sample_rate_hz, kFs);
  // The last 2 s hold the constant padding of the final data record (checked below).
  const std::size_t n_epochs = rec.channels[0].samples.size() / kEpoch - 1;
  std::size_t total = 0;
  std::size_t rejected = 0;
  std::size_t line = 0;
  for (const auto& c : rec.channels) {
    for (std::size_t k = 0; k < n_epochs; ++k) {
      const ArtifactScreen s = screen_epoch(epoch_of(c, k), kFs, c.range);
      ++total;
      if (s.rejected) {
        ++rejected;
        std::cout << "  rejected " << c.label << " epoch " << k << ": " << to_string(s.reasons)
                  << "\n";
      }
      if (has_any(s.reasons, ArtifactReason::LineNoise))
        ++line;
    }
  }
  const double rate = static_cast<double>(rejected) / static_cast<double>(total);
  std::cout << "false rejection rate " << rejected << "/" << total << " = " << rate
            << ", line-noise reports " << line << "\n";
  RecordProperty("false_rejection_rate", std::to_string(rate));
  EXPECT_LT(rate, 0.05);
  EXPECT_EQ(line, 0U);  // the recording was notch-filtered at 50 Hz
}

TEST(ScreenEpoch, OtherCleanRestRecordingsAreRarelyRejected) {
  for (const char* name :
       {"eegmat_Subject05_1_rest_eyes_closed.edf", "eegmat_Subject07_1_rest_eyes_closed.edf",
        "eegmat_Subject00_2_mental_arithmetic.edf"}) {
    const auto path = test::eeg_path(std::string("normal/") + name);
    const auto rec = test::read_eeg_channels(path);
    std::size_t total = 0;
    std::size_t rejected = 0;
    for (const auto& c : rec.channels) {
      const std::size_t n_epochs = c.samples.size() / kEpoch - 1;  // without the end padding
      for (std::size_t k = 0; k < n_epochs; ++k) {
        ++total;
        if (screen_epoch(epoch_of(c, k), kFs, c.range).rejected)
          ++rejected;
      }
    }
    const double rate = static_cast<double>(rejected) / static_cast<double>(total);
    std::cout << name << ": false rejection rate " << rejected << "/" << total << " = " << rate
              << "\n";
    EXPECT_LT(rate, 0.05) << name;
  }
}

TEST(ScreenEpoch, FlagsTheConstantPaddingAtTheEndOfTheRecording) {
  for (const auto& c : clean_recording().channels) {
    const std::size_t last = c.samples.size() / kEpoch - 1;
    const ArtifactScreen s = screen_epoch(epoch_of(c, last), kFs, c.range);
    EXPECT_TRUE(has_any(s.reasons, ArtifactReason::Flat)) << c.label;
    EXPECT_GT(s.longest_constant_run_s, 1.0) << c.label;
    EXPECT_TRUE(s.rejected);
  }
}

TEST(ScreenEpoch, FlagsAnInjectedFlatSegment) {
  expect_detected(
      [](std::vector<double>& x, std::size_t) {
        for (std::size_t i = 300; i < 600; ++i)
          x[i] = x[300];  // 0.6 s disconnected
      },
      ArtifactReason::Flat);
}

TEST(ScreenEpoch, FlagsSaturationAtThePhysicalLimit) {
  const ChannelRange r = clean_recording().channel("EEG O1").range;
  expect_detected(
      [&](std::vector<double>& x, std::size_t) {
        for (std::size_t i = 500; i < 520; ++i)
          x[i] = r.physical_max_uv;  // 40 ms at the rail
      },
      ArtifactReason::Clipping);
}

TEST(ScreenEpoch, MeasuresTheLongestRunAtALimit) {
  const auto& o1 = clean_recording().channel("EEG O1");
  std::vector<double> x = epoch_of(o1, 12);
  EXPECT_EQ(screen_epoch(x, kFs, o1.range).longest_clipped_run_s, 0.0);
  for (std::size_t i = 500; i < 520; ++i)
    x[i] = o1.range.physical_max_uv;  // 20 samples = 40 ms
  for (std::size_t i = 700; i < 710; ++i)
    x[i] = o1.range.physical_min_uv;
  EXPECT_DOUBLE_EQ(screen_epoch(x, kFs, o1.range).longest_clipped_run_s, 0.04);
  // Without a range: the longest hold of the epoch's own extreme.
  EXPECT_DOUBLE_EQ(screen_epoch(x, kFs).longest_clipped_run_s, 0.04);
}

// A sample exactly at the tolerance's edge is at the limit; one step inside it is not. The
// screen skips the scan when the epoch's extremes are clear of the limits, so the edge is
// where a wrong shortcut would show.
TEST(ScreenEpoch, CountsASampleExactlyAtTheToleranceEdge) {
  const auto& o1 = clean_recording().channel("EEG O1");
  const ChannelRange r = o1.range;
  const ArtifactParams p;
  const double lo = std::min(r.physical_min_uv, r.physical_max_uv);
  const double hi = std::max(r.physical_min_uv, r.physical_max_uv);
  for (const bool low_side : {true, false}) {
    std::vector<double> x = epoch_of(o1, 12);
    const double edge =
        low_side ? lo + p.clip_tolerance * (hi - lo) : hi - p.clip_tolerance * (hi - lo);
    x[300] = edge;
    ArtifactScreen s = screen_epoch(x, kFs, r, p);
    EXPECT_DOUBLE_EQ(s.clipped_fraction, 1.0 / static_cast<double>(x.size())) << low_side;
    EXPECT_DOUBLE_EQ(s.longest_clipped_run_s, 1.0 / kFs) << low_side;
    x[300] = std::nextafter(edge, low_side ? hi : lo);
    s = screen_epoch(x, kFs, r, p);
    EXPECT_EQ(s.clipped_fraction, 0.0) << low_side;
    EXPECT_EQ(s.longest_clipped_run_s, 0.0) << low_side;
  }
}

TEST(ScreenEpoch, FlagsAHeldExtremeWhenTheRangeIsUnknown) {
  expect_detected(
      [](std::vector<double>& x, std::size_t) {
        // An amplifier saturating at 80 µV for 0.15 s: every sample above is cut to the plateau.
        for (std::size_t i = 0; i < x.size(); ++i)
          if (x[i] > 80.0)
            x[i] = 80.0;
        for (std::size_t i = 200; i < 275; ++i)
          x[i] = 80.0;
      },
      ArtifactReason::Clipping, false);
}

TEST(ScreenEpoch, FlagsALargeMovementTransient) {
  expect_detected(
      [](std::vector<double>& x, std::size_t) {
        for (std::size_t i = 0; i < 200; ++i)  // 0.4 s half-sine of 600 µV
          x[400 + i] += 600.0 * std::sin(std::numbers::pi * static_cast<double>(i) / 200.0);
      },
      ArtifactReason::Amplitude);
}

// The median lies inside the epoch's range, so the deviation is measured only when the range
// exceeds the limit; below it the value is NaN and the epoch can never be flagged.
TEST(ScreenEpoch, MeasuresTheDeviationOnlyWhenTheRangeCouldExceedTheLimit) {
  const auto& o1 = clean_recording().channel("EEG O1");
  const ArtifactScreen clean = screen_epoch(epoch_of(o1, kFirstInjected), kFs, o1.range);
  EXPECT_TRUE(std::isnan(clean.max_deviation_uv));
  EXPECT_FALSE(has_any(clean.reasons, ArtifactReason::Amplitude));
  // Eight whole cycles of 260 µV: a range of 520 µV, deviations of at most 260 µV about the
  // median, which is 0 up to the sampling of the sine.
  std::vector<double> sine(kEpoch);
  for (std::size_t i = 0; i < kEpoch; ++i)
    sine[i] = 260.0 * std::sin(2.0 * std::numbers::pi * 4.0 * static_cast<double>(i) / kFs);
  const ArtifactScreen wide = screen_epoch(sine, kFs, std::nullopt);
  EXPECT_NEAR(wide.max_deviation_uv, 260.0, 1.0);
  EXPECT_FALSE(has_any(wide.reasons, ArtifactReason::Amplitude));
  // A 600-µV transient on a flat line: the median is 0 and the deviation the transient's peak.
  std::vector<double> transient(kEpoch, 0.0);
  for (std::size_t i = 0; i < 200; ++i)
    transient[400 + i] = 600.0 * std::sin(std::numbers::pi * static_cast<double>(i) / 200.0);
  const ArtifactScreen high = screen_epoch(transient, kFs, std::nullopt);
  EXPECT_NEAR(high.max_deviation_uv, 600.0, 1e-9);
  EXPECT_TRUE(has_any(high.reasons, ArtifactReason::Amplitude));
}

TEST(ScreenEpoch, FlagsAddedMuscleNoise) {
  expect_detected(
      [](std::vector<double>& x, std::size_t k) {
        const auto emg = band_noise(x.size(), 30.0, 100.0, 20.0, static_cast<unsigned>(k));
        for (std::size_t i = 0; i < x.size(); ++i)
          x[i] += emg[i];
      },
      ArtifactReason::Muscle);
}

TEST(ScreenEpoch, FlagsAnElectrodePopAtItsSample) {
  const auto& o1 = clean_recording().channel("EEG O1");
  expect_detected(
      [](std::vector<double>& x, std::size_t) {
        for (std::size_t i = 400; i < x.size(); ++i)  // 200 µV step decaying with tau 0.3 s
          x[i] += 200.0 * std::exp(-static_cast<double>(i - 400) / (0.3 * kFs));
      },
      ArtifactReason::ElectrodePop);
  std::vector<double> x = epoch_of(o1, 12);
  for (std::size_t i = 400; i < x.size(); ++i)
    x[i] += 200.0 * std::exp(-static_cast<double>(i - 400) / (0.3 * kFs));
  EXPECT_EQ(screen_epoch(x, kFs, o1.range).pop_sample, 400);
}

TEST(ScreenEpoch, DoesNotCallAOneSampleOutlierAPop) {
  const auto& o1 = clean_recording().channel("EEG O1");
  std::vector<double> x = epoch_of(o1, 12);
  x[400] += 300.0;  // steps up and straight back: no persisting displacement
  const ArtifactScreen s = screen_epoch(x, kFs, o1.range);
  EXPECT_GT(s.max_step_z, 30.0);
  EXPECT_FALSE(has_any(s.reasons, ArtifactReason::ElectrodePop)) << to_string(s.reasons);
}

TEST(ScreenEpoch, ReportsMainsWithoutRejecting) {
  expect_detected(
      [](std::vector<double>& x, std::size_t) {
        for (std::size_t i = 0; i < x.size(); ++i)
          x[i] += 5.0 * std::sin(2.0 * std::numbers::pi * 50.0 * static_cast<double>(i) / kFs);
      },
      ArtifactReason::LineNoise);
  const auto& o1 = clean_recording().channel("EEG O1");
  std::vector<double> x = epoch_of(o1, 12);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] += 5.0 * std::sin(2.0 * std::numbers::pi * 60.0 * static_cast<double>(i) / kFs);
  const ArtifactScreen s = screen_epoch(x, kFs, o1.range);
  EXPECT_EQ(s.reasons, ArtifactReason::LineNoise);
  EXPECT_FALSE(s.rejected);
  ArtifactParams strict;
  strict.reject_reasons = kRejectingReasons | ArtifactReason::LineNoise;
  EXPECT_TRUE(screen_epoch(x, kFs, o1.range, strict).rejected);
}

TEST(ScreenEpoch, FindsTheMovementArtifactOfSubject01O2) {
  const auto path = test::eeg_path("normal/eegmat_Subject01_2_mental_arithmetic.edf");
  const auto rec = test::read_eeg_channels(path);
  const auto& o2 = rec.channel("EEG O2");
  const std::size_t n_epochs = o2.samples.size() / kEpoch - 1;  // without the end padding
  std::vector<std::size_t> rejected;
  for (std::size_t k = 0; k < n_epochs; ++k) {
    const ArtifactScreen s = screen_epoch(epoch_of(o2, k), kFs, o2.range);
    std::cout << "  O2 " << 2 * k << "-" << 2 * k + 2 << " s: " << to_string(s.reasons)
              << " (max deviation " << s.max_deviation_uv << " uV, muscle " << s.muscle_ratio
              << ", step z " << s.max_step_z << ")\n";
    if (s.rejected)
      rejected.push_back(k);
  }
  // The swing of about -580 µV at 45.5-46.5 s lies in epoch 22 (44-46 s) or 23.
  ASSERT_FALSE(rejected.empty());
  for (const std::size_t k : rejected)
    EXPECT_TRUE(k == 22 || k == 23) << k;
}

TEST(ScreenEpoch, RejectsBadArguments) {
  const std::vector<double> ok(1000, 1.0);
  const std::vector<double> short_epoch(100, 1.0);
  EXPECT_THROW((void)screen_epoch(short_epoch, kFs), std::invalid_argument);
  EXPECT_THROW((void)screen_epoch(ok, 0.0), std::invalid_argument);
  std::vector<double> nan = ok;
  nan[3] = std::nan("");
  EXPECT_THROW((void)screen_epoch(nan, kFs), std::invalid_argument);
  EXPECT_THROW((void)screen_epoch(ok, kFs, ChannelRange{5.0, 5.0}), std::invalid_argument);
  ArtifactParams p;
  p.muscle_high_hz = 20.0;
  EXPECT_THROW((void)screen_epoch(ok, kFs, std::nullopt, p), std::invalid_argument);
  p = {};
  p.pop_persistence = 1.5;
  EXPECT_THROW((void)screen_epoch(ok, kFs, std::nullopt, p), std::invalid_argument);
  try {
    (void)screen_epoch(ok, -1.0);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("screen_epoch: ", 0), 0U) << e.what();
  }
}

TEST(ArtifactReasonNames, JoinsBitsInOrder) {
  EXPECT_EQ(to_string(ArtifactReason::None), "none");
  EXPECT_EQ(to_string(ArtifactReason::LineNoise | ArtifactReason::Flat), "flat|line_noise");
  EXPECT_EQ(to_string(ArtifactReason::HighAmplitudeField | ArtifactReason::Muscle),
            "muscle|high_amplitude_field");
  EXPECT_FALSE(has_any(kRejectingReasons, ArtifactReason::LineNoise));
  EXPECT_FALSE(has_any(kRejectingReasons, ArtifactReason::HighAmplitudeField));
}

}  // namespace
}  // namespace eegtrack::features
