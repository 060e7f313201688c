#pragma once
// The measures of one recording that a follow-up places on the patient's timeline, taken from
// its findings (never from pipeline internals), each with its 95 % interval when the recording's
// own variability was measured (docs/findings.md, intervals).

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/detect/patterns/pattern_prevalence.hpp"
#include "eegtrack/features/slowing_grade.hpp"
#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::clinical {

/// A measured value and its 95 % interval; the interval is absent when the recording was too
/// short to measure its own variability, the value when the measure could not be computed.
struct Estimate {
  std::optional<double> value;
  std::optional<double> low;
  std::optional<double> high;
  friend bool operator==(const Estimate&, const Estimate&) = default;
};

/// A finding confined to one hemisphere, for comparison with focal signs at the bedside.
struct LateralizedFinding {
  sites::Side side = sites::Side::Left;
  std::string what;      ///< "focal slowing (temporal)", "LPD", "LRDA", "seizure", "spikes"
  double onset_s = 0.0;  ///< from the recording start; 0 for recording-level findings
  friend bool operator==(const LateralizedFinding&, const LateralizedFinding&) = default;
};

/// What the follow-up needs of one recording.
struct EegMeasures {
  double duration_s = 0.0;
  double clean_fraction = 0.0;
  Estimate encephalopathy_index;  ///< [0, 1], rises with slowing
  Estimate pdr_hz;                ///< value absent: no posterior dominant rhythm
  std::string pdr_absent_reason;  ///< why there is no PDR ("" when there is one)
  Estimate relative_delta;
  Estimate relative_theta;
  Estimate delta_alpha_ratio;
  Estimate bsi;
  Estimate suppression_fraction;
  std::optional<features::SlowingGrade> slowing_grade;  ///< absent when not graded
  features::SlowingDistribution slowing_distribution = features::SlowingDistribution::None;
  std::optional<sites::Side> slowing_side;      ///< side of focal slowing
  std::optional<sites::Region> slowing_region;  ///< region of focal slowing
  int spike_count = 0;
  std::optional<double> spike_rate_per_h;  ///< absent when too short for a rate
  double spike_rate_low_per_h = 0.0;
  double spike_rate_high_per_h = 0.0;
  double analysed_s = 0.0;  ///< EEG time the detectors saw
  /// Detection was on for the recording (its parameters): with analysed_s 0 the detectors ran
  /// but could read nothing (flat, clipped or popping channels), rather than not running.
  bool detection_requested = false;
  /// Largest share of the analysed time covered by one periodic or rhythmic pattern type
  /// (GPD, LPD, BIPD, GRDA, LRDA), [0, 1].
  double pattern_fraction = 0.0;
  std::vector<detect::PatternPrevalence> patterns;  ///< the five types, in the findings' order
  int seizure_count = 0;
  double seizure_burden_min_per_h = 0.0;
  bool electrographic_status = false;
  std::vector<LateralizedFinding> lateralized;  ///< in onset order
};

/// The follow-up measures of one recording's findings.
[[nodiscard]] EegMeasures eeg_measures(const findings::RecordingFindings& findings);

/// The detectors saw some of the recording; when not, its counts of events are unknown.
[[nodiscard]] inline bool detectors_ran(const EegMeasures& measures) noexcept {
  return measures.analysed_s > 0.0;
}

/// Whether the recording holds any periodic or rhythmic pattern episode or any seizure.
[[nodiscard]] bool has_epileptiform_pattern(const EegMeasures& measures) noexcept;

}  // namespace eegtrack::clinical
