// Provenance: every threshold named with its unit, written beside the results.

#include "eegtrack/detect/rhythm/bird_params.hpp"

#include "rhythm_windows.hpp"

namespace eegtrack::detect {

ParameterList parameter_list(const BirdParams& p) {
  return {{"bird_window_s", p.criteria.window_s},
          {"bird_rhythm_min_samples_per_cycle", detail::kRhythmSamplesPerCycle},
          {"bird_step_s", p.criteria.step_s},
          {"bird_min_rhythmicity", p.criteria.min_rhythmicity},
          {"bird_min_frequency_hz", p.criteria.min_frequency_hz},
          {"bird_max_frequency_hz", p.criteria.max_frequency_hz},
          {"bird_alpha_low_hz", p.criteria.alpha_low_hz},
          {"bird_alpha_high_hz", p.alpha_high_hz},
          {"bird_absolute_rms_uv", p.criteria.absolute_rms_uv},
          {"bird_relative_amplitude_x_background", p.criteria.relative_amplitude},
          {"bird_background_s", p.criteria.background_s},
          {"bird_background_warmup_s", p.criteria.background_warmup_s},
          {"bird_min_channels", static_cast<double>(p.min_channels)},
          {"bird_min_waves", p.min_waves},
          {"bird_min_duration_s", p.min_duration_s},
          {"bird_max_duration_s", p.max_duration_s}};
}

}  // namespace eegtrack::detect
