// ACNS prevalence and duration categories of detected patterns, and the parameter listing.

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "eegtrack/detect/pattern_detector.hpp"

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

PrevalenceCategory prevalence_category(double fraction) {
  if (fraction <= 0.0)
    return PrevalenceCategory::None;
  if (fraction < 0.01)
    return PrevalenceCategory::Rare;
  if (fraction < 0.10)
    return PrevalenceCategory::Occasional;
  if (fraction < 0.50)
    return PrevalenceCategory::Frequent;
  if (fraction < 0.90)
    return PrevalenceCategory::Abundant;
  return PrevalenceCategory::Continuous;
}

DurationCategory duration_category(double duration_s) {
  if (duration_s < 10.0)
    return DurationCategory::VeryBrief;
  if (duration_s < 60.0)
    return DurationCategory::Brief;
  if (duration_s < 300.0)
    return DurationCategory::Intermediate;
  if (duration_s < 3600.0)
    return DurationCategory::Long;
  return DurationCategory::VeryLong;
}

const char* to_string(PrevalenceCategory category) noexcept {
  constexpr std::array<const char*, 6> kNames = {"none",     "rare",     "occasional",
                                                 "frequent", "abundant", "continuous"};
  return kNames[static_cast<std::size_t>(category)];
}

const char* to_string(DurationCategory category) noexcept {
  constexpr std::array<const char*, 5> kNames = {"very_brief", "brief", "intermediate", "long",
                                                 "very_long"};
  return kNames[static_cast<std::size_t>(category)];
}

namespace {

// Length of the union of [onset, onset + duration) intervals.
double union_length(std::vector<std::pair<double, double>> spans) {
  std::sort(spans.begin(), spans.end());
  double total = 0.0;
  double end = -1e300;
  for (const auto& [a, b] : spans) {
    const double from = std::max(a, end);
    if (b > from)
      total += b - from;
    end = std::max(end, b);
  }
  return total;
}

}  // namespace

std::vector<PatternPrevalence> pattern_prevalence(std::span<const Event> events,
                                                  double analysed_s) {
  if (!(analysed_s > 0.0))
    throw std::invalid_argument("pattern_prevalence: analysed_s must be > 0 (" +
                                std::to_string(analysed_s) + ")");
  constexpr std::array<EventType, 5> kTypes = {EventType::GPD, EventType::LPD, EventType::BIPD,
                                               EventType::GRDA, EventType::LRDA};
  std::vector<PatternPrevalence> out;
  for (EventType type : kTypes) {
    PatternPrevalence p;
    p.type = type;
    std::vector<std::pair<double, double>> spans;
    std::vector<double> durations;
    for (const Event& e : events) {
      if (e.type != type)
        continue;
      spans.emplace_back(e.onset_s, e.onset_s + e.duration_s);
      durations.push_back(e.duration_s);
    }
    p.episodes = static_cast<int>(spans.size());
    p.covered_s = union_length(spans);
    p.fraction = std::min(1.0, p.covered_s / analysed_s);
    p.prevalence = prevalence_category(p.fraction);
    if (!durations.empty()) {
      std::sort(durations.begin(), durations.end());
      p.median_duration_s = durations[durations.size() / 2];
    }
    p.duration = duration_category(p.median_duration_s);
    out.push_back(p);
  }
  return out;
}

}  // namespace eegtrack::detect
