#pragma once

// Seizure burden and electrographic status epilepticus (ACNS 2021 ESE) over detected seizures.

#include <span>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect {

/// Seizure burden and electrographic status epilepticus over a list of events (other event
/// types are ignored; overlapping seizures are merged first).
struct SeizureBurden {
  int seizure_count = 0;
  double longest_seizure_s = 0.0;
  /// Minutes of seizure in the worst 60-min sliding window (0-60), "min per h".
  double seizure_burden_max_min_per_h = 0.0;
  double worst_hour_start_s = 0.0;  ///< start of that window (true time)
  /// ESE: a seizure >= 10 continuous minutes, or >= 12 min (20 %) in some 60-min window.
  bool electrographic_status = false;
};

[[nodiscard]] SeizureBurden seizure_burden(std::span<const Event> events);

}  // namespace eegtrack::detect
