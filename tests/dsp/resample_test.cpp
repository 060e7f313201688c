#include "eegtrack/dsp/resample.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

#include "filters_golden.hpp"

namespace {

using namespace eegtrack::test::filters;

void expect_matches(const std::vector<double>& x, int up, int down, const std::vector<double>& want,
                    const std::string& what) {
  const auto got = eegtrack::dsp::resample_poly(x, up, down);
  ASSERT_EQ(got.size(), want.size()) << what;
  const double err = max_abs_diff(got, want);
  EXPECT_LE(err, kRelativeSignalTolerance * rms(want)) << what;
  std::cout << what << ": max |err| / rms = " << err / rms(want) << "\n";
}

TEST(ResamplePoly, MatchesScipyForEegRates) {
  const auto g = read_series("filters_resample.csv");
  expect_matches(g.at("x_eeg500"), 64, 125, g.at("up64_down125_eeg500"), "500 -> 256 Hz");
  expect_matches(g.at("x_eeg256"), 1, 2, g.at("up1_down2_eeg256"), "256 -> 128 Hz");
  expect_matches(g.at("x_noise200"), 5, 4, g.at("up5_down4_noise200"), "200 -> 250 Hz");
  const auto& x = g.at("x_noise200");
  expect_matches(std::vector<double>(x.begin(), x.begin() + 100), 3, 1, g.at("up3_down1_noise200"),
                 "upsample x3");
}

TEST(ResamplePoly, ReducesByGcdAndCopiesForUnitRatio) {
  const auto g = read_series("filters_resample.csv");
  const auto& x = g.at("x_eeg256");
  EXPECT_EQ(eegtrack::dsp::resample_poly(x, 2, 4), eegtrack::dsp::resample_poly(x, 1, 2));
  EXPECT_EQ(eegtrack::dsp::resample_poly(x, 7, 7), x);
}

TEST(ResamplePoly, OutputLengthIsCeilOfRatio) {
  const std::vector<double> x(1001, 1.0);
  EXPECT_EQ(eegtrack::dsp::resample_poly(x, 64, 125).size(), 513U);  // ceil(1001 * 64 / 125)
  EXPECT_EQ(eegtrack::dsp::resample_poly(x, 3, 2).size(), 1502U);
}

TEST(ResamplePoly, PreservesLowFrequencySine) {
  // A 5 Hz sine at 500 Hz resampled to 256 Hz is the same sine sampled at 256 Hz (away from the
  // zero-padded ends), up to the Kaiser filter's passband ripple.
  std::vector<double> x(5000);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = std::sin(2.0 * std::numbers::pi * 5.0 * static_cast<double>(i) / 500.0);
  const auto y = eegtrack::dsp::resample_poly(x, 64, 125);
  for (std::size_t i = 200; i + 200 < y.size(); ++i)
    EXPECT_NEAR(y[i], std::sin(2.0 * std::numbers::pi * 5.0 * static_cast<double>(i) / 256.0), 1e-3)
        << i;
}

TEST(FirwinKaiser, IsSymmetricWithUnitDcGain) {
  const auto h = eegtrack::dsp::firwin_kaiser_lowpass(41, 0.25, 5.0);
  double sum = 0.0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    EXPECT_DOUBLE_EQ(h[i], h[h.size() - 1 - i]);
    sum += h[i];
  }
  EXPECT_NEAR(sum, 1.0, 1e-14);
  const auto w = eegtrack::dsp::kaiser_window(11, 5.0);
  EXPECT_DOUBLE_EQ(w[5], 1.0);
  EXPECT_NEAR(w[0], 1.0 / 27.239871823604442, 1e-15);  // 1 / I0(5)
}

TEST(ResamplePoly, RejectsEmptySignalAndBadFactors) {
  const std::vector<double> x(10, 1.0);
  EXPECT_THROW((void)eegtrack::dsp::resample_poly(std::vector<double>{}, 1, 2),
               std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::resample_poly(x, 0, 2), std::invalid_argument);
  try {
    (void)eegtrack::dsp::resample_poly(x, 3, -1);
    ADD_FAILURE() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "resample_poly: up and down must be >= 1 (3/-1)");
  }
  EXPECT_THROW((void)eegtrack::dsp::firwin_kaiser_lowpass(11, 1.0, 5.0), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::kaiser_window(0, 5.0), std::invalid_argument);
}

TEST(DecimateForDisplay, KeepsEverySampleWithinItsColumnAndSpikesVisible) {
  std::vector<double> x(24 * 3600 * 4);  // 24 h at 4 Hz stands in for a long trace
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = std::sin(static_cast<double>(i) * 0.01);
  x[123457] = 50.0;  // a single-sample spike
  const auto env = eegtrack::dsp::decimate_for_display(x, 1000);
  ASSERT_EQ(env.min.size(), 1000U);
  std::size_t col = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    while (col + 1 < env.first_sample.size() && env.first_sample[col + 1] <= i)
      ++col;
    ASSERT_GE(x[i], env.min[col]);
    ASSERT_LE(x[i], env.max[col]);
  }
  const std::size_t spike_col = 123457 * 1000 / x.size();
  EXPECT_EQ(env.max[spike_col], 50.0);
  EXPECT_EQ(env.first_sample.front(), 0U);
}

TEST(DecimateForDisplay, ColumnsOfARampHaveKnownBounds) {
  std::vector<double> ramp(10);
  for (std::size_t i = 0; i < ramp.size(); ++i)
    ramp[i] = static_cast<double>(i);
  const auto env = eegtrack::dsp::decimate_for_display(ramp, 4);
  // Columns cover [0,2), [2,5), [5,7), [7,10).
  EXPECT_EQ(env.first_sample, (std::vector<std::size_t>{0, 2, 5, 7}));
  EXPECT_EQ(env.min, (std::vector<double>{0, 2, 5, 7}));
  EXPECT_EQ(env.max, (std::vector<double>{1, 4, 6, 9}));
  const auto wide = eegtrack::dsp::decimate_for_display(ramp, 50);  // fewer samples than columns
  EXPECT_EQ(wide.min, ramp);
  EXPECT_EQ(wide.max, ramp);
}

TEST(DecimateForDisplay, RejectsEmptySignalAndZeroColumns) {
  EXPECT_THROW((void)eegtrack::dsp::decimate_for_display(std::vector<double>{}, 10),
               std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::decimate_for_display(std::vector<double>{1.0}, 0),
               std::invalid_argument);
}

TEST(ResamplePoly, RejectsNonFiniteSamples) {
  std::vector<double> x(50, 0.0);
  x[3] = std::numeric_limits<double>::infinity();
  EXPECT_THROW((void)eegtrack::dsp::resample_poly(x, 64, 125), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::decimate_for_display(x, 5), std::invalid_argument);
}

}  // namespace
