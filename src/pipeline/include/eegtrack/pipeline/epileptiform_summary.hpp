#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/detect/patterns/pattern_prevalence.hpp"
#include "eegtrack/detect/rhythm/seizure_burden.hpp"
#include "eegtrack/detect/spikes/ied_rates.hpp"
#include "eegtrack/pipeline/detection_runner.hpp"

namespace eegtrack::pipeline {

/// Interictal discharge rate at one electrode or region.
struct DischargeRate {
  std::string name;  ///< focus electrode ("T7", "unknown") or "<side> <region>" ("left temporal")
  int count = 0;
  double rate_per_h = 0.0;
};

/// The focus with the most spikes and sharp waves.
struct DominantFocus {
  std::string electrode;
  std::string side;
  std::string region;
  int count = 0;
  double rate_per_h = 0.0;
  double share = 0.0;  ///< fraction of all discharges at this electrode
};

/// Per-recording counts and rates of the epileptiform events (summary.json "epileptiform").
struct EpileptiformSummary {
  double analysed_h = 0.0;
  int spike_count = 0;  ///< spikes and sharp waves after reconciliation
  double spike_rate_per_h = 0.0;
  std::vector<DischargeRate> per_electrode;  ///< by focus electrode, highest rate first
  std::vector<DischargeRate> per_region;     ///< by side and region, highest rate first
  std::optional<DominantFocus> dominant_focus;
  detect::SeizureBurden seizures{};
  std::vector<detect::PatternPrevalence> patterns;  ///< GPD, LPD, BIPD, GRDA, LRDA
  int bird_count = 0;
  /// The EEG items of 2HELPS2B (Struck et al., JAMA Neurol 2017; CLINICAL.md §5.4): BIRDs 2,
  /// LPD/LRDA/BIPD 1, sporadic discharges 1, any periodic/rhythmic pattern > 2 Hz 1, plus
  /// features 1. The clinical item (prior seizure) is not known to eegtrack and not included.
  int two_helps2b_eeg_points = 0;
};

/// Counts, rates, seizure burden and pattern prevalence of a detection result.
[[nodiscard]] EpileptiformSummary summarize_epileptiform(const DetectionResult& result);

}  // namespace eegtrack::pipeline
