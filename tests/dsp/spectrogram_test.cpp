#include "eegtrack/dsp/spectrogram.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>

#include "spectral_golden.hpp"

namespace dsp = eegtrack::dsp;
using eegtrack::test::GoldenTable;
using eegtrack::test::max_abs;
using eegtrack::test::max_abs_diff;

namespace {

dsp::SpectrogramParams params_of(const GoldenTable& g, const std::string& k, double fs) {
  return {.window_s = g.num(k + "window_samples") / fs,
          .step_s = g.num(k + "step_samples") / fs,
          .welch = {.segment_s = g.num(k + "segment_samples") / fs}};
}

/// Pushes x in chunks of random sizes (1 .. max_chunk) and collects all columns.
std::vector<dsp::SpectrogramColumn> push_randomly(dsp::StreamingSpectrogram& s,
                                                  const std::vector<double>& x, unsigned seed,
                                                  std::size_t max_chunk) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> size(1, max_chunk);
  std::vector<dsp::SpectrogramColumn> cols;
  std::size_t pos = 0;
  while (pos < x.size()) {
    const std::size_t n = std::min(size(rng), x.size() - pos);
    for (auto& c : s.push(std::span<const double>(x.data() + pos, n)))
      cols.push_back(std::move(c));
    pos += n;
  }
  return cols;
}

}  // namespace

TEST(Spectrogram, MatchesScipySpectrogramAndWelchPerWindow) {
  const GoldenTable g("spectral_spectrogram.csv");
  const auto x = g.vec("signal/noise_sine");
  const double fs = 64.0;
  for (const std::string k : {"case0/", "case1/"}) {
    const auto s = dsp::spectrogram(x, fs, params_of(g, k, fs));
    EXPECT_LE(max_abs_diff(s.frequencies_hz, g.vec(k + "f")), 1e-12);
    int cols = 0;
    for (; g.has(k + "col" + std::to_string(cols)); ++cols) {
      const auto ref = g.vec(k + "col" + std::to_string(cols));
      const Eigen::VectorXd got = s.psd_uv2_per_hz.col(cols);
      EXPECT_LE(max_abs_diff(std::span<const double>(got.data(), got.size()), ref),
                1e-9 * max_abs(ref))
          << k << cols;
    }
    EXPECT_EQ(s.psd_uv2_per_hz.cols(), cols) << k;
    if (g.has(k + "t")) {
      EXPECT_LE(max_abs_diff(s.times_s, g.vec(k + "t")), 1e-12);
    }
  }
}

TEST(StreamingSpectrogram, RandomChunksGiveTheSameColumnsAsOnePush) {
  std::mt19937 rng(9);
  std::normal_distribution<double> normal;
  std::vector<double> x(5000);
  for (double& v : x)
    v = normal(rng);
  // Overlapping windows, step == window, and step > window (gaps between windows).
  for (double step : {1.5, 4.0, 5.25}) {
    const dsp::SpectrogramParams p{.window_s = 4.0, .step_s = step, .welch = {.segment_s = 1.0}};
    dsp::StreamingSpectrogram whole(100.0, p);
    const auto ref = whole.push(x);
    ASSERT_EQ(ref.size(), (5000 - 400) / static_cast<std::size_t>(step * 100) + 1);
    for (unsigned seed : {1U, 2U}) {
      dsp::StreamingSpectrogram chunked(100.0, p);
      const auto cols = push_randomly(chunked, x, seed, seed == 1 ? 37 : 900);
      ASSERT_EQ(cols.size(), ref.size());
      for (std::size_t j = 0; j < cols.size(); ++j) {
        EXPECT_EQ(cols[j].start_s, ref[j].start_s);
        EXPECT_EQ(cols[j].psd_uv2_per_hz, ref[j].psd_uv2_per_hz);
      }
    }
    // Each column is the Welch PSD of its window computed directly.
    for (const auto& c : ref) {
      const auto start = static_cast<std::size_t>(std::lround(c.start_s * 100.0));
      const auto direct =
          dsp::welch_psd(std::span<const double>(x.data() + start, 400), 100.0, p.welch);
      EXPECT_EQ(c.psd_uv2_per_hz, direct.psd_uv2_per_hz);
    }
  }
}

TEST(StreamingSpectrogram, ResetStartsANewSegment) {
  std::vector<double> x(1000);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = static_cast<double>(i % 17);
  const dsp::SpectrogramParams p{.window_s = 2.0, .step_s = 1.0, .welch = {.segment_s = 2.0}};
  dsp::StreamingSpectrogram s(100.0, p);
  (void)s.push(std::span<const double>(x.data(), 150));  // half-filled second window is dropped
  s.reset();
  const auto after = s.push(std::span<const double>(x.data() + 300, 300));
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[0].start_s, 0.0);
  EXPECT_EQ(after[1].start_s, 1.0);
  const auto direct = dsp::welch_psd(std::span<const double>(x.data() + 300, 200), 100.0, p.welch);
  EXPECT_EQ(after[0].psd_uv2_per_hz, direct.psd_uv2_per_hz);
}

TEST(StreamingSpectrogram, RejectsBadArguments) {
  EXPECT_THROW(dsp::StreamingSpectrogram(0.0, {}), std::invalid_argument);
  EXPECT_THROW(dsp::StreamingSpectrogram(100.0, {.window_s = 0.0}), std::invalid_argument);
  EXPECT_THROW(dsp::StreamingSpectrogram(100.0, {.step_s = -1.0}), std::invalid_argument);
  // The Welch segment (2 s by default) must fit in the window.
  EXPECT_THROW(dsp::StreamingSpectrogram(100.0, {.window_s = 1.0}), std::invalid_argument);
  EXPECT_THROW((void)dsp::spectrogram(std::vector<double>(100, 0.0), 100.0), std::invalid_argument);
}
