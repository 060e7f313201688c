#pragma once
// Hand-built events for the export tests: every event type, every kind of missing field, a
// hostile channel label.

#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::exports::test {

/// Sorted by onset: a spike at 3.5 s (focus T7, no frequency), an LPD at 20 s (1.5 Hz, +F,
/// left temporal), a GRDA at 60 s (2 Hz, no region, no focus), a seizure at 100.25 s for
/// 31.0977 s (2.8 Hz, right frontal, focus F4, channels F4-C4 and a label with a tab and a
/// line break in it).
[[nodiscard]] std::vector<detect::Event> sample_events();

}  // namespace eegtrack::exports::test
