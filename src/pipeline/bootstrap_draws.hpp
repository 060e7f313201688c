// Private: the arithmetic of the block bootstrap's resamples (bootstrap_intervals.cpp), from how
// many times each block was drawn rather than from the drawn blocks one by one.
//
// A resample of a 24-h recording draws 2880 blocks. Gathering the drawn epochs' values and
// summing the drawn blocks' spectra in draw order read every block's spectrum once per resample
// (16 MB each, 1000 times): 2.8 s of CPU, a quarter of a 24-h `--no-detect` run. With the
// multiplicities, each block's spectrum is read once for a group of resamples and the medians
// walk values sorted once.
#pragma once

#include <Eigen/Dense>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace eegtrack::pipeline::detail {

/// Finite values with the block each belongs to, sorted by value once: the median of any
/// resample's multiset is read off them with the blocks' multiplicities.
class BlockValues {
 public:
  /// values[i] belongs to block blocks[i] (an index into the multiplicities later passed);
  /// non-finite values are left out, as the bootstrap leaves them out of its medians.
  BlockValues(std::span<const double> values, std::span<const std::size_t> blocks);

  /// dsp::quantile(v, 0.5) of the multiset v holding each value multiplicity[block] times,
  /// with the same arithmetic (the same bits); NaN when v is empty.
  [[nodiscard]] double median(std::span<const std::uint32_t> multiplicity) const;

 private:
  std::vector<double> sorted_;
  std::vector<std::size_t> block_;  ///< of sorted_[i]
};

/// Per-block spectrum sums of one channel: rows of `bins` floats, one per block, and the number
/// of epochs each sums.
struct BlockSpectra {
  /// Writes the sums of blocks [first, first + count) to `into`: count rows of `bins` floats.
  /// (The analysis reads them from its temporary file, kBlocksPerRead blocks at a time.)
  std::function<void(std::size_t first, std::size_t count, float* into)> read;
  const std::uint32_t* counts = nullptr;  ///< block b's count at counts[b * count_stride]
  std::size_t count_stride = 0;
  std::size_t bins = 0;
  std::size_t blocks = 0;
};

/// Blocks mean_drawn_spectra reads at once: 256 blocks of 83 bins are 85 KB.
inline constexpr std::size_t kBlocksPerRead = 256;

/// The mean spectrum of one channel in each of several resamples: row r is the sum of the
/// block spectra, each multiplicity[r][b] times, divided by the epochs they hold. `epochs[r]`
/// receives that number (0: row r of `out` is left as it was). The blocks are added in block order,
/// each multiplied by its multiplicity, so the result equals the draw-order sum up to rounding.
void mean_drawn_spectra(const BlockSpectra& channel,
                        std::span<const std::vector<std::uint32_t>> multiplicity,
                        Eigen::Ref<Eigen::MatrixXd> out, std::span<std::uint64_t> epochs);

}  // namespace eegtrack::pipeline::detail
