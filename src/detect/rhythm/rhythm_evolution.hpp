#pragma once

// Definite evolution of a rhythmic run (ACNS 2021, docs/clinical-background.md §5.3): at least two
// sequential, same-direction changes in frequency (each >= step_hz) or in location (the set of
// involved channels grows, or shrinks, by >= location_step_channels). The run is cut into blocks of
// block_s; each block is summarised by the median of its windows' frequencies and by the
// channels involved in most of its windows. A change is measured against an anchor (the level
// after the last change), not only against the previous block, so a steady glide of 1.5 Hz over
// 20 s counts as the steps a reader sees, while block-to-block jitter never accumulates.

#include <cstddef>
#include <vector>

namespace eegtrack::detect::detail {

struct EvolutionSettings {
  double step_s = 1.0;                     ///< window step of the run's windows
  double block_s = 5.0;                    ///< blocks compared in turn
  double step_hz = 0.5;                    ///< smallest frequency change counted
  std::size_t location_step_channels = 2;  ///< smallest change of the involved set counted
  /// A channel enters the field when its share (RMS above background relative to the
  /// strongest channel, averaged over the block) reaches field_fraction, and leaves it when
  /// the share falls below kFieldLeaveRatio x field_fraction (hysteresis against flicker).
  double field_fraction = 0.5;
  int min_steps = 2;  ///< same-direction changes that make "evolving"
};

struct EvolutionFinding {
  int frequency_steps = 0;  ///< longest streak of same-direction frequency changes
  int location_steps = 0;   ///< longest streak of same-direction spread (or retreat)
  bool frequency = false;   ///< frequency_steps >= min_steps
  bool location = false;    ///< location_steps >= min_steps
  [[nodiscard]] bool evolving() const { return frequency || location; }
};

/// Longest streak of same-direction changes (direction +1 or -1 per change).
class ChangeStreak {
 public:
  void change(int direction);
  [[nodiscard]] int longest() const { return longest_; }

 private:
  int direction_ = 0;
  int streak_ = 0;
  int longest_ = 0;
};

class EvolutionTrack {
 public:
  EvolutionTrack(std::size_t channel_count, double onset_s, const EvolutionSettings& settings);

  /// One qualifying window of the run: its start, the median frequency of the channels taking
  /// part, and each channel's share of the field (0 when not involved, 1 for the strongest).
  void add(double window_start_s, double frequency_hz, const std::vector<double>& field);

  /// The evolution seen so far, counting the current block when at least half complete.
  [[nodiscard]] EvolutionFinding finding() const;

 private:
  void close_block();
  void compare_frequency(double block_hz);
  void compare_location(std::vector<bool> set);

  EvolutionSettings settings_;
  double onset_s_;
  long long block_index_ = 0;
  std::vector<double> block_hz_;     ///< frequencies of the current block's windows
  std::vector<double> block_share_;  ///< per channel: summed field share over the block
  bool has_anchor_ = false;
  double anchor_hz_ = 0.0;
  std::vector<bool> anchor_set_;
  std::size_t anchor_size_ = 0;
  ChangeStreak frequency_;
  ChangeStreak location_;
};

}  // namespace eegtrack::detect::detail
