// summary.json "background", "regions" and "slowing" from the findings.
#include "findings_json.hpp"

namespace eegtrack::pipeline::detail {
namespace {

using nlohmann::json;

json relative_powers(const std::vector<findings::BandPower>& powers) {
  json out = json::object();
  for (const auto& p : powers)
    out[p.band] = number(p.relative);
  return out;
}

json absolute_powers(const std::vector<findings::BandPower>& powers) {
  json out = json::object();
  for (const auto& p : powers)
    out[p.band] = number(p.absolute_uv2);
  return out;
}

json quantiles_json(const findings::Quantiles& q) {
  return {{"median", number(q.median)}, {"q25", number(q.q25)}, {"q75", number(q.q75)}};
}

// Signed delta + theta asymmetry per homologous pair, for review of the focal rule.
json pairs_json(const std::vector<findings::SlowAsymmetryPair>& pairs) {
  json out = json::object();
  for (const auto& pair : pairs)
    out[pair.right + "/" + pair.left] = number(pair.slow_signed_index);
  return out;
}

json interval_json(const std::optional<findings::Interval>& i) {
  return i ? json::array({i->low, i->high}) : json(nullptr);
}

// The block-bootstrap intervals and how they were made (docs/findings.md, intervals).
json intervals_json(const findings::Intervals& iv) {
  return {{"level", iv.level},
          {"block_s", iv.block_s},
          {"n_blocks", iv.n_blocks},
          {"resamples", iv.resamples},
          {"seed", iv.seed},
          {"unavailable", iv.unavailable.empty() ? json(nullptr) : json(iv.unavailable)},
          {"encephalopathy_index", interval_json(iv.encephalopathy_index)},
          {"pdr_hz", interval_json(iv.pdr_hz)},
          {"pdr_present_fraction", iv.pdr_present_fraction},
          {"relative_delta", interval_json(iv.relative_delta)},
          {"relative_theta", interval_json(iv.relative_theta)},
          {"dar", interval_json(iv.delta_alpha_ratio)}};
}

}  // namespace

json background_json(const findings::RecordingFindings& f) {
  const auto& b = f.background;
  const auto& pdr = b.pdr;
  json medians = json::object();
  for (const auto& [name, q] : b.feature_quantiles)
    medians[name] = quantiles_json(q);
  return {{"pdr_hz", pdr ? json(pdr->frequency_hz) : json(nullptr)},
          {"pdr_confidence", number(b.pdr_confidence)},
          {"pdr_power_uv2", pdr ? number(pdr->power_uv2) : json(nullptr)},
          {"pdr_left_hz", pdr ? number(pdr->left_frequency_hz) : json(nullptr)},
          {"pdr_right_hz", pdr ? number(pdr->right_frequency_hz) : json(nullptr)},
          {"slower_rhythm_dominates", b.slower_rhythm_dominates},
          {"pdr_absent_reason", pdr ? json(nullptr) : json(b.pdr_absent_reason)},
          {"rel_power", relative_powers(b.band_powers)},
          {"abs_power_uv2", absolute_powers(b.band_powers)},
          {"dar", number(b.delta_alpha_ratio)},
          {"tar", number(b.theta_alpha_ratio)},
          {"dtabr", number(b.dtabr)},
          {"sef95_hz", number(b.sef95_hz)},
          {"sef90_hz", number(b.sef90_hz)},
          {"median_frequency_hz", number(b.median_frequency_hz)},
          {"aperiodic_exponent", number(b.aperiodic_exponent)},
          {"bsi", number(b.bsi)},
          {"pdbsi", number(b.pdbsi)},
          {"suppression_fraction", number(b.suppression_fraction)},
          {"encephalopathy_index", number(b.encephalopathy_index)},
          {"medians", medians},
          {"intervals", intervals_json(b.intervals)}};
}

json regions_json(const findings::RecordingFindings& f) {
  json out = json::object();
  for (const auto& r : f.regions) {
    json region = {{"n_channels", r.n_channels},
                   {"rel_power", relative_powers(r.band_powers)},
                   {"abs_power_uv2", absolute_powers(r.band_powers)}};
    if (r.asymmetry) {
      json idx = json::object();
      for (const auto& v : r.asymmetry->right_minus_left)
        idx[v.band] = number(v.value);
      region["asymmetry_right_minus_left"] = idx;
      region["slow_asymmetry"] = number(r.asymmetry->slow);
    }
    out[sites::to_string(r.region)] = region;
  }
  return out;
}

json slowing_json(const findings::RecordingFindings& f) {
  if (!f.slowing)
    return {{"grade", nullptr}, {"distribution", nullptr}, {"side", nullptr}, {"region", nullptr}};
  const auto& s = *f.slowing;
  return {{"grade", features::to_string(s.grade)},
          {"distribution", features::to_string(s.distribution)},
          {"side", s.focus ? json(sites::to_string(s.focus->side)) : json(nullptr)},
          {"region", s.focus ? json(sites::to_string(s.focus->region)) : json(nullptr)},
          {"focal_slow_index", number(s.focal_slow_index)},
          {"focal_pairs", s.focal_pairs},
          {"slow_asymmetry_pairs", pairs_json(s.slow_asymmetry_pairs)},
          {"criteria", s.criteria},
          {"pdr_component", s.pdr_component},
          {"slow_component", s.slow_component},
          {"suppression_component", s.suppression_component},
          {"frequency_component", s.frequency_component}};
}

}  // namespace eegtrack::pipeline::detail
