#pragma once

// Rules (a) and (b) can both find the same seizure (a 3-Hz discharge slowing to 1 Hz qualifies
// under (a) while it is fast, under (b) as a whole). Their events are held until no later event
// can overlap them, then overlapping ones are merged into one seizure.

#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::detect::detail {

/// Removes from `pending` and returns, merged, every group of overlapping events that ends
/// before `release_before_s` (pass +infinity to release everything). A merged event keeps the
/// earliest event's onset, side, region, focus and frequency, spans the union, lists every
/// channel, joins the modifiers and keeps the highest confidence.
[[nodiscard]] std::vector<Event> release_merged(std::vector<Event>& pending,
                                                double release_before_s);

}  // namespace eegtrack::detect::detail
