#include "eegtrack/dsp/notch.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "eegtrack/dsp/sos_filter.hpp"
#include "filters_golden.hpp"

namespace {

using namespace eegtrack::test::filters;

TEST(IirNotch, MatchesScipyIirnotch) {
  int checked = 0;
  for (const auto& r : read_rows("filters_design.csv")) {
    if (r[1] != "notch")
      continue;
    const double f0 = std::stod(r[3]);
    const double fs = std::stod(r[5]);
    const double q = std::stod(r[6]);
    const auto sos = eegtrack::dsp::iir_notch(f0, q, fs);
    ASSERT_EQ(sos.sections.size(), 1U);
    for (std::size_t k = 0; k < 6; ++k)
      EXPECT_NEAR(sos.sections[0][k], std::stod(r[8 + k]), kCoefficientTolerance) << f0 << " " << k;
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

TEST(IirNotch, RemovesCentreAndKeepsDcWithMinus3dBAtBandEdges) {
  const double fs = 500.0, f0 = 50.0, q = 25.0;
  const auto sos = eegtrack::dsp::iir_notch(f0, q, fs);
  EXPECT_NEAR(std::abs(eegtrack::dsp::sos_frequency_response(sos, f0, fs)), 0.0, 1e-12);
  EXPECT_NEAR(std::abs(eegtrack::dsp::sos_frequency_response(sos, 0.0, fs)), 1.0, 1e-12);
  EXPECT_NEAR(std::abs(eegtrack::dsp::sos_frequency_response(sos, fs / 2.0, fs)), 1.0, 1e-12);
  // The digital -3 dB points w1, w2 satisfy w2 - w1 = bw and tan(w1/2) tan(w2/2) = tan^2(w0/2).
  const double w0 = 2.0 * std::numbers::pi * f0 / fs;
  const double bw = w0 / q;
  const double t0 = std::tan(w0 / 2.0) * std::tan(w0 / 2.0);
  // Solve for w1 by bisection on the geometric condition, then check the gain there.
  double lo = 0.0, hi = w0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (std::tan(mid / 2.0) * std::tan((mid + bw) / 2.0) < t0 ? lo : hi) = mid;
  }
  for (double w : {lo, lo + bw}) {
    const double g =
        std::abs(eegtrack::dsp::sos_frequency_response(sos, w * fs / (2.0 * std::numbers::pi), fs));
    EXPECT_NEAR(g, 1.0 / std::sqrt(2.0), 1e-9);
  }
}

TEST(HarmonicNotches, CoversHarmonicsBelowNyquist) {
  EXPECT_EQ(eegtrack::dsp::harmonic_notches(50.0, 30.0, 500.0).sections.size(), 4U);  // 50..200
  EXPECT_EQ(eegtrack::dsp::harmonic_notches(60.0, 30.0, 256.0).sections.size(), 2U);  // 60, 120
  EXPECT_EQ(eegtrack::dsp::harmonic_notches(50.0, 30.0, 500.0, 2).sections.size(), 2U);
  const auto sos = eegtrack::dsp::harmonic_notches(50.0, 30.0, 1000.0);
  for (double f : {50.0, 100.0, 150.0, 450.0})
    EXPECT_NEAR(std::abs(eegtrack::dsp::sos_frequency_response(sos, f, 1000.0)), 0.0, 1e-12) << f;
  EXPECT_NEAR(std::abs(eegtrack::dsp::sos_frequency_response(sos, 10.0, 1000.0)), 1.0, 1e-3);
}

TEST(RemoveMains, SuppressesMainsAndHarmonicButKeepsAlpha) {
  const double fs = 500.0;
  std::vector<double> x(5000), alpha(5000);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double t = static_cast<double>(i) / fs;
    alpha[i] = 10.0 * std::sin(2.0 * std::numbers::pi * 10.0 * t);
    x[i] = alpha[i] + 30.0 * std::sin(2.0 * std::numbers::pi * 50.0 * t) +
           5.0 * std::sin(2.0 * std::numbers::pi * 150.0 * t);
  }
  const auto y = eegtrack::dsp::remove_mains(x, 50.0, 30.0, fs);
  // Away from the edges (transients of the notch, ~Q / f0 s) only the alpha rhythm remains.
  double worst = 0.0;
  for (std::size_t i = 1000; i < 4000; ++i)
    worst = std::max(worst, std::abs(y[i] - alpha[i]));
  EXPECT_LT(worst, 0.05);
}

TEST(IirNotch, RejectsFrequencyOutsideNyquistAndBadQ) {
  EXPECT_THROW((void)eegtrack::dsp::iir_notch(250.0, 30.0, 500.0), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::iir_notch(0.0, 30.0, 500.0), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::harmonic_notches(60.0, 0.0, 500.0), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::harmonic_notches(60.0, 30.0, 500.0, -1), std::invalid_argument);
  try {
    (void)eegtrack::dsp::iir_notch(50.0, 30.0, 80.0);
    ADD_FAILURE() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "iir_notch: frequency must lie in (0, sample_rate_hz / 2) (50)");
  }
}

}  // namespace
