#pragma once

#include <cstddef>
#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect {

/// What reconcile_events removed.
struct ReconcileCounts {
  std::size_t discharges_in_patterns = 0;  ///< spikes/sharps inside a PD train or a seizure
  std::size_t birds_in_seizures = 0;       ///< BIRDs inside a seizure
  std::size_t patterns_in_seizures = 0;    ///< PDs and RDA lying wholly inside a seizure
};

/// Merges the outputs of the detectors into one event list, so that one discharge is not
/// counted twice: a spike or sharp wave whose onset lies inside a periodic-discharge train
/// (GPD, LPD, BIPD) or a seizure (widened by `margin_s` on both sides) on a compatible side
/// belongs to that pattern and is removed (CLINICAL.md §6.1: report IEDs excluding those in
/// PD/RDA trains; triphasic GPDs must not be counted as spikes); a BIRD inside a seizure, and a
/// periodic or rhythmic pattern lying wholly inside one, are part of the seizure. Sides are
/// compatible when equal or when either is bilateral, midline or unknown. Returns the remaining
/// events sorted with sort_events.
[[nodiscard]] std::vector<Event> reconcile_events(std::vector<Event> events,
                                                  ReconcileCounts* counts = nullptr,
                                                  double margin_s = 0.25);

}  // namespace eegtrack::detect
