#include "eegtrack/dsp/multitaper.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>

#include "spectral_golden.hpp"

namespace dsp = eegtrack::dsp;
using eegtrack::test::GoldenTable;
using eegtrack::test::max_abs;
using eegtrack::test::max_abs_diff;

namespace {

constexpr double kMultitaperRelTol = 1e-6;  // of the spectrum maximum, vs MNE

double check_golden(const GoldenTable& g, const GoldenTable& inputs, int expected_cases) {
  double worst = 0.0;
  int cases = 0;
  for (int c = 0; g.has("mt" + std::to_string(c) + "/psd"); ++c, ++cases) {
    const std::string k = "mt" + std::to_string(c) + "/";
    auto x = inputs.vec("signal/" + g.text(k + "signal"));
    x.resize(static_cast<std::size_t>(g.num(k + "n")));
    const dsp::MultitaperParams p{
        .time_bandwidth = g.num(k + "nw"),
        .weighting = g.num(k + "adaptive") != 0.0 ? dsp::MultitaperWeighting::Adaptive
                                                  : dsp::MultitaperWeighting::Eigenvalue,
        .normalization = g.num(k + "full") != 0.0 ? dsp::MultitaperNormalization::Full
                                                  : dsp::MultitaperNormalization::Length};
    const auto psd = dsp::multitaper_psd(x, g.num(k + "fs"), p);
    const auto ref = g.vec(k + "psd");
    EXPECT_EQ(psd.psd_uv2_per_hz.size(), ref.size()) << k;
    EXPECT_LE(max_abs_diff(psd.frequencies_hz, g.vec(k + "f")), 1e-12) << k;
    const double rel = max_abs_diff(psd.psd_uv2_per_hz, ref) / max_abs(ref);
    EXPECT_LE(rel, kMultitaperRelTol) << k;
    worst = std::max(worst, rel);
  }
  EXPECT_EQ(cases, expected_cases);
  return worst;
}

}  // namespace

TEST(MultitaperPsd, MatchesMneOnSyntheticSignals) {
  const GoldenTable g("spectral_multitaper.csv");
  std::printf("multitaper vs MNE (synthetic): max rel error %.3g\n", check_golden(g, g, 6));
}

TEST(MultitaperPsd, MatchesMneOnRealEeg) {
  const GoldenTable inputs("spectral_eeg_input.csv");
  const GoldenTable g("spectral_eeg.csv");
  std::printf("multitaper vs MNE (EEG): max rel error %.3g\n", check_golden(g, inputs, 2));
}

TEST(MultitaperPsd, FullNormalizationIntegratesToVariance) {
  std::mt19937 rng(5);
  std::normal_distribution<double> normal(0.0, 3.0);
  std::vector<double> x(4096);
  for (double& v : x)
    v = normal(rng);
  for (auto weighting :
       {dsp::MultitaperWeighting::Eigenvalue, dsp::MultitaperWeighting::Adaptive}) {
    const auto p = dsp::multitaper_psd(x, 256.0, {.weighting = weighting});
    double integral = 0.0;
    for (double v : p.psd_uv2_per_hz)
      integral += v * (256.0 / 4096.0);
    EXPECT_NEAR(integral, 9.0, 9.0 * 0.05);
  }
}

TEST(MultitaperPsd, SinePeakAtItsBin) {
  std::vector<double> x(1000);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = 2.0 * std::sin(2.0 * std::numbers::pi * 12.0 * static_cast<double>(i) / 250.0);
  const auto p = dsp::multitaper_psd(x, 250.0, {.time_bandwidth = 3.0});
  const auto peak =
      std::max_element(p.psd_uv2_per_hz.begin(), p.psd_uv2_per_hz.end()) - p.psd_uv2_per_hz.begin();
  EXPECT_DOUBLE_EQ(p.frequencies_hz[static_cast<std::size_t>(peak)], 12.0);
  double integral = 0.0;
  for (double v : p.psd_uv2_per_hz)
    integral += v * 0.25;
  EXPECT_NEAR(integral, 2.0, 2.0 * 1e-3);  // A^2 / 2
}

TEST(MultitaperPsd, BandwidthMappingMatchesMneDefinition) {
  // MNE: half_nbw = bandwidth * n / (2 fs); NW = 4 on 2 s at 500 Hz is a 4-Hz bandwidth.
  EXPECT_DOUBLE_EQ(dsp::multitaper_bandwidth_hz(4.0, 1000, 500.0), 4.0);
}

TEST(MultitaperPsd, MatrixRowsEqualSingleChannel) {
  Eigen::MatrixXd x = Eigen::MatrixXd::Random(2, 300);
  const auto all = dsp::multitaper_psd(x, 100.0, {.weighting = dsp::MultitaperWeighting::Adaptive});
  for (Eigen::Index c = 0; c < 2; ++c) {
    const Eigen::VectorXd row = x.row(c).transpose();
    const auto one = dsp::multitaper_psd(std::span<const double>(row.data(), 300), 100.0,
                                         {.weighting = dsp::MultitaperWeighting::Adaptive});
    const Eigen::VectorXd got = all.psd_uv2_per_hz.row(c).transpose();
    EXPECT_LE(max_abs_diff(std::span<const double>(got.data(), got.size()), one.psd_uv2_per_hz),
              0.0);
  }
}

TEST(MultitaperPsd, RejectsBadArguments) {
  const std::vector<double> x(100, 1.0);
  EXPECT_THROW((void)dsp::multitaper_psd(x, 100.0, {.time_bandwidth = 0.4}), std::invalid_argument);
  EXPECT_THROW((void)dsp::multitaper_psd(x, 100.0, {.time_bandwidth = 50.0}),
               std::invalid_argument);
  EXPECT_THROW((void)dsp::multitaper_psd(x, 0.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::multitaper_psd(std::vector<double>{1.0}, 100.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::multitaper_psd(x, 100.0, {.max_iter = 0}), std::invalid_argument);
  auto bad = x;
  bad[3] = INFINITY;
  EXPECT_THROW((void)dsp::multitaper_psd(bad, 100.0), std::invalid_argument);
  try {
    (void)dsp::multitaper_psd(x, 100.0, {.time_bandwidth = 0.4});
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("multitaper_psd: time_bandwidth", 0), 0U);
  }
}

namespace eegtrack::dsp {
namespace {

TEST(EpochMultitaperPsd, EachEpochEqualsMultitaperOfThatEpoch) {
  // 3 channels x 10.5 s at 128 Hz, 2-s epochs: 5 complete epochs, the half epoch dropped.
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0.0, 10.0);
  Eigen::MatrixXd x(3, 1344);
  for (Eigen::Index c = 0; c < x.rows(); ++c) {
    for (Eigen::Index t = 0; t < x.cols(); ++t) {
      x(c, t) = noise(rng) +
                20.0 * std::sin(2.0 * std::numbers::pi * (6.0 + 2.0 * static_cast<double>(c)) *
                                static_cast<double>(t) / 128.0);
    }
  }
  const MultitaperParams params{.time_bandwidth = 3.0, .weighting = MultitaperWeighting::Adaptive};
  const auto epochs = epoch_multitaper_psd(x, 128.0, 2.0, params);
  ASSERT_EQ(epochs.n_epochs, 5U);
  ASSERT_EQ(epochs.n_channels, 3U);
  for (std::size_t e = 0; e < epochs.n_epochs; ++e) {
    const auto alone =
        multitaper_psd(x.middleCols(static_cast<Eigen::Index>(e) * 256, 256), 128.0, params);
    ASSERT_EQ(alone.frequencies_hz, epochs.frequencies_hz);
    for (std::size_t c = 0; c < 3; ++c) {
      const auto got = epochs.at(e, c);
      for (std::size_t k = 0; k < got.size(); ++k) {
        EXPECT_DOUBLE_EQ(got[k], alone.psd_uv2_per_hz(static_cast<Eigen::Index>(c),
                                                      static_cast<Eigen::Index>(k)));
      }
    }
  }
}

TEST(EpochMultitaperPsd, RejectsEpochsLongerThanTheRecording) {
  const Eigen::MatrixXd x = Eigen::MatrixXd::Ones(2, 100);
  EXPECT_THROW((void)epoch_multitaper_psd(x, 100.0, 2.0), std::invalid_argument);
  EXPECT_THROW((void)epoch_multitaper_psd(Eigen::MatrixXd(0, 100), 100.0, 0.5),
               std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::dsp
