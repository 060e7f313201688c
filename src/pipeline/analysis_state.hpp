#pragma once
// Private: what analyze_recording accumulates over the epochs and hands to
// aggregate_recording().

#include <cstddef>
#include <vector>

#include "eegtrack/pipeline/recording_analysis.hpp"

namespace eegtrack::pipeline::detail {

struct AnalysisState {
  std::size_t n_channels = 0;
  std::size_t n_features = 0;
  /// [epoch][channel][feature] as float: a few scalars per epoch, enough for exact medians of
  /// the summaries without holding any spectrum per epoch (NaN = rejected cell).
  std::vector<float> cells;
  std::vector<double> frequencies_hz;
  std::vector<double> psd_sum;         ///< [channel][frequency], sum over clean cells
  std::vector<std::size_t> psd_count;  ///< per channel
};

/// Fills the recording-level fields of `out` (bad channels, clean epochs, medians, regions,
/// PDR, symmetry, slowing) from the accumulated state. out.continuity must be set.
void aggregate_recording(const AnalysisState& state, const AnalyzeParams& params,
                         RecordingAnalysis& out);

/// Quartiles of the finite values (NaN fields when there are none); reorders `values`.
[[nodiscard]] Quantiles quantiles(std::vector<double>& values);

}  // namespace eegtrack::pipeline::detail
