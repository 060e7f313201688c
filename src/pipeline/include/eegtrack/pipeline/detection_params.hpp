#pragma once

#include "eegtrack/detect/patterns/pattern_params.hpp"
#include "eegtrack/detect/rhythm/bird_params.hpp"
#include "eegtrack/detect/rhythm/seizure_assembly.hpp"
#include "eegtrack/detect/rhythm/seizure_params.hpp"
#include "eegtrack/detect/spikes/ied_params.hpp"
#include "eegtrack/features/artifacts.hpp"
#include "eegtrack/io/montage.hpp"

namespace eegtrack::pipeline {

/// Epileptiform detection inside `eegtrack analyze` (docs/epileptiform.md).
struct DetectionParams {
  bool enabled = true;
  /// Montage of the detection views: bipolar chains for phase reversal and for recordings
  /// that cannot be re-referenced. The detectors' main view is the common average when the
  /// recording allows it (their validation montage), else the channels as recorded.
  io::MontageKind bipolar_montage = io::MontageKind::LongitudinalBipolar;
  detect::IedParams ied{};
  detect::PatternParams patterns{};
  detect::SeizureParams seizures{};
  detect::BirdParams birds{};
  /// Pieces of one ictal rhythm (BIRDs, RDA/PD fragments, short seizures) assembled into one
  /// seizure (detect/rhythm/seizure_assembly.hpp).
  detect::AssemblyParams assembly{};
  /// Technical artifacts that void events: an event is dropped when its leading (largest)
  /// channel, or more than max_masked_channel_fraction of its channels, touch an electrode
  /// with one of these reasons in an epoch the event overlaps. High amplitude and muscle are not
  /// among them: seizures are often large and carry muscle.
  features::ArtifactReason exclude_reasons = features::ArtifactReason::Flat |
                                             features::ArtifactReason::Clipping |
                                             features::ArtifactReason::ElectrodePop;
  double max_masked_channel_fraction = 0.5;
  /// Rates per hour and ACNS prevalence categories need this much analysed EEG (heuristic:
  /// 10 min, half of a routine 20-min recording). Below it a recording reports its counts, the
  /// time analysed and a 95 % interval, and says the rate is insufficient.
  double min_analysed_for_rates_s = 600.0;
};

}  // namespace eegtrack::pipeline
