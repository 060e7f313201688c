#include "eegtrack/dsp/band_power.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <vector>

namespace dsp = eegtrack::dsp;

namespace {

struct Grid {
  std::vector<double> f;
  std::vector<double> p;
};

Grid grid(std::size_t n, double df, double (*fn)(double)) {
  Grid g;
  for (std::size_t k = 0; k < n; ++k) {
    g.f.push_back(static_cast<double>(k) * df);
    g.p.push_back(fn(g.f.back()));
  }
  return g;
}

}  // namespace

TEST(BandPower, FlatPsdGivesWidthTimesLevel) {
  const auto g = grid(257, 0.5, [](double) { return 3.0; });
  EXPECT_NEAR(dsp::band_power(g.f, g.p, 8.0, 13.0), 15.0, 1e-12);
  EXPECT_NEAR(dsp::band_power(g.f, g.p, 8.2, 12.9), 3.0 * 4.7, 1e-12);  // edges between bins
}

TEST(BandPower, LinearPsdIsIntegratedExactly) {
  // PSD = 2 f + 1: integral over [a, b] = b^2 - a^2 + b - a, exact for the linear interpolant.
  const auto g = grid(129, 0.25, [](double f) { return 2.0 * f + 1.0; });
  for (auto [a, b] : {std::pair{1.0, 4.0}, std::pair{0.1, 3.33}, std::pair{7.9, 8.05}}) {
    EXPECT_NEAR(dsp::band_power(g.f, g.p, a, b), b * b - a * a + b - a, 1e-12) << a << "-" << b;
  }
}

TEST(BandPower, AdjacentBandsAddUp) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> level(0.0, 10.0);
  Grid g;
  for (std::size_t k = 0; k < 201; ++k) {
    g.f.push_back(0.5 * static_cast<double>(k));
    g.p.push_back(level(rng));
  }
  std::uniform_real_distribution<double> edge(0.0, 100.0);
  for (int i = 0; i < 200; ++i) {
    double e[3] = {edge(rng), edge(rng), edge(rng)};
    std::sort(e, e + 3);
    if (e[0] == e[1] || e[1] == e[2])
      continue;
    const double whole = dsp::band_power(g.f, g.p, e[0], e[2]);
    const double parts =
        dsp::band_power(g.f, g.p, e[0], e[1]) + dsp::band_power(g.f, g.p, e[1], e[2]);
    EXPECT_NEAR(parts, whole, 1e-12 * whole);
  }
}

TEST(BandPower, EdgesAreInterpolatedContinuously) {
  // A single spike at bin 10 (5 Hz): the interpolant is a triangle from 4.5 to 5.5 Hz.
  Grid g = grid(41, 0.5, [](double) { return 0.0; });
  g.p[10] = 2.0;
  EXPECT_NEAR(dsp::band_power(g.f, g.p, 0.0, 20.0), 1.0, 1e-15);
  EXPECT_NEAR(dsp::band_power(g.f, g.p, 5.0, 20.0), 0.5, 1e-15);
  // Half of the rising side: from 4.75 Hz (value 1) to 5 Hz (value 2) -> 0.375.
  EXPECT_NEAR(dsp::band_power(g.f, g.p, 4.75, 5.0), 0.375, 1e-15);
  EXPECT_NEAR(dsp::band_power(g.f, g.p, 4.75, 5.0 + 1e-9), 0.375, 1e-8);
}

TEST(BandPower, RejectsBadArguments) {
  const auto g = grid(11, 1.0, [](double) { return 1.0; });
  const std::vector<double> short_p(10, 1.0);
  EXPECT_THROW((void)dsp::band_power(g.f, short_p, 1.0, 2.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::band_power(std::vector<double>{1.0}, std::vector<double>{1.0}, 1.0, 1.0),
               std::invalid_argument);
  EXPECT_THROW((void)dsp::band_power(g.f, g.p, 4.0, 4.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::band_power(g.f, g.p, 5.0, 4.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::band_power(g.f, g.p, -1.0, 4.0), std::invalid_argument);
  EXPECT_THROW((void)dsp::band_power(g.f, g.p, 4.0, 10.5), std::invalid_argument);
  EXPECT_THROW((void)dsp::band_power(g.f, g.p, std::nan(""), 4.0), std::invalid_argument);
  try {
    (void)dsp::band_power(g.f, g.p, 4.0, 10.5);
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("band_power: band outside", 0), 0U);
  }
}
