// The selection's counting passes have vector loops (AVX2 where the processor has it) beside
// the baseline's: finding the range of the keys and keeping the values of one bin. Both paths
// must give exactly what a plain scalar loop over the keys gives, in the values' order, on bit
// patterns that stress the key mapping and at lengths off the four-value grid.

#include "radix_select.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <random>
#include <vector>

#include "hard_doubles.hpp"

namespace eegtrack::dsp::detail {
namespace {

// The documented key: unsigned order equals numeric order.
std::uint64_t reference_key(double x) {
  const auto u = std::bit_cast<std::uint64_t>(x);
  return (u >> 63) != 0 ? ~u : u | (std::uint64_t{1} << 63);
}

std::vector<double> hard_values(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> eeg(0.0, 30.0);
  const auto special = test::hard_doubles();
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = i % 7 == 3 ? special[(i / 7) % special.size()] : eeg(rng);
  return x;
}

TEST(RadixSelectPaths, KeyRangeIsTheScalarMinimumAndMaximum) {
  for (const auto path : {SelectPath::Widest, SelectPath::Baseline}) {
    for (const std::size_t n : {1U, 3U, 4U, 5U, 8U, 11U, 1280U, 1283U}) {
      for (const unsigned seed : {1U, 2U}) {
        const auto x = hard_values(n, seed);
        std::uint64_t lo = ~std::uint64_t{0};
        std::uint64_t hi = 0;
        for (const double v : x) {
          lo = std::min(lo, reference_key(v));
          hi = std::max(hi, reference_key(v));
        }
        const auto [got_lo, got_hi] = key_range(x, path);
        EXPECT_EQ(got_lo, lo) << n << " values, path " << static_cast<int>(path);
        EXPECT_EQ(got_hi, hi) << n << " values, path " << static_cast<int>(path);
      }
    }
    // Only positive, only negative: the signed comparison of flipped keys at both ends.
    const std::vector<double> positive = {3.0, 1e-300, 7.0, 2.0, 1e300};
    const std::vector<double> negative = {-3.0, -1e-300, -7.0, -2.0, -1e300};
    EXPECT_EQ(key_range(positive, path).first, reference_key(1e-300));
    EXPECT_EQ(key_range(positive, path).second, reference_key(1e300));
    EXPECT_EQ(key_range(negative, path).first, reference_key(-1e300));
    EXPECT_EQ(key_range(negative, path).second, reference_key(-1e-300));
  }
}

TEST(RadixSelectPaths, KeepBinKeepsExactlyTheBinsValuesInOrder) {
  for (const auto path : {SelectPath::Widest, SelectPath::Baseline}) {
    for (const std::size_t n : {1U, 4U, 7U, 1280U, 1283U}) {
      const auto x = hard_values(n, 9);
      for (const int shift : {0, 20, 48, 53, 56}) {
        const std::size_t bins = 256;
        // The bins of a few of the values themselves, and one no value falls in.
        for (const std::size_t which : {std::size_t{0}, n / 2, n - 1}) {
          const std::size_t bin = (reference_key(x[which]) >> shift) & (bins - 1);
          std::vector<double> want;
          for (const double v : x) {
            if (((reference_key(v) >> shift) & (bins - 1)) == bin)
              want.push_back(v);
          }
          std::vector<double> got(n);
          got.resize(keep_bin(x, got.data(), shift, bins, bin, path));
          ASSERT_EQ(got.size(), want.size()) << n << ' ' << shift << ' ' << bin;
          for (std::size_t i = 0; i < got.size(); ++i)  // bit patterns: -0 is not +0
            EXPECT_EQ(std::bit_cast<std::uint64_t>(got[i]), std::bit_cast<std::uint64_t>(want[i]));
        }
      }
    }
  }
}

}  // namespace
}  // namespace eegtrack::dsp::detail
