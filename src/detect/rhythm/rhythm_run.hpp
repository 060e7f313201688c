#pragma once

// One candidate rhythmic event (a run of qualifying windows) as it accumulates: onset weights
// per channel, involvement, discharge frequency and its evolution. Memory is per channel, not
// per window, so a seizure of hours costs no more than one of seconds.

#include <cstddef>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "rhythm_windows.hpp"

namespace eegtrack::detect::detail {

struct RunSettings {
  double window_s = 2.0;
  double onset_s = 3.0;            ///< windows starting this soon after the onset define the site
  double evolution_block_s = 5.0;  ///< frequency averaged per block, blocks compared in turn
  double evolution_step_hz = 0.5;
};

class RhythmRun {
 public:
  RhythmRun(std::size_t channel_count, double onset_s, const RunSettings& settings);

  /// Adds a qualifying window; margins[c] > 0 marks channel c as taking part, with its margin
  /// over the amplitude criterion (RMS / threshold).
  void add(const RhythmWindow& window, const std::vector<double>& margins);

  [[nodiscard]] double onset_s() const { return onset_s_; }
  [[nodiscard]] double last_start_s() const { return last_start_s_; }
  /// From the first window's start to the last qualifying window's end.
  [[nodiscard]] double span_s() const { return last_start_s_ + settings_.window_s - onset_s_; }
  [[nodiscard]] bool evolving() const { return longest_streak_ >= 2; }
  [[nodiscard]] double mean_channel_count() const;

  /// The event with side/region of onset, frequency (mean of per-window medians) and, when
  /// measured, the "evolving" modifier; confidence is left to the caller.
  [[nodiscard]] Event to_event(EventType type, const std::vector<DetectionChannel>& channels) const;

 private:
  void close_evolution_block();

  RunSettings settings_;
  double onset_s_;
  double last_start_s_;
  std::vector<double> onset_weight_;
  std::vector<double> involvement_;
  std::size_t windows_ = 0;
  std::size_t channel_count_sum_ = 0;
  double frequency_sum_ = 0.0;
  // Evolution: mean frequency of the current block, the previous block, and the streak of
  // same-direction changes.
  long long block_index_ = 0;
  double block_sum_ = 0.0;
  std::size_t block_count_ = 0;
  double previous_block_hz_ = 0.0;
  bool has_previous_block_ = false;
  int last_direction_ = 0;
  int streak_ = 0;
  int longest_streak_ = 0;
};

/// Median of the frequencies of the channels taking part (margins > 0) in one window.
[[nodiscard]] double median_frequency(const RhythmWindow& window,
                                      const std::vector<double>& margins);

}  // namespace eegtrack::detect::detail
