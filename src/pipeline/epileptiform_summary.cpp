#include "eegtrack/pipeline/epileptiform_summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace eegtrack::pipeline {
namespace {

using detect::EventType;

bool is_discharge(EventType t) {
  return t == EventType::Spike || t == EventType::Sharp;
}

std::vector<DischargeRate> ranked(const std::map<std::string, int>& counts, double hours) {
  std::vector<DischargeRate> out;
  for (const auto& [name, count] : counts)
    out.push_back({name, count, hours > 0.0 ? count / hours : 0.0});
  std::stable_sort(out.begin(), out.end(), [](const DischargeRate& a, const DischargeRate& b) {
    return a.count > b.count;
  });
  return out;
}

int helps_points(const EpileptiformSummary& s, const std::vector<detect::Event>& events) {
  bool lateralized = false, fast = false, plus = false;
  for (const auto& e : events) {
    const bool pattern = e.type == EventType::GPD || e.type == EventType::LPD ||
                         e.type == EventType::BIPD || e.type == EventType::GRDA ||
                         e.type == EventType::LRDA;
    lateralized = lateralized || e.type == EventType::LPD || e.type == EventType::LRDA ||
                  e.type == EventType::BIPD;
    fast = fast || (pattern && std::isfinite(e.frequency_hz) && e.frequency_hz > 2.0);
    plus = plus || (pattern && e.modifiers.find('+') != std::string::npos);
  }
  return (s.bird_count > 0 ? 2 : 0) + (lateralized ? 1 : 0) + (s.spike_count > 0 ? 1 : 0) +
         (fast ? 1 : 0) + (plus ? 1 : 0);
}

}  // namespace

EpileptiformSummary summarize_epileptiform(const DetectionResult& result) {
  EpileptiformSummary s;
  s.analysed_h = result.analysed_s / 3600.0;
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
    s.spike_rate_per_h = rates.per_hour;
    for (const auto& r : rates.by_channel)
      s.per_electrode.push_back({r.name, r.count, r.per_hour});
    std::stable_sort(
        s.per_electrode.begin(), s.per_electrode.end(),
        [](const DischargeRate& a, const DischargeRate& b) { return a.count > b.count; });
    s.per_region = ranked(by_region, s.analysed_h);
    s.patterns = detect::pattern_prevalence(result.events, result.analysed_s);
  }
  if (!s.per_electrode.empty() && s.per_electrode.front().name != "unknown") {
    const auto& top = s.per_electrode.front();
    s.dominant_focus = DominantFocus{
        top.name,  where[top.name].first, where[top.name].second,
        top.count, top.rate_per_h,        static_cast<double>(top.count) / s.spike_count};
  }
  s.seizures = detect::seizure_burden(result.events);
  s.two_helps2b_eeg_points = helps_points(s, result.events);
  return s;
}

}  // namespace eegtrack::pipeline
