#include "bootstrap_draws.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace eegtrack::pipeline::detail {

BlockValues::BlockValues(std::span<const double> values, std::span<const std::size_t> blocks) {
  if (values.size() != blocks.size())
    throw std::invalid_argument("BlockValues: one block per value needed");
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (std::isfinite(values[i]))
      order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  for (std::size_t i : order) {
    sorted_.push_back(values[i]);
    block_.push_back(blocks[i]);
  }
}

double BlockValues::median(std::span<const std::uint32_t> multiplicity) const {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < sorted_.size(); ++i)
    n += multiplicity[block_[i]];
  if (n == 0)
    return std::numeric_limits<double>::quiet_NaN();
  // dsp::quantile's rule: the order statistics at floor(pos) and the next, interpolated.
  const double pos = 0.5 * static_cast<double>(n - 1);
  const auto lo = static_cast<std::uint64_t>(std::floor(pos));
  const std::uint64_t hi = lo + 1 < n ? lo + 1 : lo;
  double a = 0.0;
  double b = 0.0;
  std::uint64_t below = 0;  // values of the multiset before sorted_[i]
  for (std::size_t i = 0; i < sorted_.size(); ++i) {
    const std::uint64_t next = below + multiplicity[block_[i]];
    if (lo >= below && lo < next)
      a = sorted_[i];
    if (hi >= below && hi < next) {
      b = sorted_[i];
      break;
    }
    below = next;
  }
  return a + (pos - static_cast<double>(lo)) * (b - a);
}

void mean_drawn_spectra(const BlockSpectra& channel,
                        std::span<const std::vector<std::uint32_t>> multiplicity,
                        Eigen::Ref<Eigen::MatrixXd> out, std::span<std::uint64_t> epochs) {
  const std::size_t n = multiplicity.size();
  const std::size_t bins = channel.bins;
  // Bins run along the rows of `out` (column-major: a row is strided), so the sums are kept
  // resample by resample in a contiguous buffer and copied at the end.
  std::vector<double> sum(n * bins, 0.0);
  std::fill(epochs.begin(), epochs.end(), 0);
  std::vector<float> group(std::min(kBlocksPerRead, channel.blocks) * bins);
  for (std::size_t first = 0; first < channel.blocks; first += kBlocksPerRead) {
    const std::size_t in_group = std::min(kBlocksPerRead, channel.blocks - first);
    channel.read(first, in_group, group.data());
    for (std::size_t b = first; b < first + in_group; ++b) {
      const float* s = group.data() + (b - first) * bins;
      const std::uint32_t count = channel.counts[b * channel.count_stride];
      if (count == 0)
        continue;  // a block without a clean epoch here adds nothing
      for (std::size_t r = 0; r < n; ++r) {
        const std::uint32_t m = multiplicity[r][b];
        if (m == 0)
          continue;
        epochs[r] += std::uint64_t{m} * count;
        const double weight = m;
        double* into = &sum[r * bins];
        for (std::size_t k = 0; k < bins; ++k)
          into[k] += weight * static_cast<double>(s[k]);
      }
    }
  }
  for (std::size_t r = 0; r < n; ++r) {
    if (epochs[r] == 0)
      continue;
    const auto total = static_cast<double>(epochs[r]);
    for (std::size_t k = 0; k < bins; ++k)
      out(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) = sum[r * bins + k] / total;
  }
}

}  // namespace eegtrack::pipeline::detail
