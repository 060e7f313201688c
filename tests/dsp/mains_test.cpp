#include "eegtrack/dsp/mains.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <stdexcept>

#include "eegtrack/dsp/fft.hpp"

namespace {

constexpr double kFs = 500.0;

struct Spectrum {
  std::vector<double> f, psd;
};

// Averaged Hann periodogram of 2-s segments (0.5 Hz bins), built here so that the detector is
// tested on its own.
Spectrum periodogram(const std::vector<double>& x) {
  const std::size_t n = 1000;
  Spectrum s;
  s.psd.assign(n / 2 + 1, 0.0);
  for (std::size_t k = 0; k <= n / 2; ++k)
    s.f.push_back(static_cast<double>(k) * kFs / n);
  std::vector<double> seg(n);
  std::vector<std::complex<double>> bins(n / 2 + 1);
  for (std::size_t start = 0; start + n <= x.size(); start += n) {
    for (std::size_t i = 0; i < n; ++i)
      seg[i] = x[start + i] * 0.5 *
               (1.0 - std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / n));
    eegtrack::dsp::rfft(seg, bins);
    for (std::size_t k = 0; k < bins.size(); ++k)
      s.psd[k] += std::norm(bins[k]);
  }
  return s;
}

std::vector<double> noisy(double mains_hz, double amplitude, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g(0.0, 1.0);
  std::vector<double> x(60000);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double t = static_cast<double>(i) / kFs;
    x[i] = g(rng) + amplitude * std::sin(2.0 * std::numbers::pi * mains_hz * t + 0.3);
  }
  return x;
}

TEST(DetectMains, Finds50Hz) {
  const auto s = periodogram(noisy(50.0, 2.0, 1));
  const auto d = eegtrack::dsp::detect_mains(s.f, s.psd);
  EXPECT_EQ(d.frequency_hz, 50.0);
  EXPECT_GT(d.prominence_50_db, 20.0);
  EXPECT_LT(d.prominence_60_db, 3.0);
  EXPECT_EQ(d.prominence_db, d.prominence_50_db);
}

TEST(DetectMains, Finds60HzOffBinCentre) {
  const auto s = periodogram(noisy(60.3, 2.0, 2));
  const auto d = eegtrack::dsp::detect_mains(s.f, s.psd);
  EXPECT_EQ(d.frequency_hz, 60.0);
  EXPECT_GT(d.prominence_60_db, 20.0);
  EXPECT_LT(d.prominence_50_db, 3.0);
}

TEST(DetectMains, ReportsNoneForPlainNoise) {
  const auto s = periodogram(noisy(50.0, 0.0, 3));
  const auto d = eegtrack::dsp::detect_mains(s.f, s.psd);
  EXPECT_EQ(d.frequency_hz, 0.0);
  EXPECT_LT(d.prominence_db, 3.0);
}

TEST(DetectMains, ThresholdIsAParameter) {
  const auto s = periodogram(noisy(50.0, 0.25, 4));  // weak interference (~10 dB)
  const auto strict = eegtrack::dsp::detect_mains(s.f, s.psd, {.min_prominence_db = 40.0});
  EXPECT_EQ(strict.frequency_hz, 0.0);
  const auto lenient = eegtrack::dsp::detect_mains(s.f, s.psd, {.min_prominence_db = 5.0});
  EXPECT_EQ(lenient.frequency_hz, 50.0);
  EXPECT_EQ(strict.prominence_50_db, lenient.prominence_50_db);
}

TEST(DetectMains, IgnoresCandidateAboveNyquist) {
  // 100 Hz sampling: neither band fits below 50 Hz Nyquist + reference width.
  std::vector<double> f, p;
  for (int k = 0; k <= 100; ++k) {
    f.push_back(k * 0.5);
    p.push_back(1.0);
  }
  const auto d = eegtrack::dsp::detect_mains(f, p);
  EXPECT_EQ(d.frequency_hz, 0.0);
  EXPECT_EQ(d.prominence_50_db, 0.0);
  EXPECT_EQ(d.prominence_60_db, 0.0);
}

TEST(DetectMains, RejectsBadSpectra) {
  const std::vector<double> f{0.0, 1.0, 2.0};
  EXPECT_THROW((void)eegtrack::dsp::detect_mains({}, {}), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::detect_mains(f, std::vector<double>{1.0, 1.0}),
               std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::detect_mains(std::vector<double>{0.0, 2.0, 1.0}, f),
               std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::detect_mains(f, std::vector<double>{1.0, -1.0, 1.0}),
               std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::detect_mains(f, f, {.search_half_width_hz = 3.0}),
               std::invalid_argument);
}

}  // namespace
