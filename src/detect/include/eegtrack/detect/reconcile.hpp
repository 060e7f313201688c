#pragma once

#include <cstddef>
#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect {

/// What reconcile_events removed.
struct ReconcileCounts {
  std::size_t discharges_in_patterns = 0;  ///< spikes/sharps inside a PD, RDA or seizure
  std::size_t rda_in_periodic = 0;         ///< GRDA/LRDA overlapping a PD (coded PD+R)
  std::size_t birds_in_seizures = 0;       ///< BIRDs inside a seizure
  std::size_t patterns_in_seizures = 0;    ///< PDs and RDA lying wholly inside a seizure
};

/// Merges the outputs of the detectors into one event list, so that one discharge is not
/// counted twice (docs/clinical-background.md §6.1: IEDs are reported excluding those in PD/RDA
/// trains; triphasic GPDs must not be counted as spikes). Sides are compatible when equal or when
/// either is bilateral, midline or unknown; spans are widened by `margin_s` on both sides.
/// - GRDA/LRDA overlapping a PD (GPD, LPD, BIPD) on a compatible side is removed and the PD
///   gets the ACNS modifier "+R" (a pattern that is both is coded PD+R);
/// - a spike or sharp wave whose onset lies inside rhythmic delta is removed and the RDA gets
///   "+S"; one inside a PD train or a seizure is removed;
/// - a BIRD inside a seizure, and a PD or RDA lying wholly inside one, are part of the seizure.
/// Returns the remaining events sorted with sort_events.
[[nodiscard]] std::vector<Event> reconcile_events(std::vector<Event> events,
                                                  ReconcileCounts* counts = nullptr,
                                                  double margin_s = 0.25);

}  // namespace eegtrack::detect
