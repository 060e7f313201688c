#pragma once
// Private: what analyze_recording accumulates over the epochs and hands to
// aggregate_recording().

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "eegtrack/pipeline/recording_analysis.hpp"
#include "epoch_processor.hpp"
#include "spilled_columns.hpp"

namespace eegtrack::pipeline::detail {

struct AnalysisState {
  std::size_t n_channels = 0;
  std::size_t n_features = 0;
  /// The per-cell scalars as float: a row per epoch, an entry per channel, a column per feature
  /// (NaN = rejected cell); enough for exact medians of the summaries without holding any
  /// spectrum per epoch. Read back one feature at a time.
  std::optional<SpilledColumns> cells;
  std::vector<double> frequencies_hz;
  std::vector<double> psd_sum;         ///< [channel][frequency], sum over clean cells
  std::vector<std::size_t> psd_count;  ///< per channel
  /// For the block bootstrap (bootstrap_intervals): per block of block_epochs epochs, the PSD
  /// sums (float, the first block_bins bins) and counts of the channels the PDR reads
  /// (block_channels: occipital, parietal and frontal). The sums of finished blocks are a row
  /// each of block_psd_sum (an entry per bin, a column per block channel, about 12 MB per 24 h
  /// of 19 channels); the block being filled is open_block_sum.
  std::size_t block_epochs = 1;
  std::vector<std::size_t> block_channels;
  std::size_t block_bins = 0;
  std::optional<SpilledColumns> block_psd_sum;
  std::vector<float> open_block_sum;           ///< [block channel][bin]
  std::vector<std::uint32_t> block_psd_count;  ///< [block][block channel]
  std::size_t blocks_started = 0;              ///< the finished ones and the open one
  std::size_t n_epochs = 0;                    ///< epochs accumulated so far
  /// Epochs the recording holds (EpochStream::epoch_count): the block counts, and the tables
  /// above when they stay in memory, are reserved once for them. Grown by doubling, a vector
  /// briefly holds its old and its new copy.
  std::size_t expected_epochs = 0;
};

/// Adds one epoch's scalars, spectra and block spectra (epochs in time order).
void accumulate(const EpochResult& epoch, const AnalyzeParams& params, AnalysisState& state);

/// Moves the block being filled to block_psd_sum; called once, after the last epoch.
void close_open_block(AnalysisState& state);

/// Mean of one feature over `channels` in epoch e, from the feature's column of the cells
/// ([epoch][channel], n_channels per epoch); rejected (NaN) cells are left out, NaN when every
/// one is.
[[nodiscard]] double epoch_mean(const std::vector<float>& column, std::size_t n_channels,
                                std::size_t e, const std::vector<std::size_t>& channels);

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
