// Provenance list of the IED detector's parameters and discharge rates per channel and region.

#include <map>
#include <stdexcept>
#include <string>

#include "eegtrack/detect/ied_detector.hpp"

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

namespace {

std::vector<IedRate> rates_of(const std::map<std::string, int>& counts, double analysed_s) {
  std::vector<IedRate> out;
  for (const auto& [name, count] : counts) {
    const double per_second = static_cast<double>(count) / analysed_s;
    out.push_back({name, count, 3600.0 * per_second, 60.0 * per_second});
  }
  return out;
}

}  // namespace

IedRates ied_rates(std::span<const Event> events, double analysed_s) {
  if (!(analysed_s > 0.0))
    throw std::invalid_argument("ied_rates: analysed_s must be > 0 (" + std::to_string(analysed_s) +
                                ")");
  std::map<std::string, int> by_channel;
  std::map<std::string, int> by_region;
  IedRates r;
  for (const Event& e : events) {
    if (e.type != EventType::Spike && e.type != EventType::Sharp)
      continue;
    ++r.total;
    ++by_channel[e.focus.empty() ? std::string("unknown") : e.focus];
    ++by_region[e.region.empty() ? std::string("unlocalized") : e.region];
  }
  r.per_hour = 3600.0 * static_cast<double>(r.total) / analysed_s;
  r.by_channel = rates_of(by_channel, analysed_s);
  r.by_region = rates_of(by_region, analysed_s);
  return r;
}

}  // namespace eegtrack::detect
