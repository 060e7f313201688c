// The spike detector's whitened virtual channel is summed in blocks of samples in vector
// registers (SSE2, or AVX2 where the processor has it). Each value must still be the
// channel-by-channel sum, bit for bit, so that results do not depend on the processor, on
// where a sample falls in a block, or on which part of the trace is computed.

#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <vector>

#include "spikes/discharge_analysis.hpp"

namespace eegtrack::detect::detail {
namespace {

TEST(VirtualChannel, EqualsTheChannelByChannelSumBitForBit) {
  std::mt19937_64 rng(11);
  // Microvolts over many decades, so that the order of the additions shows in the last bits.
  std::lognormal_distribution<double> magnitude(2.0, 3.0);
  std::bernoulli_distribution negative(0.5);
  auto value = [&] { return negative(rng) ? -magnitude(rng) : magnitude(rng); };
  for (const std::size_t m : {1U, 4U, 19U}) {
    // Lengths below, at and around multiples of the sixteen-sample block.
    for (const std::size_t n : {0U, 1U, 15U, 16U, 17U, 31U, 32U, 33U, 5120U, 5127U}) {
      std::vector<std::vector<double>> traces(m, std::vector<double>(n));
      std::vector<const double*> channels;
      for (auto& t : traces) {
        for (double& x : t)
          x = value();
        channels.push_back(t.data());
      }
      std::vector<double> a(m);
      for (double& w : a)
        w = value() * 1e-3;
      std::vector<double> expected(n, 0.0);
      for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t s = 0; s < n; ++s)
          expected[s] += a[i] * traces[i][s];
      }
      std::vector<double> v(n, -1.0);
      virtual_channel(channels, a, v);
      std::size_t differing = 0;
      for (std::size_t s = 0; s < n; ++s)
        differing += v[s] == expected[s] ? 0 : 1;
      EXPECT_EQ(differing, 0U) << m << " channels, " << n << " samples";
      for (const auto path : {VectorPath::Widest, VectorPath::Baseline}) {
        // A part starting off the block grid; the values outside it stay untouched.
        const std::size_t from = n / 3;
        const std::size_t to = n - n / 5;
        std::vector<double> part(n, -1.0);
        virtual_channel(channels, a, part, from, to, path);
        differing = 0;
        for (std::size_t s = 0; s < n; ++s) {
          const double want = s >= from && s < to ? expected[s] : -1.0;
          differing += part[s] == want ? 0 : 1;
          if (virtual_channel_at(channels, a, s) != expected[s])
            ++differing;
        }
        EXPECT_EQ(differing, 0U) << m << " channels, " << n << " samples, [" << from << ", " << to
                                 << "), path " << static_cast<int>(path);
      }
    }
  }
}

}  // namespace
}  // namespace eegtrack::detect::detail
