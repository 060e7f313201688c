// Provenance: every threshold named with its unit, written beside the results.

#include "eegtrack/detect/spikes/ied_params.hpp"

namespace eegtrack::detect {

ParameterList parameter_list(const IedParams& p) {
  return {{"core_window_s", p.core_window_s},
          {"context_s", p.context_s},
          {"broadband_low_hz", p.broadband_low_hz},
          {"broadband_high_hz", p.broadband_high_hz},
          {"fast_low_hz", p.fast_low_hz},
          {"fast_high_hz", p.fast_high_hz},
          {"envelope_k", p.envelope_k},
          {"candidate_amplitude_ratio", p.candidate_amplitude_ratio},
          {"min_duration_s", p.min_duration_s},
          {"spike_max_duration_s", p.spike_max_duration_s},
          {"max_duration_s", p.max_duration_s},
          {"trough_hysteresis", p.trough_hysteresis},
          {"min_amplitude_ratio", p.min_amplitude_ratio},
          {"min_local_ratio", p.min_local_ratio},
          {"min_slope_ratio", p.min_slope_ratio},
          {"min_asymmetry", p.min_asymmetry},
          {"slow_wave_window_s", p.slow_wave_window_s},
          {"min_slow_wave_fraction", p.min_slow_wave_fraction},
          {"train_window_s", p.train_window_s},
          {"train_peak_fraction", p.train_peak_fraction},
          {"max_train_peaks", static_cast<double>(p.max_train_peaks)},
          {"flat_run_s", p.flat_run_s},
          {"flat_guard_s", p.flat_guard_s},
          {"rhythm_context_s", p.rhythm_context_s},
          {"similar_depth_fraction", p.similar_depth_fraction},
          {"similar_duration_ratio", p.similar_duration_ratio},
          {"neighbour_max_deg", p.neighbour_max_deg},
          {"field_tolerance_s", p.field_tolerance_s},
          {"min_field_ratio", p.min_field_ratio},
          {"min_field_r2", p.min_field_r2},
          {"min_field_spread_deg", p.min_field_spread_deg},
          {"max_opposite_ratio", p.max_opposite_ratio},
          {"whitening_regularisation", p.whitening_regularisation},
          {"whitening_clip_sd", p.whitening_clip_sd},
          {"innovation_order_s", p.innovation_order_s},
          {"whitened_candidate_ratio", p.whitened_candidate_ratio},
          {"min_discharge_score", p.min_discharge_score},
          {"channel_involved_ratio", p.channel_involved_ratio},
          {"bilateral_ratio", p.bilateral_ratio},
          {"merge_s", p.merge_s},
          {"min_confidence", p.min_confidence}};
}

}  // namespace eegtrack::detect
