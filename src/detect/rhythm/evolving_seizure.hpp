#pragma once

// ESz rule (b) (ACNS 2021, docs/clinical-background.md §5.4): any pattern with definite evolution
// lasting
// >= 10 s. A slower rhythm analysis than rule (a)'s (longer windows, band down to 0.5 Hz) finds
// runs of rhythmic activity that stands out on enough channels; a run becomes a seizure only
// when it evolves in frequency or location (rhythm_evolution.hpp). Used by SeizureDetector.

#include <cstddef>
#include <optional>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/rhythm/seizure_params.hpp"
#include "rhythm_criteria.hpp"
#include "rhythm_evolution.hpp"
#include "rhythm_run.hpp"
#include "rhythm_windows.hpp"

namespace eegtrack::detect::detail {

class EvolvingPatternRule {
 public:
  EvolvingPatternRule(std::vector<DetectionChannel> channels, double sample_rate_hz,
                      const SeizureParams& params);

  /// Analyses every window the block completes; a block that does not continue the previous
  /// one must be preceded by end_segment().
  void push(const DetectionBlock& block);
  /// Closes the open run (emitting it if it qualifies) and forgets the backgrounds.
  void end_segment();
  /// Closes the open run, emitting it if it qualifies.
  void close_run();
  /// Seizures found since the last call.
  [[nodiscard]] std::vector<Event> take_events();

  /// Onset of the open run, if any: no later event of this rule can start before it.
  [[nodiscard]] std::optional<double> open_onset_s() const;
  /// No run that is not yet open can start before this time.
  [[nodiscard]] double frontier_s() const { return frontier_s_; }

 private:
  void analyse(const RhythmWindow& window);
  [[nodiscard]] std::vector<double> field_shares(const RhythmWindow& window,
                                                 const std::vector<bool>& involved) const;

  SeizureParams params_;
  RhythmChannels rhythm_;  ///< rule (b)'s criterion
  RhythmWindowStream stream_;
  std::optional<RhythmRun> run_;
  std::optional<EvolutionTrack> evolution_;
  double frontier_s_;
  std::vector<Event> ready_;
};

}  // namespace eegtrack::detect::detail
