#include "eegtrack/clinical/eeg_measures.hpp"

#include <algorithm>

#include "eegtrack/detect/event.hpp"
#include "eegtrack/sites/laterality.hpp"

namespace eegtrack::clinical {
namespace {

Estimate point(const std::optional<double>& value) {
  return {value, std::nullopt, std::nullopt};
}

// The value with its bootstrap interval when there is one.
Estimate estimate(const std::optional<double>& value,
                  const std::optional<findings::Interval>& interval) {
  if (!value || !interval)
    return point(value);
  return {value, interval->low, interval->high};
}

std::optional<double> relative_band(const findings::Background& b, const std::string& name) {
  const auto* band = findings::find_band(b.band_powers, name);
  return band != nullptr ? band->relative : std::nullopt;
}

// Events confined to one hemisphere: lateralized patterns, BIRDs and focal seizures. Single
// discharges are summarised by their dominant focus instead (one entry, not one per spike).
void add_lateralized_events(const std::vector<detect::Event>& events,
                            std::vector<LateralizedFinding>& out) {
  for (const auto& e : events) {
    if (e.side != sites::Laterality::Left && e.side != sites::Laterality::Right)
      continue;
    if (e.type == detect::EventType::Spike || e.type == detect::EventType::Sharp)
      continue;
    const auto side = e.side == sites::Laterality::Left ? sites::Side::Left : sites::Side::Right;
    out.push_back({side, detect::to_string(e.type), e.onset_s});
  }
}

}  // namespace

EegMeasures eeg_measures(const findings::RecordingFindings& f) {
  EegMeasures m;
  const auto& b = f.background;
  m.duration_s = f.recording.duration_s;
  m.clean_fraction = f.quality.clean_fraction;
  const auto& iv = b.intervals;
  m.encephalopathy_index = estimate(b.encephalopathy_index, iv.encephalopathy_index);
  if (b.pdr)
    m.pdr_hz = estimate(b.pdr->frequency_hz, iv.pdr_hz);
  m.pdr_absent_reason = b.pdr_absent_reason;
  m.relative_delta = estimate(relative_band(b, "delta"), iv.relative_delta);
  m.relative_theta = estimate(relative_band(b, "theta"), iv.relative_theta);
  m.delta_alpha_ratio = estimate(b.delta_alpha_ratio, iv.delta_alpha_ratio);
  m.bsi = point(b.bsi);
  m.suppression_fraction = point(f.continuity.suppressed_fraction);
  if (f.slowing) {
    m.slowing_grade = f.slowing->grade;
    m.slowing_distribution = f.slowing->distribution;
    if (f.slowing->focus)
      m.slowing_region = f.slowing->focus->region;
    if (f.slowing->focus && f.slowing->focus->side != sites::Side::Midline) {
      m.slowing_side = f.slowing->focus->side;
      m.lateralized.push_back(
          {f.slowing->focus->side,
           std::string("focal slowing (") + sites::to_string(f.slowing->focus->region) + ")", 0.0});
    }
  }
  const auto& e = f.epileptiform;
  m.spike_count = e.spike_count;
  m.spike_rate_per_h = e.spike_rate_per_h;
  m.spike_rate_low_per_h = e.spike_rate_low_per_h;
  m.spike_rate_high_per_h = e.spike_rate_high_per_h;
  m.analysed_s = e.analysed_s;
  m.detection_requested = findings::detection_enabled(f.parameters).value_or(false);
  m.patterns = e.patterns;
  for (const auto& p : e.patterns)
    m.pattern_fraction = std::max(m.pattern_fraction, p.fraction);
  m.seizure_count = e.seizures.seizure_count;
  m.seizure_burden_min_per_h = e.seizures.seizure_burden_max_min_per_h;
  m.electrographic_status = e.seizures.electrographic_status;
  if (e.dominant_focus && (e.dominant_focus->side == "left" || e.dominant_focus->side == "right"))
    m.lateralized.push_back(
        {e.dominant_focus->side == "left" ? sites::Side::Left : sites::Side::Right,
         "spikes (" + e.dominant_focus->electrode + ")", 0.0});
  add_lateralized_events(f.events, m.lateralized);
  std::stable_sort(m.lateralized.begin(), m.lateralized.end(),
                   [](const auto& x, const auto& y) { return x.onset_s < y.onset_s; });
  return m;
}

bool has_epileptiform_pattern(const EegMeasures& m) noexcept {
  return m.seizure_count > 0 || std::any_of(m.patterns.begin(), m.patterns.end(),
                                            [](const auto& p) { return p.episodes > 0; });
}

}  // namespace eegtrack::clinical
