#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eegtrack/detect/patterns/pattern_prevalence.hpp"
#include "eegtrack/detect/reconcile.hpp"

namespace eegtrack::findings {

/// Interictal discharge rate at one electrode or region.
struct DischargeRate {
  std::string name;  ///< focus electrode ("T7", "unknown") or "<side> <region>" ("left temporal")
  int count = 0;
  /// Absent when the recording is too short for rates (Epileptiform::long_enough_for_rates).
  std::optional<double> rate_per_h;
  friend bool operator==(const DischargeRate&, const DischargeRate&) = default;
};

/// The focus with the most spikes and sharp waves.
struct DominantFocus {
  std::string electrode;
  std::string side;
  std::string region;
  int count = 0;
  std::optional<double> rate_per_h;  ///< absent when the recording is too short for rates
  double share = 0.0;                ///< fraction of all discharges at this electrode
  friend bool operator==(const DominantFocus&, const DominantFocus&) = default;
};

/// Seizure count and burden (detect::seizure_burden without the position of the worst hour,
/// which no output carries).
struct SeizureBurden {
  int seizure_count = 0;
  double longest_seizure_s = 0.0;
  double seizure_burden_max_min_per_h = 0.0;  ///< minutes of seizure in the worst 60-min window
  bool electrographic_status = false;         ///< ACNS electrographic status epilepticus
  friend bool operator==(const SeizureBurden&, const SeizureBurden&) = default;
};

/// Counts, rates, burden and prevalence of the epileptiform events, and how the detectors ran
/// (summary.json "epileptiform").
struct Epileptiform {
  double analysed_s = 0.0;                    ///< EEG time the detectors saw
  std::string main_montage;                   ///< "average" or "referential"
  std::vector<std::string> main_channels;     ///< derivations of the main view
  std::vector<std::string> bipolar_channels;  ///< derivations of the bipolar view
  int spike_count = 0;                        ///< spikes and sharp waves after reconciliation
  /// Absent when the recording is too short for a rate (long_enough_for_rates false): a count
  /// over a minute is not extrapolated to an hour.
  std::optional<double> spike_rate_per_h;
  /// Exact 95 % Poisson interval of the spike rate, per hour, at any duration.
  double spike_rate_low_per_h = 0.0;
  double spike_rate_high_per_h = 0.0;
  /// analysed_s >= DetectionParams::min_analysed_for_rates_s: rates and pattern prevalences
  /// describe the recording; otherwise they are reported as counts over the time analysed,
  /// every rate is absent and every prevalence category is Insufficient.
  bool long_enough_for_rates = false;
  /// Window of the seizure burden: 60 min, or the whole analysed time when it is shorter.
  double burden_window_s = 0.0;
  std::vector<DischargeRate> per_electrode;  ///< by focus electrode, highest rate first
  std::vector<DischargeRate> per_region;     ///< by side and region, highest rate first
  std::optional<DominantFocus> dominant_focus;
  SeizureBurden seizures;
  std::vector<detect::PatternPrevalence> patterns;  ///< GPD, LPD, BIPD, GRDA, LRDA
  int bird_count = 0;
  detect::ReconcileCounts reconciled;
  std::size_t events_dropped_for_artifacts = 0;
  std::vector<std::string> warnings;  ///< detectors that could not run, and why
};

/// The detectors saw some of the recording. When not (--no-detect, or no channel they could
/// analyse), every count above is unknown rather than zero, and outputs must say so.
[[nodiscard]] inline bool detectors_ran(const Epileptiform& e) {
  return e.analysed_s > 0.0;
}

}  // namespace eegtrack::findings
