#include "eegtrack/dsp/signal_measures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

namespace {

std::vector<double> noise(std::size_t n, unsigned seed, double offset = 0.0) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g(offset, 2.0);
  std::vector<double> x(n);
  for (double& v : x)
    v = g(rng);
  return x;
}

TEST(TeagerKaiser, SineGivesAmplitudeSquaredTimesSinSquaredOmega) {
  const double a = 3.0, w = 0.3, phi = 0.7;
  std::vector<double> x(500);
  for (std::size_t n = 0; n < x.size(); ++n)
    x[n] = a * std::sin(w * static_cast<double>(n) + phi);
  const auto psi = eegtrack::dsp::teager_kaiser_energy(x);
  ASSERT_EQ(psi.size(), 498U);
  const double expected = a * a * std::sin(w) * std::sin(w);
  for (double v : psi)
    EXPECT_NEAR(v, expected, 1e-12);
}

TEST(TeagerKaiser, RejectsFewerThanThreeSamples) {
  EXPECT_THROW((void)eegtrack::dsp::teager_kaiser_energy(std::vector<double>{1, 2}),
               std::invalid_argument);
}

TEST(LineLength, RampAndAlternatingSignal) {
  std::vector<double> ramp(101);
  for (std::size_t i = 0; i < ramp.size(); ++i)
    ramp[i] = 0.5 * static_cast<double>(i);
  EXPECT_DOUBLE_EQ(eegtrack::dsp::line_length(ramp), 50.0);
  const std::vector<double> alt{1, -1, 1, -1, 1};
  EXPECT_DOUBLE_EQ(eegtrack::dsp::line_length(alt), 8.0);
  const auto win = eegtrack::dsp::line_length_windows(ramp, 11, 10);
  ASSERT_EQ(win.size(), 10U);  // starts 0, 10, ..., 90
  for (double v : win)
    EXPECT_DOUBLE_EQ(v, 5.0);
}

TEST(LineLength, RejectsTooShortInputs) {
  EXPECT_THROW((void)eegtrack::dsp::line_length(std::vector<double>{1.0}), std::invalid_argument);
  const std::vector<double> x(10, 0.0);
  EXPECT_THROW((void)eegtrack::dsp::line_length_windows(x, 1, 1), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::line_length_windows(x, 11, 1), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::line_length_windows(x, 5, 0), std::invalid_argument);
}

TEST(MovingStats, AgreeWithDirectComputationPerWindow) {
  // Large offset makes a naive running sum of squares lose digits; the sliding update must not.
  const auto x = noise(3000, 5, 1e4);
  for (std::size_t w : {1U, 2U, 7U, 64U, 255U}) {
    const auto mean = eegtrack::dsp::moving_mean(x, w);
    const auto sd = eegtrack::dsp::moving_std(x, w);
    const auto r = eegtrack::dsp::moving_rms(x, w);
    const auto med = eegtrack::dsp::moving_median(x, w);
    ASSERT_EQ(mean.size(), x.size() - w + 1);
    for (std::size_t i = 0; i < mean.size(); i += 37) {
      std::vector<double> win(x.begin() + static_cast<std::ptrdiff_t>(i),
                              x.begin() + static_cast<std::ptrdiff_t>(i + w));
      double m = 0.0, ss = 0.0, sq = 0.0;
      for (double v : win)
        m += v / static_cast<double>(w);
      for (double v : win) {
        ss += (v - m) * (v - m);
        sq += v * v;
      }
      EXPECT_NEAR(mean[i], m, 1e-9) << w << " " << i;
      EXPECT_NEAR(sd[i], std::sqrt(ss / static_cast<double>(w)), 1e-7) << w << " " << i;
      EXPECT_NEAR(r[i], std::sqrt(sq / static_cast<double>(w)), 1e-8) << w << " " << i;
      std::sort(win.begin(), win.end());
      const double want = w % 2 == 1 ? win[w / 2] : 0.5 * (win[w / 2 - 1] + win[w / 2]);
      EXPECT_EQ(med[i], want) << w << " " << i;
    }
  }
}

TEST(MovingStats, ConstantSignalHasZeroSpread) {
  const std::vector<double> x(100, -4.0);
  for (double v : eegtrack::dsp::moving_std(x, 10))
    EXPECT_NEAR(v, 0.0, 1e-12);
  for (double v : eegtrack::dsp::moving_rms(x, 10))
    EXPECT_NEAR(v, 4.0, 1e-12);
  for (double v : eegtrack::dsp::moving_median(x, 10))
    EXPECT_EQ(v, -4.0);
}

TEST(MovingStats, RejectsZeroWindowAndShortSignal) {
  const std::vector<double> x(5, 1.0);
  EXPECT_THROW((void)eegtrack::dsp::moving_mean(x, 0), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::moving_std(x, 6), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::moving_rms(x, 6), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::moving_median(x, 0), std::invalid_argument);
}

TEST(SignalMeasures, RejectNonFiniteSamples) {
  std::vector<double> x(20, 1.0);
  x[5] = -std::numeric_limits<double>::infinity();
  EXPECT_THROW((void)eegtrack::dsp::line_length(x), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::line_length_windows(x, 4, 4), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::teager_kaiser_energy(x), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::moving_mean(x, 3), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::moving_median(x, 3), std::invalid_argument);
}

}  // namespace
