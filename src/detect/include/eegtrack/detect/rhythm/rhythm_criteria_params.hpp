#pragma once

// The per-channel rhythm criterion that the seizure detector (ESz rule (a)) and the BIRD
// detector share: one definition of its thresholds, embedded in SeizureParams and BirdParams as
// their `criteria` member, each with its own defaults. Algorithm: docs/detect-seizures.md.

#include <string_view>

namespace eegtrack::detect {

/// Thresholds of one rhythm analysis. The signal is cut into windows of window_s, one every
/// step_s. In each window a channel "takes part" when
///   - its autocorrelation rhythmicity is >= min_rhythmicity,
///   - its frequency lies in [min_frequency_hz, max_frequency_hz] (the BIRD detector makes the
///     lower edge exclusive, see BirdParams),
///   - it is not posterior alpha: a frequency from alpha_low_hz up to the alpha band's top on a
///     parietal or occipital channel does not count,
///   - its RMS reaches min(relative_amplitude x the channel's background RMS, absolute_rms_uv).
///     The background is the running median RMS of the channel's windows that did not take
///     part, over the last background_s; it is used only once it holds background_warmup_s,
///     before that the absolute level alone decides.
/// alpha_low_hz and the amplitude and background defaults are those both detectors use; the
/// window, step, rhythmicity and frequency range default to the seizure detector's, and
/// SeizureParams and BirdParams spell out their own.
struct RhythmCriteriaParams {
  double window_s = 2.0;         ///< analysis window, s
  double step_s = 1.0;           ///< between window starts, s
  double min_rhythmicity = 0.2;  ///< autocorrelation peak, [0, 1]
  double min_frequency_hz = 2.0;
  double max_frequency_hz = 12.0;
  double alpha_low_hz = 7.5;          ///< lower edge of the excluded posterior alpha band
  double absolute_rms_uv = 45.0;      ///< amplitude always sufficient (no background needed)
  double relative_amplitude = 2.5;    ///< x background RMS, once the background is warm
  double background_s = 300.0;        ///< history of non-participating windows kept, s
  double background_warmup_s = 60.0;  ///< history needed before the background is used, s
};

/// Checks every field that has a range on its own, before any data is seen (alpha_low_hz has
/// none: any value, even one above the alpha band, is a meaningful exclusion).
/// The error names `where` and the field as `member` + its name, so an owner reports its own
/// path: validate(p.criteria, "SeizureParams", "criteria.") refuses a negative absolute level
/// as "SeizureParams: criteria.absolute_rms_uv = -1: must be finite and > 0".
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const RhythmCriteriaParams& p, std::string_view where = "RhythmCriteriaParams",
              std::string_view member = "");

}  // namespace eegtrack::detect
