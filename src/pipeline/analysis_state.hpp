#pragma once
// Private: what analyze_recording accumulates over the epochs and hands to
// aggregate_recording().

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "eegtrack/pipeline/recording_analysis.hpp"
#include "epoch_cells.hpp"

namespace eegtrack::pipeline::detail {

struct AnalysisState {
  std::size_t n_channels = 0;
  std::size_t n_features = 0;
  /// [epoch][channel][feature] as float: a few scalars per epoch, enough for exact medians of
  /// the summaries without holding any spectrum per epoch (NaN = rejected cell). Read back one
  /// feature at a time; all but the last block of epochs wait in a temporary file.
  std::optional<EpochCells> cells;
  std::vector<double> frequencies_hz;
  std::vector<double> psd_sum;         ///< [channel][frequency], sum over clean cells
  std::vector<std::size_t> psd_count;  ///< per channel
  /// For the block bootstrap (bootstrap_intervals): per block of block_epochs epochs, the PSD
  /// sums (float, the first block_bins bins) and counts of the channels the PDR reads
  /// (block_channels: occipital, parietal and frontal), about 12 MB per 24 h of 19 channels.
  std::size_t block_epochs = 1;
  std::vector<std::size_t> block_channels;
  std::size_t block_bins = 0;
  std::vector<float> block_psd_sum;            ///< [block][block channel][bin]
  std::vector<std::uint32_t> block_psd_count;  ///< [block][block channel]
  std::size_t n_epochs = 0;                    ///< epochs accumulated so far
  /// Epochs the recording holds (EpochStream::epoch_count): the block sums above are allocated
  /// once for all of them. Grown by doubling, a vector briefly holds its old and its new copy.
  std::size_t expected_epochs = 0;
};

/// Fills the recording-level fields of `out` (bad channels, clean epochs, medians, regions,
/// PDR, symmetry, slowing) from the accumulated state. out.continuity must be set.
void aggregate_recording(const AnalysisState& state, const AnalyzeParams& params,
                         RecordingAnalysis& out);

/// Percentile intervals of the main measures over a block bootstrap of the clean epochs
/// (docs/findings.md, intervals). `good` are the channels that are not bad; `out` must hold
/// the point estimates (after the rest of aggregate_recording).
[[nodiscard]] findings::Intervals bootstrap_intervals(const AnalysisState& state,
                                                      const AnalyzeParams& params,
                                                      const std::vector<std::size_t>& good,
                                                      const RecordingAnalysis& out);

/// Quartiles of the finite values (NaN fields when there are none); reorders `values`.
[[nodiscard]] Quantiles quantiles(std::vector<double>& values);

}  // namespace eegtrack::pipeline::detail
