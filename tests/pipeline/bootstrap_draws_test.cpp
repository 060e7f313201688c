// The block bootstrap's resample arithmetic (src/pipeline/bootstrap_draws.hpp) against the
// resample written out draw by draw, as the bootstrap computed it before: the median of the
// drawn epochs' values (dsp::quantile of the gathered values, the same bits) and the mean
// spectrum of the drawn blocks summed in draw order (equal up to rounding).
#include "bootstrap_draws.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::pipeline::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Draws of `n_draws` blocks out of `n_blocks` with replacement, as multiplicities and in order.
struct Draw {
  std::vector<std::size_t> order;
  std::vector<std::uint32_t> multiplicity;
};

Draw draw(std::mt19937_64& rng, std::size_t n_blocks, std::size_t n_draws) {
  std::uniform_int_distribution<std::size_t> pick(0, n_blocks - 1);
  Draw d{{}, std::vector<std::uint32_t>(n_blocks, 0)};
  for (std::size_t j = 0; j < n_draws; ++j) {
    d.order.push_back(pick(rng));
    ++d.multiplicity[d.order.back()];
  }
  return d;
}

TEST(BlockValues, MedianHasTheBitsOfTheGatheredValuesMedian) {
  std::mt19937_64 rng(7);
  for (std::size_t n_blocks : {1U, 2U, 5U, 30U}) {
    for (int trial = 0; trial < 40; ++trial) {
      // Blocks of 0-8 epochs; coarse values so that ties occur, and some NaN (rejected).
      std::vector<std::vector<double>> by_block(n_blocks);
      std::vector<double> values;
      std::vector<std::size_t> blocks;
      std::uniform_int_distribution<int> epochs(0, 8);
      std::uniform_int_distribution<int> level(0, 12);
      for (std::size_t b = 0; b < n_blocks; ++b) {
        const int n = epochs(rng);
        for (int e = 0; e < n; ++e) {
          const int l = level(rng);
          const double v = l == 0 ? kNaN : 0.1 * l + (trial % 2 == 0 ? 0.0 : 1e-3 * e);
          by_block[b].push_back(v);
          values.push_back(v);
          blocks.push_back(b);
        }
      }
      const BlockValues sorted(values, blocks);
      const Draw d = draw(rng, n_blocks, n_blocks);
      std::vector<double> gathered;  // the drawn epochs' finite values, draw by draw
      for (std::size_t b : d.order)
        for (double v : by_block[b])
          if (std::isfinite(v))
            gathered.push_back(v);
      const double median = sorted.median(d.multiplicity);
      if (gathered.empty()) {
        EXPECT_TRUE(std::isnan(median));
        continue;
      }
      const double expected = dsp::quantile(gathered, 0.5);
      EXPECT_EQ(std::bit_cast<std::uint64_t>(median), std::bit_cast<std::uint64_t>(expected))
          << median << " vs " << expected << " (" << gathered.size() << " values)";
    }
  }
}

TEST(BlockValues, NoDrawnBlockGivesNaN) {
  const std::vector<double> values{1.0, 2.0};
  const std::vector<std::size_t> blocks{0, 1};
  const BlockValues sorted(values, blocks);
  EXPECT_TRUE(std::isnan(sorted.median(std::vector<std::uint32_t>{0, 0})));
  EXPECT_EQ(sorted.median(std::vector<std::uint32_t>{0, 3}), 2.0);
  EXPECT_EQ(sorted.median(std::vector<std::uint32_t>{1, 1}), 1.5);
}

TEST(MeanDrawnSpectra, EqualsTheDrawOrderMeanOfTheDrawnBlocks) {
  std::mt19937_64 rng(11);
  // More blocks than mean_drawn_spectra reads at once (kBlocksPerRead), the last group partial.
  const std::size_t n_blocks = 2 * kBlocksPerRead + 88, channels = 3, bins = 37, channel = 1;
  // Block sums: [block][channel][bin] floats, counts per block and channel, some blocks without
  // a clean epoch on the channel.
  std::vector<float> sums(n_blocks * channels * bins);
  std::vector<std::uint32_t> counts(n_blocks * channels);
  std::uniform_real_distribution<float> power(0.1F, 50.0F);
  std::uniform_int_distribution<std::uint32_t> count(0, 8);
  for (auto& s : sums)
    s = power(rng);
  for (auto& c : counts)
    c = count(rng);
  for (std::size_t b = 0; b < n_blocks; ++b)
    if (counts[b * channels + channel] == 0)
      for (std::size_t k = 0; k < bins; ++k)
        sums[(b * channels + channel) * bins + k] = 0.0F;  // nothing summed there
  const BlockSpectra spectra{.read =
                                 [&](std::size_t first, std::size_t n, float* into) {
                                   for (std::size_t b = first; b < first + n; ++b)
                                     std::copy_n(&sums[(b * channels + channel) * bins], bins,
                                                 into + (b - first) * bins);
                                 },
                             .counts = counts.data() + channel,
                             .count_stride = channels,
                             .bins = bins,
                             .blocks = n_blocks};
  std::vector<Draw> draws;
  std::vector<std::vector<std::uint32_t>> multiplicity;
  for (int r = 0; r < 9; ++r) {
    draws.push_back(draw(rng, n_blocks, r == 0 ? 1 : n_blocks));
    multiplicity.push_back(draws.back().multiplicity);
  }
  Eigen::MatrixXd mean(static_cast<Eigen::Index>(draws.size()), static_cast<Eigen::Index>(bins));
  std::vector<std::uint64_t> epochs(draws.size());
  mean_drawn_spectra(spectra, multiplicity, mean, epochs);
  for (std::size_t r = 0; r < draws.size(); ++r) {
    std::vector<double> sum(bins, 0.0);
    std::uint64_t n = 0;
    for (std::size_t b : draws[r].order) {
      n += counts[b * channels + channel];
      for (std::size_t k = 0; k < bins; ++k)
        sum[k] += sums[(b * channels + channel) * bins + k];
    }
    EXPECT_EQ(epochs[r], n) << r;
    if (n == 0)
      continue;
    for (std::size_t k = 0; k < bins; ++k) {
      const double expected = sum[k] / static_cast<double>(n);
      EXPECT_NEAR(mean(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)), expected,
                  1e-13 * expected)
          << r << " " << k;
    }
  }
}

}  // namespace
}  // namespace eegtrack::pipeline::detail
