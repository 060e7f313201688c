#pragma once

// ACNS prevalence and duration of the periodic and rhythmic patterns over a recording.

#include <span>
#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect {

/// ACNS prevalence: continuous >= 90 %, abundant 50-89 %, frequent 10-49 %, occasional 1-9 %,
/// rare < 1 % of the record (or epoch). Insufficient: the record is too short for a category to
/// describe it (set by the caller that knows the minimum, pipeline::DetectionParams).
enum class PrevalenceCategory {
  None,
  Rare,
  Occasional,
  Frequent,
  Abundant,
  Continuous,
  Insufficient
};
/// ACNS duration: very brief < 10 s, brief 10-59 s, intermediate 1-4.9 min, long 5-59 min,
/// very long >= 1 h.
enum class DurationCategory { VeryBrief, Brief, Intermediate, Long, VeryLong };

[[nodiscard]] PrevalenceCategory prevalence_category(double fraction);
[[nodiscard]] DurationCategory duration_category(double duration_s);
/// "none", "rare", "occasional", "frequent", "abundant", "continuous", "insufficient".
[[nodiscard]] const char* to_string(PrevalenceCategory category) noexcept;
/// "very_brief", "brief", "intermediate", "long", "very_long".
[[nodiscard]] const char* to_string(DurationCategory category) noexcept;

/// How much of the analysed time one pattern type covers.
struct PatternPrevalence {
  EventType type = EventType::GPD;
  int episodes = 0;        ///< events of this type
  double covered_s = 0.0;  ///< union of the events' spans
  double fraction = 0.0;   ///< covered_s / analysed_s
  PrevalenceCategory prevalence = PrevalenceCategory::None;
  double median_duration_s = 0.0;  ///< typical episode duration (0 without episodes)
  /// Exact 95 % Poisson interval of the episode count per hour of analysed EEG, at any
  /// duration (one episode in 40 s: 0.6-125 /h): how little a short recording pins down.
  double episodes_low_per_h = 0.0;
  double episodes_high_per_h = 0.0;
  DurationCategory duration = DurationCategory::VeryBrief;  ///< of median_duration_s
};

/// Prevalence of GPD, LPD, BIPD, GRDA and LRDA (always five entries, in that order) among
/// `events` over `analysed_s` seconds of analysed EEG; other event types are ignored.
/// @throws std::invalid_argument if analysed_s <= 0.
[[nodiscard]] std::vector<PatternPrevalence> pattern_prevalence(std::span<const Event> events,
                                                                double analysed_s);

}  // namespace eegtrack::detect
