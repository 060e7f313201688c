#pragma once

// Private: joins rhythmic RDA frames into GRDA / LRDA events.

#include <optional>
#include <vector>

#include "analysis_window.hpp"

namespace eegtrack::detect::detail {

/// Consecutive rhythmic frames at a stable frequency form a run; one non-rhythmic frame inside
/// a run is bridged, two end it. A run of >= min_cycles cycles becomes a GRDA or LRDA event.
class RdaRuns {
 public:
  RdaRuns(const std::vector<PatternChannel>* channels, const PatternParams* params)
      : channels_(channels), params_(params) {}
  /// Adds the next frame (frames 1 s apart, in time order); returns a closed run's event.
  [[nodiscard]] std::optional<Event> add(const RdaFrame& frame);
  /// Ends the run in progress (segment end).
  [[nodiscard]] std::optional<Event> close();

 private:
  [[nodiscard]] std::optional<Event> describe() const;

  const std::vector<PatternChannel>* channels_;
  const PatternParams* params_;
  std::vector<double> frequencies_;  ///< of the rhythmic frames of the run
  std::vector<double> amplitude_sum_;
  std::vector<int> rhythmic_count_;
  double first_centre_s_ = 0.0;
  double last_centre_s_ = 0.0;  ///< last rhythmic frame
  int misses_ = 0;
};

}  // namespace eegtrack::detect::detail
