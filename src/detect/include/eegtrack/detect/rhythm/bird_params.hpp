#pragma once

// Thresholds of the BIRD detector, apart from the detector so that its helpers and the
// pipeline's options can name them without the detector's machinery.

#include <cstddef>

#include "eegtrack/detect/parameter.hpp"
#include "eegtrack/detect/rhythm/rhythm_criteria_params.hpp"

namespace eegtrack::detect {

/// Thresholds of BirdDetector. 1-s windows (0.5-s step) of 1-20 Hz activity; a channel takes
/// part when it meets `criteria` (RhythmCriteriaParams: rhythmicity >= 0.5, RMS of at least
/// min(2.5 x background, 45 uV)) at a frequency in (criteria.min_frequency_hz,
/// criteria.max_frequency_hz] = (4, 15] Hz, and it is not alpha-band rhythm belonging to the
/// posterior dominant rhythm (criteria.alpha_low_hz..alpha_high_hz on P/O channels, or anywhere
/// while a posterior channel shows it).
struct BirdParams {
  /// min_frequency_hz is exclusive here: BIRDs are > 4 Hz (the detector drops channels at or
  /// below it after the shared, inclusive criterion).
  RhythmCriteriaParams criteria{.window_s = 1.0,
                                .step_s = 0.5,
                                .min_rhythmicity = 0.5,
                                .min_frequency_hz = 4.0,
                                .max_frequency_hz = 15.0};
  double alpha_high_hz = 13.0;  ///< top of the excluded alpha band (the seizure detector: 13 Hz)
  std::size_t min_channels = 1;
  double min_waves = 6.0;
  double min_duration_s = 0.5;
  double max_duration_s = 10.0;  ///< exclusive: >= 10 s is a seizure candidate, not a BIRD
};

/// Checks every field on its own, before any data is seen.
/// @throws dsp::ParameterError naming the first field out of range and its value.
void validate(const BirdParams& p);

/// ParameterList of every BirdParams threshold, named with units.
[[nodiscard]] ParameterList parameter_list(const BirdParams& p);

}  // namespace eegtrack::detect
