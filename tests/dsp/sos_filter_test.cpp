#include "eegtrack/dsp/sos_filter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/notch.hpp"
#include "filters_golden.hpp"

namespace {

using eegtrack::dsp::ButterworthParams;
using eegtrack::dsp::FilterType;
using eegtrack::dsp::Sos;
using namespace eegtrack::test::filters;

constexpr double kFs = 500.0;  // EEGMAT sampling rate of the golden segment

Sos bandpass_1_40() {
  return eegtrack::dsp::butterworth({.order = 4,
                                     .type = FilterType::BandPass,
                                     .low_hz = 1.0,
                                     .high_hz = 40.0,
                                     .sample_rate_hz = kFs});
}

std::vector<double> noise(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g(0.0, 1.0);
  std::vector<double> x(n);
  for (double& v : x)
    v = g(rng);
  return x;
}

void expect_close_to_scipy(const std::vector<double>& got, const std::vector<double>& want,
                           const std::string& what) {
  const double err = max_abs_diff(got, want);
  const double tol = kRelativeSignalTolerance * rms(want);
  EXPECT_LE(err, tol) << what;
  std::cout << what << ": max |err| / rms = " << err / rms(want) << "\n";
}

TEST(Sosfiltfilt, MatchesScipyOnRealEeg) {
  const auto g = read_series("filters_sosfiltfilt.csv");
  const auto& eeg = g.at("x_eeg");
  ASSERT_EQ(eeg.size(), 300U);
  expect_close_to_scipy(eegtrack::dsp::sosfiltfilt(bandpass_1_40(), eeg), g.at("bp4_1_40_eeg"),
                        "bandpass 1-40 order 4");
  const auto hp = eegtrack::dsp::butterworth(
      {.order = 2, .type = FilterType::HighPass, .cutoff_hz = 0.5, .sample_rate_hz = kFs});
  expect_close_to_scipy(eegtrack::dsp::sosfiltfilt(hp, eeg), g.at("hp2_0.5_eeg"),
                        "highpass 0.5 order 2");
  expect_close_to_scipy(eegtrack::dsp::sosfiltfilt(eegtrack::dsp::iir_notch(50.0, 30.0, kFs), eeg),
                        g.at("notch50_eeg"), "notch 50 Q30");
}

TEST(Sosfiltfilt, MatchesScipyOnSyntheticSignal) {
  const auto g = read_series("filters_sosfiltfilt.csv");
  const auto lp = eegtrack::dsp::butterworth(
      {.order = 8, .type = FilterType::LowPass, .cutoff_hz = 30.0, .sample_rate_hz = kFs});
  expect_close_to_scipy(eegtrack::dsp::sosfiltfilt(lp, g.at("x_synth")), g.at("lp8_30_synth"),
                        "lowpass 30 order 8");
}

TEST(Sosfilt, MatchesScipyCausalFilter) {
  const auto g = read_series("filters_sosfiltfilt.csv");
  expect_close_to_scipy(eegtrack::dsp::sosfilt(bandpass_1_40(), g.at("x_eeg")),
                        g.at("sosfilt_bp4_1_40_eeg"), "sosfilt bandpass 1-40");
}

TEST(SosFilter, ChunkedStreamingEqualsOneShotExactly) {
  const auto x = noise(5000, 42);
  const Sos sos = bandpass_1_40();
  const auto one_shot = eegtrack::dsp::sosfilt(sos, x);
  eegtrack::dsp::SosFilter filter(sos);
  std::vector<double> chunked(x.size());
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> len(0, 300);
  for (std::size_t pos = 0; pos < x.size();) {
    const std::size_t n = std::min(len(rng), x.size() - pos);
    filter.process(std::span(x).subspan(pos, n), std::span(chunked).subspan(pos, n));
    pos += n;
  }
  EXPECT_EQ(chunked, one_shot);  // bitwise: the same operations in the same order
}

// Chunks shorter than the cascade take the plain per-sample loop, longer ones the pipelined
// loop: both must give the same bits, for every section count (1 to 10 sections).
TEST(SosFilter, PipelinedCascadeEqualsPerSampleLoopBitwise) {
  const auto x = noise(3001, 5);
  for (int design = 0; design < 15; ++design) {
    eegtrack::dsp::ButterworthParams p;  // low-pass orders 1-10, band-pass orders 1-5
    p.order = design < 10 ? design + 1 : design - 9;
    p.type = design < 10 ? eegtrack::dsp::FilterType::LowPass : eegtrack::dsp::FilterType::BandPass;
    p.cutoff_hz = 30.0;
    p.low_hz = 1.0;
    p.high_hz = 40.0;
    p.sample_rate_hz = 256.0;
    const Sos sos = eegtrack::dsp::butterworth(p);
    const auto whole = eegtrack::dsp::sosfilt(sos, x);
    eegtrack::dsp::SosFilter one_by_one(sos);
    std::vector<double> serial(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      one_by_one.process(std::span(x).subspan(i, 1), std::span(serial).subspan(i, 1));
    EXPECT_EQ(whole, serial) << sos.sections.size() << " sections";
  }
}

TEST(SosFilter, ResetReturnsToRest) {
  const auto x = noise(1000, 3);
  eegtrack::dsp::SosFilter filter(bandpass_1_40());
  std::vector<double> first(x.size()), second(x.size());
  filter.process(x, first);
  filter.reset();
  filter.process(x, second);
  EXPECT_EQ(first, second);
}

TEST(SosFilter, SteadyStateStartHasNoTransientOnConstantInput) {
  const auto lp = eegtrack::dsp::butterworth(
      {.order = 4, .type = FilterType::LowPass, .cutoff_hz = 10.0, .sample_rate_hz = 250.0});
  eegtrack::dsp::SosFilter filter(lp);
  filter.reset_to_steady_state(3.5);
  std::vector<double> x(500, 3.5), y(500);
  filter.process(x, y);
  for (double v : y)
    EXPECT_NEAR(v, 3.5, 1e-12);
}

TEST(SosFilter, CausalOutputEqualsForwardPassOfSosfiltfiltWithoutPadding) {
  // sosfiltfilt's forward pass is sosfilt started from sosfilt_zi * x[0]; with the state reset to
  // that steady state the streaming filter must reproduce it, and from rest it must equal sosfilt.
  const auto x = noise(2000, 11);
  const Sos sos = bandpass_1_40();
  eegtrack::dsp::SosFilter filter(sos);
  std::vector<double> y(x.size());
  filter.process(x, y);
  EXPECT_EQ(y, eegtrack::dsp::sosfilt(sos, x));
  // Forward-backward with the reference steady state, built by hand from the causal filter.
  const std::size_t pad = eegtrack::dsp::sosfiltfilt_padlen(sos);
  std::vector<double> ext;
  for (std::size_t i = pad; i >= 1; --i)
    ext.push_back(2.0 * x[0] - x[i]);
  ext.insert(ext.end(), x.begin(), x.end());
  for (std::size_t i = 0; i < pad; ++i)
    ext.push_back(2.0 * x.back() - x[x.size() - 2 - i]);
  std::vector<double> fwd(ext.size()), bwd(ext.size());
  filter.reset_to_steady_state(ext.front());
  filter.process(ext, fwd);
  std::reverse(fwd.begin(), fwd.end());
  filter.reset_to_steady_state(fwd.front());
  filter.process(fwd, bwd);
  std::reverse(bwd.begin(), bwd.end());
  const std::vector<double> manual(bwd.begin() + static_cast<std::ptrdiff_t>(pad),
                                   bwd.end() - static_cast<std::ptrdiff_t>(pad));
  EXPECT_EQ(manual, eegtrack::dsp::sosfiltfilt(sos, x));
}

TEST(Sosfiltfilt, IsZeroPhaseOnGaussianPulse) {
  const std::size_t n = 2001;
  const std::size_t centre = 1000;
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = (static_cast<double>(i) - static_cast<double>(centre)) / 20.0;
    x[i] = std::exp(-0.5 * t * t);
  }
  const auto lp = eegtrack::dsp::butterworth(
      {.order = 4, .type = FilterType::LowPass, .cutoff_hz = 8.0, .sample_rate_hz = 250.0});
  const auto y = eegtrack::dsp::sosfiltfilt(lp, x);
  const auto peak = static_cast<std::size_t>(std::max_element(y.begin(), y.end()) - y.begin());
  EXPECT_EQ(peak, centre);
  for (std::size_t k = 1; k < 400; ++k)
    EXPECT_NEAR(y[centre - k], y[centre + k], 1e-9) << k;
  // Causal filtering of the same pulse lags: the peak moves later.
  const auto c = eegtrack::dsp::sosfilt(lp, x);
  EXPECT_GT(std::max_element(c.begin(), c.end()) - c.begin(), static_cast<std::ptrdiff_t>(centre));
}

TEST(Sosfiltfilt, PadlenFollowsScipyRule) {
  EXPECT_EQ(eegtrack::dsp::sosfiltfilt_padlen(bandpass_1_40()), 27U);  // 3 * (2*4 + 1)
  const auto lp3 = eegtrack::dsp::butterworth(
      {.order = 3, .type = FilterType::LowPass, .cutoff_hz = 10.0, .sample_rate_hz = 100.0});
  // Two sections, one of them first order (b2 = a2 = 0): 3 * (2*2 + 1 - 1).
  EXPECT_EQ(eegtrack::dsp::sosfiltfilt_padlen(lp3), 12U);
}

TEST(Sosfiltfilt, RejectsSignalNotLongerThanPadlen) {
  const std::vector<double> x(27, 1.0);
  try {
    (void)eegtrack::dsp::sosfiltfilt(bandpass_1_40(), x);
    ADD_FAILURE() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("sosfiltfilt: signal must be longer than padlen 27 (27)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW((void)eegtrack::dsp::sosfiltfilt(bandpass_1_40(), std::vector<double>{}),
               std::invalid_argument);
}

TEST(SosFilter, RejectsEmptySosAndZeroLeadingDenominator) {
  EXPECT_THROW(eegtrack::dsp::SosFilter(Sos{}), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::sosfilt(Sos{{{1, 0, 0, 0, 0, 0}}}, std::vector<double>{1.0}),
               std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::sosfiltfilt(Sos{}, std::vector<double>(100, 1.0)),
               std::invalid_argument);
}

TEST(SosFilter, RejectsMismatchedOutputSize) {
  eegtrack::dsp::SosFilter filter(bandpass_1_40());
  std::vector<double> in(10), out(9);
  EXPECT_THROW(filter.process(in, out), std::invalid_argument);
}

TEST(SosFilter, RejectsNonFiniteSamples) {
  std::vector<double> x(200, 1.0);
  x[17] = std::numeric_limits<double>::quiet_NaN();
  try {
    (void)eegtrack::dsp::sosfiltfilt(bandpass_1_40(), x);
    ADD_FAILURE() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "sosfiltfilt: non-finite sample at index 17 (nan)");
  }
  EXPECT_THROW((void)eegtrack::dsp::sosfilt(bandpass_1_40(), x), std::invalid_argument);
  eegtrack::dsp::SosFilter filter(bandpass_1_40());
  std::vector<double> y(x.size());
  EXPECT_THROW(filter.process(x, y), std::invalid_argument);
}

// The channels are filtered side by side; each must come out exactly as filtering it alone
// does, so callers can switch without a change in any result.
TEST(SosfiltfiltChannels, EqualsSosfiltfiltOfEachChannelBitwise) {
  const auto hp = eegtrack::dsp::butterworth(
      {.order = 2, .type = FilterType::HighPass, .cutoff_hz = 0.5, .sample_rate_hz = kFs});
  const Sos filters[] = {bandpass_1_40(), hp, eegtrack::dsp::iir_notch(50.0, 30.0, kFs)};
  for (const std::size_t width : {1U, 2U, 5U, 21U}) {
    std::vector<std::vector<double>> x;
    for (std::size_t c = 0; c < width; ++c) {
      x.push_back(noise(1000, static_cast<unsigned>(c + 1)));
      for (double& v : x.back())
        v = 40.0 * v + 10.0 * static_cast<double>(c);  // offsets exercise the odd extension
    }
    const std::vector<std::span<const double>> spans(x.begin(), x.end());
    for (const Sos& sos : filters) {
      const auto together = eegtrack::dsp::sosfiltfilt_channels(sos, spans);
      ASSERT_EQ(together.size(), width);
      for (std::size_t c = 0; c < width; ++c) {
        const auto alone = eegtrack::dsp::sosfiltfilt(sos, x[c]);
        ASSERT_EQ(together[c].size(), alone.size());
        for (std::size_t i = 0; i < alone.size(); ++i)
          ASSERT_EQ(together[c][i], alone[i]) << "width " << width << " channel " << c << " at "
                                              << i << ", " << sos.sections.size() << " sections";
      }
    }
  }
  EXPECT_TRUE(eegtrack::dsp::sosfiltfilt_channels(hp, {}).empty());
}

TEST(SosfiltfiltChannels, RejectsUnequalShortAndNonFiniteChannels) {
  const std::vector<double> a(200, 1.0);
  const std::vector<double> b(199, 1.0);
  const auto message = [](const std::vector<std::span<const double>>& channels) {
    try {
      (void)eegtrack::dsp::sosfiltfilt_channels(bandpass_1_40(), channels);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no throw");
  };
  EXPECT_EQ(message({a, b}), "sosfiltfilt_channels: channels of unequal length (199 vs 200)");
  const std::vector<double> short_one(27, 1.0);
  EXPECT_EQ(message({short_one}),
            "sosfiltfilt_channels: signal must be longer than padlen 27 (27)");
  std::vector<double> nan_one = a;
  nan_one[17] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(message({a, nan_one}), "sosfiltfilt_channels: non-finite sample at index 17 (nan)");
}

}  // namespace
