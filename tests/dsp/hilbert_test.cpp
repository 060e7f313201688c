#include "eegtrack/dsp/hilbert.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>

#include "filters_golden.hpp"

namespace {

using namespace eegtrack::test::filters;

void check(const std::string& suffix) {
  const auto g = read_series("filters_hilbert.csv");
  const auto& x = g.at("x_" + suffix);
  const auto env = eegtrack::dsp::envelope(x);
  const double err = max_abs_diff(env, g.at("env_" + suffix));
  EXPECT_LE(err, kRelativeSignalTolerance * rms(g.at("env_" + suffix)));
  std::cout << "hilbert " << suffix << " (n=" << x.size()
            << "): max |env err| / rms = " << err / rms(g.at("env_" + suffix)) << "\n";
  const auto a = eegtrack::dsp::analytic_signal(x);
  std::vector<double> re, im;
  for (const auto& c : a) {
    re.push_back(c.real());
    im.push_back(c.imag());
  }
  EXPECT_LE(max_abs_diff(im, g.at("imag_" + suffix)), kRelativeSignalTolerance * rms(x));
  EXPECT_LE(max_abs_diff(re, x), 1e-12 * rms(x));  // the real part is the signal itself
}

TEST(Hilbert, MatchesScipyEvenLength) {
  check("even");
}
TEST(Hilbert, MatchesScipyOddLength) {
  check("odd");
}

TEST(Hilbert, EnvelopeOfWholePeriodCosineIsItsAmplitude) {
  for (std::size_t n : {256U, 255U}) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
      x[i] = 3.0 * std::cos(2.0 * std::numbers::pi * 7.0 * static_cast<double>(i) /
                            static_cast<double>(n));
    const auto a = eegtrack::dsp::analytic_signal(x);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_NEAR(std::abs(a[i]), 3.0, 1e-12);
      // H{cos} = sin
      EXPECT_NEAR(a[i].imag(),
                  3.0 * std::sin(2.0 * std::numbers::pi * 7.0 * static_cast<double>(i) /
                                 static_cast<double>(n)),
                  1e-12);
    }
  }
}

// envelope() computes the imaginary part alone (an inverse real FFT) and takes x as the real
// part: it must give the magnitude of the full analytic signal, at every length.
TEST(Hilbert, EnvelopeIsTheMagnitudeOfTheAnalyticSignal) {
  std::mt19937 rng(11);
  std::normal_distribution<double> noise(0.0, 30.0);
  for (std::size_t n : {1U, 2U, 3U, 8U, 9U, 255U, 256U, 5120U}) {
    std::vector<double> x(n);
    for (auto& v : x)
      v = noise(rng) + 12.0;  // a mean, so that the DC bin matters
    const auto a = eegtrack::dsp::analytic_signal(x);
    const auto env = eegtrack::dsp::envelope(x);
    ASSERT_EQ(env.size(), n);
    for (std::size_t i = 0; i < n; ++i)
      EXPECT_NEAR(env[i], std::abs(a[i]), 1e-12 * (1.0 + std::abs(a[i])))
          << "n " << n << " i " << i;
  }
}

TEST(Hilbert, RejectsEmptySignal) {
  EXPECT_THROW((void)eegtrack::dsp::analytic_signal(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::envelope(std::vector<double>{}), std::invalid_argument);
}

TEST(Hilbert, RejectsNonFiniteSamples) {
  std::vector<double> x(8, 0.0);
  x[0] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW((void)eegtrack::dsp::analytic_signal(x), std::invalid_argument);
  x[0] = 0.0;
  x[5] = std::numeric_limits<double>::infinity();
  EXPECT_THROW((void)eegtrack::dsp::envelope(x), std::invalid_argument);
}

}  // namespace
