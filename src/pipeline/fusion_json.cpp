#include "fusion_json.hpp"

#include "eegtrack/detect/event.hpp"
#include "findings_json.hpp"

namespace eegtrack::pipeline::detail {

using nlohmann::json;

json estimate_json(const clinical::Estimate& e) {
  return {{"value", number(e.value)}, {"ci95", json::array({number(e.low), number(e.high)})}};
}

json measures_json(const clinical::EegMeasures& m) {
  json patterns = json::object();
  for (const auto& p : m.patterns)
    patterns[detect::to_string(p.type)] = {{"episodes", p.episodes}, {"fraction", p.fraction}};
  json lateralized = json::array();
  for (const auto& l : m.lateralized)
    lateralized.push_back(
        {{"side", sites::to_string(l.side)}, {"what", l.what}, {"onset_s", l.onset_s}});
  // As in summary.json: without detection the detectors' counts are null, not "none found".
  const DetectorResultJson found{clinical::detectors_ran(m)};
  return {{"duration_s", m.duration_s},
          {"clean_fraction", m.clean_fraction},
          {"encephalopathy_index", estimate_json(m.encephalopathy_index)},
          {"pdr_hz", estimate_json(m.pdr_hz)},
          {"pdr_absent_reason", m.pdr_hz.value ? json(nullptr) : json(m.pdr_absent_reason)},
          {"relative_delta", estimate_json(m.relative_delta)},
          {"relative_theta", estimate_json(m.relative_theta)},
          {"delta_alpha_ratio", estimate_json(m.delta_alpha_ratio)},
          {"bsi", estimate_json(m.bsi)},
          {"suppression_fraction", estimate_json(m.suppression_fraction)},
          {"slowing_grade", m.slowing_grade ? json(features::to_string(*m.slowing_grade)) : json()},
          {"slowing_distribution", features::to_string(m.slowing_distribution)},
          {"slowing_side", m.slowing_side ? json(sites::to_string(*m.slowing_side)) : json()},
          {"slowing_region", m.slowing_region ? json(sites::to_string(*m.slowing_region)) : json()},
          {"spike_count", found(m.spike_count)},
          {"spike_rate_per_h", number(m.spike_rate_per_h)},
          {"spike_rate_95ci_per_h", found({m.spike_rate_low_per_h, m.spike_rate_high_per_h})},
          {"analysed_s", m.analysed_s},
          {"pattern_fraction", found(m.pattern_fraction)},
          {"patterns", patterns},
          {"seizure_count", found(m.seizure_count)},
          {"seizure_burden_max_min_per_h", found(m.seizure_burden_min_per_h)},
          {"electrographic_status", found(m.electrographic_status)},
          {"lateralized", lateralized}};
}

namespace {

json change_json(const clinical::Change& c) {
  return {
      {"difference", number(c.difference)},
      {"beyond_variability", c.beyond_variability ? json(*c.beyond_variability) : json(nullptr)}};
}

json index_or_null(const std::optional<std::size_t>& i) {
  return i ? json(*i) : json(nullptr);
}

// The verdict itself, in each recording's verdict and in the last recording's summary.
json normality_json(const clinical::NormalityCheck& n) {
  return {{"normal", n.normal},
          {"verdict", clinical::verdict_word(n)},
          {"abnormal", n.abnormal},
          {"unknown", n.unknown}};
}

}  // namespace

json verdict_json(const clinical::RecordingVerdict& v,
                  const std::vector<clinical::TimedRecording>& recordings) {
  json changes = nullptr;
  if (v.previous)
    changes = {{"against", recordings[*v.previous].label},
               {"encephalopathy_index", change_json(v.index_change)},
               {"relative_delta", change_json(v.relative_delta_change)},
               {"pdr_hz", change_json(v.pdr_change)},
               {"sedation_differs", v.sedation_differs}};
  json out = normality_json(v.normality);
  out.update({{"reference", clinical::to_string(v.normality.reference)},
              {"paired_assessment", index_or_null(v.paired_grade)},
              {"changes", changes},
              {"active_treatments", v.active_treatments},
              {"eeg_grade_support",
               v.eeg_grade_support.empty() ? json(nullptr) : json(v.eeg_grade_support)}});
  return out;
}

json normalization_json(const clinical::Fusion& f,
                        const std::vector<clinical::TimedRecording>& recordings) {
  json episodes = json::array();
  for (const auto& e : f.episodes) {
    json lags = json::array();
    for (const auto& l : e.lags)
      lags.push_back(
          {{"drug", l.drug}, {"start_day", l.start_day}, {"days_to_normal", l.days_to_normal}});
    json first = nullptr;
    if (e.first_normal)
      first = {{"recording", recordings[*e.first_normal].label},
               {"day", recordings[*e.first_normal].day}};
    episodes.push_back({{"episode", e.episode},
                        {"recordings", e.recordings_in_episode},
                        {"first_normal", first},
                        {"days_from_treatment_start", lags}});
  }
  json last = nullptr;
  if (!recordings.empty()) {
    last = normality_json(f.recordings.back().normality);
    last.update({{"recording", recordings.back().label}, {"day", recordings.back().day}});
  }
  return {{"reference", clinical::to_string(f.reference)},
          {"baseline", f.baseline ? json(recordings[*f.baseline].label) : json(nullptr)},
          {"episodes", episodes},
          {"last_recording", last}};
}

json concordance_json(const clinical::Fusion& f) {
  const auto& c = f.index_vs_grade;
  return {{"measure", "encephalopathy_index"},
          {"against", "icans_grade"},
          {"method", "spearman"},
          {"rho", number(c.rho)},
          {"n_pairs", c.n_pairs},
          {"note", c.note.empty() ? json(nullptr) : json(c.note)}};
}

json flags_json(const std::vector<clinical::Flag>& flags) {
  json out = json::array();
  for (const auto& flag : flags)
    out.push_back({{"day", flag.day},
                   {"kind", flag.kind},
                   {"message", flag.message},
                   {"evidence", flag.evidence}});
  return out;
}

}  // namespace eegtrack::pipeline::detail
