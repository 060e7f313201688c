#include "detection_json.hpp"

#include "eegtrack/clinical/two_helps2b.hpp"
#include "eegtrack/io/montage.hpp"
#include "findings_json.hpp"

namespace eegtrack::pipeline::detail {
namespace {

using nlohmann::json;

json parameters_of(const detect::ParameterList& list) {
  json out = json::object();
  for (const auto& p : list)
    out[p.name] = p.value;
  return out;
}

json rates_json(const std::vector<findings::DischargeRate>& rates) {
  json out = json::array();
  for (const auto& r : rates)
    out.push_back({{"name", r.name},
                   {"count", r.count},
                   {"rate_per_h", r.rate_per_h ? json(*r.rate_per_h) : json(nullptr)}});
  return out;
}

json patterns_json(const std::vector<detect::PatternPrevalence>& patterns) {
  json out = json::object();
  for (const auto& p : patterns)
    out[detect::to_string(p.type)] = {
        {"episodes", p.episodes},
        {"covered_s", p.covered_s},
        {"fraction", p.fraction},
        {"prevalence", detect::to_string(p.prevalence)},
        {"median_duration_s", p.median_duration_s},
        {"episodes_95ci_per_h", {p.episodes_low_per_h, p.episodes_high_per_h}},
        {"duration", detect::to_string(p.duration)}};
  return out;
}

}  // namespace

json detection_parameters_json(const DetectionParams& p) {
  return {{"enabled", p.enabled},
          {"main_montage", "average (as recorded when the recording cannot be re-referenced)"},
          {"bipolar_montage", io::to_string(p.bipolar_montage)},
          {"exclude_artifacts", features::to_string(p.exclude_reasons)},
          {"max_masked_channel_fraction", p.max_masked_channel_fraction},
          {"min_analysed_for_rates_s", p.min_analysed_for_rates_s},
          {"spikes", parameters_of(detect::parameter_list(p.ied))},
          {"patterns", parameters_of(detect::parameter_list(p.patterns))},
          {"seizures", parameters_of(detect::parameter_list(p.seizures))},
          {"birds", parameters_of(detect::parameter_list(p.birds))},
          {"assembly", parameters_of(detect::parameter_list(p.assembly))}};
}

json epileptiform_json(const findings::RecordingFindings& findings) {
  const auto& s = findings.epileptiform;
  json focus = nullptr;
  if (s.dominant_focus) {
    const auto& f = *s.dominant_focus;
    focus = {{"electrode", f.electrode},
             {"side", f.side},
             {"region", f.region},
             {"count", f.count},
             {"rate_per_h", f.rate_per_h ? json(*f.rate_per_h) : json(nullptr)},
             {"share", f.share}};
  }
  const auto points = clinical::two_helps2b_eeg_points(findings);
  // Without detection (--no-detect, or nothing the detectors could analyse) a count of 0 would
  // read as "none found": every result the detectors produce is null instead.
  const DetectorResultJson found{findings::detectors_ran(s)};
  return {{"analysed_s", s.analysed_s},
          {"main_montage", s.main_montage},
          {"main_channels", s.main_channels},
          {"bipolar_channels", s.bipolar_channels},
          {"spike_count", found(s.spike_count)},
          {"spike_rate_per_h", s.spike_rate_per_h ? json(*s.spike_rate_per_h) : json(nullptr)},
          {"spike_rate_95ci_per_h", found({s.spike_rate_low_per_h, s.spike_rate_high_per_h})},
          {"long_enough_for_rates", s.long_enough_for_rates},
          {"spike_rate_per_electrode", rates_json(s.per_electrode)},
          {"spike_rate_per_region", rates_json(s.per_region)},
          {"dominant_focus", focus},
          {"seizure_count", found(s.seizures.seizure_count)},
          {"longest_seizure_s", found(s.seizures.longest_seizure_s)},
          {"seizure_burden_max_per_h", found(s.seizures.seizure_burden_max_min_per_h)},
          {"seizure_burden_units", "minutes of seizure in the worst 60-min window"},
          {"seizure_burden_window_s", s.burden_window_s},
          {"electrographic_status", found(s.seizures.electrographic_status)},
          {"patterns", patterns_json(s.patterns)},
          {"bird_count", found(s.bird_count)},
          {"two_helps2b_eeg_points", points ? json(*points) : json(nullptr)},
          {"discharges_in_patterns", found(s.reconciled.discharges_in_patterns)},
          {"birds_in_seizures", found(s.reconciled.birds_in_seizures)},
          {"patterns_in_seizures", found(s.reconciled.patterns_in_seizures)},
          {"rda_in_periodic", found(s.reconciled.rda_in_periodic)},
          {"events_dropped_for_artifacts", found(s.events_dropped_for_artifacts)},
          {"warnings", s.warnings}};
}

}  // namespace eegtrack::pipeline::detail
