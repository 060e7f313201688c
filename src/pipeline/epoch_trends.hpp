#pragma once
// Private: the per-epoch trends of analyze_recording (RecordingAnalysis::trends, the HDF5
// /trends table): left/right asymmetry of each epoch from its spectra, and the running
// burst-suppression ratio at each epoch's end from the continuity analysis.

#include <cstddef>
#include <vector>

#include "eegtrack/features/continuity.hpp"
#include "eegtrack/features/symmetry.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "epoch_processor.hpp"

namespace eegtrack::pipeline::detail {

class EpochTrendBuilder {
 public:
  /// `channels` are the analysis channels (their sides and regions); the delta and theta power
  /// features are looked up in `features`.
  EpochTrendBuilder(const std::vector<AnalysisChannel>& channels,
                    const std::vector<FeatureSpec>& features,
                    const features::SymmetryParams& symmetry);

  /// Adds one epoch: the revised BSI of the mean right against the mean left spectrum, and the
  /// signed (R - L) / (R + L) delta + theta power of the hemispheres and of each region, over
  /// the channels kept in this epoch (NaN when a side has none).
  void add(const EpochResult& epoch);

  /// The trends, with the running BSR of `continuity` read at each epoch's end.
  [[nodiscard]] EpochTrends finish(const features::ContinuityResult& continuity,
                                   const findings::EpochTable& epochs);

 private:
  const std::vector<AnalysisChannel>* channels_;
  features::SymmetryParams symmetry_;
  std::size_t delta_ = 0;
  std::size_t theta_ = 0;
  std::size_t n_features_ = 0;
  bool has_slow_bands_ = false;
  EpochTrends out_;
  std::vector<double> left_psd_, right_psd_;
};

}  // namespace eegtrack::pipeline::detail
