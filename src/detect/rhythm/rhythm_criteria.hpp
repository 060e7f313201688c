#pragma once

// Per-channel criterion shared by the seizure and BIRD detectors: rhythmic activity in a
// frequency range, not posterior alpha, with an amplitude that stands out from the channel's
// own background (or reaches an absolute level when no background is known yet).

#include <cmath>
#include <cstddef>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/rhythm/bird_params.hpp"
#include "eegtrack/detect/rhythm/rhythm_criteria_params.hpp"
#include "eegtrack/detect/rhythm/seizure_params.hpp"
#include "rhythm_windows.hpp"

namespace eegtrack::detect::detail {

/// One analysis's criterion: the detector's RhythmCriteriaParams (for rule (b), with its
/// evolution_* thresholds in place of rule (a)'s) and what only some analyses set.
struct RhythmCriteria {
  RhythmCriteriaParams params;
  double alpha_high_hz = 13.0;  ///< top of the posterior alpha band starting at alpha_low_hz
  /// Also drop alpha-band rhythm on non-posterior channels while a posterior channel shows it
  /// (the posterior dominant rhythm's field, spread further by an average reference).
  bool exclude_alpha_field = false;
  /// A supporting channel (the field around a core channel) shows the same rhythm, at least
  /// this rhythmic, within support_frequency_tolerance_hz of a core channel's frequency, with
  /// an RMS of at least support_amplitude_fraction x its own amplitude threshold.
  double support_rhythmicity = 0.5;
  double support_frequency_tolerance_hz = 0.5;
  double support_amplitude_fraction = 0.4;
};

/// ESz rule (a): SeizureParams' criteria and support thresholds.
[[nodiscard]] RhythmCriteria ictal_criteria(const SeizureParams& p);
/// ESz rule (b)'s slower analysis: SeizureParams' evolution_* thresholds where they exist
/// (window, rhythmicity, frequency range, amplitude), rule (a)'s otherwise (step, alpha,
/// background, support).
[[nodiscard]] RhythmCriteria evolution_criteria(const SeizureParams& p);
/// BIRDs: BirdParams' criteria and alpha band, with the posterior alpha field excluded.
[[nodiscard]] RhythmCriteria bird_criteria(const BirdParams& p);

/// Number of analysis windows (one every step_s) in `seconds`: sizes a ChannelBackgrounds.
[[nodiscard]] inline std::size_t windows_in(double seconds, double step_s) {
  return static_cast<std::size_t>(std::lround(seconds / step_s));
}

/// Background RMS per channel from windows that did not take part in an event.
class ChannelBackgrounds {
 public:
  ChannelBackgrounds(std::size_t channel_count, std::size_t capacity, std::size_t warmup);
  void clear();
  /// True once channel c's background holds `warmup` windows.
  [[nodiscard]] bool warm(std::size_t c) const;
  /// Background RMS of channel c once warm, else 0.
  [[nodiscard]] double background_uv(std::size_t c) const;
  /// Amplitude threshold of channel c: absolute_rms_uv, or the smaller of it and
  /// relative_amplitude x background once the background holds `warmup` windows.
  [[nodiscard]] double threshold(std::size_t c, const RhythmCriteria& criteria) const;
  /// Adds the RMS of every valid, used channel that does not take part (margin 0).
  void update(const RhythmWindow& window, const std::vector<bool>& used,
              const std::vector<double>& margins);

 private:
  std::size_t warmup_;
  std::vector<RunningMedian> medians_;
};

/// margins[c] = RMS / amplitude threshold for channels meeting every criterion, else 0.
[[nodiscard]] std::vector<double> window_margins(const RhythmWindow& window,
                                                 const std::vector<DetectionChannel>& channels,
                                                 const std::vector<bool>& used,
                                                 const RhythmCriteria& criteria,
                                                 const ChannelBackgrounds& backgrounds);

/// Which channels support (see supporting_channels), one flag per channel.
[[nodiscard]] std::vector<bool> supporting_mask(const RhythmWindow& window,
                                                const std::vector<DetectionChannel>& channels,
                                                const std::vector<bool>& used,
                                                const std::vector<double>& margins,
                                                const RhythmCriteria& criteria,
                                                const ChannelBackgrounds& backgrounds);

/// Channels that do not meet the criteria themselves (margin 0) but carry a core channel's
/// rhythm (see RhythmCriteria::support_rhythmicity). Only channels with a warm background can
/// support: without one, "stands out a little" has no reference.
[[nodiscard]] std::size_t supporting_channels(const RhythmWindow& window,
                                              const std::vector<DetectionChannel>& channels,
                                              const std::vector<bool>& used,
                                              const std::vector<double>& margins,
                                              const RhythmCriteria& criteria,
                                              const ChannelBackgrounds& backgrounds);

/// The channels of one rhythm analysis judged against one criterion: which take part (those
/// with a scalp site), the criterion, and each channel's background. ESz rules (a) and (b) and
/// the BIRD detector each hold one, so their per-window steps read the same.
class RhythmChannels {
 public:
  /// Backgrounds keep criteria.params.background_s of windows (step_s apart) and are warm
  /// after its background_warmup_s.
  RhythmChannels(std::vector<DetectionChannel> channels, const RhythmCriteria& criteria);

  [[nodiscard]] const std::vector<DetectionChannel>& channels() const { return channels_; }
  [[nodiscard]] std::size_t size() const { return channels_.size(); }
  [[nodiscard]] const ChannelBackgrounds& backgrounds() const { return backgrounds_; }

  /// window_margins of `window` against this criterion and these backgrounds.
  [[nodiscard]] std::vector<double> margins(const RhythmWindow& window) const;
  /// Adds the window's channels that do not take part (margin 0) to their backgrounds.
  void update_backgrounds(const RhythmWindow& window, const std::vector<double>& margins);
  /// Forgets the backgrounds (a new segment).
  void clear_backgrounds() { backgrounds_.clear(); }
  /// supporting_channels and supporting_mask of `window`.
  [[nodiscard]] std::size_t supporting(const RhythmWindow& window,
                                       const std::vector<double>& margins) const;
  [[nodiscard]] std::vector<bool> supporting_mask(const RhythmWindow& window,
                                                  const std::vector<double>& margins) const;

 private:
  std::vector<DetectionChannel> channels_;
  std::vector<bool> used_;
  RhythmCriteria criteria_;
  ChannelBackgrounds backgrounds_;
};

}  // namespace eegtrack::detect::detail
