#include "eegtrack/dsp/welch.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "spectral_golden.hpp"

namespace dsp = eegtrack::dsp;
using eegtrack::test::GoldenTable;
using eegtrack::test::max_abs;
using eegtrack::test::max_abs_diff;

namespace {

constexpr double kWelchRelTol = 1e-9;  // of the spectrum maximum, vs scipy.signal.welch

dsp::WelchParams params_of(const GoldenTable& g, const std::string& k) {
  const double fs = g.num(k + "fs");
  const double nperseg = g.num(k + "nperseg");
  return {.segment_s = nperseg / fs,
          .overlap = g.num(k + "noverlap") / nperseg,
          .window = dsp::parse_window_kind(g.text(k + "window")),
          .detrend = dsp::parse_detrend(g.text(k + "detrend").c_str()),
          .average = g.text(k + "average") == "median" ? dsp::Average::Median : dsp::Average::Mean,
          .nfft = static_cast<std::size_t>(g.num(k + "nfft"))};
}

/// Runs every caseN of a golden file; returns the worst error relative to the spectrum maximum.
double check_golden(const GoldenTable& g, const GoldenTable& inputs, int expected_cases) {
  double worst = 0.0;
  int cases = 0;
  for (int c = 0; g.has("case" + std::to_string(c) + "/psd"); ++c, ++cases) {
    const std::string k = "case" + std::to_string(c) + "/";
    const auto x = inputs.vec("signal/" + g.text(k + "signal"));
    const auto psd = dsp::welch_psd(x, g.num(k + "fs"), params_of(g, k));
    const auto ref = g.vec(k + "psd");
    const auto f = g.vec(k + "f");
    EXPECT_EQ(psd.psd_uv2_per_hz.size(), ref.size()) << k;
    EXPECT_LE(max_abs_diff(psd.frequencies_hz, f), 1e-12) << k;
    const double rel = max_abs_diff(psd.psd_uv2_per_hz, ref) / max_abs(ref);
    EXPECT_LE(rel, kWelchRelTol) << k;
    worst = std::max(worst, rel);
  }
  EXPECT_EQ(cases, expected_cases);
  return worst;
}

std::vector<double> sine(std::size_t n, double fs, double f, double amp, double offset = 0.0) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = offset + amp * std::sin(2.0 * std::numbers::pi * f * static_cast<double>(i) / fs);
  return x;
}

double integral(const dsp::Psd& p) {
  const double df = p.frequencies_hz[1] - p.frequencies_hz[0];
  double s = 0.0;
  for (double v : p.psd_uv2_per_hz)
    s += v * df;
  return s;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no throw";
}

}  // namespace

TEST(WelchPsd, MatchesScipyOnSyntheticSignals) {
  const GoldenTable g("spectral_welch.csv");
  const double worst = check_golden(g, g, 8);
  std::printf("welch vs scipy (synthetic): max rel error %.3g\n", worst);
}

TEST(WelchPsd, MatchesScipyOnRealEeg) {
  const GoldenTable inputs("spectral_eeg_input.csv");
  const GoldenTable g("spectral_eeg.csv");
  const double worst = check_golden(g, inputs, 2);
  std::printf("welch vs scipy (EEG): max rel error %.3g\n", worst);
}

TEST(WelchPsd, SinePeakAtItsBinWithItsPower) {
  // 10 Hz at 256 Hz with 2-s segments falls exactly on bin 20; a Hann window spreads the power
  // over bins 19..21 and the density integrates to A^2/2.
  const double fs = 256.0;
  const auto x = sine(256 * 20, fs, 10.0, 3.0);
  const auto p = dsp::welch_psd(x, fs);
  const auto peak =
      std::max_element(p.psd_uv2_per_hz.begin(), p.psd_uv2_per_hz.end()) - p.psd_uv2_per_hz.begin();
  EXPECT_EQ(peak, 20);
  EXPECT_DOUBLE_EQ(p.frequencies_hz[20], 10.0);
  EXPECT_NEAR(integral(p), 4.5, 4.5 * 1e-12);
}

TEST(WelchPsd, IntegratesToVarianceOfWhiteNoise) {
  std::mt19937 rng(42);
  std::normal_distribution<double> normal(0.0, 5.0);
  const double fs = 200.0;
  std::vector<double> x(200 * 600);
  for (double& v : x)
    v = normal(rng);
  const auto p = dsp::welch_psd(x, fs);
  // Parseval: integral = variance (25) within the estimator's error over ~600 segments.
  EXPECT_NEAR(integral(p), 25.0, 25.0 * 0.02);
  // One-sided white level sigma^2 * 2 / fs, away from DC/Nyquist; mean over bins.
  double level = 0.0;
  for (std::size_t k = 10; k < 190; ++k)
    level += p.psd_uv2_per_hz[k];
  level /= 180.0;
  EXPECT_NEAR(level, 25.0 * 2.0 / fs, 25.0 * 2.0 / fs * 0.02);
}

TEST(WelchPsd, ConstantDetrendRemovesDc) {
  const double fs = 100.0;
  const auto x = sine(1000, fs, 7.0, 1.0, 50.0);
  const auto kept = dsp::welch_psd(x, fs, {.detrend = dsp::Detrend::None});
  const auto removed = dsp::welch_psd(x, fs, {.detrend = dsp::Detrend::Constant});
  EXPECT_GT(kept.psd_uv2_per_hz[0], 100.0);
  EXPECT_LT(removed.psd_uv2_per_hz[0], 1e-20);
  EXPECT_LT(removed.psd_uv2_per_hz[1], 1e-20);
}

namespace {

// Channels x samples of standard normal noise.
Eigen::MatrixXd normal_noise(Eigen::Index channels, Eigen::Index samples, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  Eigen::MatrixXd x(channels, samples);
  for (Eigen::Index i = 0; i < x.size(); ++i)
    x.data()[i] = normal(rng);
  return x;
}

}  // namespace

TEST(WelchPsd, MatrixRowsEqualSingleChannel) {
  const Eigen::MatrixXd x = normal_noise(3, 1234, 7);
  // Both averages; 1234 samples give 18 segments of 128 (summed four at a time, then two).
  for (const auto average : {dsp::Average::Median, dsp::Average::Mean}) {
    const dsp::WelchParams p{.segment_s = 1.0, .average = average};
    const auto all = dsp::welch_psd(x, 128.0, p);
    ASSERT_EQ(all.psd_uv2_per_hz.rows(), 3);
    for (Eigen::Index c = 0; c < 3; ++c) {
      const Eigen::VectorXd row = x.row(c).transpose();
      const auto one = dsp::welch_psd(std::span<const double>(row.data(), 1234), 128.0, p);
      const Eigen::VectorXd got = all.psd_uv2_per_hz.row(c).transpose();
      EXPECT_LE(max_abs_diff(std::span<const double>(got.data(), got.size()), one.psd_uv2_per_hz),
                0.0);
    }
  }
}

// Channels as contiguous rows give the matrix overload's values bit for bit (the pipeline's
// montage hands Welch its derivations this way); a ragged set of channels is refused.
TEST(WelchPsd, ChannelRowsEqualTheMatrixRows) {
  const Eigen::MatrixXd x = normal_noise(4, 1234, 11);
  std::vector<std::vector<double>> rows(4);
  std::vector<std::span<const double>> channels;
  for (Eigen::Index c = 0; c < 4; ++c) {
    rows[static_cast<std::size_t>(c)].resize(1234);
    Eigen::Map<Eigen::RowVectorXd>(rows[static_cast<std::size_t>(c)].data(), 1234) = x.row(c);
    channels.emplace_back(rows[static_cast<std::size_t>(c)]);
  }
  for (const auto average : {dsp::Average::Median, dsp::Average::Mean}) {
    const dsp::WelchParams p{.segment_s = 1.0, .average = average};
    const auto matrix = dsp::welch_psd(x, 128.0, p);
    const auto spans = dsp::welch_psd(channels, 128.0, p);
    EXPECT_EQ(spans.frequencies_hz, matrix.frequencies_hz);
    ASSERT_EQ(spans.psd_uv2_per_hz.rows(), 4);
    EXPECT_TRUE((spans.psd_uv2_per_hz.array() == matrix.psd_uv2_per_hz.array()).all());
  }
  channels[2] = channels[2].first(1000);
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(channels, 128.0); }),
            "welch_psd: channels of unequal length (1000 vs 1234)");
  EXPECT_EQ(
      message_of([&] { (void)dsp::welch_psd(std::span<const std::span<const double>>{}, 128.0); }),
      "welch_psd: no channel (0 rows)");
}

TEST(WelchPsd, SegmentCountFollowsScipy) {
  EXPECT_EQ(dsp::welch_segment_count(1500, 100.0, {.segment_s = 2.0}), 14U);
  EXPECT_EQ(dsp::welch_segment_count(1500, 100.0, {.segment_s = 1.27, .overlap = 0.5}), 22U);
}

TEST(WelchPsd, RejectsBadArgumentsWithNamedMessages) {
  const std::vector<double> x(1000, 1.0);
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 100.0, {.overlap = 1.2}); }),
            "welch_psd: overlap must be < 1 (1.2)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 100.0, {.overlap = 1.0}); }),
            "welch_psd: overlap must be < 1 (1)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 0.0); }),
            "welch_psd: sample rate must be > 0 (0)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(std::vector<double>{}, 100.0); }),
            "welch_psd: empty signal (0 samples)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 100.0, {.segment_s = 20.0}); }),
            "welch_psd: segment longer than the signal (2000 > 1000 samples)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 100.0, {.overlap = -0.1}); }),
            "welch_psd: overlap must be >= 0 (-0.1)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 100.0, {.segment_s = 0.001}); }),
            "welch_psd: segment_s gives no sample (0.001)");
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(x, 100.0, {.nfft = 100}); }),
            "welch_psd: nfft must be >= the segment samples (100 < 200)");
  auto bad = x;
  bad[500] = std::nan("");
  EXPECT_NE(message_of([&] { (void)dsp::welch_psd(bad, 100.0); }).find("welch_psd: non-finite"),
            std::string::npos);
  EXPECT_EQ(message_of([&] { (void)dsp::welch_psd(Eigen::MatrixXd(0, 100), 100.0); }),
            "welch_psd: no channel (0 rows)");
}
