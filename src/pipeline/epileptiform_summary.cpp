#include "eegtrack/pipeline/epileptiform_summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "eegtrack/detect/patterns/pattern_prevalence.hpp"
#include "eegtrack/detect/rhythm/seizure_burden.hpp"
#include "eegtrack/detect/spikes/ied_rates.hpp"
#include "eegtrack/dsp/poisson_interval.hpp"

namespace eegtrack::pipeline {
namespace {

using detect::EventType;
using findings::DischargeRate;

bool is_discharge(EventType t) {
  return t == EventType::Spike || t == EventType::Sharp;
}

// Rates only when the recording is long enough for them: a count over a minute is not a rate.
std::optional<double> rate(int count, double hours, bool long_enough) {
  if (!long_enough || !(hours > 0.0))
    return std::nullopt;
  return count / hours;
}

std::vector<DischargeRate> ranked(const std::map<std::string, int>& counts, double hours,
                                  bool long_enough) {
  std::vector<DischargeRate> out;
  for (const auto& [name, count] : counts)
    out.push_back({name, count, rate(count, hours, long_enough)});
  std::stable_sort(out.begin(), out.end(), [](const DischargeRate& a, const DischargeRate& b) {
    return a.count > b.count;
  });
  return out;
}

}  // namespace

findings::Epileptiform summarize_epileptiform(const DetectionResult& result,
                                              double min_analysed_for_rates_s) {
  findings::Epileptiform s;
  s.analysed_s = result.analysed_s;
  s.main_montage = result.main_montage;
  s.main_channels = result.main_channels;
  s.bipolar_channels = result.bipolar_channels;
  s.reconciled = result.reconciled;
  s.events_dropped_for_artifacts = result.dropped_for_artifacts;
  s.warnings = result.warnings;
  const double analysed_h = result.analysed_s / 3600.0;
  std::map<std::string, int> by_region;  // "<side> <region>": ied_rates counts regions only
  std::map<std::string, std::pair<std::string, std::string>> where;  // electrode -> side, region
  for (const auto& e : result.events) {
    if (e.type == EventType::BIRD)
      ++s.bird_count;
    if (!is_discharge(e.type))
      continue;
    const std::string region = e.region ? sites::to_string(*e.region) : "";
    where[e.focus.empty() ? "unknown" : e.focus] = {sites::to_string(e.side), region};
    ++by_region[std::string(sites::to_string(e.side)) + " " +
                (region.empty() ? "unlocalized" : region)];
  }
  if (result.analysed_s > 0.0) {
    const auto rates = detect::ied_rates(result.events, result.analysed_s);
    s.spike_count = rates.total;
    s.long_enough_for_rates = result.analysed_s >= min_analysed_for_rates_s;
    if (s.long_enough_for_rates)
      s.spike_rate_per_h = rates.per_hour;
    const auto interval = dsp::poisson_count_interval(rates.total);
    s.spike_rate_low_per_h = interval.low / analysed_h;
    s.spike_rate_high_per_h = interval.high / analysed_h;
    for (const auto& r : rates.by_channel)
      s.per_electrode.push_back(
          {r.name, r.count, rate(r.count, analysed_h, s.long_enough_for_rates)});
    std::stable_sort(
        s.per_electrode.begin(), s.per_electrode.end(),
        [](const DischargeRate& a, const DischargeRate& b) { return a.count > b.count; });
    s.per_region = ranked(by_region, analysed_h, s.long_enough_for_rates);
    s.patterns = detect::pattern_prevalence(result.events, result.analysed_s);
    if (!s.long_enough_for_rates)
      for (auto& p : s.patterns)
        p.prevalence = detect::PrevalenceCategory::Insufficient;
  }
  if (!s.per_electrode.empty() && s.per_electrode.front().name != "unknown") {
    const auto& top = s.per_electrode.front();
    s.dominant_focus = findings::DominantFocus{
        top.name,  where[top.name].first, where[top.name].second,
        top.count, top.rate_per_h,        static_cast<double>(top.count) / s.spike_count};
  }
  s.burden_window_s = std::min(3600.0, result.analysed_s);
  const auto burden = detect::seizure_burden(result.events);
  s.seizures = {burden.seizure_count, burden.longest_seizure_s, burden.seizure_burden_max_min_per_h,
                burden.electrographic_status};
  return s;
}

}  // namespace eegtrack::pipeline
