// The rhythm window stream behind the seizure and BIRD detectors and the evolving-pattern rule:
// a fast input is decimated towards the band it analyses, and the windows keep their times,
// their periods and their masking.

#include "rhythm/rhythm_windows.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace eegtrack::detect::detail {
namespace {

// The seizure detector's windows (2 s every 1 s, 1-20 Hz, periods of 1.5-14 Hz) and the
// evolving-pattern rule's (4 s every 1 s, 0.5-7 Hz, periods of 0.5-12 Hz).
const RhythmWindowSettings kSeizure{};
const RhythmWindowSettings kEvolving{.window_s = 4.0,
                                     .step_s = 1.0,
                                     .low_hz = 0.5,
                                     .high_hz = 7.0,
                                     .min_frequency_hz = 0.5,
                                     .max_frequency_hz = 12.0};

// Mean-removed autocorrelation at lag k written out as a sum, normalised to 1 at lag 0 and
// corrected for the overlap (n / (n - k)): what rhythm_of reads through a zero-padded FFT.
double direct_autocorrelation(const std::vector<double>& x, std::size_t k) {
  const auto n = static_cast<double>(x.size());
  double mean = 0.0;
  for (double v : x)
    mean += v;
  mean /= n;
  double zero = 0.0;
  double lagged = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    zero += (x[i] - mean) * (x[i] - mean);
    if (i + k < x.size())
      lagged += (x[i] - mean) * (x[i + k] - mean);
  }
  return lagged / zero * n / (n - static_cast<double>(k));
}

// The autocorrelation comes through a zero-padded FFT (no circular wrap into the lags read): the
// height rhythm_of reports is the autocorrelation at the lag of its period summed directly, up to
// the longest lag a window allows.
TEST(RhythmOf, RhythmicityIsTheDirectAutocorrelationAtItsPeriod) {
  const double fs = 256.0;
  std::uint64_t state = 12345;
  const auto noise = [&] {  // uniform in [-0.5, 0.5), a fixed sequence
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5;
  };
  int checked = 0;
  for (std::size_t n : {128U, 250U, 256U, 512U, 1000U}) {
    for (std::size_t max_lag : {n / 3, n - 2}) {
      for (double period : {9.3, 23.7, 0.3 * static_cast<double>(n)}) {
        std::vector<double> x(n);
        for (std::size_t i = 0; i < n; ++i)
          x[i] = std::sin(2.0 * std::numbers::pi * static_cast<double>(i) / period) +
                 0.05 * static_cast<double>(i % 7) / 7.0 + 0.2 * noise();
        const ChannelRhythm r = rhythm_of(x, fs, 4, max_lag);
        ASSERT_TRUE(r.valid);
        if (!(r.frequency_hz > 0.0))
          continue;  // no period in range
        // The parabolic refinement moves the lag by less than half a sample.
        const auto lag = static_cast<std::size_t>(std::lround(fs / r.frequency_hz));
        ASSERT_LE(lag, max_lag);
        EXPECT_NEAR(r.rhythmicity, std::min(1.0, direct_autocorrelation(x, lag)), 1e-12)
            << "n " << n << " max_lag " << max_lag << " period " << period;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 20);
}

TEST(RhythmDecimation, KeepsEightSamplesPerCycleAndWholeWindowsAndSteps) {
  // 20 Hz needs 160 Hz. At 512 Hz a factor of 3 would leave 1024/3 samples per window; at
  // 1024 Hz 6 and 5 would not divide the 2048-sample window either.
  EXPECT_EQ(rhythm_decimation(kSeizure, 256.0), 1U);
  EXPECT_EQ(rhythm_decimation(kSeizure, 512.0), 2U);
  EXPECT_EQ(rhythm_decimation(kSeizure, 1024.0), 4U);
  // 12 Hz needs 96 Hz.
  EXPECT_EQ(rhythm_decimation(kEvolving, 128.0), 1U);
  EXPECT_EQ(rhythm_decimation(kEvolving, 200.0), 2U);
  EXPECT_EQ(rhythm_decimation(kEvolving, 250.0), 2U);
  EXPECT_EQ(rhythm_decimation(kEvolving, 256.0), 2U);
  EXPECT_EQ(rhythm_decimation(kEvolving, 1000.0), 10U);
  EXPECT_EQ(RhythmWindowStream(1, 1000.0, kEvolving).decimation(), 10U);
}

// One channel of a sinusoid, pushed in blocks of block_s; `masked` input samples are NaN.
std::vector<RhythmWindow> windows_of(const RhythmWindowSettings& settings, double fs, double hz,
                                     double seconds, std::vector<std::size_t> masked = {}) {
  RhythmWindowStream stream(1, fs, settings);
  const auto n = static_cast<std::size_t>(std::lround(seconds * fs));
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = 40.0 * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / fs + 0.3);
  for (const std::size_t i : masked)
    x[i] = std::nan("");
  const auto block = static_cast<std::size_t>(std::lround(0.37 * fs));
  std::vector<RhythmWindow> out;
  for (std::size_t b = 0; b < n; b += block) {
    const std::vector<std::vector<double>> chunk = {
        {x.begin() + static_cast<std::ptrdiff_t>(b),
         x.begin() + static_cast<std::ptrdiff_t>(std::min(n, b + block))}};
    for (auto& w : stream.push({static_cast<double>(b) / fs, fs, b > 0, chunk}))
      out.push_back(std::move(w));
  }
  return out;
}

TEST(RhythmWindowStream, DecimatedWindowsFindTheSamePeriodAtTheSameTimes) {
  const struct {
    const RhythmWindowSettings& settings;
    double hz;
  } cases[] = {{kSeizure, 11.7}, {kSeizure, 3.3}, {kEvolving, 6.1}, {kEvolving, 1.3}};
  for (const auto& c : cases) {
    const auto reference = windows_of(c.settings, 256.0, c.hz, 30.0);
    for (const double fs : {256.0, 512.0, 1024.0}) {
      const auto windows = windows_of(c.settings, fs, c.hz, 30.0);
      ASSERT_EQ(windows.size(), reference.size()) << c.hz << " Hz at " << fs << " Hz";
      // The first windows hold the causal filter's start.
      for (std::size_t k = 3; k < windows.size(); ++k) {
        EXPECT_NEAR(windows[k].start_s, static_cast<double>(k) * c.settings.step_s, 1e-9);
        const ChannelRhythm& r = windows[k].channels[0];
        ASSERT_TRUE(r.valid);
        EXPECT_GT(r.rhythmicity, 0.9) << c.hz << " Hz at " << fs << " Hz";
        EXPECT_NEAR(r.frequency_hz, c.hz, 0.01 * c.hz) << fs << " Hz, window " << k;
        EXPECT_NEAR(r.frequency_hz, reference[k].channels[0].frequency_hz, 0.005 * c.hz)
            << fs << " Hz, window " << k;
        EXPECT_NEAR(r.rms_uv, reference[k].channels[0].rms_uv,
                    0.02 * reference[k].channels[0].rms_uv);
      }
    }
  }
}

// At 512 Hz the seizure windows keep every second input sample; a masked one that is not kept
// still invalidates the windows that hold it (it entered the filter as zero), and only those.
TEST(RhythmWindowStream, AMaskedSampleTheDecimationDropsStillInvalidatesItsWindows) {
  const std::size_t masked = 5 * 512 + 1;  // 5.002 s: in the windows starting at 4 s and 5 s
  const auto windows = windows_of(kSeizure, 512.0, 6.0, 12.0, {masked});
  ASSERT_EQ(windows.size(), 11U);
  for (const auto& w : windows) {
    const bool holds = w.start_s == 4.0 || w.start_s == 5.0;
    EXPECT_EQ(w.channels[0].valid, !holds) << w.start_s;
  }
}

}  // namespace
}  // namespace eegtrack::detect::detail
