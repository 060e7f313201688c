// Provenance: every threshold named with its unit, written beside the results.

#include "eegtrack/detect/patterns/pattern_params.hpp"

namespace eegtrack::detect {

ParameterList parameter_list(const PatternParams& p) {
  return {
      {"pd_band_low_hz", p.pd_band_low_hz},
      {"pd_band_high_hz", p.pd_band_high_hz},
      {"pd_amplitude_ratio", p.pd_amplitude_ratio},
      {"pd_max_discharge_s", p.pd_max_discharge_s},
      {"pd_min_rate_hz", p.pd_min_rate_hz},
      {"pd_max_rate_hz", p.pd_max_rate_hz},
      {"pd_min_correlation", p.pd_min_correlation},
      {"pd_min_uniform_fraction", p.pd_min_uniform_fraction},
      {"pd_min_field_coherence", p.pd_min_field_coherence},
      {"pd_min_field_consistency", p.pd_min_field_consistency},
      {"pd_min_channels", static_cast<double>(p.pd_min_channels)},
      {"rda_low_hz", p.rda_low_hz},
      {"rda_high_hz", p.rda_high_hz},
      {"rda_frame_s", p.rda_frame_s},
      {"rda_min_peak_fraction", p.rda_min_peak_fraction},
      {"rda_min_prominence", p.rda_min_prominence},
      {"rda_min_channels", static_cast<double>(p.rda_min_channels)},
      {"min_cycles", static_cast<double>(p.min_cycles)},
      {"max_period_change", p.max_period_change},
      {"min_regular_pair_fraction", p.min_regular_pair_fraction},
      {"lateral_amplitude_ratio", p.lateral_amplitude_ratio},
      {"frontal_ratio", p.frontal_ratio},
      {"max_event_s", p.max_event_s},
  };
}

}  // namespace eegtrack::detect
