// all_finite and value_range against the one-sample-at-a-time definitions (std::isfinite,
// std::minmax_element), on the hard bit patterns, at every position of a short span and at
// lengths on and off the four-sample step.

#include "eegtrack/dsp/span_scan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "hard_doubles.hpp"

namespace eegtrack::dsp {
namespace {

bool all_finite_by_isfinite(const std::vector<double>& x) {
  return std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

TEST(AllFinite, EachNonFiniteValueAtEachPositionIsFound) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const double bad : {nan, -nan, inf, -inf, std::numeric_limits<double>::signaling_NaN()}) {
    for (std::size_t n = 1; n <= 11; ++n) {
      for (std::size_t at = 0; at < n; ++at) {
        std::vector<double> x(n, std::numeric_limits<double>::max());
        x[at] = bad;
        EXPECT_FALSE(all_finite(x)) << "n " << n << " at " << at << " value " << bad;
      }
    }
  }
}

TEST(AllFinite, AgreesWithIsfiniteOnHardValues) {
  const auto hard = test::hard_doubles();
  for (const double v : hard) {
    const std::vector<double> x{1.0, v, -2.0};
    EXPECT_EQ(all_finite(x), all_finite_by_isfinite(x)) << v;
  }
  EXPECT_TRUE(all_finite(std::vector<double>{}));
  EXPECT_TRUE(all_finite(std::vector<double>{std::numeric_limits<double>::max(),
                                             std::numeric_limits<double>::lowest(),
                                             std::numeric_limits<double>::denorm_min(), -0.0}));
}

TEST(ValueRange, EqualsMinmaxElementAtEveryLengthAndPosition) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> g(0.0, 50.0);
  for (std::size_t n = 1; n <= 19; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      std::vector<double> x(n);
      for (auto& v : x)
        v = g(rng);
      for (const double extreme : {1e6, -1e6}) {
        auto y = x;
        y[at] = extreme;  // the extreme at each position, so each lane and the tail are checked
        const auto [lo, hi] = std::minmax_element(y.begin(), y.end());
        const auto r = value_range(y);
        EXPECT_EQ(r.lowest, *lo) << "n " << n << " at " << at;
        EXPECT_EQ(r.highest, *hi) << "n " << n << " at " << at;
      }
    }
  }
}

TEST(ValueRange, HardFiniteValuesAndInfinities) {
  auto x = test::hard_doubles();
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  const auto r = value_range(x);
  EXPECT_EQ(r.lowest, *lo);
  EXPECT_EQ(r.highest, *hi);
  EXPECT_EQ(r.lowest, -std::numeric_limits<double>::infinity());
  const std::vector<double> zeros{-0.0, 0.0, 0.0, -0.0, 0.0};
  const auto z = value_range(zeros);
  EXPECT_EQ(z.highest - z.lowest, 0.0);
}

}  // namespace
}  // namespace eegtrack::dsp
