#include "eegtrack/features/spectral_features.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/features/aperiodic.hpp"
#include "golden_features.hpp"

namespace eegtrack::features {
namespace {

using test::golden_features;
using test::golden_spectra;

void expect_close(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

TEST(SpectralFeatures, MatchesNumpyReferenceOnRealSpectra) {
  const auto spectra = golden_spectra();
  const auto expected = golden_features();
  ASSERT_EQ(spectra.size(), 6u);
  for (const auto& [name, s] : spectra) {
    const auto& e = expected.at(name);
    const auto got = spectral_features(s.f, s.psd);
    const char* bands[] = {"delta", "theta", "alpha", "beta"};
    for (std::size_t b = 0; b < 4; ++b) {
      expect_close(got.absolute_uv2[b], e.at(std::string("abs_") + bands[b]), name + " abs");
      expect_close(got.relative[b], e.at(std::string("rel_") + bands[b]), name + " rel");
    }
    expect_close(got.total_power_uv2, e.at("total_power"), name + " total");
    expect_close(got.rms_uv, e.at("rms"), name + " rms");
    expect_close(got.delta_alpha_ratio, e.at("dar"), name + " dar");
    expect_close(got.theta_alpha_ratio, e.at("tar"), name + " tar");
    expect_close(got.dtabr, e.at("dtabr"), name + " dtabr");
    expect_close(got.sef50_hz, e.at("sef50"), name + " sef50");
    expect_close(got.sef90_hz, e.at("sef90"), name + " sef90");
    expect_close(got.sef95_hz, e.at("sef95"), name + " sef95");
    expect_close(got.peak_frequency_hz, e.at("peak"), name + " peak");
    expect_close(got.spectral_entropy, e.at("entropy"), name + " entropy");
  }
}

TEST(SpectralFeatures, SlowingLowersEdgeFrequenciesAndRaisesRatios) {
  const auto spectra = golden_spectra();
  const auto normal = spectral_features(spectra.at("O1").f, spectra.at("O1").psd);
  const auto slowed = spectral_features(spectra.at("O1_slowed").f, spectra.at("O1_slowed").psd);
  EXPECT_LT(slowed.sef90_hz, normal.sef90_hz);
  EXPECT_LT(slowed.sef50_hz, normal.sef50_hz);
  EXPECT_GT(slowed.theta_alpha_ratio, normal.theta_alpha_ratio);
  EXPECT_GT(slowed.dtabr, normal.dtabr);
  EXPECT_NEAR(normal.peak_frequency_hz, 2.0 * slowed.peak_frequency_hz, 0.3);
}

TEST(SpectralFeatures, FlatSpectrumHasAnalyticValues) {
  std::vector<double> f, psd;
  for (int k = 0; k <= 200; ++k) {
    f.push_back(0.25 * k);
    psd.push_back(2.0);
  }
  const auto got = spectral_features(f, psd);
  EXPECT_NEAR(got.total_power_uv2, 2.0 * 29.0, 1e-12);
  EXPECT_NEAR(got.rms_uv, std::sqrt(58.0), 1e-12);
  EXPECT_NEAR(got.relative[0], 3.0 / 29.0, 1e-12);
  EXPECT_NEAR(got.delta_alpha_ratio, 3.0 / 5.0, 1e-12);
  EXPECT_NEAR(got.dtabr, 7.0 / 22.0, 1e-12);
  EXPECT_NEAR(got.sef50_hz, 1.0 + 0.5 * 29.0, 1e-12);
  EXPECT_NEAR(got.sef90_hz, 1.0 + 0.9 * 29.0, 1e-12);
  EXPECT_NEAR(got.sef95_hz, 1.0 + 0.95 * 29.0, 1e-12);
  EXPECT_NEAR(got.spectral_entropy, 1.0, 1e-12);
}

TEST(SpectralFeatures, SingleLineHasZeroEntropyAndItsFrequency) {
  std::vector<double> f, psd;
  for (int k = 0; k <= 120; ++k) {
    f.push_back(0.25 * k);
    psd.push_back(k == 40 ? 5.0 : 0.0);
  }
  EXPECT_NEAR(spectral_entropy(f, psd, 1.0, 30.0), 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(peak_frequency(f, psd, 1.0, 30.0), 10.0);
  // All power in the two trapezoids around 10 Hz: the median is the line itself.
  EXPECT_NEAR(spectral_edge_frequency(f, psd, 0.5, 1.0, 30.0), 10.0, 1e-12);
}

TEST(SpectralFeatures, RatiosOfMissingBandsAreNaN) {
  std::vector<double> f, psd;
  for (int k = 0; k <= 120; ++k) {
    f.push_back(0.25 * k);
    psd.push_back(1.0);
  }
  const auto got = spectral_features(f, psd, {.bands = {{"slow", 1.0, 8.0}, {"fast", 8.0, 30.0}}});
  EXPECT_TRUE(std::isnan(got.delta_alpha_ratio));
  EXPECT_NEAR(got.relative[0] + got.relative[1], 1.0, 1e-12);
}

TEST(SpectralFeatures, RejectsBadArguments) {
  const std::vector<double> f{0.0, 0.5, 1.0, 1.5};
  const std::vector<double> psd{1.0, 1.0, 1.0, 1.0};
  const std::vector<double> short_psd{1.0, 1.0};
  EXPECT_THROW((void)spectral_features(f, short_psd), std::invalid_argument);
  EXPECT_THROW((void)spectral_features(f, psd), std::invalid_argument);  // 30 Hz outside grid
  EXPECT_THROW((void)spectral_edge_frequency(f, psd, 1.5, 0.0, 1.5), std::invalid_argument);
  EXPECT_THROW((void)spectral_edge_frequency(f, psd, 0.5, 1.0, 1.0), std::invalid_argument);
  EXPECT_THROW((void)spectral_entropy(f, psd, 0.1, 0.4), std::invalid_argument);  // no bins
}

TEST(AperiodicFit, MatchesFooofStyleReferenceOnRealSpectra) {
  const auto spectra = golden_spectra();
  const auto expected = golden_features();
  for (const auto& [name, s] : spectra) {
    const auto& e = expected.at(name);
    const auto fit = fit_aperiodic(s.f, s.psd);
    EXPECT_NEAR(fit.offset_log10, e.at("aperiodic_offset"), 1e-6) << name;
    EXPECT_NEAR(fit.exponent, e.at("aperiodic_exponent"), 1e-6) << name;
    EXPECT_NEAR(fit.r_squared, e.at("aperiodic_r2"), 1e-6) << name;
    EXPECT_NEAR(fit.floor_r_squared, e.at("aperiodic_floor_r2"), 1e-6) << name;
    EXPECT_NEAR(fit.mean_abs_error_log10, e.at("aperiodic_mae"), 1e-6) << name;
    EXPECT_EQ(static_cast<double>(fit.n_floor_bins), e.at("aperiodic_floor_bins")) << name;
  }
}

}  // namespace
}  // namespace eegtrack::features
