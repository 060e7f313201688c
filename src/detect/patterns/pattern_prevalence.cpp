// ACNS prevalence and duration categories of detected patterns.

#include "eegtrack/detect/patterns/pattern_prevalence.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "eegtrack/dsp/poisson_interval.hpp"
#include "eegtrack/dsp/robust_stats.hpp"

namespace eegtrack::detect {

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
  constexpr std::array<const char*, 7> kNames = {
      "none", "rare", "occasional", "frequent", "abundant", "continuous", "insufficient"};
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
    if (!durations.empty())
      p.median_duration_s = dsp::median(durations, dsp::EvenMedian::Upper);
    p.duration = duration_category(p.median_duration_s);
    const auto interval = dsp::poisson_count_interval(p.episodes);
    p.episodes_low_per_h = interval.low / (analysed_s / 3600.0);
    p.episodes_high_per_h = interval.high / (analysed_s / 3600.0);
    out.push_back(p);
  }
  return out;
}

}  // namespace eegtrack::detect
