// Provenance: every threshold named with its unit, written beside the results.

#include "eegtrack/detect/rhythm/bird_params.hpp"

namespace eegtrack::detect {

ParameterList parameter_list(const BirdParams& p) {
  return {{"bird_window_s", p.window_s},
          {"bird_step_s", p.step_s},
          {"bird_min_rhythmicity", p.min_rhythmicity},
          {"bird_min_frequency_hz", p.min_frequency_hz},
          {"bird_max_frequency_hz", p.max_frequency_hz},
          {"bird_alpha_low_hz", p.alpha_low_hz},
          {"bird_alpha_high_hz", p.alpha_high_hz},
          {"bird_absolute_rms_uv", p.absolute_rms_uv},
          {"bird_relative_amplitude_x_background", p.relative_amplitude},
          {"bird_background_s", p.background_s},
          {"bird_background_warmup_s", p.background_warmup_s},
          {"bird_min_channels", static_cast<double>(p.min_channels)},
          {"bird_min_waves", p.min_waves},
          {"bird_min_duration_s", p.min_duration_s},
          {"bird_max_duration_s", p.max_duration_s}};
}

}  // namespace eegtrack::detect
