// Provenance: every threshold named with its unit, written beside the results.

#include "eegtrack/detect/rhythm/seizure_params.hpp"

#include "rhythm_windows.hpp"

namespace eegtrack::detect {

ParameterList parameter_list(const SeizureParams& p) {
  return {{"seizure_window_s", p.criteria.window_s},
          // Rhythm windows are analysed at the input rate decimated to no fewer samples per
          // cycle of their fastest frequency than this (rhythm_windows.hpp).
          {"seizure_rhythm_min_samples_per_cycle", detail::kRhythmSamplesPerCycle},
          {"seizure_step_s", p.criteria.step_s},
          {"seizure_min_rhythmicity", p.criteria.min_rhythmicity},
          {"seizure_min_frequency_hz", p.criteria.min_frequency_hz},
          {"seizure_max_frequency_hz", p.criteria.max_frequency_hz},
          {"seizure_alpha_low_hz", p.criteria.alpha_low_hz},
          {"seizure_absolute_rms_uv", p.criteria.absolute_rms_uv},
          {"seizure_relative_amplitude_x_background", p.criteria.relative_amplitude},
          {"seizure_background_s", p.criteria.background_s},
          {"seizure_background_warmup_s", p.criteria.background_warmup_s},
          {"seizure_support_rhythmicity", p.support_rhythmicity},
          {"seizure_support_frequency_tolerance_hz", p.support_frequency_tolerance_hz},
          {"seizure_support_amplitude_fraction", p.support_amplitude_fraction},
          {"seizure_min_channels", static_cast<double>(p.min_channels)},
          {"seizure_min_duration_s", p.min_duration_s},
          {"seizure_max_gap_s", p.max_gap_s},
          {"seizure_onset_s", p.onset_s},
          {"seizure_evolution_block_s", p.evolution_block_s},
          {"seizure_evolution_step_hz", p.evolution_step_hz},
          {"seizure_rule_b_enabled", p.evolution_rule ? 1.0 : 0.0},
          {"seizure_static_posterior_is_background", p.static_posterior_is_background ? 1.0 : 0.0},
          {"seizure_evolution_window_s", p.evolution_window_s},
          {"seizure_evolution_min_frequency_hz", p.evolution_min_frequency_hz},
          {"seizure_evolution_max_frequency_hz", p.evolution_max_frequency_hz},
          {"seizure_evolution_min_rhythmicity", p.evolution_min_rhythmicity},
          {"seizure_evolution_absolute_rms_uv", p.evolution_absolute_rms_uv},
          {"seizure_evolution_relative_amplitude_x_background", p.evolution_relative_amplitude},
          {"seizure_evolution_min_channels", static_cast<double>(p.evolution_min_channels)},
          {"seizure_evolution_location_step_channels",
           static_cast<double>(p.evolution_location_step_channels)},
          {"seizure_evolution_field_fraction", p.evolution_field_fraction},
          {"seizure_evolution_min_steps", static_cast<double>(p.evolution_min_steps)}};
}

}  // namespace eegtrack::detect
