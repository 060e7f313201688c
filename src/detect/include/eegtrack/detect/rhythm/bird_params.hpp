#pragma once

// Thresholds of the BIRD detector, apart from the detector so that its helpers and the
// pipeline's options can name them without the detector's machinery.

#include <cstddef>

#include "eegtrack/detect/parameter.hpp"

namespace eegtrack::detect {

/// Thresholds of BirdDetector. 1-s windows (0.5-s step) of 1-20 Hz activity; a channel takes
/// part when its autocorrelation rhythmicity >= min_rhythmicity at a frequency in
/// (min_frequency_hz, max_frequency_hz], it is not alpha-band rhythm belonging to the posterior
/// dominant rhythm (alpha_low_hz..alpha_high_hz on P/O channels, or anywhere while a posterior
/// channel shows it), and its RMS reaches min(relative_amplitude x background, absolute_rms_uv).
struct BirdParams {
  double window_s = 1.0;
  double step_s = 0.5;
  double min_rhythmicity = 0.5;
  double min_frequency_hz = 4.0;  ///< exclusive: BIRDs are > 4 Hz
  double max_frequency_hz = 15.0;
  double alpha_low_hz = 7.5;
  double alpha_high_hz = 13.0;
  double absolute_rms_uv = 45.0;
  double relative_amplitude = 2.5;
  double background_s = 300.0;
  double background_warmup_s = 60.0;
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
