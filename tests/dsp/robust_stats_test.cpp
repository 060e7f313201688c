#include "eegtrack/dsp/robust_stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "hard_doubles.hpp"

namespace {

using eegtrack::dsp::EvenMedian;

// Quantised values, so ties (the case selection gets wrong most easily) are common.
std::vector<double> random_values(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> d(-40, 40);
  std::vector<double> x(n);
  for (double& v : x)
    v = 0.25 * d(rng);
  return x;
}

// Brute force: a full sort.
double sorted_median(std::vector<double> v, EvenMedian rule) {
  std::sort(v.begin(), v.end());
  const std::size_t mid = v.size() / 2;
  if (v.size() % 2 == 1 || rule == EvenMedian::Upper)
    return v[mid];
  return 0.5 * (v[mid - 1] + v[mid]);
}

double sorted_quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

TEST(RobustStats, MedianMatchesSortOnEvenAndOddLengths) {
  for (std::size_t n = 1; n <= 40; ++n) {
    for (unsigned seed = 0; seed < 5; ++seed) {
      const auto x = random_values(n, seed + 100 * static_cast<unsigned>(n));
      for (const auto rule : {EvenMedian::Mean, EvenMedian::Upper}) {
        EXPECT_EQ(eegtrack::dsp::median(x, rule), sorted_median(x, rule)) << n;
      }
    }
  }
}

// The counting test agrees with the sorted median compared against the threshold, for every
// length, with ties, thresholds on, between and beside the values, and a NaN.
TEST(RobustStats, MedianIsBelowAgreesWithTheMedian) {
  for (std::size_t n = 1; n <= 30; ++n) {
    for (unsigned seed = 0; seed < 5; ++seed) {
      const auto x = random_values(n, seed + 7 * static_cast<unsigned>(n));
      const double m = sorted_median(x, EvenMedian::Mean);
      for (const double t : {m, std::nextafter(m, 1e9), std::nextafter(m, -1e9), m + 0.125,
                             m - 0.125, -100.0, 100.0}) {
        EXPECT_EQ(eegtrack::dsp::median_is_below(x, t), m < t) << n << " " << t;
      }
    }
  }
  std::vector<double> with_nan = {1.0, std::numeric_limits<double>::quiet_NaN(), 2.0};
  EXPECT_FALSE(eegtrack::dsp::median_is_below(with_nan, 100.0));
  EXPECT_THROW((void)eegtrack::dsp::median_is_below(std::vector<double>{}, 1.0),
               std::invalid_argument);
}

// Long inputs take the sampled selection: exact against a sort for shapes that defeat pivot
// sampling (sorted, reversed, constant, two values, outliers, a sawtooth) as well as noise.
TEST(RobustStats, LongInputsMatchSortWhateverTheirShape) {
  for (std::size_t n : {511U, 512U, 513U, 1000U, 5120U, 5121U, 40000U}) {
    std::vector<std::vector<double>> shapes;
    shapes.push_back(random_values(n, static_cast<unsigned>(n)));
    auto sorted = shapes.back();
    std::sort(sorted.begin(), sorted.end());
    shapes.push_back(sorted);
    shapes.emplace_back(sorted.rbegin(), sorted.rend());
    shapes.emplace_back(n, 3.0);
    std::vector<double> two(n, 1.0);
    for (std::size_t i = 0; i < n; i += 3)
      two[i] = 2.0;
    shapes.push_back(two);
    std::vector<double> outliers = random_values(n, 77);
    for (std::size_t i = 0; i < n; i += 7)
      outliers[i] = 1e12 * ((i % 2) != 0U ? 1.0 : -1.0);
    shapes.push_back(outliers);
    std::vector<double> saw(n);
    for (std::size_t i = 0; i < n; ++i)
      saw[i] = static_cast<double>(i % 97);
    shapes.push_back(saw);
    for (const auto& x : shapes) {
      for (const auto rule : {EvenMedian::Mean, EvenMedian::Upper}) {
        const double centre = sorted_median(x, rule);
        ASSERT_EQ(eegtrack::dsp::median(x, rule), centre) << n;
        std::vector<double> dev(x.size());
        std::transform(x.begin(), x.end(), dev.begin(),
                       [&](double v) { return std::abs(v - centre); });
        ASSERT_EQ(eegtrack::dsp::mad(x, centre, rule), sorted_median(dev, rule)) << n;
      }
      auto s = x;
      std::sort(s.begin(), s.end());
      for (std::size_t k : {std::size_t{0}, n / 4, n / 2, n - 1})
        ASSERT_EQ(eegtrack::dsp::order_statistic(x, k), s[k]) << n << ' ' << k;
    }
  }
}

// Selection ranks doubles by their bit patterns: every rank must match a sort for values that
// stress that mapping (both signs, both zeros, infinities, subnormals, the extremes, values
// that agree on all but the lowest mantissa bits) mixed with ordinary EEG-like amplitudes.
TEST(RobustStats, EveryRankMatchesSortOnHardBitPatterns) {
  std::mt19937 rng(12);
  std::normal_distribution<double> eeg(0.0, 30.0);
  const auto special = eegtrack::test::hard_doubles();
  for (std::size_t n : {193U, 700U, 2049U, 4096U, 4097U}) {  // both counting widths
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
      x[i] = i % 5 == 0 ? special[(i / 5) % special.size()] : eeg(rng);
    // A block of near-identical values, so that the counting must descend to the low bits.
    for (std::size_t i = 1; i < n; i += 3)
      x[i] = std::nextafter(7.5, 8.0 + static_cast<double>(i % 4));
    auto s = x;
    std::sort(s.begin(), s.end());
    for (std::size_t k = 0; k < n; ++k)
      ASSERT_EQ(eegtrack::dsp::order_statistic(x, k), s[k]) << n << ' ' << k;
    for (const auto rule : {EvenMedian::Mean, EvenMedian::Upper})
      ASSERT_EQ(eegtrack::dsp::median(x, rule), sorted_median(x, rule)) << n;
    for (const double q : {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0}) {
      const double expected = sorted_quantile(x, q);
      const double got = eegtrack::dsp::quantile(x, q);
      if (std::isnan(expected))  // an infinity neighbour: inf - inf
        ASSERT_TRUE(std::isnan(got)) << n << ' ' << q;
      else
        ASSERT_EQ(got, expected) << n << ' ' << q;
    }
  }
}

TEST(RobustStats, EvenMedianRules) {
  const std::vector<double> x{4.0, 1.0, 3.0, 2.0};
  EXPECT_EQ(eegtrack::dsp::median(x), 2.5);  // numpy.median
  EXPECT_EQ(eegtrack::dsp::median(x, EvenMedian::Upper), 3.0);
}

TEST(RobustStats, OrderStatisticMatchesSort) {
  const auto x = random_values(101, 7);
  auto sorted = x;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t k = 0; k < x.size(); ++k)
    EXPECT_EQ(eegtrack::dsp::order_statistic(x, k), sorted[k]);
  EXPECT_THROW((void)eegtrack::dsp::order_statistic(x, x.size()), std::invalid_argument);
}

TEST(RobustStats, MadAndRobustSdMatchBruteForce) {
  for (std::size_t n : {1U, 2U, 9U, 10U, 255U, 256U}) {
    const auto x = random_values(n, static_cast<unsigned>(n));
    for (const auto rule : {EvenMedian::Mean, EvenMedian::Upper}) {
      const double centre = sorted_median(x, rule);
      std::vector<double> dev(x.size());
      std::transform(x.begin(), x.end(), dev.begin(),
                     [&](double v) { return std::abs(v - centre); });
      const double expected = sorted_median(dev, rule);
      EXPECT_EQ(eegtrack::dsp::mad(x, centre, rule), expected);
      EXPECT_EQ(eegtrack::dsp::robust_sd(x, rule), eegtrack::dsp::kMadToSd * expected);
    }
  }
}

TEST(RobustStats, RobustSdOfGaussianNoiseIsItsSd) {
  std::mt19937 rng(3);
  std::normal_distribution<double> g(5.0, 2.0);
  std::vector<double> x(20000);
  for (double& v : x)
    v = g(rng);
  EXPECT_NEAR(eegtrack::dsp::robust_sd(x), 2.0, 0.05);
}

TEST(RobustStats, QuantileMatchesNumpyLinearRule) {
  for (std::size_t n : {1U, 2U, 3U, 10U, 57U}) {
    const auto x = random_values(n, 11U + static_cast<unsigned>(n));
    for (const double q : {0.0, 0.025, 0.25, 0.5, 0.75, 0.9, 1.0})
      EXPECT_DOUBLE_EQ(eegtrack::dsp::quantile(x, q), sorted_quantile(x, q)) << n << ' ' << q;
  }
  const std::vector<double> y{1.0, 2.0, 3.0, 4.0};
  EXPECT_DOUBLE_EQ(eegtrack::dsp::quantile(y, 0.25), 1.75);  // numpy.percentile(y, 25)
  EXPECT_THROW((void)eegtrack::dsp::quantile(y, 1.5), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::quantile(y, std::nan("")), std::invalid_argument);
}

TEST(RobustStats, EmptyInputIsRefused) {
  const std::vector<double> none;
  EXPECT_THROW((void)eegtrack::dsp::median(none), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::mad(none, 0.0), std::invalid_argument);
  EXPECT_THROW((void)eegtrack::dsp::quantile(none, 0.5), std::invalid_argument);
}

TEST(RobustStats, NaNGivesNaNAndInfinityRanks) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> x{1.0, nan, 3.0};
  EXPECT_TRUE(std::isnan(eegtrack::dsp::median(x)));
  EXPECT_TRUE(std::isnan(eegtrack::dsp::mad(x, 1.0)));
  EXPECT_TRUE(std::isnan(eegtrack::dsp::quantile(x, 0.5)));
  EXPECT_TRUE(std::isnan(eegtrack::dsp::order_statistic(x, 0)));
  EXPECT_TRUE(std::isnan(eegtrack::dsp::mad(std::vector<double>{1.0, 2.0}, nan)));
  EXPECT_EQ(eegtrack::dsp::median(std::vector<double>{inf, 1.0, -inf}), 1.0);
}

// Every window of every size, visited in the patterns the pop detector uses (a window growing
// at the start, sliding, shrinking at the end; sparse and dense visits), against brute force.
TEST(SlidingMedian, MatchesBruteForceForEveryWindow) {
  const auto x = random_values(300, 5);
  for (const auto rule : {EvenMedian::Mean, EvenMedian::Upper}) {
    for (std::size_t w : {1U, 2U, 3U, 8U, 25U, 26U, 299U, 300U}) {
      for (std::size_t stride : {1U, 3U, 40U}) {
        eegtrack::dsp::SlidingMedian pre(x, rule);
        eegtrack::dsp::SlidingMedian post(x, rule);
        for (std::size_t i = 0; i + 1 < x.size(); i += stride) {
          const std::size_t pre_begin = i + 1 >= w ? i + 1 - w : 0;
          const std::size_t post_end = std::min(x.size(), i + 1 + w);
          const std::vector<double> a(x.begin() + static_cast<std::ptrdiff_t>(pre_begin),
                                      x.begin() + static_cast<std::ptrdiff_t>(i + 1));
          const std::vector<double> b(x.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                      x.begin() + static_cast<std::ptrdiff_t>(post_end));
          ASSERT_EQ(pre.median(pre_begin, i + 1), sorted_median(a, rule)) << w << ' ' << i;
          ASSERT_EQ(post.median(i + 1, post_end), sorted_median(b, rule)) << w << ' ' << i;
        }
      }
    }
  }
}

TEST(SlidingMedian, ArbitraryJumpsAndNaN) {
  auto x = random_values(200, 9);
  x[50] = std::numeric_limits<double>::quiet_NaN();
  eegtrack::dsp::SlidingMedian m(x);
  std::mt19937 rng(1);
  std::uniform_int_distribution<std::size_t> d(0, x.size() - 1);
  for (int trial = 0; trial < 2000; ++trial) {
    std::size_t a = d(rng);
    std::size_t b = d(rng);
    if (a > b)
      std::swap(a, b);
    ++b;
    const double got = m.median(a, b);
    if (a <= 50 && 50 < b) {
      ASSERT_TRUE(std::isnan(got));
    } else {
      const std::vector<double> v(x.begin() + static_cast<std::ptrdiff_t>(a),
                                  x.begin() + static_cast<std::ptrdiff_t>(b));
      ASSERT_EQ(got, sorted_median(v, EvenMedian::Mean)) << a << ' ' << b;
    }
  }
  EXPECT_THROW((void)m.median(3, 3), std::invalid_argument);
  EXPECT_THROW((void)m.median(0, x.size() + 1), std::invalid_argument);
}

}  // namespace
