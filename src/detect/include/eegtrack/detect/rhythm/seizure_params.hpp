#pragma once

// Thresholds of the seizure detector (ESz rules (a) and (b)), apart from the detector so that
// its helpers and the pipeline's options can name them without the detector's machinery.

#include <cstddef>

#include "eegtrack/detect/parameter.hpp"
#include "eegtrack/detect/rhythm/rhythm_criteria_params.hpp"

namespace eegtrack::detect {

/// Thresholds of SeizureDetector. A 2-s window (1-s step) is "ictal-like" on a channel when
/// its 1-20 Hz activity meets `criteria` (RhythmCriteriaParams): rhythmic (autocorrelation
/// peak >= 0.2) at a discharge frequency in [2, 12] Hz, not posterior alpha (7.5-13 Hz on P/O
/// channels), with an RMS of at least min(2.5 x the channel's background RMS, 45 uV). A seizure
/// is a run of windows with >= min_channels ictal-like channels lasting >= min_duration_s,
/// bridging gaps of up to max_gap_s (ESz rule (a)). Rule (b), evolving patterns, is described
/// at evolution_rule; it shares criteria's step and background.
struct SeizureParams {
  RhythmCriteriaParams criteria{.window_s = 2.0,
                                .step_s = 1.0,
                                .min_rhythmicity = 0.2,
                                .min_frequency_hz = 2.0,
                                .max_frequency_hz = 12.0};
  /// Supporting channels carry a core channel's rhythm (same frequency within the tolerance,
  /// rhythmicity >= support_rhythmicity) at >= support_amplitude_fraction x their amplitude
  /// threshold: the field around a focal onset. They count towards min_channels; at least one
  /// channel must meet the full criterion.
  double support_rhythmicity = 0.5;
  double support_frequency_tolerance_hz = 0.5;
  double support_amplitude_fraction = 0.4;
  std::size_t min_channels = 3;
  double min_duration_s = 10.0;
  double max_gap_s = 2.0;
  double onset_s = 3.0;  ///< windows at the start of a seizure that define side and region
  double evolution_block_s = 5.0;  ///< frequency compared between consecutive blocks
  double evolution_step_hz = 0.5;  ///< change counted as one evolution step
  /// ESz rule (b), "any pattern with definite evolution lasting >= 10 s": a second, slower
  /// rhythm analysis (evolution_window_s windows, criteria.step_s apart, 0.5-7 Hz band) marks a
  /// channel when it is rhythmic (>= evolution_min_rhythmicity) at evolution_min..max_frequency_hz
  /// with RMS >= min(evolution_relative_amplitude x its background, evolution_absolute_rms_uv). A
  /// run of windows with >= evolution_min_channels marked or supporting channels, lasting
  /// >= min_duration_s (gaps <= max_gap_s bridged), is a seizure only when it evolves:
  /// >= evolution_min_steps same-direction changes between evolution_block_s blocks, each of
  /// >= evolution_step_hz in frequency or >= evolution_location_step_channels in the set of
  /// involved channels. Static rhythmic delta (GRDA/LRDA) is never a seizure here.
  bool evolution_rule = true;
  /// A rule (a) run that does not evolve and involves only parietal and occipital channels is
  /// the posterior background rhythm, slowed into the 2-7 Hz range in encephalopathy, not a
  /// seizure (time-stretched healthy EEG drew such calls; docs/detect-seizures.md). Evolving
  /// runs, runs that reach other regions and rule (b) seizures are kept.
  bool static_posterior_is_background = true;
  double evolution_window_s = 4.0;
  double evolution_min_frequency_hz = 0.5;
  double evolution_max_frequency_hz = 4.0;
  double evolution_min_rhythmicity = 0.5;
  double evolution_absolute_rms_uv = 45.0;
  double evolution_relative_amplitude = 2.5;
  std::size_t evolution_min_channels = 2;
  std::size_t evolution_location_step_channels = 2;
  /// A channel belongs to the field when its RMS above background is >= this fraction of the
  /// strongest channel's (it leaves below 0.6 x this), so growth or fading alone is not spread.
  double evolution_field_fraction = 0.5;
  int evolution_min_steps = 2;
};

/// Checks every field on its own, before any data is seen.
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const SeizureParams& p);

/// ParameterList of every SeizureParams threshold, named with units.
[[nodiscard]] ParameterList parameter_list(const SeizureParams& p);

}  // namespace eegtrack::detect
